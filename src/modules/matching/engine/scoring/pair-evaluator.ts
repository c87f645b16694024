/**
 * "Why (not)": one client–unit pair, every hard rule with its sentence, and the soft scores.
 * Backs `GET /units/{id}/candidates/{clientId}`.
 */
import type { ScoreBreakdown } from '../../../../shared/domain/vocabulary';
import type { EngineClient, EngineUnit, MatchingContext, PairEvaluation } from '../engine.types';
import { evaluateHardRules } from './hard-rules';
import { coverageOf, nearestPoint, preferenceRankOf } from './pair-facts';
import {
  clientWait,
  type PreparedContext,
  prepareContext,
  unitSpreiding,
} from './prepared-context';
import {
  begeleidingScore,
  locationScore,
  prikkelarmScore,
  supportHeadroom,
  weightedScore,
} from './soft-scores';

/**
 * Evaluates one pair: all hard rules (none skipped, fixed order) and the soft scores, which are
 * given for a disallowed pair too, to explain it. Throws a RangeError on an invalid policy.
 */
export function evaluatePair(
  client: EngineClient,
  unit: EngineUnit,
  ctx: MatchingContext,
): PairEvaluation {
  return evaluatePreparedPair(client, unit, prepareContext(ctx));
}

/** As `evaluatePair`, with the context prepared once for many pairs. */
export function evaluatePreparedPair(
  client: EngineClient,
  unit: EngineUnit,
  prepared: PreparedContext,
): PairEvaluation {
  const { policy } = prepared.ctx;
  const nearest = nearestPoint(client, unit, prepared);
  const preferenceRank = preferenceRankOf(client, unit.municipalityCode);
  const coverage = coverageOf(prepared, client.support.providerId, unit.municipalityCode);
  const rules = evaluateHardRules({ client, unit, prepared, nearest, preferenceRank, coverage });

  const breakdown: ScoreBreakdown = {
    location: locationScore(nearest.distanceKm, preferenceRank, policy.maxDistanceKm),
    spreiding: unitSpreiding(unit, prepared),
    prikkelarm: prikkelarmScore(client.stimulusNeed, unit.stimulus),
    begeleiding: begeleidingScore(client.support.intensity, supportHeadroom(coverage)),
    wait: clientWait(client, prepared),
  };
  return {
    clientId: client.id,
    unitId: unit.id,
    allowed: rules.every((rule) => rule.passed),
    rules,
    breakdown,
    score: weightedScore(
      breakdown.location,
      breakdown.spreiding,
      breakdown.prikkelarm,
      breakdown.begeleiding,
      breakdown.wait,
      policy.weights,
    ),
    policyVersion: policy.version,
  };
}
