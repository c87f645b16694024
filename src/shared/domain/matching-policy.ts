/**
 * The matching rules of a region's policy that both the registry (validation, storage) and the
 * matching engine (rules, tiers) use, with their defaults. docs/matching.md gives the reasoning for
 * every default; the registry's policy schema takes its defaults from here, so the two never
 * disagree.
 */
import type { UnitType } from './vocabulary';

/**
 * One calendar year's Dutch rent limits (huurprijsgrenzen), monthly, in euro. The rent that counts
 * is the rekenhuur: bare rent plus the service costs that count for huurtoeslag.
 */
export interface RentLimits {
  /** Under-23s get no huurtoeslag above it: a ceiling for them, not a floor. */
  kwaliteitskortingsgrens: number;
  /** Passend toewijzen: households of one or two persons eligible for huurtoeslag stay at or below it. */
  aftoppingsgrensLow: number;
  /** Passend toewijzen: households of three or more persons eligible for huurtoeslag. */
  aftoppingsgrensHigh: number;
  /** Above it a home is not social rent and gives no huurtoeslag at all. */
  liberalisatiegrens: number;
}

/** Penalties (fit points, 0–1) for giving a scarce feature to a client who does not need it. */
export interface ScarcityPenalties {
  /** A wheelchair-accessible home to a client who needs none. */
  wheelchair: number;
  /** A low-stimulus (prikkelarm) home to a client with no low-stimulus need. */
  lowStimulus: number;
  /** Per bedroom beyond what the household needs. */
  extraBedroom: number;
}

/**
 * The yearly limits set by the national government (Belastingdienst, "Huurtoeslag: grenzen";
 * Rijksoverheid, "huurprijsgrenzen"; Huurcommissie, maximum rents per point from 1 January). A
 * region adds next year's limits to its policy when they are published.
 */
export const DEFAULT_RENT_LIMITS: Readonly<Record<string, RentLimits>> = {
  '2025': {
    kwaliteitskortingsgrens: 477.2,
    aftoppingsgrensLow: 682.96,
    aftoppingsgrensHigh: 731.93,
    liberalisatiegrens: 900.07,
  },
  '2026': {
    kwaliteitskortingsgrens: 498.2,
    aftoppingsgrensLow: 712.37,
    aftoppingsgrensHigh: 763.47,
    liberalisatiegrens: 932.93,
  },
};

export const MATCHING_POLICY_DEFAULTS = {
  /** Waiting longer than this many days makes a client urgent. */
  maxWaitDays: 365,
  /** A client whose `mustMoveBy` lies within this many days is urgent. */
  mustMoveUrgentDays: 60,
  /** Homes closer than this to an area a client must avoid are refused. */
  minDistanceKmFromAvoided: 5,
  /** When true, only the client's own provider may support it (no other contracted provider). */
  requireOwnProvider: false,
  /** Types whose placements neither count towards nor are stopped by the area caps. */
  capExemptTypes: ['omklap', 'skaeve_huis'] as readonly UnitType[],
  /** Placements and open proposals a Skaeve Huse cluster may hold (at most six homes a cluster). */
  clusterCap: 6,
  /** Per type, the acceptable distance from the network when it differs from `maxDistanceKm`. */
  maxDistanceKmByType: { skaeve_huis: 50 } as Readonly<Partial<Record<UnitType, number>>>,
  rentLimits: DEFAULT_RENT_LIMITS,
  scarcity: { wheelchair: 0.05, lowStimulus: 0.05, extraBedroom: 0.03 },
  /** Configured fair shares per municipality; empty: shares follow the contingent pledges. */
  fairShares: {} as Readonly<Record<string, number>>,
  /** Months before a doorstroom stay ends that the client is matchable (and urgent) again. */
  doorstroomLeadMonths: 3,
} as const;

/** The largest Skaeve Huse cluster (seed policy: clusters of at most six homes). */
export const MAX_CLUSTER_SIZE = 6;

export const URGENCY_REASONS = [
  'safety',
  'health',
  'stay_ending',
  'eviction',
  'shelter_capacity',
  'other',
] as const;
export type UrgencyReason = (typeof URGENCY_REASONS)[number];
