/**
 * Geography for synthetic populations (benchmarks, tests): the 14 municipalities of Noord- en
 * Midden-Limburg, and a national set of towns inside a rough outline of the Netherlands.
 * Centroids are approximate and populations rounded public figures; national codes are made up.
 */
import type { SeededRandom } from '../../../../shared/random/seeded-random';

export interface SyntheticMunicipality {
  code: string;
  lat: number;
  lon: number;
  /** Inhabitants, a weight for where units and clients are. */
  population: number;
}

/** Noord- en Midden-Limburg (docs/domain-overview.md): CBS codes and approximate centroids. */
export const NOORD_MIDDEN_LIMBURG: readonly SyntheticMunicipality[] = [
  { code: 'GM0983', lat: 51.37, lon: 6.172, population: 102_000 },
  { code: 'GM0984', lat: 51.526, lon: 5.975, population: 45_000 },
  { code: 'GM1507', lat: 51.454, lon: 6.052, population: 43_000 },
  { code: 'GM1894', lat: 51.33, lon: 5.978, population: 45_000 },
  { code: 'GM0889', lat: 51.276, lon: 6.06, population: 13_500 },
  { code: 'GM0893', lat: 51.6, lon: 6.034, population: 13_000 },
  { code: 'GM0907', lat: 51.698, lon: 5.973, population: 17_500 },
  { code: 'GM0957', lat: 51.194, lon: 5.987, population: 59_000 },
  { code: 'GM0988', lat: 51.252, lon: 5.706, population: 51_000 },
  { code: 'GM0946', lat: 51.286, lon: 5.748, population: 17_500 },
  { code: 'GM1640', lat: 51.25, lon: 5.89, population: 36_500 },
  { code: 'GM1641', lat: 51.158, lon: 5.89, population: 24_000 },
  { code: 'GM1669', lat: 51.15, lon: 6.06, population: 21_000 },
  { code: 'GM1711', lat: 51.103, lon: 5.872, population: 32_000 },
];

/** [lat, lon, population] of the larger Dutch cities. */
const CITIES: readonly (readonly [number, number, number])[] = [
  [52.37, 4.9, 930_000],
  [51.92, 4.48, 670_000],
  [52.08, 4.3, 560_000],
  [52.09, 5.12, 370_000],
  [51.44, 5.47, 240_000],
  [53.22, 6.57, 240_000],
  [51.56, 5.09, 225_000],
  [52.37, 5.22, 220_000],
  [51.59, 4.78, 185_000],
  [51.84, 5.86, 180_000],
  [52.21, 5.97, 165_000],
  [52.38, 4.64, 165_000],
  [51.98, 5.91, 165_000],
  [52.22, 6.89, 160_000],
  [52.16, 5.39, 160_000],
  [52.46, 4.82, 160_000],
  [51.69, 5.3, 160_000],
  [52.52, 6.09, 135_000],
  [52.16, 4.49, 130_000],
  [50.85, 5.69, 125_000],
  [51.81, 4.67, 120_000],
  [53.2, 5.8, 125_000],
  [52.04, 5.66, 120_000],
  [52.01, 4.36, 105_000],
  [52.63, 4.75, 110_000],
  [52.78, 6.9, 108_000],
  [51.37, 6.17, 102_000],
  [52.25, 6.16, 102_000],
  [51.77, 5.52, 95_000],
  [51.48, 5.66, 93_000],
  [52.22, 5.18, 92_000],
  [50.89, 5.98, 87_000],
  [52.52, 5.47, 79_000],
  [52.01, 4.71, 75_000],
  [52.64, 5.06, 74_000],
  [52.99, 6.56, 69_000],
  [51.19, 5.99, 59_000],
  [52.96, 4.76, 56_000],
  [51.5, 3.61, 49_000],
  [51.44, 3.57, 45_000],
];

/** A rough outline of the Netherlands as [lon, lat], clockwise from Zeeuws-Vlaanderen. */
const NETHERLANDS_OUTLINE: readonly (readonly [number, number])[] = [
  [3.37, 51.37],
  [3.6, 51.6],
  [4.0, 51.95],
  [4.5, 52.45],
  [4.65, 52.95],
  [4.8, 53.2],
  [5.5, 53.45],
  [6.2, 53.45],
  [7.2, 53.25],
  [7.05, 52.65],
  [7.05, 52.25],
  [6.7, 52.0],
  [6.0, 51.85],
  [6.2, 51.55],
  [6.25, 51.35],
  [6.1, 51.15],
  [6.05, 50.77],
  [5.68, 50.75],
  [5.63, 50.85],
  [5.8, 51.15],
  [5.2, 51.3],
  [4.4, 51.35],
];

export function insideNetherlands(lat: number, lon: number): boolean {
  let inside = false;
  const n = NETHERLANDS_OUTLINE.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi] = NETHERLANDS_OUTLINE[i] as readonly [number, number];
    const [xj, yj] = NETHERLANDS_OUTLINE[j] as readonly [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * About 340 municipalities, like the Netherlands: the cities above and smaller towns of 8,000 to
 * 60,000 inhabitants at random places inside the outline, at least 4 km from each other.
 */
export function nationalMunicipalities(random: SeededRandom, count = 340): SyntheticMunicipality[] {
  const result: SyntheticMunicipality[] = CITIES.map(([lat, lon, population], i) => ({
    code: `GM${String(9000 + i)}`,
    lat,
    lon,
    population,
  }));
  const minSeparationDeg = 0.04;
  while (result.length < count) {
    const lat = 50.75 + random.float() * 2.75;
    const lon = 3.4 + random.float() * 3.8;
    if (!insideNetherlands(lat, lon)) continue;
    const tooClose = result.some(
      (m) => Math.abs(m.lat - lat) < minSeparationDeg && Math.abs(m.lon - lon) < minSeparationDeg,
    );
    if (tooClose) continue;
    const population = Math.round(8_000 + Math.pow(random.float(), 2) * 52_000);
    result.push({ code: `GM${String(1000 + result.length)}`, lat, lon, population });
  }
  return result;
}
