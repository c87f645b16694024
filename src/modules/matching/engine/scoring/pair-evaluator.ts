/**
 * "Why (not)": one client–unit pair, every hard rule with its sentence, and the soft scores.
 * Backs `GET /units/{id}/candidates/{clientId}`.
 */
import type { ScoreBreakdown } from '../../../../shared/domain/vocabulary';
import type { EngineClient, EngineUnit, MatchingContext, PairEvaluation } from '../engine.types';
import { clientFacts, preferenceRankOf } from './client-facts';
import { evaluateHardRules } from './hard-rules';
import { nearestAvoided, nearestPoint, supportFor } from './pair-facts';
import {
  maxDistanceKmFor,
  type PreparedContext,
  prepareContext,
  unitSpreiding,
} from './prepared-context';
import {
  begeleidingScore,
  extraBedrooms,
  fitScore,
  locationScore,
  prikkelarmScore,
  scarcityPenalties,
  scarcityPenaltyTotal,
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
  const facts = clientFacts(client, prepared);
  const nearest = nearestPoint(facts, unit);
  const preferenceRank = preferenceRankOf(client, facts, unit.municipalityCode);
  const support = supportFor(client.support, unit.municipalityCode, prepared);
  const rules = evaluateHardRules({
    client,
    unit,
    prepared,
    facts,
    nearest,
    nearestAvoided: nearestAvoided(facts, unit),
    preferenceRank,
    support,
  });

  const breakdown: ScoreBreakdown = {
    location: locationScore(
      nearest.distanceKm,
      preferenceRank,
      maxDistanceKmFor(policy, unit.type),
    ),
    spreiding: unitSpreiding(unit, prepared),
    prikkelarm: prikkelarmScore(client.stimulusNeed, unit.stimulus),
    begeleiding: begeleidingScore(
      client.support.intensity,
      support === null ? null : supportHeadroom(support.coverage),
      support?.own ?? true,
    ),
    wait: facts.waitProgress,
  };
  const wheelchairUnneeded = unit.wheelchairAccessible && !client.needs.wheelchair;
  const lowStimulusUnneeded = unit.stimulus === 'low' && client.stimulusNeed === 'none';
  const extra = extraBedrooms(unit.bedrooms, facts.bedroomsNeeded);
  const { scarcity } = prepared.rules;
  return {
    clientId: client.id,
    unitId: unit.id,
    allowed: rules.every((rule) => rule.passed),
    rules,
    breakdown,
    score: fitScore(
      weightedScore(
        breakdown.location,
        breakdown.spreiding,
        breakdown.prikkelarm,
        breakdown.begeleiding,
        policy.weights,
      ),
      scarcityPenaltyTotal(wheelchairUnneeded, lowStimulusUnneeded, extra, scarcity),
    ),
    penalties: scarcityPenalties(wheelchairUnneeded, lowStimulusUnneeded, extra, scarcity),
    supportProviderId: support?.providerId ?? null,
    policyVersion: policy.version,
  };
}
