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
export { clusterOf, totalRent } from './hard-rules';
export {
  CRITERIA_PER_PAIR,
  generatePairs,
  type CapacityGroup,
  type GeneratedPairs,
  type PairGenerationStats,
} from './pair-generator';
export {
  capAreasOf,
  capBlockedClients,
  comparePairsByTier,
  PASSED_OVER_MAX_NAMED,
  passedOverReport,
  type CapArea,
  type CapAreaKind,
  type CapBlockedClient,
  type PassedOverClient,
  type PassedOverInput,
  type PassedOverReason,
} from './priorities';
export {
  BENCHMARK_POLICY,
  generatePopulation,
  type Population,
  type PopulationGeography,
  type PopulationOptions,
} from './population-generator';
export * from './soft-scores';
