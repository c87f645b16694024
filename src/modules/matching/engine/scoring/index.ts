/** The scoring half of the matching engine: hard rules, soft scores, candidate pairs. */
export { amsterdamDayNumber, isoDayNumber } from './calendar';
export {
  rankCandidates,
  scoredPairAt,
  type RankedCandidate,
  type ScoredPair,
} from './candidate-ranking';
export { haversineKm } from './geo';
export {
  HARD_RULE_CODES,
  HARD_RULES,
  hardRuleCodesOf,
  type HardRuleCode,
  type HardRuleDefinition,
  type HardRuleScope,
} from './hard-rule-codes';
export { bedroomsNeeded } from './household';
export { evaluatePair } from './pair-evaluator';
export {
  CRITERIA_PER_PAIR,
  generatePairs,
  type GeneratedPairs,
  type PairGenerationStats,
} from './pair-generator';
export {
  BENCHMARK_POLICY,
  generatePopulation,
  type Population,
  type PopulationGeography,
  type PopulationOptions,
} from './population-generator';
export * from './soft-scores';
