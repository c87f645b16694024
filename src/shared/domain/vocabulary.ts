/**
 * The domain's closed vocabularies (docs/domain-overview.md, docs/api-contract.md). Dutch terms stay Dutch. Both the registry
 * (validation, storage) and the matching engine (rules) use these, so they live in one place.
 */
export const UNIT_TYPES = ['contingent', 'omklap', 'skaeve_huis', 'doorstroom'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const STIMULUS_LEVELS = ['low', 'medium', 'high'] as const;
export type Stimulus = (typeof STIMULUS_LEVELS)[number];

export const STIMULUS_NEEDS = ['required', 'preferred', 'none'] as const;
export type StimulusNeed = (typeof STIMULUS_NEEDS)[number];

export const SUPPORT_INTENSITIES = ['light', 'regular', 'intensive'] as const;
export type SupportIntensity = (typeof SUPPORT_INTENSITIES)[number];

export const TARGET_GROUPS = ['bw', 'mo', 'vo', 'other'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const ANCHOR_KINDS = ['family', 'work', 'daytime', 'support', 'other'] as const;
export type AnchorKind = (typeof ANCHOR_KINDS)[number];

export const UNIT_STATUSES = ['available', 'proposed', 'let', 'withdrawn'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const CLIENT_STATUSES = ['waiting', 'proposed', 'placed', 'withdrawn'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const SCORE_CRITERIA = [
  'location',
  'spreiding',
  'prikkelarm',
  'begeleiding',
  'wait',
] as const;
export type ScoreCriterion = (typeof SCORE_CRITERIA)[number];
export type ScoreBreakdown = Record<ScoreCriterion, number>;
