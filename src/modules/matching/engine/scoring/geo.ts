/**
 * Distances. The rules use the great-circle (haversine) distance; the candidate index uses a
 * flat local projection only to find candidates, with a margin so it never misses one.
 */
import { EARTH_RADIUS_KM, toRadians } from '../../../../shared/geo/geo';

export {
  EARTH_RADIUS_KM,
  haversineFromRadians,
  haversineKm,
  toRadians,
} from '../../../../shared/geo/geo';

/**
 * Equirectangular projection to km around a reference latitude: x = R·λ·cos φ₀, y = R·φ.
 * North–south distances are exact; east–west ones are stretched by cos φ₀ / cos φ, which is why
 * `queryRadiusKm` widens the search radius.
 */
export class LocalProjection {
  private readonly kmPerRadianX: number;
  /** How much wider a search must be to cover a great-circle radius anywhere in the data. */
  private readonly stretch: number;

  /**
   * @param referenceLat latitude (degrees) of the projection's centre, e.g. the data's mean
   * @param maxAbsLat the largest |latitude| (degrees) of any point projected or searched around
   */
  constructor(referenceLat: number, maxAbsLat: number) {
    const cosRef = Math.cos(toRadians(referenceLat));
    const cosMax = Math.cos(toRadians(Math.min(89, Math.abs(maxAbsLat))));
    this.kmPerRadianX = EARTH_RADIUS_KM * cosRef;
    this.stretch = Math.max(1, cosRef / cosMax);
  }

  x(lon: number): number {
    return toRadians(lon) * this.kmPerRadianX;
  }

  y(lat: number): number {
    return toRadians(lat) * EARTH_RADIUS_KM;
  }

  /**
   * A planar radius that contains every point within `greatCircleKm` of the centre: the
   * projection's stretch, 1 % for the flat-earth approximation, and a term that grows with the
   * square of the radius for very large radii.
   */
  queryRadiusKm(greatCircleKm: number): number {
    const relative = greatCircleKm / EARTH_RADIUS_KM;
    return greatCircleKm * this.stretch * (1.01 + 2 * relative * relative) + 1e-6;
  }
}
