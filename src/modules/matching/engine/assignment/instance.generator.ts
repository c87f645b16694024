import { createSeededRandom, type SeededRandom } from '../../../../shared/random/seeded-random';
import type { AssignmentInstance } from './assignment.types';

/**
 * Synthetic assignment instances for benchmarks and tests, reproducible from a seed.
 *
 * The shape mimics a matching desk: municipalities of very different sizes, units clustered in
 * neighbourhoods, clients concentrated in the larger towns (so demand and supply do not line up
 * everywhere), each client allowed only units near them (hard rules drop the rest), scores that
 * favour nearby units and are rounded to 0.001 (so ties occur), and caps on about half the
 * neighbourhoods and a third of the municipalities, many of them binding.
 */
export interface AssignmentInstanceShape {
  clients: number;
  units: number;
  pairsPerClient: number;
  municipalities: number;
  neighbourhoods: number;
  /** Side of the square the region covers, in km. */
  areaKm: number;
  /** Share of clients that already have a pair under review (`fixed`). */
  fixedShare: number;
  seed: number;
}

/** The benchmark's "region": about the size of Noord- en Midden-Limburg (14 municipalities). */
export const REGION_SHAPE: AssignmentInstanceShape = {
  clients: 3_000,
  units: 1_000,
  pairsPerClient: 50,
  municipalities: 14,
  neighbourhoods: 400,
  areaKm: 70,
  fixedShare: 0,
  seed: 20_240_001,
};

/** The benchmark's "national": every municipality of the Netherlands. */
export const NATIONAL_SHAPE: AssignmentInstanceShape = {
  clients: 50_000,
  units: 20_000,
  pairsPerClient: 50,
  municipalities: 342,
  neighbourhoods: 8_000,
  areaKm: 250,
  fixedShare: 0,
  seed: 20_240_002,
};

/**
 * Priority tiers and capacity groups added to a generated instance (`withPriorities`), from their
 * own seed so the instance itself stays what it was.
 */
export interface PriorityShape {
  /** Share of clients who are urgent. */
  urgentShare: number;
  /** Waits are drawn in [0, maxWaitDays] and given in id order, longest first. */
  maxWaitDays: number;
  /** Care providers; each client has one. */
  providers: number;
  /** Share of clients needing intensive support: their pairs use the group (provider, municipality). */
  intensiveShare: number;
  /** Capacity of a group, with likelihood (what the provider can still deliver there). */
  capacities: readonly (readonly [number, number])[];
  seed: number;
}

/** About what a Dutch region sees: few urgent clients, waits up to three years, scarce support. */
export const PRIORITY_SHAPE: PriorityShape = {
  urgentShare: 0.05,
  maxWaitDays: 1_095,
  providers: 25,
  intensiveShare: 0.3,
  capacities: [
    [0, 0.15],
    [1, 0.35],
    [2, 0.3],
    [3, 0.2],
  ],
  seed: 20_240_013,
};

/**
 * The instance with urgency, waits and capacity groups. Clients are numbered in id order, which
 * callers keep in `readySince` order, so waits fall with the id. An intensive-support client's
 * pairs all use the group of their provider in the unit's municipality.
 */
export function withPriorities(
  instance: AssignmentInstance,
  shape: PriorityShape,
): AssignmentInstance {
  const random = createSeededRandom(shape.seed);
  const waits = instance.clients.map(() => random.int(0, shape.maxWaitDays)).sort((a, b) => b - a);
  const byId = [...instance.clients].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const waitOf = new Map(byId.map((client, i) => [client.id, waits[i] ?? 0]));
  const providerOf = new Map<string, number>();
  const clients = instance.clients.map((client) => {
    if (random.chance(shape.intensiveShare)) {
      providerOf.set(client.id, random.int(1, shape.providers));
    }
    return {
      id: client.id,
      urgent: random.chance(shape.urgentShare),
      waitDays: waitOf.get(client.id) ?? 0,
    };
  });
  const municipalityOf = new Map(instance.units.map((unit) => [unit.id, unit.municipality]));
  const groups: Record<string, number> = {};
  const pairs = instance.pairs.map((pair) => {
    const provider = providerOf.get(pair.client);
    if (provider === undefined) return pair;
    const group = `P${pad(provider, 2)}@${municipalityOf.get(pair.unit) ?? ''}`;
    if (!Object.hasOwn(groups, group)) groups[group] = random.weighted(shape.capacities);
    return { ...pair, group };
  });
  return { ...instance, clients, pairs, groups };
}

interface Place {
  x: number;
  y: number;
}

const NEIGHBOURHOOD_POLICY_CAP = 3;
/** Placements and open proposals a neighbourhood already holds, with their likelihood. */
const CURRENT_LOAD: readonly (readonly [number, number])[] = [
  [0, 0.5],
  [1, 0.3],
  [2, 0.15],
  [3, 0.05],
];

/** How many nearby units a client's allowed pairs are drawn from. */
const CANDIDATE_FACTOR = 3;

export function generateAssignmentInstance(shape: AssignmentInstanceShape): AssignmentInstance {
  const random = createSeededRandom(shape.seed);

  // Municipalities: a few large towns, many small ones.
  const municipalities = Array.from({ length: shape.municipalities }, (_, i) => ({
    code: `GM${pad(i + 1, 4)}`,
    centre: { x: random.float() * shape.areaKm, y: random.float() * shape.areaKm },
    weight: 0.1 + Math.pow(-Math.log(1 - random.float()), 1.5),
    neighbourhoods: 0,
  }));
  const maxWeight = Math.max(...municipalities.map((m) => m.weight));
  const radiusOf = (weight: number): number => 2 + 6 * Math.sqrt(weight / maxWeight);

  // Neighbourhoods: at least one per municipality, the rest by size.
  const municipalityPick = cumulative(municipalities.map((m) => m.weight));
  const neighbourhoodMunicipality = Array.from({ length: shape.neighbourhoods }, (_, i) =>
    i < municipalities.length ? i : pickIndex(random, municipalityPick),
  );
  const neighbourhoods = neighbourhoodMunicipality.map((mi) => {
    const municipality = at(municipalities, mi);
    municipality.neighbourhoods++;
    const number = municipality.neighbourhoods;
    return {
      code: `BU${municipality.code.slice(2)}${pad(number, 4)}`,
      municipality: municipality.code,
      place: scatter(random, municipality.centre, radiusOf(municipality.weight)),
      weight: (0.3 + 1.4 * random.float()) * municipality.weight,
    };
  });
  for (const [i, neighbourhood] of neighbourhoods.entries()) {
    const municipality = at(municipalities, at(neighbourhoodMunicipality, i));
    neighbourhood.weight /= municipality.neighbourhoods;
  }

  // Units: clustered in their neighbourhood.
  const neighbourhoodPick = cumulative(neighbourhoods.map((n) => n.weight));
  const units = Array.from({ length: shape.units }, (_, i) => {
    const neighbourhood = at(neighbourhoods, pickIndex(random, neighbourhoodPick));
    return {
      id: `u${pad(i + 1, 6)}`,
      neighbourhood: neighbourhood.code,
      municipality: neighbourhood.municipality,
      place: scatter(random, neighbourhood.place, 0.6),
    };
  });

  // Clients: concentrated in the larger towns, more so than the homes are.
  const clientPick = cumulative(municipalities.map((m) => Math.pow(m.weight, 1.3)));
  const clients = Array.from({ length: shape.clients }, (_, i) => {
    const municipality = at(municipalities, pickIndex(random, clientPick));
    return {
      id: `c${pad(i + 1, 6)}`,
      place: scatter(random, municipality.centre, 1.3 * radiusOf(municipality.weight)),
      /** Everything about the client that raises all its scores alike (waiting time, urgency). */
      lift: random.float(),
    };
  });

  // Pairs: each client gets pairsPerClient of its nearest units, nearer ones more likely.
  const grid = new UnitGrid(
    units.map((u) => u.place),
    shape.areaKm,
  );
  const pairs: AssignmentInstance['pairs'] = [];
  const candidatesWanted = Math.min(units.length, shape.pairsPerClient * CANDIDATE_FACTOR);
  const chosen = new Map<string, string>();
  for (const client of clients) {
    const nearest = grid.nearest(client.place, candidatesWanted);
    const picks = nearest
      .map((candidate, rank) => ({
        candidate,
        key: rank / nearest.length + 0.6 * random.float(),
      }))
      .sort((a, b) => a.key - b.key)
      .slice(0, shape.pairsPerClient);
    for (const { candidate } of picks) {
      const unit = at(units, candidate.index);
      const nearness = Math.exp(-candidate.distance / 8);
      const raw = 0.45 * nearness + 0.25 * client.lift + 0.3 * random.float();
      const score = Math.min(1, Math.max(0, Math.round(raw * 1000) / 1000));
      pairs.push({ client: client.id, unit: unit.id, score });
    }
    if (picks.length > 0 && random.chance(shape.fixedShare)) {
      const unit = at(units, random.pick(picks).candidate.index);
      if (!chosen.has(unit.id)) chosen.set(unit.id, client.id);
    }
  }

  // Caps: per neighbourhood a small number (often binding), per municipality a share of its units.
  const unitsPerMunicipality = new Map<string, number>();
  for (const unit of units) {
    unitsPerMunicipality.set(
      unit.municipality,
      (unitsPerMunicipality.get(unit.municipality) ?? 0) + 1,
    );
  }
  // A neighbourhood's cap is what the policy cap leaves after its current load.
  const neighbourhoodCaps: Record<string, number> = {};
  for (const neighbourhood of neighbourhoods) {
    if (random.chance(0.6)) {
      const load = random.weighted(CURRENT_LOAD);
      neighbourhoodCaps[neighbourhood.code] = NEIGHBOURHOOD_POLICY_CAP - load;
    }
  }
  const municipalityCaps: Record<string, number> = {};
  for (const municipality of municipalities) {
    const count = unitsPerMunicipality.get(municipality.code) ?? 0;
    if (count > 0 && random.chance(0.3)) {
      municipalityCaps[municipality.code] = Math.round(count * (0.4 + 0.5 * random.float()));
    }
  }

  const instance: AssignmentInstance = {
    clients: clients.map(({ id }) => ({ id })),
    units: units.map(({ id, neighbourhood, municipality }) => ({
      id,
      neighbourhood,
      municipality,
    })),
    caps: { neighbourhoods: neighbourhoodCaps, municipalities: municipalityCaps },
    pairs,
  };
  if (shape.fixedShare > 0) {
    instance.fixed = [...chosen].map(([unit, client]) => ({ client, unit }));
  }
  return instance;
}

/** Units bucketed in 2 km cells, for nearest-neighbour look-ups. */
class UnitGrid {
  private readonly cellKm = 2;
  private readonly side: number;
  private readonly cellStart: Int32Array;
  private readonly cellUnits: Int32Array;

  constructor(
    private readonly places: readonly Place[],
    areaKm: number,
  ) {
    this.side = Math.max(1, Math.ceil(areaKm / this.cellKm));
    const cellOf = places.map((place) => this.cellOf(place));
    this.cellStart = new Int32Array(this.side * this.side + 1);
    for (const cell of cellOf) this.cellStart[cell + 1] = (this.cellStart[cell + 1] ?? 0) + 1;
    for (let i = 0; i < this.side * this.side; i++) {
      this.cellStart[i + 1] = (this.cellStart[i + 1] ?? 0) + (this.cellStart[i] ?? 0);
    }
    this.cellUnits = new Int32Array(places.length);
    const fill = this.cellStart.slice();
    cellOf.forEach((cell, index) => {
      const slot = fill[cell] ?? 0;
      this.cellUnits[slot] = index;
      fill[cell] = slot + 1;
    });
  }

  /** The `count` nearest units, nearest first; ring by ring until the ring is beyond them. */
  nearest(place: Place, count: number): { index: number; distance: number }[] {
    const cx = this.clampCell(place.x);
    const cy = this.clampCell(place.y);
    const found: { index: number; distance: number }[] = [];
    for (let ring = 0; ring <= this.side; ring++) {
      for (let gx = cx - ring; gx <= cx + ring; gx++) {
        for (let gy = cy - ring; gy <= cy + ring; gy++) {
          const onRing = Math.max(Math.abs(gx - cx), Math.abs(gy - cy)) === ring;
          if (!onRing || gx < 0 || gy < 0 || gx >= this.side || gy >= this.side) continue;
          const cell = gx * this.side + gy;
          const end = this.cellStart[cell + 1] ?? 0;
          for (let i = this.cellStart[cell] ?? 0; i < end; i++) {
            const index = this.cellUnits[i] ?? 0;
            const unit = at(this.places, index);
            found.push({ index, distance: Math.hypot(unit.x - place.x, unit.y - place.y) });
          }
        }
      }
      // Everything within `ring` cells is in; stop once that covers the count-th nearest.
      if (found.length >= count) {
        found.sort((a, b) => a.distance - b.distance || a.index - b.index);
        if (at(found, count - 1).distance <= ring * this.cellKm || ring === this.side) {
          return found.slice(0, count);
        }
      }
    }
    found.sort((a, b) => a.distance - b.distance || a.index - b.index);
    return found.slice(0, count);
  }

  private cellOf(place: Place): number {
    return this.clampCell(place.x) * this.side + this.clampCell(place.y);
  }

  private clampCell(coordinate: number): number {
    return Math.min(this.side - 1, Math.max(0, Math.floor(coordinate / this.cellKm)));
  }
}

function scatter(random: SeededRandom, centre: Place, radiusKm: number): Place {
  const angle = random.float() * 2 * Math.PI;
  const r = radiusKm * Math.sqrt(random.float());
  return { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
}

function cumulative(weights: readonly number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, i) => {
    total += weight;
    sums[i] = total;
  });
  return sums;
}

/** Index drawn with probability proportional to its weight (binary search on the sums). */
function pickIndex(random: SeededRandom, sums: Float64Array): number {
  const roll = random.float() * (sums[sums.length - 1] ?? 0);
  let lo = 0;
  let hi = sums.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sums[mid] ?? 0) > roll) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`index ${index} out of range`);
  return item;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
