/**
 * Seeded synthetic populations of units, clients and context for benchmarks and tests: units in
 * neighbourhoods in municipalities, clients with anchors near their municipality of belonging,
 * providers covering the municipalities around their base. No person data of any kind.
 */
import type { UnitType } from '../../../../shared/domain/vocabulary';
import { createSeededRandom, type SeededRandom } from '../../../../shared/random/seeded-random';
import type {
  EngineClient,
  EnginePolicy,
  EngineUnit,
  GeoPoint,
  MatchingContext,
  SupportCoverage,
} from '../engine.types';
import { amsterdamDayNumber, isoDateOf } from './calendar';
import { haversineKm } from './geo';
import {
  nationalMunicipalities,
  NOORD_MIDDEN_LIMBURG,
  type SyntheticMunicipality,
} from './synthetic-geography';

export type PopulationGeography = 'national' | 'noord-midden-limburg';

export interface PopulationOptions {
  seed: number;
  clients: number;
  units: number;
  geography: PopulationGeography;
  /** Defaults to 2025-06-02 12:00 Europe/Amsterdam. */
  now?: Date;
  policy?: Partial<EnginePolicy>;
}

export interface Population {
  clients: EngineClient[];
  units: EngineUnit[];
  context: MatchingContext;
}

/** The policy the benchmarks run with; a region's real policy is its own. */
export const BENCHMARK_POLICY: EnginePolicy = {
  version: 1,
  weights: { location: 0.3, spreiding: 0.2, prikkelarm: 0.15, begeleiding: 0.15, wait: 0.2 },
  neighbourhoodCap: 3,
  municipalityCaps: {},
  maxDistanceKm: 15,
  planningHorizonDays: 90,
};

/**
 * 2025 rent limits: most clients receive rent benefit, so corporations let to them up to the
 * aftoppingsgrens (lower for one or two persons); some can pay up to the social-rent limit.
 */
const CAP_LOW = 682.96;
const CAP_HIGH = 731.93;
const LIBERALISATION_LIMIT = 900.07;

const DEFAULT_NOW = new Date('2025-06-02T10:00:00Z');
const KM_PER_DEGREE_LAT = 111.2;
const NEAREST_MUNICIPALITIES = 8;

interface Neighbourhood {
  code: string;
  centre: GeoPoint;
}

interface Area extends SyntheticMunicipality {
  radiusKm: number;
  neighbourhoods: Neighbourhood[];
  /** Codes of the nearest other municipalities, nearest first. */
  nearest: string[];
}

function gaussian(random: SeededRandom): number {
  const u1 = 1 - random.float();
  const u2 = random.float();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

function offset(point: GeoPoint, northKm: number, eastKm: number): GeoPoint {
  const kmPerDegreeLon = KM_PER_DEGREE_LAT * Math.cos((point.lat * Math.PI) / 180);
  return { lat: point.lat + northKm / KM_PER_DEGREE_LAT, lon: point.lon + eastKm / kmPerDegreeLon };
}

function inDisc(random: SeededRandom, centre: GeoPoint, radiusKm: number): GeoPoint {
  const r = radiusKm * Math.sqrt(random.float());
  const angle = 2 * Math.PI * random.float();
  return offset(centre, r * Math.cos(angle), r * Math.sin(angle));
}

/** Weighted picks by binary search over cumulative weights: fast for 50,000 draws. */
function weightedPicker<T>(random: SeededRandom, items: readonly T[], weight: (item: T) => number) {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((item, i) => {
    total += weight(item);
    cumulative[i] = total;
  });
  return (): T => {
    const roll = random.float() * total;
    let low = 0;
    let high = items.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] as number) > roll) high = mid;
      else low = mid + 1;
    }
    return items[low] as T;
  };
}

function buildAreas(random: SeededRandom, geography: PopulationGeography): Area[] {
  const municipalities =
    geography === 'national' ? nationalMunicipalities(random) : [...NOORD_MIDDEN_LIMBURG];
  return municipalities.map((municipality) => {
    const radiusKm = 1 + 0.25 * Math.sqrt(municipality.population / 1000);
    const count = Math.max(2, Math.round(municipality.population / 8000));
    const neighbourhoods = Array.from({ length: count }, (_, i) => ({
      code: `BU${municipality.code.slice(2)}${String(i + 1).padStart(4, '0')}`,
      centre: inDisc(random, municipality, radiusKm),
    }));
    const nearest = municipalities
      .filter((other) => other.code !== municipality.code)
      .map((other) => ({ code: other.code, distance: haversineKm(municipality, other) }))
      .sort((a, b) => a.distance - b.distance)
      .slice(0, NEAREST_MUNICIPALITIES)
      .map((other) => other.code);
    return { ...municipality, radiusKm, neighbourhoods, nearest };
  });
}

interface Provider {
  id: string;
  base: GeoPoint;
  coverage: Map<string, SupportCoverage>;
}

function buildProviders(random: SeededRandom, areas: readonly Area[]): Provider[] {
  const count = Math.max(4, Math.round(areas.length / 3));
  const pickBase = weightedPicker(random, areas, (area) => area.population);
  const coverageFor = (): SupportCoverage => {
    const capacity = random.int(3, 30);
    return { capacity, used: random.chance(0.1) ? capacity : random.int(0, capacity - 1) };
  };
  const providers = Array.from({ length: count }, (_, i): Provider => {
    const base = pickBase();
    // Ambulant teams work in their own part of the region.
    const reachKm = 10 + random.float() * 20;
    const coverage = new Map<string, SupportCoverage>();
    for (const area of areas) {
      if (haversineKm(base, area) <= reachKm) coverage.set(area.code, coverageFor());
    }
    return { id: `P${String(i + 1).padStart(3, '0')}`, base, coverage };
  });
  // Every municipality has at least one provider: the nearest base takes it on.
  for (const area of areas) {
    if (providers.some((provider) => provider.coverage.has(area.code))) continue;
    const nearest = providers.reduce((best, provider) =>
      haversineKm(provider.base, area) < haversineKm(best.base, area) ? provider : best,
    );
    nearest.coverage.set(area.code, coverageFor());
  }
  return providers;
}

const UNIT_TYPE_WEIGHTS: readonly (readonly [UnitType, number])[] = [
  ['contingent', 72],
  ['omklap', 14],
  ['doorstroom', 10],
  ['skaeve_huis', 4],
];

function buildUnits(
  random: SeededRandom,
  areas: readonly Area[],
  count: number,
  today: number,
): EngineUnit[] {
  const pickArea = weightedPicker(random, areas, (area) => area.population);
  return Array.from({ length: count }, (_, i): EngineUnit => {
    const area = pickArea();
    const neighbourhood = random.pick(area.neighbourhoods);
    const type = random.weighted(UNIT_TYPE_WEIGHTS);
    const floor = random.weighted([
      [0, 40],
      [random.int(1, 4), 50],
      [random.int(5, 12), 10],
    ]);
    const hasLift = random.chance(floor >= 4 ? 0.85 : 0.2);
    return {
      id: `u${String(i + 1).padStart(6, '0')}`,
      type,
      municipalityCode: area.code,
      neighbourhoodCode: neighbourhood.code,
      location: offset(neighbourhood.centre, gaussian(random) * 0.4, gaussian(random) * 0.4),
      rent:
        Math.round(
          Math.min(LIBERALISATION_LIMIT, Math.max(430, 700 + gaussian(random) * 120)) * 100,
        ) / 100,
      bedrooms:
        type === 'skaeve_huis'
          ? 1
          : random.weighted([
              [0, 12],
              [1, 30],
              [2, 33],
              [3, 20],
              [4, 5],
            ]),
      floor: type === 'skaeve_huis' ? 0 : floor,
      hasLift: type === 'skaeve_huis' ? false : hasLift,
      wheelchairAccessible: (floor === 0 || hasLift) && random.chance(0.15),
      stimulus:
        type === 'skaeve_huis'
          ? 'low'
          : random.weighted([
              ['low', 25],
              ['medium', 50],
              ['high', 25],
            ]),
      availableFrom: isoDateOf(today + random.int(-90, 120)),
    };
  });
}

/** Most clients move on to a regular (contingent) home; some only via omklap or doorstroom. */
function routesFor(random: SeededRandom): UnitType[] {
  return [
    ...random.weighted<readonly UnitType[]>([
      [['contingent'], 50],
      [['contingent', 'omklap'], 15],
      [['omklap'], 12],
      [['contingent', 'doorstroom'], 10],
      [['doorstroom'], 8],
      [['skaeve_huis'], 3],
      [['skaeve_huis', 'doorstroom'], 2],
    ]),
  ];
}

function buildClients(
  random: SeededRandom,
  areas: readonly Area[],
  providers: readonly Provider[],
  count: number,
  today: number,
): EngineClient[] {
  const areaByCode = new Map(areas.map((area) => [area.code, area]));
  const pickArea = weightedPicker(random, areas, (area) => area.population);
  const coarse = (point: GeoPoint): GeoPoint => ({
    lat: Math.round(point.lat * 100) / 100,
    lon: Math.round(point.lon * 100) / 100,
  });
  return Array.from({ length: count }, (_, i): EngineClient => {
    const home = pickArea();
    const near = (): Area => areaByCode.get(random.pick(home.nearest)) ?? home;

    const anchorCount = random.weighted([
      [0, 10],
      [1, 40],
      [2, 35],
      [3, 15],
    ]);
    const anchors = Array.from({ length: anchorCount }, () => {
      const area = random.chance(0.75) ? home : near();
      return {
        ...coarse(inDisc(random, area, area.radiusKm * 1.5)),
        kind: random.pick(['family', 'work', 'daytime', 'support', 'other'] as const),
      };
    });

    const preferred: string[] = [];
    const preferredCount = random.weighted([
      [0, 25],
      [1, 35],
      [2, 25],
      [3, 15],
    ]);
    if (preferredCount > 0 && random.chance(0.6)) preferred.push(home.code);
    while (preferred.length < preferredCount) {
      const code = random.pick(home.nearest);
      if (!preferred.includes(code)) preferred.push(code);
    }
    const avoid: string[] = [];
    if (random.chance(0.08)) {
      const candidates = home.nearest.filter((code) => !preferred.includes(code));
      avoid.push(...random.shuffle(candidates).slice(0, random.int(1, 2)));
    }

    const [adults, children] = random.weighted<readonly [number, number]>([
      [[1, 0], 65],
      [[1, random.int(1, 3)], 15],
      [[2, 0], 10],
      [[2, random.int(1, 3)], 7],
      [[3, 0], 3],
    ]);
    const covering = providers.filter((provider) => provider.coverage.has(home.code));
    const provider =
      covering.length > 0 && random.chance(0.95) ? random.pick(covering) : random.pick(providers);
    const wheelchair = random.chance(0.03);
    const parked = random.chance(0.06);
    return {
      id: `c${String(i + 1).padStart(6, '0')}`,
      household: { adults, children },
      maxRent: random.chance(0.75)
        ? adults + children <= 2
          ? CAP_LOW
          : CAP_HIGH
        : LIBERALISATION_LIMIT,
      municipalityOfBelonging: home.code,
      preferredMunicipalities: preferred,
      avoidMunicipalities: avoid,
      anchors,
      stimulusNeed: random.weighted([
        ['required', 12],
        ['preferred', 25],
        ['none', 63],
      ]),
      support: {
        intensity: random.weighted([
          ['light', 35],
          ['regular', 50],
          ['intensive', 15],
        ]),
        providerId: provider.id,
      },
      needs: { wheelchair, groundFloorOrLift: wheelchair || random.chance(0.1) },
      routes: routesFor(random),
      readySince: isoDateOf(today - Math.round(-Math.log(1 - random.float()) * 180)),
      urgent: random.chance(0.08),
      hasConsent: random.chance(0.95),
      // Half of the parked clients were parked until a day that has passed.
      parkedUntil: parked
        ? isoDateOf(today + (random.chance(0.5) ? 1 : -1) * random.int(1, 60))
        : null,
    };
  });
}

/**
 * The fields added after the first populations (service costs, pets, clusters, rent benefit,
 * avoided neighbourhoods, …), drawn from their own stream so that every earlier field, and so
 * every earlier benchmark population, stays exactly as it was.
 */
function addLaterFields(
  seed: number,
  areas: readonly Area[],
  units: EngineUnit[],
  clients: EngineClient[],
  today: number,
): void {
  const random = createSeededRandom(seed + 1_000_003);
  const inCluster = new Map<string, number>();
  for (const unit of units) {
    unit.corporationId = `K${random.int(1, 6)}`;
    unit.serviceCosts = random.chance(0.6) ? random.int(5, 45) : 0;
    unit.petsAllowed = random.chance(0.75);
    unit.selfContained = random.chance(0.95);
    unit.furnished = unit.type === 'doorstroom' && random.chance(0.5);
    if (unit.type === 'skaeve_huis') {
      // Clusters of at most six per municipality, numbered in order of appearance.
      const placed = inCluster.get(unit.municipalityCode) ?? 0;
      inCluster.set(unit.municipalityCode, placed + 1);
      unit.clusterId = `S-${unit.municipalityCode}-${Math.floor(placed / 6) + 1}`;
    }
  }
  const areaByCode = new Map(areas.map((area) => [area.code, area]));
  for (const client of clients) {
    client.huurtoeslagEligible = client.maxRent < LIBERALISATION_LIMIT;
    client.under23 = random.chance(0.08);
    client.pets = random.chance(0.12);
    if (client.routes.includes('doorstroom') && random.chance(0.2)) {
      client.mustMoveBy = isoDateOf(today + random.int(0, 240));
    }
    const home = areaByCode.get(client.municipalityOfBelonging);
    if (home !== undefined && random.chance(0.03)) {
      client.avoidNeighbourhoods = [random.pick(home.neighbourhoods).code];
    }
  }
}

/** A reproducible population: the same options give the same units, clients and context. */
export function generatePopulation(options: PopulationOptions): Population {
  const random = createSeededRandom(options.seed);
  const now = options.now ?? DEFAULT_NOW;
  const today = amsterdamDayNumber(now);
  const areas = buildAreas(random, options.geography);
  const providers = buildProviders(random, areas);
  const units = buildUnits(random, areas, options.units, today);
  const clients = buildClients(random, areas, providers, options.clients, today);

  const neighbourhoodLoad = new Map<string, number>();
  const municipalityLoad = new Map<string, number>();
  const municipalityCaps: Record<string, number> = {};
  for (const area of areas) {
    let total = 0;
    for (const neighbourhood of area.neighbourhoods) {
      const load = random.weighted([
        [0, 55],
        [1, 25],
        [2, 12],
        [3, 8],
      ]);
      if (load > 0) neighbourhoodLoad.set(neighbourhood.code, load);
      total += load;
    }
    if (total > 0) municipalityLoad.set(area.code, total);
    if (random.chance(0.1)) municipalityCaps[area.code] = total + random.int(0, 3);
  }
  const totalPopulation = areas.reduce((sum, area) => sum + area.population, 0);
  addLaterFields(options.seed, areas, units, clients, today);

  const unitsByMunicipality = new Map<string, EngineUnit[]>();
  for (const unit of units) {
    const list = unitsByMunicipality.get(unit.municipalityCode);
    if (list === undefined) unitsByMunicipality.set(unit.municipalityCode, [unit]);
    else list.push(unit);
  }
  const excludedPairs = new Set<string>();
  for (const client of clients) {
    const local = unitsByMunicipality.get(client.municipalityOfBelonging);
    if (local !== undefined && random.chance(0.02)) {
      excludedPairs.add(`${client.id}:${random.pick(local).id}`);
    }
  }

  return {
    clients,
    units,
    context: {
      now,
      policy: { ...BENCHMARK_POLICY, municipalityCaps, ...options.policy },
      municipalities: new Map(areas.map((area) => [area.code, { lat: area.lat, lon: area.lon }])),
      neighbourhoods: new Map(
        areas.flatMap((area) =>
          area.neighbourhoods.map((n) => [n.code, { municipalityCode: area.code, ...n.centre }]),
        ),
      ),
      load: { neighbourhoods: neighbourhoodLoad, municipalities: municipalityLoad },
      fairShare: new Map(areas.map((area) => [area.code, area.population / totalPopulation])),
      coverage: new Map(providers.map((provider) => [provider.id, provider.coverage])),
      excludedPairs,
    },
  };
}
