/**
 * The ranked candidates for one unit: the allowed clients, best first. Backs
 * `GET /units/{id}/candidates`. Built on the bulk generator, so the ranking and the proposals
 * can never disagree about who is allowed or what they score.
 */
import type { ScoreBreakdown } from '../../../../shared/domain/vocabulary';
import type { EngineClient, EngineUnit, MatchingContext } from '../engine.types';
import { CRITERIA_PER_PAIR, generatePairs, type GeneratedPairs } from './pair-generator';

/** A generated pair with its ids and breakdown as an object, e.g. to store as a proposal. */
export interface ScoredPair {
  clientId: string;
  unitId: string;
  score: number;
  breakdown: ScoreBreakdown;
  policyVersion: number;
}

/** A candidate for one unit, with what decides its place in the ranking. */
export interface RankedCandidate extends Omit<ScoredPair, 'unitId'> {
  /** Confirmed urgency, waited past maxWaitDays, or must move soon. */
  urgent: boolean;
  /** Whole days since readySince. */
  waitDays: number;
}

/** Pair i of a generation as an object. */
export function scoredPairAt(
  pairs: GeneratedPairs,
  i: number,
  clients: readonly EngineClient[],
  units: readonly EngineUnit[],
): ScoredPair {
  if (!(i >= 0 && i < pairs.count)) throw new RangeError(`no pair ${i}`);
  if (pairs.breakdown.length === 0) throw new Error('the pairs were generated without breakdowns');
  const client = clients[pairs.clientIndex[i] as number] as EngineClient;
  const unit = units[pairs.unitIndex[i] as number] as EngineUnit;
  const b = i * CRITERIA_PER_PAIR;
  const value = (offset: number): number => pairs.breakdown[b + offset] as number;
  return {
    clientId: client.id,
    unitId: unit.id,
    score: pairs.score[i] as number,
    breakdown: {
      location: value(0),
      spreiding: value(1),
      prikkelarm: value(2),
      begeleiding: value(3),
      wait: value(4),
    },
    policyVersion: pairs.policyVersion,
  };
}

/**
 * The clients allowed for this unit, in the order of the assignment's tiers: urgent first, then
 * the longer wait, then the better fit, then the earlier `readySince`, then client id (code-unit
 * order), so equal inputs always rank the same. (For one unit the per-client normalised fit would
 * not say more than the score, so the score decides there.)
 */
export function rankCandidates(
  unit: EngineUnit,
  clients: readonly EngineClient[],
  ctx: MatchingContext,
): RankedCandidate[] {
  const pairs = generatePairs(clients, [unit], ctx);
  const ranked: (RankedCandidate & { readySince: string })[] = [];
  for (let i = 0; i < pairs.count; i++) {
    const c = pairs.clientIndex[i] as number;
    const { unitId: _unitId, ...candidate } = scoredPairAt(pairs, i, clients, [unit]);
    ranked.push({
      ...candidate,
      urgent: pairs.clientUrgent[c] === 1,
      waitDays: pairs.clientWait[c] as number,
      readySince: (clients[c] as EngineClient).readySince,
    });
  }
  ranked.sort(
    (a, b) =>
      Number(b.urgent) - Number(a.urgent) ||
      b.waitDays - a.waitDays ||
      b.score - a.score ||
      (a.readySince < b.readySince ? -1 : a.readySince > b.readySince ? 1 : 0) ||
      (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0),
  );
  return ranked.map(({ readySince: _readySince, ...candidate }) => candidate);
}
