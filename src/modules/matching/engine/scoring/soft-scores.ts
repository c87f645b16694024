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
import type { ScoreWeights, SupportCoverage } from '../engine.types';

/** Nearness halves every `maxDistanceKm × this` km: 1 at an anchor, ¼ at the edge of the area. */
export const NEARNESS_HALF_DISTANCE_FRACTION = 0.5;
/** Anchors are coarse (≈ 1 km), so nearness never decays faster than this half-distance. */
export const NEARNESS_MIN_HALF_DISTANCE_KM = 1;
/** Preference of the client's first preferred municipality. */
export const PREFERENCE_TOP = 0.8;
/** Each next preferred municipality is worth this fraction of the one before. */
export const PREFERENCE_RANK_FACTOR = 0.75;

/** The wait score reaches ½ after this many days and keeps closing half the gap to 1 each time. */
export const WAIT_HALF_LIFE_DAYS = 90;
/** Urgency counts as this many extra days of waiting. */
export const URGENT_HEAD_START_DAYS = 90;

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
  // A quiet home suits anyone, but it is scarce: keep it a little more for those who need it.
  none: { low: 0.8, medium: 1, high: 1 },
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
 * Begeleiding: 1 − sensitivity × (1 − headroom) when the client's own provider covers the unit's
 * municipality, 0 when it does not. Intensive support depends fully on free capacity, light
 * support hardly.
 */
export function begeleidingScore(intensity: SupportIntensity, headroom: number | null): number {
  if (headroom === null) return 0;
  return clamp01(1 - SUPPORT_CAPACITY_SENSITIVITY[intensity] * (1 - headroom));
}

/** Wait: 1 − 2^(−(days + head start) / 90), head start 90 days when urgent; never above 1. */
export function waitScore(daysWaiting: number, urgent: boolean): number {
  const days = Number.isFinite(daysWaiting) ? Math.max(0, daysWaiting) : 0;
  const effective = days + (urgent ? URGENT_HEAD_START_DAYS : 0);
  return clamp01(1 - Math.exp((-Math.LN2 * effective) / WAIT_HALF_LIFE_DAYS));
}

/** Throws unless every weight is a finite number ≥ 0 and at least one is > 0. */
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
  if (!values.some((weight) => weight > 0)) {
    throw new RangeError('at least one score weight must be > 0');
  }
}

/**
 * The weighted mean Σ wᵢ·sᵢ / Σ wᵢ of the five criteria, in the order of SCORE_CRITERIA.
 * Takes numbers rather than a breakdown object so the bulk path allocates nothing per pair.
 */
export function weightedScore(
  location: number,
  spreiding: number,
  prikkelarm: number,
  begeleiding: number,
  wait: number,
  weights: ScoreWeights,
): number {
  const total =
    weights.location + weights.spreiding + weights.prikkelarm + weights.begeleiding + weights.wait;
  const sum =
    weights.location * location +
    weights.spreiding * spreiding +
    weights.prikkelarm * prikkelarm +
    weights.begeleiding * begeleiding +
    weights.wait * wait;
  return clamp01(sum / total);
}
