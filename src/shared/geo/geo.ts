export interface LatLon {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km (haversine). */
export function distanceKm(a: LatLon, b: LatLon): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
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
