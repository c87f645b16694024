/**
 * Bulk pair generation: every allowed client–unit pair with its score and breakdown, in
 * columnar form for the assignment stage. It never looks at every pair: per client it visits
 * only units of the client's routes near an anchor or the centre of the municipality of belonging
 * (kdbush) and in preferred municipalities, then applies the rules cheapest first. The result
 * equals `evaluatePair` over all pairs (a property test checks this, bit for bit).
 *
 * Two phases: the first finds the allowed units per client and their location score (12 bytes a
 * pair); the second allocates the output at its exact size and fills it. Allocation is what
 * costs at millions of pairs, so the output is never grown or copied.
 */
import {
  SCORE_CRITERIA,
  type Stimulus,
  STIMULUS_LEVELS,
} from '../../../../shared/domain/vocabulary';
import type { EngineClient, EngineUnit, MatchingContext } from '../engine.types';
import {
  ACCESS_GROUND_FLOOR_OR_LIFT,
  ACCESS_WHEELCHAIR,
  buildUnitTable,
  CandidateIndex,
  RULE_INDEX,
  type UnitTable,
  unitTypeBit,
} from './candidate-index';
import {
  clientFacts,
  type ClientFacts,
  closerThan,
  type RadianPoint,
  urgencyOf,
} from './client-facts';
import { haversineFromRadians } from './geo';
import {
  HARD_RULE_CODES,
  hardRuleCodesOf,
  type HardRuleCode,
  type HardRuleScope,
} from './hard-rule-codes';
import { isParked } from './hard-rules';
import { type SupportChoice, supportFor } from './pair-facts';
import {
  daysWaiting,
  maxDistanceKmFor,
  type PreparedContext,
  prepareContext,
} from './prepared-context';
import {
  begeleidingScore,
  extraBedrooms,
  fitScore,
  locationScore,
  prikkelarmScore,
  scarcityPenaltyTotal,
  supportHeadroom,
  weightedScore,
} from './soft-scores';

/*
 * An imported binding is a property read on the module object (a getter for a re-export) on
 * every use; the hot loops use these module constants instead, read once at load.
 */
const HAVERSINE = haversineFromRadians;
const CLOSER_THAN = closerThan;
const WHEELCHAIR = ACCESS_WHEELCHAIR;
const GROUND_FLOOR_OR_LIFT = ACCESS_GROUND_FLOOR_OR_LIFT;
const LOCATION = locationScore;
const BEGELEIDING = begeleidingScore;
const SCARCITY = scarcityPenaltyTotal;
const EXTRA_BEDROOMS = extraBedrooms;
const FIT = fitScore;
const WEIGHTED = weightedScore;

/** Number of soft criteria per pair in `GeneratedPairs.breakdown`. */
export const CRITERIA_PER_PAIR = SCORE_CRITERIA.length;

export interface PairGenerationStats {
  clients: number;
  units: number;
  /** Clients that pass the client rules (consent, not parked). */
  matchableClients: number;
  /** Units that pass the unit rules (availability, caps). */
  matchableUnits: number;
  /** Distinct client–unit pairs examined: the work done, far below clients × units. */
  candidatesVisited: number;
  allowedPairs: number;
  /** Clients left out, by the first client rule they fail. */
  clientsExcluded: Partial<Record<HardRuleCode, number>>;
  /** Units left out, by the first unit rule they fail. */
  unitsExcluded: Partial<Record<HardRuleCode, number>>;
  /**
   * Visited pairs not allowed, by the first pair rule they fail (in the fixed rule order). Units
   * of a type outside the client's routes, or outside the searched area, are not visited at all.
   */
  candidatesExcluded: Partial<Record<HardRuleCode, number>>;
}

/** A capacity group: provider P delivering intensive support in municipality M. */
export interface CapacityGroup {
  providerId: string;
  municipalityCode: string;
  /** Places left: stated capacity minus the provider's clients placed or proposed there. */
  capacity: number;
}

/**
 * The allowed pairs as columns, ordered by client index, then unit index. Pair i is client
 * `clients[clientIndex[i]]` with unit `units[unitIndex[i]]`; its breakdown is
 * `breakdown[i·5 … i·5+4]` in the order of SCORE_CRITERIA.
 */
export interface GeneratedPairs {
  count: number;
  clientIndex: Int32Array;
  unitIndex: Int32Array;
  /** The fit of each pair, as `evaluatePair` gives it (what a matcher sees). */
  score: Float64Array;
  /**
   * The fit normalised per client, what the assignment maximises within the tiers:
   * 1 − (the client's best score − this score). Every client's best home is worth 1, so a
   * criterion that lowers all of one client's pairs alike (a busy provider, a need few homes meet)
   * never makes that client less likely to be housed.
   */
  fit: Float64Array;
  /**
   * Empty when generated without breakdowns (`{ breakdowns: false }`): a run needs them only for
   * the few pairs it proposes, and takes those from `evaluatePair`; writing five numbers for each
   * of millions of pairs was about a sixth of the generation's time.
   */
  breakdown: Float64Array;
  /** Per client of the input: 1 when urgent (confirmed, waited past maxWaitDays, must move soon). */
  clientUrgent: Uint8Array;
  /** Per client of the input: whole days since readySince (0 when not yet ready). */
  clientWait: Int32Array;
  /** Per pair: the index in `groups` of the capacity group the pair draws on, or −1. */
  pairGroup: Int32Array;
  groups: CapacityGroup[];
  policyVersion: number;
  stats: PairGenerationStats;
}

/** Per provider and intensity: who would support a client in municipality m, and how. */
interface SupportTable {
  choice: (SupportChoice | null)[];
  /** supportHeadroom of the chosen provider per municipality; NaN where none can. */
  headroom: Float64Array;
  /** The capacity group per municipality, once a pair has used it; −1 until then. */
  group: Int32Array;
}

function supportTable(
  prepared: PreparedContext,
  support: EngineClient['support'],
  municipalityIndex: ReadonlyMap<string, number>,
): SupportTable {
  const choice: (SupportChoice | null)[] = new Array<SupportChoice | null>(
    municipalityIndex.size,
  ).fill(null);
  const headroom = new Float64Array(municipalityIndex.size).fill(Number.NaN);
  for (const [code, m] of municipalityIndex) {
    const chosen = supportFor(support, code, prepared);
    choice[m] = chosen;
    if (chosen !== null) headroom[m] = supportHeadroom(chosen.coverage) ?? Number.NaN;
  }
  return { choice, headroom, group: new Int32Array(municipalityIndex.size).fill(-1) };
}

function indexById(items: readonly { id: string }[]): Map<string, number[]> {
  const byId = new Map<string, number[]>();
  items.forEach((item, index) => {
    const indices = byId.get(item.id);
    if (indices === undefined) byId.set(item.id, [index]);
    else indices.push(index);
  });
  return byId;
}

/**
 * The declined pairs as client index → unit indices. A key `a:b:c` is tried at every colon, so
 * ids that contain colons still match exactly the pairs `evaluatePair` would exclude.
 */
function declinedUnitsByClient(
  excludedPairs: ReadonlySet<string>,
  clients: readonly EngineClient[],
  units: readonly EngineUnit[],
): Map<number, Set<number>> {
  const result = new Map<number, Set<number>>();
  if (excludedPairs.size === 0) return result;
  const clientsById = indexById(clients);
  const unitsById = indexById(units);
  for (const key of excludedPairs) {
    for (let colon = key.indexOf(':'); colon >= 0; colon = key.indexOf(':', colon + 1)) {
      const clientIndices = clientsById.get(key.slice(0, colon));
      const unitIndices = unitsById.get(key.slice(colon + 1));
      if (clientIndices === undefined || unitIndices === undefined) continue;
      for (const c of clientIndices) {
        let declined = result.get(c);
        if (declined === undefined) {
          declined = new Set();
          result.set(c, declined);
        }
        for (const u of unitIndices) declined.add(u);
      }
    }
  }
  return result;
}

function countsByCode(
  counts: Float64Array,
  scope: HardRuleScope,
): Partial<Record<HardRuleCode, number>> {
  const result: Partial<Record<HardRuleCode, number>> = {};
  for (const code of hardRuleCodesOf(scope)) result[code] = counts[RULE_INDEX[code]] ?? 0;
  return result;
}

/** Appends the units of `from` not yet visited by this client; returns the new length. */
function appendUnvisited(
  from: Int32Array,
  stamp: number,
  visitedBy: Int32Array,
  candidates: Int32Array,
  length: number,
): number {
  let next = length;
  for (let i = 0; i < from.length; i++) {
    const u = from[i] as number;
    if (visitedBy[u] === stamp) continue;
    visitedBy[u] = stamp;
    candidates[next++] = u;
  }
  return next;
}

/**
 * Phase one's output: per client its allowed units (ascending) with their location scores, in
 * fixed-size chunks so that nothing is regrown or copied. A client's pairs lie in one chunk.
 */
class AllowedPairs {
  private static readonly CHUNK_PAIRS = 1 << 20;
  count = 0;
  readonly units: Int32Array[] = [];
  readonly locations: Float64Array[] = [];
  /** Where each client's pairs are: chunk, offset in it, and how many. */
  readonly clientChunk: Int32Array;
  readonly clientOffset: Int32Array;
  readonly clientCount: Int32Array;
  /** Pairs used in the last chunk. */
  private used = 0;
  /** A chunk's size: no more than the generation can hold (one unit's ranking holds few). */
  private readonly chunkPairs: number;

  constructor(clients: number, units: number) {
    this.chunkPairs = Math.min(AllowedPairs.CHUNK_PAIRS, clients * units);
    this.clientChunk = new Int32Array(clients);
    this.clientOffset = new Int32Array(clients);
    this.clientCount = new Int32Array(clients);
  }

  /** Room for `pairs` pairs of client `c`; returns the chunk index, the offset is `this.offset`. */
  reserve(c: number, pairs: number): number {
    const last = this.units.length - 1;
    if (last < 0 || this.used + pairs > (this.units[last] as Int32Array).length) {
      const capacity = Math.max(this.chunkPairs, pairs);
      this.units.push(new Int32Array(capacity));
      this.locations.push(new Float64Array(capacity));
      this.used = 0;
    }
    const chunk = this.units.length - 1;
    this.clientChunk[c] = chunk;
    this.clientOffset[c] = this.used;
    this.clientCount[c] = pairs;
    this.used += pairs;
    this.count += pairs;
    return chunk;
  }
}

interface Setting {
  clients: readonly EngineClient[];
  prepared: PreparedContext;
  table: UnitTable;
  index: CandidateIndex;
  supports: Map<string, SupportTable>;
  /** Per client, its facts (only for clients that reached phase one's pair rules). */
  facts: (ClientFacts | undefined)[];
  /** Counts of excluded clients, units and visited pairs, by position in HARD_RULES. */
  exclusions: Float64Array;
}

function supportOf(setting: Setting, support: EngineClient['support']): SupportTable {
  const key = `${support.intensity}|${support.providerId}`;
  let table = setting.supports.get(key);
  if (table === undefined) {
    table = supportTable(setting.prepared, support, setting.table.municipalityIndex);
    setting.supports.set(key, table);
  }
  return table;
}

/**
 * Points as flat columns, refilled per client, with the same distance arithmetic as `nearestOf`
 * (so both paths agree to the bit) but no allocation per call.
 */
class PointColumns {
  count = 0;
  private lat = new Float64Array(8);
  private lon = new Float64Array(8);
  private cos = new Float64Array(8);

  load(points: readonly RadianPoint[]): void {
    if (points.length > this.lat.length) {
      this.lat = new Float64Array(points.length);
      this.lon = new Float64Array(points.length);
      this.cos = new Float64Array(points.length);
    }
    this.count = points.length;
    for (let p = 0; p < points.length; p++) {
      const point = points[p] as RadianPoint;
      this.lat[p] = point.latRad;
      this.lon[p] = point.lonRad;
      this.cos[p] = point.cosLat;
    }
  }

  /** Km to the nearest point; Infinity when there is none. */
  nearestKm(latRad: number, lonRad: number, cosLat: number): number {
    let nearest = Number.POSITIVE_INFINITY;
    const { lat, lon, cos } = this;
    for (let p = 0; p < this.count; p++) {
      const distance = HAVERSINE(
        lat[p] as number,
        lon[p] as number,
        cos[p] as number,
        latRad,
        lonRad,
        cosLat,
      );
      if (distance < nearest) nearest = distance;
    }
    return nearest;
  }
}

/** The search radius of a set of routes: the largest acceptable distance of their types. */
function searchRadiusKm(prepared: PreparedContext, routes: readonly string[]): number {
  let radius = 0;
  for (const type of routes) radius = Math.max(radius, maxDistanceKmFor(prepared.ctx.policy, type));
  return radius;
}

/**
 * Phase one: per client, visit the candidate units, apply the client and pair rules (cheapest
 * first, in the fixed order of HARD_RULES, counting the first failure) and keep the allowed
 * units in ascending order with their location scores.
 */
function collectAllowedPairs(
  setting: Setting,
  units: readonly EngineUnit[],
): { allowed: AllowedPairs; matchableClients: number; candidatesVisited: number } {
  const { clients, prepared, table, index, exclusions } = setting;
  const { ctx } = prepared;
  const declined = declinedUnitsByClient(ctx.excludedPairs, clients, units);
  /** Every client of a municipality searches around the same centre: search it once. */
  const aroundCentre = new Map<string, Int32Array>();
  const minAvoidKm = prepared.rules.minDistanceKmFromAvoided;

  // Flat unit columns as locals: the hot loop then reads no object properties.
  const { typeBit, bedrooms, rent, access, stimulus, municipality, latRad, lonRad, cosLat } = table;
  const { petsAllowed, neighbourhood, corporation, maxDistanceKm } = table;
  const {
    UNIT_TYPE_NOT_IN_ROUTES,
    HOUSEHOLD_TOO_LARGE,
    RENT_ABOVE_MAX,
    RENT_ABOVE_HUURTOESLAG_LIMIT,
    NOT_WHEELCHAIR_ACCESSIBLE,
    NO_GROUND_FLOOR_OR_LIFT,
    STIMULUS_TOO_HIGH,
    PETS_NOT_ALLOWED,
    CORPORATION_AVOIDED,
    MUNICIPALITY_AVOIDED,
    NEIGHBOURHOOD_AVOIDED,
    TOO_CLOSE_TO_AVOIDED_AREA,
    SUPPORT_CANNOT_REACH,
    OUTSIDE_ACCEPTABLE_AREA,
    PAIR_DECLINED_BEFORE,
  } = RULE_INDEX;

  // Scratch, reused for every client; stamps (client index + 1) avoid clearing between clients.
  const visitedBy = new Int32Array(table.count);
  const candidates = new Int32Array(table.count);
  const near = new Int32Array(table.count);
  const passed = new Int32Array(table.count);
  const nearestKm = new Float64Array(table.count);
  const avoidedBy = new Int32Array(table.municipalityIndex.size);
  const preferredBy = new Int32Array(table.municipalityIndex.size);
  const preferenceRank = new Int32Array(table.municipalityIndex.size);
  const avoidedNeighbourhoodBy = new Int32Array(table.neighbourhoodIndex.size);
  const avoidedCorporationBy = new Int32Array(table.corporationIndex.size);
  // The client's network and avoidance points as flat columns: the hot loop allocates nothing.
  const network = new PointColumns();

  const allowed = new AllowedPairs(clients.length, units.length);
  let matchableClients = 0;
  let candidatesVisited = 0;

  for (let c = 0; c < clients.length; c++) {
    const client = clients[c] as EngineClient;
    if (!client.hasConsent) {
      exclusions[RULE_INDEX.NO_CONSENT] = (exclusions[RULE_INDEX.NO_CONSENT] as number) + 1;
      continue;
    }
    if (isParked(client.parkedUntil, prepared.today)) {
      exclusions[RULE_INDEX.CLIENT_PARKED] = (exclusions[RULE_INDEX.CLIENT_PARKED] as number) + 1;
      continue;
    }
    matchableClients++;
    const stamp = c + 1;
    let routes = 0;
    for (const type of client.routes) routes |= unitTypeBit(type);
    const facts = clientFacts(client, prepared);
    setting.facts[c] = facts;
    const radius = searchRadiusKm(prepared, client.routes);

    // Candidates: units of the client's types near each usable network point, then in preferred
    // municipalities; each unit once.
    const points = facts.points;
    let candidateCount = 0;
    for (const point of points) {
      let found: Int32Array;
      if (point.centre) {
        const key = `${client.municipalityOfBelonging}|${routes}|${radius}`;
        let cached = aroundCentre.get(key);
        if (cached === undefined) {
          cached = near.slice(0, index.unitsNear(routes, point.lat, point.lon, radius, near));
          aroundCentre.set(key, cached);
        }
        found = cached;
      } else {
        found = near.subarray(0, index.unitsNear(routes, point.lat, point.lon, radius, near));
      }
      candidateCount = appendUnvisited(found, stamp, visitedBy, candidates, candidateCount);
    }
    const preferred = client.preferredMunicipalities;
    for (let rank = 0; rank < preferred.length; rank++) {
      const code = preferred[rank] as string;
      const m = table.municipalityIndex.get(code);
      if (m === undefined || preferredBy[m] === stamp || facts.avoidMunicipalities.has(code)) {
        continue;
      }
      preferredBy[m] = stamp;
      preferenceRank[m] = rank;
      for (const inMunicipality of index.unitsIn(routes, m)) {
        candidateCount = appendUnvisited(
          inMunicipality,
          stamp,
          visitedBy,
          candidates,
          candidateCount,
        );
      }
    }
    candidatesVisited += candidateCount;
    if (candidateCount === 0) continue;

    for (const code of client.avoidMunicipalities) {
      const m = table.municipalityIndex.get(code);
      if (m !== undefined) avoidedBy[m] = stamp;
    }
    for (const code of client.avoidNeighbourhoods ?? []) {
      const n = table.neighbourhoodIndex.get(code);
      if (n !== undefined) avoidedNeighbourhoodBy[n] = stamp;
    }
    for (const id of client.avoidCorporations ?? []) {
      const k = table.corporationIndex.get(id);
      if (k !== undefined) avoidedCorporationBy[k] = stamp;
    }
    const needed = facts.bedroomsNeeded;
    const { maxRent } = client;
    const rentLimit = facts.huurtoeslagLimit?.amount ?? Number.POSITIVE_INFINITY;
    const needsWheelchair = client.needs.wheelchair;
    const needsGroundFloorOrLift = client.needs.groundFloorOrLift;
    const requiresLow = client.stimulusNeed === 'required';
    const hasPets = client.pets === true;
    network.load(points);
    const areas = facts.avoidedAreas;
    const checkAvoidance = areas.length > 0;
    const { choice } = supportOf(setting, client.support);
    const declinedUnits = declined.get(c);

    let passedCount = 0;
    for (let i = 0; i < candidateCount; i++) {
      const u = candidates[i] as number;
      const m = municipality[u] as number;
      const k = corporation[u] as number;
      let failure = -1;
      // The index only returns units of the client's types; the check stays for completeness.
      if (((typeBit[u] as number) & routes) === 0) failure = UNIT_TYPE_NOT_IN_ROUTES;
      else if ((bedrooms[u] as number) < needed) failure = HOUSEHOLD_TOO_LARGE;
      else if ((rent[u] as number) > maxRent) failure = RENT_ABOVE_MAX;
      else if ((rent[u] as number) > rentLimit) failure = RENT_ABOVE_HUURTOESLAG_LIMIT;
      else if (needsWheelchair && ((access[u] as number) & WHEELCHAIR) === 0) {
        failure = NOT_WHEELCHAIR_ACCESSIBLE;
      } else if (needsGroundFloorOrLift && ((access[u] as number) & GROUND_FLOOR_OR_LIFT) === 0) {
        failure = NO_GROUND_FLOOR_OR_LIFT;
      } else if (requiresLow && stimulus[u] !== 0) failure = STIMULUS_TOO_HIGH;
      else if (hasPets && petsAllowed[u] === 0) failure = PETS_NOT_ALLOWED;
      else if (k >= 0 && avoidedCorporationBy[k] === stamp) failure = CORPORATION_AVOIDED;
      else if (avoidedBy[m] === stamp) failure = MUNICIPALITY_AVOIDED;
      else if (avoidedNeighbourhoodBy[neighbourhood[u] as number] === stamp) {
        failure = NEIGHBOURHOOD_AVOIDED;
      } else if (
        checkAvoidance &&
        CLOSER_THAN(
          areas,
          minAvoidKm,
          latRad[u] as number,
          lonRad[u] as number,
          cosLat[u] as number,
        )
      ) {
        failure = TOO_CLOSE_TO_AVOIDED_AREA;
      } else if (choice[m] === null) failure = SUPPORT_CANNOT_REACH;
      else {
        const nearest = network.nearestKm(
          latRad[u] as number,
          lonRad[u] as number,
          cosLat[u] as number,
        );
        if (preferredBy[m] !== stamp && !(nearest <= (maxDistanceKm[u] as number))) {
          failure = OUTSIDE_ACCEPTABLE_AREA;
        } else if (declinedUnits?.has(u) === true) failure = PAIR_DECLINED_BEFORE;
        else nearestKm[u] = nearest;
      }
      if (failure < 0) passed[passedCount++] = u;
      else exclusions[failure] = (exclusions[failure] as number) + 1;
    }
    if (passedCount === 0) continue;

    // Ascending unit order, so the output is canonical whatever the index's order.
    const sorted = passed.subarray(0, passedCount).sort();
    const chunk = allowed.reserve(c, passedCount);
    const allowedUnit = allowed.units[chunk] as Int32Array;
    const allowedLocation = allowed.locations[chunk] as Float64Array;
    let at = allowed.clientOffset[c] as number;
    for (let i = 0; i < passedCount; i++) {
      const u = sorted[i] as number;
      const m = municipality[u] as number;
      const rank = preferredBy[m] === stamp ? (preferenceRank[m] as number) : -1;
      allowedUnit[at] = u;
      allowedLocation[at] = LOCATION(nearestKm[u] as number, rank, maxDistanceKm[u] as number);
      at++;
    }
  }
  return { allowed, matchableClients, candidatesVisited };
}

/** Phase two: the output columns at their exact size, with every score and breakdown. */
function scoreAllowedPairs(
  setting: Setting,
  allowed: AllowedPairs,
  breakdowns: boolean,
): Pick<
  GeneratedPairs,
  'clientIndex' | 'unitIndex' | 'score' | 'fit' | 'breakdown' | 'pairGroup' | 'groups'
> {
  const { clients, prepared, table } = setting;
  const { weights } = prepared.ctx.policy;
  const { scarcity } = prepared.rules;
  const total = allowed.count;
  const clientIndex = new Int32Array(total);
  const unitIndex = new Int32Array(total);
  const score = new Float64Array(total);
  const fit = new Float64Array(total);
  const breakdown = new Float64Array(breakdowns ? total * CRITERIA_PER_PAIR : 0);
  const pairGroup = new Int32Array(total).fill(-1);
  const groups: CapacityGroup[] = [];
  const groupIndex = new Map<string, number>();
  const fitByStimulus = new Float64Array(STIMULUS_LEVELS.length);
  const { municipality, stimulus, access, bedrooms } = table;
  const municipalityCodes = [...table.municipalityIndex.keys()];
  const spreidingOf = table.spreiding;
  const lowIndex = STIMULUS_LEVELS.indexOf('low');

  let at = 0;
  for (let c = 0; c < clients.length; c++) {
    const count = allowed.clientCount[c] as number;
    if (count === 0) continue;
    const client = clients[c] as EngineClient;
    const facts = setting.facts[c] as ClientFacts;
    const wait = facts.waitProgress;
    const needed = facts.bedroomsNeeded;
    const { intensity } = client.support;
    const intensive = intensity === 'intensive';
    const noWheelchairNeed = !client.needs.wheelchair;
    const noStimulusNeed = client.stimulusNeed === 'none';
    const { choice, headroom, group } = supportOf(setting, client.support);
    for (let s = 0; s < STIMULUS_LEVELS.length; s++) {
      fitByStimulus[s] = prikkelarmScore(client.stimulusNeed, STIMULUS_LEVELS[s] as Stimulus);
    }
    const chunk = allowed.clientChunk[c] as number;
    const allowedUnit = allowed.units[chunk] as Int32Array;
    const allowedLocation = allowed.locations[chunk] as Float64Array;
    const offset = allowed.clientOffset[c] as number;
    const first = at;
    let best = 0;
    for (let i = offset; i < offset + count; i++) {
      const u = allowedUnit[i] as number;
      const m = municipality[u] as number;
      const chosen = choice[m] as SupportChoice;
      const sLocation = allowedLocation[i] as number;
      const sSpreiding = spreidingOf[u] as number;
      const sPrikkelarm = fitByStimulus[stimulus[u] as number] as number;
      const sBegeleiding = BEGELEIDING(intensity, headroom[m] as number, chosen.own);
      const penalty = SCARCITY(
        noWheelchairNeed && ((access[u] as number) & WHEELCHAIR) !== 0,
        noStimulusNeed && stimulus[u] === lowIndex,
        EXTRA_BEDROOMS(bedrooms[u] as number, needed),
        scarcity,
      );
      clientIndex[at] = c;
      unitIndex[at] = u;
      const value = FIT(
        WEIGHTED(sLocation, sSpreiding, sPrikkelarm, sBegeleiding, weights),
        penalty,
      );
      score[at] = value;
      if (value > best) best = value;
      if (breakdowns) {
        const b = at * CRITERIA_PER_PAIR;
        breakdown[b] = sLocation;
        breakdown[b + 1] = sSpreiding;
        breakdown[b + 2] = sPrikkelarm;
        breakdown[b + 3] = sBegeleiding;
        breakdown[b + 4] = wait;
      }
      if (intensive) {
        let g = group[m] as number;
        if (g < 0) {
          // Several support tables (clients of different providers) can choose the same one.
          const key = `${chosen.providerId}\u0000${m}`;
          g = groupIndex.get(key) ?? groups.length;
          if (g === groups.length) {
            groupIndex.set(key, g);
            groups.push({
              providerId: chosen.providerId,
              municipalityCode: municipalityCodes[m] as string,
              capacity: chosen.coverage.capacity - chosen.coverage.used,
            });
          }
          group[m] = g;
        }
        pairGroup[at] = g;
      }
      at++;
    }
    for (let i = first; i < at; i++) fit[i] = 1 - (best - (score[i] as number));
  }
  return { clientIndex, unitIndex, score, fit, breakdown, pairGroup, groups };
}

/** Per client: urgent or not, and whole days waited (for the solver's tiers). */
function clientTiers(
  clients: readonly EngineClient[],
  prepared: PreparedContext,
): Pick<GeneratedPairs, 'clientUrgent' | 'clientWait'> {
  const clientUrgent = new Uint8Array(clients.length);
  const clientWait = new Int32Array(clients.length);
  clients.forEach((client, c) => {
    const days = daysWaiting(client, prepared);
    clientWait[c] = Math.min(days, 2 ** 31 - 1);
    clientUrgent[c] = urgencyOf(client, days, prepared) === null ? 0 : 1;
  });
  return { clientUrgent, clientWait };
}

/**
 * All allowed pairs with scores and, unless `breakdowns` is false, their breakdowns. Pure: the
 * same input gives the same output, bit for bit. Throws a RangeError on an invalid policy.
 */
export function generatePairs(
  clients: readonly EngineClient[],
  units: readonly EngineUnit[],
  ctx: MatchingContext,
  { breakdowns = true }: { breakdowns?: boolean } = {},
): GeneratedPairs {
  const prepared = prepareContext(ctx);
  const table = buildUnitTable(units, prepared);
  const exclusions = new Float64Array(HARD_RULE_CODES.length);
  let matchableUnits = 0;
  for (let u = 0; u < table.count; u++) {
    const failure = table.unitRuleFailure[u] as number;
    if (failure < 0) matchableUnits++;
    else exclusions[failure] = (exclusions[failure] as number) + 1;
  }
  const setting: Setting = {
    clients,
    prepared,
    table,
    index: new CandidateIndex(units, table, searchLatitudes(clients, ctx)),
    supports: new Map(),
    facts: new Array<ClientFacts | undefined>(clients.length),
    exclusions,
  };

  const { allowed, matchableClients, candidatesVisited } = collectAllowedPairs(setting, units);
  return {
    count: allowed.count,
    ...scoreAllowedPairs(setting, allowed, breakdowns),
    ...clientTiers(clients, prepared),
    policyVersion: ctx.policy.version,
    stats: {
      clients: clients.length,
      units: units.length,
      matchableClients,
      matchableUnits,
      candidatesVisited,
      allowedPairs: allowed.count,
      clientsExcluded: countsByCode(exclusions, 'client'),
      unitsExcluded: countsByCode(exclusions, 'unit'),
      candidatesExcluded: countsByCode(exclusions, 'pair'),
    },
  };
}

/** Latitudes of every point searched around, so the projection's margin covers them. */
function* searchLatitudes(
  clients: readonly EngineClient[],
  ctx: MatchingContext,
): Generator<number> {
  for (const client of clients) {
    for (const anchor of client.anchors) yield anchor.lat;
    const centre = ctx.municipalities.get(client.municipalityOfBelonging);
    if (centre !== undefined) yield centre.lat;
  }
}
