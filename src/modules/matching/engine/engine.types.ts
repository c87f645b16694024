/**
 * The matching engine's input and output types: plain data, no database rows, no clock.
 * The registry turns its stored units, clients and policy into these; the engine never reads
 * anything else. Dates are ISO calendar dates (`YYYY-MM-DD`), interpreted in Europe/Amsterdam
 * by the caller; `now` is always passed in.
 */
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
  /** Coarse (≈1 km) network anchors. */
  anchors: readonly (GeoPoint & { kind: AnchorKind })[];
  stimulusNeed: StimulusNeed;
  /** `providerId` is resolved by the caller: the named provider, else the registering one. */
  support: { intensity: SupportIntensity; providerId: string };
  needs: { groundFloorOrLift: boolean; wheelchair: boolean };
  /** Unit types this client may get; `skaeve_huis` here is the Skaeve Huse indication. */
  routes: readonly UnitType[];
  readySince: string;
  urgent: boolean;
  hasConsent: boolean;
  /** Temporarily not matchable until this date (exclusive), e.g. during a hospital stay. */
  parkedUntil: string | null;
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
}

export interface SupportCoverage {
  /** How many clients the provider can support in this municipality. */
  capacity: number;
  /** How many it supports or has on offer there now. */
  used: number;
}

/** Everything besides units and clients that the rules and scores need. */
export interface MatchingContext {
  /** The moment of the run; no clock is read inside the engine. */
  now: Date;
  policy: EnginePolicy;
  /** Centroids of every municipality a unit or client may name. */
  municipalities: ReadonlyMap<string, GeoPoint>;
  /**
   * Current load per area: placements within the policy's cap window plus open proposals
   * (docs/api-contract.md, "Region policy"). Missing keys mean 0.
   */
  load: {
    neighbourhoods: ReadonlyMap<string, number>;
    municipalities: ReadonlyMap<string, number>;
  };
  /**
   * Fair share of each municipality in the region's uitstroom, as fractions summing to 1.
   * Missing: every municipality of `municipalities` gets an equal share.
   */
  fairShare?: ReadonlyMap<string, number>;
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
  /** Weighted total in [0, 1]. */
  score: number;
  policyVersion: number;
}

export type { ScoreBreakdown, ScoreCriterion };
