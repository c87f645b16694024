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
  score: number;
  breakdown: ScoreBreakdown;
  rules: RuleResult[];
  policyVersion: number;
}

export interface RegionMatchStats {
  clients: number;
  units: number;
  fixedPairs: number;
  pairs: number;
  /** New pairs of the optimum (fixed pairs not counted) and their total score. */
  assigned: number;
  objective: number;
  /** The greedy baseline (best remaining pair first) on the same instance. */
  greedyAssigned: number;
  greedyObjective: number;
  /** New pairs per municipality of the unit. */
  perMunicipality: Record<string, number>;
  pairGeneration: PairGenerationStats;
  /** Milliseconds, only when a clock is given. */
  millis: { score: number; solve: number };
}

export interface RegionMatchResult {
  pairs: MatchedPair[];
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

/** The compact instance of a region: solve clients and units first, the fixed pairs' after. */
export function buildRegionInstance(input: RegionMatchInput): RegionInstance {
  const { units, clients, fixed, context } = input;
  const generated = generatePairs(clients, units, context);
  const { policy } = context;

  const unitCount = units.length + fixed.length;
  const clientCount = clients.length + fixed.length;
  const areaOf = (u: number): { n: string; m: string } => {
    if (u < units.length) {
      const unit = units[u] as EngineUnit;
      return { n: unit.neighbourhoodCode, m: unit.municipalityCode };
    }
    const pair = fixed[u - units.length] as FixedPair;
    return { n: pair.neighbourhoodCode, m: pair.municipalityCode };
  };
  const neighbourhoodIndex = new Map<string, number>();
  const municipalityIndex = new Map<string, number>();
  const neighbourhoodMunicipalityList: number[] = [];
  const unitNeighbourhood = new Int32Array(unitCount);
  for (let u = 0; u < unitCount; u++) {
    const { n, m } = areaOf(u);
    let mi = municipalityIndex.get(m);
    if (mi === undefined) {
      mi = municipalityIndex.size;
      municipalityIndex.set(m, mi);
    }
    let ni = neighbourhoodIndex.get(n);
    if (ni === undefined) {
      ni = neighbourhoodIndex.size;
      neighbourhoodIndex.set(n, ni);
      neighbourhoodMunicipalityList.push(mi);
    }
    unitNeighbourhood[u] = ni;
  }

  // Fixed pairs use up cap themselves, so the caps here count only the placements.
  const fixedPerArea = new Map<string, number>();
  for (const pair of fixed) {
    for (const code of [pair.neighbourhoodCode, pair.municipalityCode]) {
      fixedPerArea.set(code, (fixedPerArea.get(code) ?? 0) + 1);
    }
  }
  const fixedIn = (code: string): number => fixedPerArea.get(code) ?? 0;
  const neighbourhoodCap = new Int32Array(neighbourhoodIndex.size);
  for (const [code, n] of neighbourhoodIndex) {
    const placed = (context.load.neighbourhoods.get(code) ?? 0) - fixedIn(code);
    neighbourhoodCap[n] = Math.max(0, policy.neighbourhoodCap - Math.max(0, placed));
  }
  const municipalityCap = new Int32Array(municipalityIndex.size).fill(NO_CAP);
  for (const [code, m] of municipalityIndex) {
    if (!Object.hasOwn(policy.municipalityCaps, code)) continue;
    const cap = policy.municipalityCaps[code] ?? 0;
    const placed = (context.load.municipalities.get(code) ?? 0) - fixedIn(code);
    municipalityCap[m] = Math.max(0, cap - Math.max(0, placed));
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
  const pairOrigin = new Int32Array(generated.count);
  for (let i = 0; i < generated.count; i++) {
    const u = generated.unitIndex[i] as number;
    const at = next[u] as number;
    next[u] = at + 1;
    pairClient[at] = generated.clientIndex[i] as number;
    pairScore[at] = toMicroPoints(generated.score[i] as number);
    pairOrigin[at] = i;
  }
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
      neighbourhoodCap,
      municipalityCap,
      fixedClient: Int32Array.from(fixed, (_pair, i) => clients.length + i),
      fixedUnit: Int32Array.from(fixed, (_pair, i) => units.length + i),
    },
  };
}

/** Solves a region optimally and greedily; see the file comment. Pure but for `clock`. */
export function matchRegion(
  input: RegionMatchInput,
  options: RegionMatchOptions = {},
): RegionMatchResult {
  const { clock } = options;
  const t0 = clock?.() ?? 0;
  const { compact, generated, pairOrigin: origin } = buildRegionInstance(input);
  const t1 = clock?.() ?? 0;
  const optimal = solveCompactOptimal(compact);
  const t2 = clock?.() ?? 0;
  const greedy = solveCompactGreedy(compact);

  const { units, clients, fixed, context } = input;
  const prepared = prepareContext(context);
  const pairs: MatchedPair[] = [];
  const perMunicipality: Record<string, number> = {};
  for (let c = 0; c < clients.length; c++) {
    const u = optimal.clientUnit[c] as number;
    if (u < 0) continue;
    const p = pairIndex(compact, c, u);
    const scored = scoredPairAt(generated, origin[p] as number, clients, units);
    const unit = units[u] as EngineUnit;
    const evaluation = evaluatePreparedPair(clients[c] as EngineClient, unit, prepared);
    // The bulk generator and the one-pair evaluator agree bit for bit; a disagreement here would
    // be a bug, and a proposal must never break a hard rule, so refuse rather than store it.
    if (!evaluation.allowed) {
      throw new Error(`assigned pair ${scored.clientId}:${scored.unitId} fails a hard rule`);
    }
    pairs.push({
      unitId: scored.unitId,
      clientId: scored.clientId,
      score: scored.score,
      breakdown: scored.breakdown,
      rules: evaluation.rules,
      policyVersion: scored.policyVersion,
    });
    perMunicipality[unit.municipalityCode] = (perMunicipality[unit.municipalityCode] ?? 0) + 1;
  }
  return {
    pairs,
    stats: {
      clients: clients.length,
      units: units.length,
      fixedPairs: fixed.length,
      pairs: generated.count,
      assigned: optimal.assigned - fixed.length,
      objective: objectiveOf(optimal),
      greedyAssigned: greedy.assigned - fixed.length,
      greedyObjective: objectiveOf(greedy),
      perMunicipality,
      pairGeneration: generated.stats,
      millis: { score: round(t1 - t0), solve: round(t2 - t1) },
    },
  };
}

function pairIndex(instance: CompactAssignmentInstance, client: number, unit: number): number {
  const end = instance.unitPairStart[unit + 1] as number;
  for (let p = instance.unitPairStart[unit] as number; p < end; p++) {
    if (instance.pairClient[p] === client) return p;
  }
  throw new Error(`no pair for client ${client} and unit ${unit}`);
}

/** Fixed pairs are not allowed pairs, so they add nothing: this is the new pairs' score. */
function objectiveOf(solution: CompactAssignmentSolution): number {
  return solution.objectiveMicro / MICRO_POINTS;
}

function round(millis: number): number {
  return Math.round(millis * 10) / 10;
}
