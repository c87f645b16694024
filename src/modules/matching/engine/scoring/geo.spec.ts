import fc from 'fast-check';

import { EARTH_RADIUS_KM, haversineKm, LocalProjection } from './geo';

describe('haversineKm', () => {
  it('measures a degree of latitude as about 111.2 km', () => {
    expect(haversineKm({ lat: 51, lon: 6 }, { lat: 52, lon: 6 })).toBeCloseTo(
      (Math.PI / 180) * EARTH_RADIUS_KM,
      9,
    );
  });

  it('agrees with the spherical law of cosines and is symmetric', () => {
    const point = fc.record({
      lat: fc.double({ min: 50.75, max: 53.5, noNaN: true }),
      lon: fc.double({ min: 3.4, max: 7.2, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, (a, b) => {
        const rad = Math.PI / 180;
        const cosine =
          Math.sin(a.lat * rad) * Math.sin(b.lat * rad) +
          Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lon - a.lon) * rad);
        const expected = EARTH_RADIUS_KM * Math.acos(Math.min(1, cosine));
        expect(haversineKm(a, b)).toBeCloseTo(expected, 3);
        expect(haversineKm(a, b)).toBe(haversineKm(b, a));
      }),
    );
  });
});

describe('LocalProjection', () => {
  it('never puts a point within a great-circle radius outside the search radius', () => {
    const lat = fc.double({ min: 50.75, max: 53.5, noNaN: true });
    const lon = fc.double({ min: 3.4, max: 7.2, noNaN: true });
    fc.assert(
      fc.property(lat, lat, lon, lon, lat, (latA, latB, lonA, lonB, reference) => {
        const projection = new LocalProjection(reference, 53.5);
        const planar = Math.hypot(
          projection.x(lonA) - projection.x(lonB),
          projection.y(latA) - projection.y(latB),
        );
        const greatCircle = haversineKm({ lat: latA, lon: lonA }, { lat: latB, lon: lonB });
        expect(planar).toBeLessThanOrEqual(projection.queryRadiusKm(greatCircle));
      }),
    );
  });
});
