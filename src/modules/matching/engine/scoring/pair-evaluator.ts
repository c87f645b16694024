/**
 * "Why (not)": one client–unit pair, every hard rule with its sentence, and the soft scores.
 * Backs `GET /units/{id}/candidates/{clientId}`.
 */
import type { ScoreBreakdown } from '../../../../shared/domain/vocabulary';
import type { EngineClient, EngineUnit, MatchingContext, PairEvaluation } from '../engine.types';
import { type ClientFacts, clientFacts, preferenceRankOf } from './client-facts';
import type { HardRuleCode } from './hard-rule-codes';
import { evaluateHardRules, firstFailedHardRule, type RuleInput } from './hard-rules';
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

/** What the hard rules read about one pair. */
function ruleInputOf(
  client: EngineClient,
  unit: EngineUnit,
  prepared: PreparedContext,
  facts: ClientFacts,
): RuleInput {
  return {
    client,
    unit,
    prepared,
    facts,
    nearest: nearestPoint(facts, unit),
    nearestAvoided: nearestAvoided(facts, unit),
    preferenceRank: preferenceRankOf(client, facts, unit.municipalityCode),
    support: supportFor(client.support, unit.municipalityCode, prepared),
  };
}

/**
 * The first hard rule the pair fails (in the order of the evaluation's `rules`), or null when it
 * passes them all; `facts` are the client's (`clientFacts`), computed once for many units.
 */
export function firstFailedRuleOf(
  client: EngineClient,
  unit: EngineUnit,
  prepared: PreparedContext,
  facts: ClientFacts,
): HardRuleCode | null {
  return firstFailedHardRule(ruleInputOf(client, unit, prepared, facts));
}

/** As `evaluatePair`, with the context prepared once for many pairs. */
export function evaluatePreparedPair(
  client: EngineClient,
  unit: EngineUnit,
  prepared: PreparedContext,
): PairEvaluation {
  const { policy } = prepared.ctx;
  const facts = clientFacts(client, prepared);
  const input = ruleInputOf(client, unit, prepared, facts);
  const { nearest, preferenceRank, support } = input;
  const rules = evaluateHardRules(input);

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
