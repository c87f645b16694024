/**
 * The matching engine's input and output types: plain data, no database rows, no clock.
 * The registry turns its stored units, clients and policy into these; the engine never reads
 * anything else. Dates are ISO calendar dates (`YYYY-MM-DD`), interpreted in Europe/Amsterdam
 * by the caller; `now` is always passed in.
 */
import type { RentLimits, ScarcityPenalties } from '../../../shared/domain/matching-policy';
import type {
  AnchorKind,
  ScoreBreakdown,
  ScoreCriterion,
  Stimulus,
  StimulusNeed,
  SupportIntensity,
  UnitType,
} from '../../../shared/domain/vocabulary';

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface EngineUnit {
  id: string;
  type: UnitType;
  municipalityCode: string;
  neighbourhoodCode: string;
  location: GeoPoint;
  /** Monthly rent in euro. */
  rent: number;
  bedrooms: number;
  /** 0 is the ground floor. */
  floor: number;
  hasLift: boolean;
  wheelchairAccessible: boolean;
  stimulus: Stimulus;
  availableFrom: string;
  /** The corporation that lets the unit (a client may avoid one, e.g. after rent arrears). */
  corporationId?: string;
  /**
   * Monthly service costs that count for huurtoeslag, apart from the bare `rent`. The household
   * pays `rent + serviceCosts`; that sum is also the rent that counts for huurtoeslag. Default 0.
   */
  serviceCosts?: number;
  /** Own front door, kitchen and toilet (zelfstandige woonruimte). Default true. */
  selfContained?: boolean;
  /** Default true. */
  petsAllowed?: boolean;
  /** Labelled for seniors: the engine knows no ages, so such a unit is proposed by hand only. */
  seniorOnly?: boolean;
  furnished?: boolean;
  /** Skaeve Huse cluster; null or absent for other types. */
  clusterId?: string | null;
}

export interface EngineClient {
  id: string;
  household: { adults: number; children: number };
  /** Monthly rent in euro the client can afford. */
  maxRent: number;
  municipalityOfBelonging: string;
  /** In order of preference: the first is the most wanted. */
  preferredMunicipalities: readonly string[];
  avoidMunicipalities: readonly string[];
  /** Neighbourhoods (CBS BU codes) never to be offered a home in or near. Default none. */
  avoidNeighbourhoods?: readonly string[];
  /** Corporations whose homes the client must not get (e.g. after rent arrears). Default none. */
  avoidCorporations?: readonly string[];
  /** Coarse (≈1 km) network anchors. */
  anchors: readonly (GeoPoint & { kind: AnchorKind })[];
  stimulusNeed: StimulusNeed;
  /** `providerId` is resolved by the caller: the named provider, else the registering one. */
  support: { intensity: SupportIntensity; providerId: string };
  needs: { groundFloorOrLift: boolean; wheelchair: boolean };
  /** Unit types this client may get; `skaeve_huis` here is the Skaeve Huse indication. */
  routes: readonly UnitType[];
  readySince: string;
  /** Urgency confirmed by a matcher (a provider's request alone does not count). */
  urgent: boolean;
  /** The date by which the client must have moved (e.g. a doorstroom stay ends); null if none. */
  mustMoveBy?: string | null;
  /** Moves with a pet. Default false. */
  pets?: boolean;
  /** The household depends on huurtoeslag (rent benefit), so passend toewijzen applies. */
  huurtoeslagEligible?: boolean;
  /** The main tenant is under 23 (a flag; no birth date is ever stored). */
  under23?: boolean;
  hasConsent: boolean;
  /** Temporarily not matchable until this date (exclusive), e.g. during a hospital stay. */
  parkedUntil: string | null;
  /** Parked by the region's reason consequence: which decline reason, how many times. */
  parkedAfter?: { reason: string; declines: number } | null;
}

export type ScoreWeights = Record<ScoreCriterion, number>;

/** The part of a region's versioned policy the engine uses (docs/api-contract.md, "Region policy"). */
export interface EnginePolicy {
  version: number;
  weights: ScoreWeights;
  /** Placements + open proposals a neighbourhood may hold within the cap window. */
  neighbourhoodCap: number;
  /** Optional per-municipality caps; a municipality without an entry has no cap. */
  municipalityCaps: Readonly<Record<string, number>>;
  maxDistanceKm: number;
  planningHorizonDays: number;
  /*
   * The fields below are optional so that an older policy still scores; an absent field takes
   * the default of MATCHING_POLICY_DEFAULTS (docs/matching.md gives the reasons).
   */
  /** Waiting longer than this many whole days makes a client urgent. */
  maxWaitDays?: number;
  /** A `mustMoveBy` within this many days makes a client urgent. */
  mustMoveUrgentDays?: number;
  /** Homes closer than this to an avoided municipality or neighbourhood are refused. */
  minDistanceKmFromAvoided?: number;
  /** Only the client's own provider may give the support (no other contracted provider). */
  requireOwnProvider?: boolean;
  /** Types exempt from the neighbourhood and municipality caps. */
  capExemptTypes?: readonly UnitType[];
  /** Placements and open proposals a Skaeve Huse cluster may hold. */
  clusterCap?: number;
  /** Acceptable distance per unit type, where it differs from `maxDistanceKm`. */
  maxDistanceKmByType?: Readonly<Partial<Record<UnitType, number>>>;
  /** Dutch rent limits by calendar year (`"2026"`); the run uses today's year or the last before. */
  rentLimits?: Readonly<Record<string, RentLimits>>;
  scarcity?: ScarcityPenalties;
  /** Configured fair shares per municipality (any scale); empty: from the contingent pledges. */
  fairShares?: Readonly<Record<string, number>>;
}

export interface SupportCoverage {
  /** How many clients the provider can support in this municipality. */
  capacity: number;
  /**
   * How many of its intensive-support clients are placed or proposed there now. Only intensive
   * support draws on the stated capacity (docs/matching.md, "Support").
   */
  used: number;
}

/** A neighbourhood's centroid and municipality: what the avoided-area distance is measured to. */
export interface NeighbourhoodPoint extends GeoPoint {
  municipalityCode: string;
}

/** Everything besides units and clients that the rules and scores need. */
export interface MatchingContext {
  /** The moment of the run; no clock is read inside the engine. */
  now: Date;
  policy: EnginePolicy;
  /** Centroids of every municipality a unit or client may name. */
  municipalities: ReadonlyMap<string, GeoPoint>;
  /**
   * Centroids of the neighbourhoods, by CBS code. The distance to an avoided area is measured to
   * its nearest neighbourhood centroid (and the municipality's centre); absent: centres only.
   */
  neighbourhoods?: ReadonlyMap<string, NeighbourhoodPoint>;
  /**
   * Current load per area: placements within the policy's cap window plus open proposals
   * (docs/api-contract.md, "Region policy"). Missing keys mean 0.
   */
  load: {
    neighbourhoods: ReadonlyMap<string, number>;
    municipalities: ReadonlyMap<string, number>;
    /** Placements and open proposals per Skaeve Huse cluster. */
    clusters?: ReadonlyMap<string, number>;
  };
  /**
   * Fair share of each municipality in the region's uitstroom, as fractions summing to 1.
   * Given, it overrides everything; missing: the policy's `fairShares`, else the contingent
   * `pledges`, else an equal share for every municipality of `municipalities`.
   */
  fairShare?: ReadonlyMap<string, number>;
  /** Homes pledged per municipality for this year's contingents (all corporations together). */
  pledges?: ReadonlyMap<string, number>;
  /** providerId → municipalityCode → coverage. A provider without an entry covers nothing. */
  coverage: ReadonlyMap<string, ReadonlyMap<string, SupportCoverage>>;
  /** Pairs declined or rejected before, as `${clientId}:${unitId}`. */
  excludedPairs: ReadonlySet<string>;
}

export interface RuleResult {
  /** Stable reason code, e.g. `RENT_ABOVE_MAX`. */
  code: string;
  passed: boolean;
  /** A sentence a matcher can read, with the values that decided it. */
  message: string;
}

export interface PairEvaluation {
  clientId: string;
  unitId: string;
  allowed: boolean;
  /** Every hard rule, passed or failed, in a fixed order. */
  rules: RuleResult[];
  /** Soft scores, each in [0, 1]; present even for a disallowed pair, to explain it. */
  breakdown: ScoreBreakdown;
  /**
   * The fit: the weighted mean of location, spreiding, prikkelarm and begeleiding, minus the
   * scarcity penalty, in [0, 1]. Waiting and urgency are not in it: they are priority tiers.
   */
  score: number;
  /** What the scarcity penalty took off the score, per scarce feature. */
  penalties: ScarcityPenalties;
  /** The support provider the pair would use, or null when none can deliver. */
  supportProviderId: string | null;
  policyVersion: number;
}

export type { ScoreBreakdown, ScoreCriterion };
