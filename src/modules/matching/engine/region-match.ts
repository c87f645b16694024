/**
 * One region's matching, end to end and pure: generate and score the allowed pairs, build the
 * compact assignment instance (open proposals as fixed pairs, caps less the placements), solve it
 * exactly and greedily, and return the new assignment with each pair's score, breakdown, hard-rule
 * results and policy version. The service's worker thread calls only this, so the instance is
 * built in exactly one place.
 */
import type { ScoreBreakdown } from '../../../shared/domain/vocabulary';
import {
  MICRO_POINTS,
  NO_CAP,
  type CompactAssignmentInstance,
  type CompactAssignmentSolution,
} from './assignment/assignment.types';
import { toMicroPoints } from './assignment/compact-instance';
import type { ExactFlowCache } from './assignment/exact-flow';
import { solveCompactGreedy } from './assignment/greedy';
import { solveCompactOptimal } from './assignment/optimal';
import type { EngineClient, EngineUnit, MatchingContext, RuleResult } from './engine.types';
import { scoredPairAt } from './scoring/candidate-ranking';
import { evaluatePreparedPair } from './scoring/pair-evaluator';
import {
  generatePairs,
  type GeneratedPairs,
  type PairGenerationStats,
} from './scoring/pair-generator';
import { prepareContext } from './scoring/prepared-context';
import {
  type CapArea,
  capAreasOf,
  comparePairsByTier,
  passedOverReport,
  type PassedOverReason,
} from './scoring/priorities';

/** An open proposal: kept as it is, its unit and client out of the solve, its load on the caps. */
export interface FixedPair {
  clientId: string;
  unitId: string;
  neighbourhoodCode: string;
  municipalityCode: string;
}

export interface RegionMatchInput {
  /** Units open to matching (available), in id order. */
  units: readonly EngineUnit[];
  /**
   * Clients open to matching (waiting), in the solver's tie-break order: `readySince`, then id.
   */
  clients: readonly EngineClient[];
  fixed: readonly FixedPair[];
  /** `load` counts placements within the cap window plus the open proposals (the fixed pairs). */
  context: MatchingContext;
}

export interface MatchedPair {
  unitId: string;
  clientId: string;
  /** The fit a matcher sees (`evaluatePair`'s score). */
  score: number;
  /** The fit normalised per client: what the assignment maximised within the tiers. */
  fit: number;
  urgent: boolean;
  waitDays: number;
  breakdown: ScoreBreakdown;
  rules: RuleResult[];
  policyVersion: number;
  /** The provider that would deliver the support; null when none is needed. */
  supportProviderId: string | null;
}

/** An assignment's value per tier: housed, urgent housed, days waited by the housed, total fit. */
export interface RunTierTotals {
  assigned: number;
  urgent: number;
  waitDays: number;
  fit: number;
}

/** One client of a run's passed-over report: ids and reason codes only. */
export interface PassedOverEntry {
  clientId: string;
  reasons: PassedOverReason[];
  /** Cap areas full in this assignment (`BU…`, `GM…`, `cluster:<id>`). */
  fullCaps: string[];
  fullGroups: { providerId: string; municipalityCode: string }[];
  /** Housed clients who waited less and are not urgent; the hard rule that closed their home. */
  passedOverBy: { clientId: string; unitId: string; rule: string | null }[];
}

export interface RegionMatchStats {
  clients: number;
  units: number;
  fixedPairs: number;
  pairs: number;
  /** New pairs of the optimum (fixed pairs not counted) and their total score. */
  assigned: number;
  objective: number;
  /** Of those, the urgent clients and the days waited in total (tiers 2 and 3). */
  urgentHoused: number;
  waitDaysHoused: number;
  /** Their total normalised fit (tier 4). */
  fit: number;
  /** The greedy baseline (best remaining pair first, on the same tiers) on the same instance. */
  greedyAssigned: number;
  greedyObjective: number;
  greedyUrgentHoused: number;
  greedyWaitDaysHoused: number;
  greedyFit: number;
  /**
   * What the solver proves (new pairs only): `exact` when the assignment meets the bound; else
   * the bound per tier and the first tier where it is higher, by how much.
   */
  optimality: {
    exact: boolean;
    bound: RunTierTotals | null;
    gap: { tier: keyof RunTierTotals; amount: number } | null;
  };
  /** Clients in the passed-over report. */
  passedOver: number;
  /** New pairs per municipality of the unit. */
  perMunicipality: Record<string, number>;
  pairGeneration: PairGenerationStats;
  /** Milliseconds, only when a clock is given. */
  millis: { score: number; solve: number };
}

export interface RegionMatchResult {
  pairs: MatchedPair[];
  passedOver: PassedOverEntry[];
  stats: RegionMatchStats;
}

export interface RegionMatchOptions {
  /** Milliseconds from a fixed point (e.g. `performance.now`); the engine reads no clock itself. */
  clock?: () => number;
}

export interface RegionInstance {
  compact: CompactAssignmentInstance;
  generated: GeneratedPairs;
  /** Per compact pair, the index of the generated pair it came from. */
  pairOrigin: Int32Array;
}

/** The areas of the instance that no cap limits: exempt units and fixed pairs sit there. */
const FREE_AREA = '\u0000free';

/**
 * The compact instance of a region: solve clients and units first, the fixed pairs' after.
 *
 * - Pairs are worth their normalised `fit` within the tiers (urgent, then wait, then fit); the
 *   fixed clients come last with no urgency and no wait.
 * - Caps come from `capAreasOf`: a unit counts in its neighbourhood and capped municipality unless
 *   its type is exempt; an exempt Skaeve Huis counts in its cluster (in the instance a cluster is
 *   an area of its own at the neighbourhood level, under an uncapped one).
 * - Capacity groups (provider P, intensive support in municipality M) hold what is left of P's
 *   stated capacity there: `SupportCoverage.used` already counts the open proposals, so the fixed
 *   pairs enter the instance without pairs of their own and draw on no cap area and no group (their
 *   load is in the snapshot's loads); nothing is counted twice.
 */
export function buildRegionInstance(input: RegionMatchInput): RegionInstance {
  const { units, clients, fixed, context } = input;
  // The breakdowns of the pairs proposed come from `evaluatePreparedPair` (`matchRegion`).
  const generated = generatePairs(clients, units, context, { breakdowns: false });
  const areas = capAreasOf(units, context);

  const unitCount = units.length + fixed.length;
  const clientCount = clients.length + fixed.length;
  const neighbourhoodIndex = new Map<string, number>();
  const municipalityIndex = new Map<string, number>();
  const neighbourhoodMunicipalityList: number[] = [];
  const neighbourhoodCapList: number[] = [];
  const municipalityCapList: number[] = [];
  const room = (remaining: number): number => Math.max(0, remaining);
  const municipalityNode = (key: string, cap: number): number => {
    let m = municipalityIndex.get(key);
    if (m === undefined) {
      m = municipalityIndex.size;
      municipalityIndex.set(key, m);
      municipalityCapList.push(cap);
    }
    return m;
  };
  const neighbourhoodNode = (key: string, cap: number, municipality: number): number => {
    let n = neighbourhoodIndex.get(key);
    if (n === undefined) {
      n = neighbourhoodIndex.size;
      neighbourhoodIndex.set(key, n);
      neighbourhoodCapList.push(cap);
      neighbourhoodMunicipalityList.push(municipality);
    }
    return n;
  };
  const unitNeighbourhood = new Int32Array(unitCount);
  for (let u = 0; u < unitCount; u++) {
    const unitAreas = u < units.length ? (areas[u] as CapArea[]) : [];
    const neighbourhood = unitAreas.find((area) => area.kind === 'neighbourhood');
    const municipality = unitAreas.find((area) => area.kind === 'municipality');
    const cluster = unitAreas.find((area) => area.kind === 'cluster');
    if (neighbourhood !== undefined) {
      // A cluster of a type the region does not exempt is already closed pair by pair when full
      // (CLUSTER_CAP_REACHED); the instance has room for one area per level only.
      const m = municipalityNode(
        `m:${(units[u] as EngineUnit).municipalityCode}`,
        municipality === undefined ? NO_CAP : room(municipality.remaining),
      );
      unitNeighbourhood[u] = neighbourhoodNode(
        `n:${neighbourhood.key}`,
        room(neighbourhood.remaining),
        m,
      );
    } else {
      const free = municipalityNode(FREE_AREA, NO_CAP);
      unitNeighbourhood[u] =
        cluster === undefined
          ? neighbourhoodNode(FREE_AREA, NO_CAP, free)
          : neighbourhoodNode(`k:${cluster.key}`, room(cluster.remaining), free);
    }
  }

  // The generator lists pairs by client; the solver wants them grouped by unit.
  const unitPairStart = new Int32Array(unitCount + 1);
  for (let i = 0; i < generated.count; i++) {
    const u = generated.unitIndex[i] as number;
    unitPairStart[u + 1] = (unitPairStart[u + 1] as number) + 1;
  }
  for (let u = 0; u < unitCount; u++) {
    unitPairStart[u + 1] = (unitPairStart[u + 1] as number) + (unitPairStart[u] as number);
  }
  const next = unitPairStart.slice(0, unitCount);
  const pairClient = new Int32Array(generated.count);
  const pairScore = new Int32Array(generated.count);
  const pairGroup = new Int32Array(generated.count);
  const pairOrigin = new Int32Array(generated.count);
  for (let i = 0; i < generated.count; i++) {
    const u = generated.unitIndex[i] as number;
    const at = next[u] as number;
    next[u] = at + 1;
    pairClient[at] = generated.clientIndex[i] as number;
    pairScore[at] = toMicroPoints(generated.fit[i] as number);
    pairGroup[at] = generated.pairGroup[i] as number;
    pairOrigin[at] = i;
  }
  const clientUrgent = new Uint8Array(clientCount);
  clientUrgent.set(generated.clientUrgent);
  const clientWait = new Int32Array(clientCount);
  clientWait.set(generated.clientWait);
  return {
    generated,
    pairOrigin,
    compact: {
      clientCount,
      unitCount,
      neighbourhoodCount: neighbourhoodIndex.size,
      municipalityCount: municipalityIndex.size,
      unitPairStart,
      pairClient,
      pairScore,
      unitNeighbourhood,
      neighbourhoodMunicipality: Int32Array.from(neighbourhoodMunicipalityList),
      neighbourhoodCap: Int32Array.from(neighbourhoodCapList),
      municipalityCap: Int32Array.from(municipalityCapList),
      fixedClient: Int32Array.from(fixed, (_pair, i) => clients.length + i),
      fixedUnit: Int32Array.from(fixed, (_pair, i) => units.length + i),
      clientUrgent,
      clientWait,
      pairGroup,
      groupCapacity: Int32Array.from(generated.groups, (group) => room(group.capacity)),
    },
  };
}

/** What an assignment gives the new clients (fixed pairs not counted), tier by tier. */
function housedTotals(
  solution: CompactAssignmentSolution,
  region: RegionInstance,
  newClients: number,
): RunTierTotals & { objective: number } {
  const { compact, generated, pairOrigin } = region;
  const totals = { assigned: 0, urgent: 0, waitDays: 0, fit: 0, objective: 0 };
  for (let c = 0; c < newClients; c++) {
    const u = solution.clientUnit[c] as number;
    if (u < 0) continue;
    const i = pairOrigin[pairIndex(compact, c, u)] as number;
    totals.assigned++;
    totals.urgent += generated.clientUrgent[c] as number;
    totals.waitDays += generated.clientWait[c] as number;
    totals.fit += generated.fit[i] as number;
    totals.objective += generated.score[i] as number;
  }
  totals.fit = round6(totals.fit);
  totals.objective = round6(totals.objective);
  return totals;
}

/** The solver's proof, in the run's terms (fixed pairs not counted; they add nothing else). */
function optimalityOf(
  solution: CompactAssignmentSolution,
  fixedCount: number,
): RegionMatchStats['optimality'] {
  const proof = solution.optimality;
  if (proof === undefined) return { exact: true, bound: null, gap: null };
  const bound: RunTierTotals = {
    assigned: proof.bound.assigned - fixedCount,
    urgent: proof.bound.urgent,
    waitDays: proof.bound.waitDays,
    fit: round6(proof.bound.objectiveMicro / MICRO_POINTS),
  };
  const reached: RunTierTotals = {
    assigned: solution.assigned - fixedCount,
    urgent: solution.urgent ?? 0,
    waitDays: solution.waitDays ?? 0,
    fit: round6(solution.objectiveMicro / MICRO_POINTS),
  };
  let gap: RegionMatchStats['optimality']['gap'] = null;
  if (!proof.exact) {
    for (const tier of ['assigned', 'urgent', 'waitDays', 'fit'] as const) {
      if (bound[tier] !== reached[tier]) {
        gap = { tier, amount: round6(bound[tier] - reached[tier]) };
        break;
      }
    }
  }
  return { exact: proof.exact, bound, gap };
}

/** The passed-over report as a run keeps it: ids and reason codes, nothing about a person. */
function passedOverOf(
  input: RegionMatchInput,
  region: RegionInstance,
  solution: CompactAssignmentSolution,
): PassedOverEntry[] {
  const { units, clients, context } = input;
  const clientUnit = solution.clientUnit.slice(0, clients.length);
  return passedOverReport({
    clients,
    units,
    ctx: context,
    pairs: region.generated,
    clientUnit,
  }).map((entry) => ({
    clientId: entry.clientId,
    reasons: entry.reasons,
    fullCaps: entry.fullCaps,
    fullGroups: entry.fullGroups,
    passedOverBy: entry.passedOverBy.map(({ clientId, unitId, rule }) => ({
      clientId,
      unitId,
      rule,
    })),
  }));
}

/** Solves a region optimally and greedily; see the file comment. Pure but for `clock`. */
export function matchRegion(
  input: RegionMatchInput,
  options: RegionMatchOptions = {},
): RegionMatchResult {
  const { clock } = options;
  const t0 = clock?.() ?? 0;
  const region = buildRegionInstance(input);
  const { compact, generated, pairOrigin: origin } = region;
  const t1 = clock?.() ?? 0;
  // The greedy baseline walks the classes and client arcs the exact solve built.
  const cache: ExactFlowCache = {};
  const optimal = solveCompactOptimal(compact, { cache });
  const t2 = clock?.() ?? 0;
  const greedy = solveCompactGreedy(compact, cache);

  const { units, clients, fixed, context } = input;
  const prepared = prepareContext(context);
  const pairs: MatchedPair[] = [];
  const perMunicipality: Record<string, number> = {};
  for (let c = 0; c < clients.length; c++) {
    const u = optimal.clientUnit[c] as number;
    if (u < 0) continue;
    const i = origin[pairIndex(compact, c, u)] as number;
    const unit = units[u] as EngineUnit;
    const client = clients[c] as EngineClient;
    const evaluation = evaluatePreparedPair(client, unit, prepared);
    // The bulk generator and the one-pair evaluator agree bit for bit; a disagreement here would
    // be a bug, and a proposal must never break a hard rule, so refuse rather than store it.
    if (!evaluation.allowed) {
      throw new Error(`assigned pair ${client.id}:${unit.id} fails a hard rule`);
    }
    pairs.push({
      unitId: unit.id,
      clientId: client.id,
      score: generated.score[i] as number,
      fit: generated.fit[i] as number,
      urgent: generated.clientUrgent[c] === 1,
      waitDays: generated.clientWait[c] as number,
      breakdown: evaluation.breakdown,
      rules: evaluation.rules,
      policyVersion: generated.policyVersion,
      supportProviderId: evaluation.supportProviderId,
    });
    perMunicipality[unit.municipalityCode] = (perMunicipality[unit.municipalityCode] ?? 0) + 1;
  }
  const best = housedTotals(optimal, region, clients.length);
  const baseline = housedTotals(greedy, region, clients.length);
  const passedOver = passedOverOf(input, region, optimal);
  return {
    pairs,
    passedOver,
    stats: {
      clients: clients.length,
      units: units.length,
      fixedPairs: fixed.length,
      pairs: generated.count,
      assigned: best.assigned,
      objective: best.objective,
      urgentHoused: best.urgent,
      waitDaysHoused: best.waitDays,
      fit: best.fit,
      greedyAssigned: baseline.assigned,
      greedyObjective: baseline.objective,
      greedyUrgentHoused: baseline.urgent,
      greedyWaitDaysHoused: baseline.waitDays,
      greedyFit: baseline.fit,
      optimality: optimalityOf(optimal, fixed.length),
      passedOver: passedOver.length,
      perMunicipality,
      pairGeneration: generated.stats,
      millis: { score: round(t1 - t0), solve: round(t2 - t1) },
    },
  };
}

/** A client a run could propose for a unit, with what decides its place (the run's tiers). */
export interface UnitCandidate {
  clientId: string;
  urgent: boolean;
  waitDays: number;
  /** Normalised per client over the whole region, as the run weighs it. */
  fit: number;
  score: number;
  breakdown: ScoreBreakdown;
  policyVersion: number;
}

/**
 * Per client of the region, its best score over the region's units (0 when none is allowed, as
 * the generator starts): what a pair's normalised fit is measured against. Depends on the
 * region and the day only, so a caller may keep it with the region.
 */
export function bestScoresByClient(input: RegionMatchInput): Float64Array {
  const generated = generatePairs(input.clients, input.units, input.context, {
    breakdowns: false,
  });
  const best = new Float64Array(input.clients.length);
  for (let i = 0; i < generated.count; i++) {
    const c = generated.clientIndex[i] as number;
    const score = generated.score[i] as number;
    if (score > (best[c] as number)) best[c] = score;
  }
  return best;
}

/**
 * The allowed clients for one unit, generated exactly as a run generates them and ranked by the
 * run's tiers (`comparePairsByTier`): urgent first, then the longer wait, then the better fit,
 * then the client's place in `readySince`, id order. A pair's allowance and score do not depend
 * on the other units; its fit is normalised by the client's best over the region's units and
 * this one (`best`, from `bestScoresByClient`), as in a run. A unit not open to matching (e.g.
 * proposed) is evaluated as if it were.
 */
export function rankUnitCandidates(
  input: RegionMatchInput,
  unit: EngineUnit,
  best: Float64Array = bestScoresByClient(input),
): UnitCandidate[] {
  const { clients, context } = input;
  const units = [unit];
  const generated = generatePairs(clients, units, context);
  for (let i = 0; i < generated.count; i++) {
    const score = generated.score[i] as number;
    const clientBest = Math.max(best[generated.clientIndex[i] as number] as number, score);
    generated.fit[i] = 1 - (clientBest - score);
  }
  const mine = Array.from({ length: generated.count }, (_, i) => i);
  mine.sort((a, b) => comparePairsByTier(generated, a, b));
  return mine.map((i) => {
    const c = generated.clientIndex[i] as number;
    const { unitId: _unitId, ...scored } = scoredPairAt(generated, i, clients, units);
    return {
      clientId: scored.clientId,
      urgent: generated.clientUrgent[c] === 1,
      waitDays: generated.clientWait[c] as number,
      fit: generated.fit[i] as number,
      score: scored.score,
      breakdown: scored.breakdown,
      policyVersion: scored.policyVersion,
    };
  });
}

function pairIndex(instance: CompactAssignmentInstance, client: number, unit: number): number {
  const end = instance.unitPairStart[unit + 1] as number;
  for (let p = instance.unitPairStart[unit] as number; p < end; p++) {
    if (instance.pairClient[p] === client) return p;
  }
  throw new Error(`no pair for client ${client} and unit ${unit}`);
}

function round(millis: number): number {
  return Math.round(millis * 10) / 10;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
