/**
 * The soft scores: pure functions of numbers, each returning a value in [0, 1]. Both the
 * single-pair and the bulk path call exactly these, so they agree to the last bit.
 * docs/matching.md explains every formula and constant.
 */
import type {
  Stimulus,
  StimulusNeed,
  SupportIntensity,
} from '../../../../shared/domain/vocabulary';
import type { ScarcityPenalties } from '../../../../shared/domain/matching-policy';
import type { ScoreWeights, SupportCoverage } from '../engine.types';

/** Nearness halves every `maxDistanceKm × this` km: 1 at an anchor, ¼ at the edge of the area. */
export const NEARNESS_HALF_DISTANCE_FRACTION = 0.5;
/** Anchors are coarse (≈ 1 km), so nearness never decays faster than this half-distance. */
export const NEARNESS_MIN_HALF_DISTANCE_KM = 1;
/** Preference of the client's first preferred municipality. */
export const PREFERENCE_TOP = 0.8;
/** Each next preferred municipality is worth this fraction of the one before. */
export const PREFERENCE_RANK_FACTOR = 0.75;

/**
 * Begeleiding by another contracted provider than the client's own counts this fraction of what
 * the own team would: the support can be delivered, but the trusted face (continuity) is lost.
 */
export const OTHER_PROVIDER_CONTINUITY = 0.5;

/** How strongly a full provider lowers begeleiding, by intensity (0 = not at all, 1 = to zero). */
export const SUPPORT_CAPACITY_SENSITIVITY: Readonly<Record<SupportIntensity, number>> = {
  light: 0.25,
  regular: 0.5,
  intensive: 1,
};

/** How well a unit's stimulus level fits the client's need. */
export const PRIKKELARM_FIT: Readonly<Record<StimulusNeed, Readonly<Record<Stimulus, number>>>> = {
  required: { low: 1, medium: 0, high: 0 },
  preferred: { low: 1, medium: 0.5, high: 0 },
  // A quiet home suits anyone; that it is scarce is the scarcity penalty's business, not fit's.
  none: { low: 1, medium: 1, high: 1 },
};

function clamp01(value: number): number {
  if (!(value > 0)) return 0;
  return value < 1 ? value : 1;
}

/** 2^(−d / h) with h = max(1 km, maxDistanceKm / 2); 0 when there is no point to be near. */
export function nearnessScore(distanceKm: number, maxDistanceKm: number): number {
  if (Number.isNaN(distanceKm)) return 0;
  const halfDistance = Math.max(
    NEARNESS_MIN_HALF_DISTANCE_KM,
    maxDistanceKm * NEARNESS_HALF_DISTANCE_FRACTION,
  );
  // e^(−d·ln 2 / h) is 2^(−d/h), and Math.exp is several times faster than Math.pow.
  return clamp01(Math.exp((-Math.LN2 * Math.max(0, distanceKm)) / halfDistance));
}

/** 0.8 · 0.75^rank for a preferred municipality (rank 0 = first choice); 0 when not preferred. */
export function preferenceScore(rank: number): number {
  if (rank < 0) return 0;
  return PREFERENCE_TOP * Math.pow(PREFERENCE_RANK_FACTOR, rank);
}

/**
 * Location: 1 − (1 − nearness)(1 − preference). Either being near the network or being in a
 * preferred municipality makes a unit a good location; both together make it better.
 * @param distanceKm to the nearest anchor or the centre of the municipality of belonging
 * @param preferenceRank the unit municipality's position in the preferences, −1 if absent
 */
export function locationScore(
  distanceKm: number,
  preferenceRank: number,
  maxDistanceKm: number,
): number {
  const nearness = nearnessScore(distanceKm, maxDistanceKm);
  const preference = preferenceScore(preferenceRank);
  return clamp01(1 - (1 - nearness) * (1 - preference));
}

/** (cap − load) / cap, clamped; 1 without a (finite) cap, 0 for a cap of 0 or less. */
export function capHeadroom(load: number, cap: number | undefined): number {
  if (cap === undefined || cap === Number.POSITIVE_INFINITY) return 1;
  if (!(cap > 0)) return 0;
  return clamp01((cap - Math.max(0, load)) / cap);
}

/**
 * Headroom against the fair share: f / (f + load) where f = max(1, share × total load) is the
 * municipality's fair part of the region's current load. 1 when empty, ½ at exactly its fair
 * share, ⅓ at twice it. A fair part of at least one placement keeps the first placements in a
 * small region from swinging the score.
 */
export function fairShareHeadroom(load: number, share: number, totalLoad: number): number {
  const fairLoad = Math.max(1, Math.max(0, share) * Math.max(0, totalLoad));
  return clamp01(fairLoad / (fairLoad + Math.max(0, load)));
}

export interface SpreidingInput {
  neighbourhoodLoad: number;
  neighbourhoodCap: number;
  municipalityLoad: number;
  /** Undefined when the municipality has no cap. */
  municipalityCap: number | undefined;
  /** The municipality's fair share, a fraction of the region's uitstroom. */
  share: number;
  /** The region's total current load over all municipalities. */
  totalLoad: number;
}

/**
 * Spreiding: the mean of the neighbourhood's cap headroom and the municipality's headroom, the
 * latter being the tighter of its cap headroom and its fair-share headroom.
 */
export function spreidingScore(input: SpreidingInput): number {
  const neighbourhood = capHeadroom(input.neighbourhoodLoad, input.neighbourhoodCap);
  const municipality = Math.min(
    capHeadroom(input.municipalityLoad, input.municipalityCap),
    fairShareHeadroom(input.municipalityLoad, input.share, input.totalLoad),
  );
  return clamp01((neighbourhood + municipality) / 2);
}

export function prikkelarmScore(need: StimulusNeed, stimulus: Stimulus): number {
  return PRIKKELARM_FIT[need][stimulus];
}

/** (capacity − used) / capacity, clamped; null when the provider does not cover the area. */
export function supportHeadroom(coverage: SupportCoverage | undefined): number | null {
  if (coverage === undefined) return null;
  if (coverage.capacity === Number.POSITIVE_INFINITY) return 1;
  if (!(coverage.capacity > 0)) return 0;
  return clamp01((coverage.capacity - Math.max(0, coverage.used)) / coverage.capacity);
}

/**
 * Begeleiding: 1 − sensitivity × (1 − headroom) of the provider that would give the support,
 * times OTHER_PROVIDER_CONTINUITY when that is not the client's own; 0 when no provider can.
 * Intensive support depends fully on free capacity, light support hardly.
 */
export function begeleidingScore(
  intensity: SupportIntensity,
  headroom: number | null,
  ownProvider = true,
): number {
  if (headroom === null) return 0;
  const score = clamp01(1 - SUPPORT_CAPACITY_SENSITIVITY[intensity] * (1 - headroom));
  return ownProvider ? score : score * OTHER_PROVIDER_CONTINUITY;
}

/**
 * The wait shown in a breakdown: how far the client is on the way to counting as urgent,
 * days / maxWaitDays, and 1 once urgent. It is not part of the fit: waiting is a priority tier
 * (docs/matching.md, "Priorities").
 */
export function waitProgress(daysWaiting: number, urgent: boolean, maxWaitDays: number): number {
  if (urgent) return 1;
  const days = Number.isFinite(daysWaiting) ? Math.max(0, daysWaiting) : 0;
  return maxWaitDays > 0 ? clamp01(days / maxWaitDays) : 1;
}

/** Throws unless every weight is a finite number ≥ 0 and at least one fit weight is > 0. */
export function assertValidWeights(weights: ScoreWeights): void {
  const values = [
    weights.location,
    weights.spreiding,
    weights.prikkelarm,
    weights.begeleiding,
    weights.wait,
  ];
  if (values.some((weight) => !Number.isFinite(weight) || weight < 0)) {
    throw new RangeError('score weights must be finite numbers ≥ 0');
  }
  if (!values.slice(0, 4).some((weight) => weight > 0)) {
    throw new RangeError('at least one fit weight (all but wait) must be > 0');
  }
}

/**
 * The fit before penalties: the weighted mean Σ wᵢ·sᵢ / Σ wᵢ of the four fit criteria. The wait
 * weight is not used (waiting is a tier). Takes numbers so the bulk path allocates nothing.
 */
export function weightedScore(
  location: number,
  spreiding: number,
  prikkelarm: number,
  begeleiding: number,
  weights: ScoreWeights,
): number {
  const total = weights.location + weights.spreiding + weights.prikkelarm + weights.begeleiding;
  const sum =
    weights.location * location +
    weights.spreiding * spreiding +
    weights.prikkelarm * prikkelarm +
    weights.begeleiding * begeleiding;
  return clamp01(sum / total);
}

/** A one-bedroom home is never "larger": only bedrooms beyond max(1, needed) are scarce. */
export function extraBedrooms(bedrooms: number, needed: number): number {
  return Math.max(0, bedrooms - Math.max(1, needed));
}

/**
 * The scarcity penalties of one pair: a wheelchair-accessible home to a client who needs none, a
 * low-stimulus home to a client with no such need, bedrooms beyond the household's need.
 */
export function scarcityPenalties(
  wheelchairUnneeded: boolean,
  lowStimulusUnneeded: boolean,
  extra: number,
  scarcity: ScarcityPenalties,
): ScarcityPenalties {
  return {
    wheelchair: wheelchairUnneeded ? scarcity.wheelchair : 0,
    lowStimulus: lowStimulusUnneeded ? scarcity.lowStimulus : 0,
    extraBedroom: extra * scarcity.extraBedroom,
  };
}

/** The sum of `scarcityPenalties`, without building the object (the bulk path's hot loop). */
export function scarcityPenaltyTotal(
  wheelchairUnneeded: boolean,
  lowStimulusUnneeded: boolean,
  extra: number,
  scarcity: ScarcityPenalties,
): number {
  return (
    (wheelchairUnneeded ? scarcity.wheelchair : 0) +
    (lowStimulusUnneeded ? scarcity.lowStimulus : 0) +
    extra * scarcity.extraBedroom
  );
}

/** The fit: the weighted mean minus the scarcity penalty, clamped to [0, 1]. */
export function fitScore(weighted: number, penalty: number): number {
  return clamp01(weighted - penalty);
}
