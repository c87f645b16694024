export interface LatLon {
  lat: number;
  lon: number;
}

/** Mean Earth radius (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;
const RADIANS_PER_DEGREE = Math.PI / 180;

export function toRadians(degrees: number): number {
  return degrees * RADIANS_PER_DEGREE;
}

/**
 * Haversine distance from latitudes and longitudes in radians and the cosines of the latitudes.
 * The matching engine's single-pair and bulk paths both call this with values computed the same
 * way, so they agree to the last bit.
 */
export function haversineFromRadians(
  lat1: number,
  lon1: number,
  cosLat1: number,
  lat2: number,
  lon2: number,
  cosLat2: number,
): number {
  const sinHalfDLat = Math.sin((lat2 - lat1) / 2);
  const sinHalfDLon = Math.sin((lon2 - lon1) / 2);
  const h = sinHalfDLat * sinHalfDLat + cosLat1 * cosLat2 * sinHalfDLon * sinHalfDLon;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Great-circle distance in km. */
export function haversineKm(from: LatLon, to: LatLon): number {
  const lat1 = toRadians(from.lat);
  const lat2 = toRadians(to.lat);
  return haversineFromRadians(
    lat1,
    toRadians(from.lon),
    Math.cos(lat1),
    lat2,
    toRadians(to.lon),
    Math.cos(lat2),
  );
}

/** The Netherlands' bounding box (with a margin for the Wadden and South Limburg). */
export const NETHERLANDS_BOUNDS = { minLat: 50.7, maxLat: 53.7, minLon: 3.2, maxLon: 7.3 } as const;

export function inNetherlands({ lat, lon }: LatLon): boolean {
  return (
    lat >= NETHERLANDS_BOUNDS.minLat &&
    lat <= NETHERLANDS_BOUNDS.maxLat &&
    lon >= NETHERLANDS_BOUNDS.minLon &&
    lon <= NETHERLANDS_BOUNDS.maxLon
  );
}
