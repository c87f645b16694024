/**
 * What both evaluation paths derive from a MatchingContext once: today's day number, the end of
 * the planning horizon, the policy with its defaults filled in, the region's total load, shares,
 * the providers per municipality and the points of each municipality. Validates the policy so a
 * bad one fails loudly instead of scoring nonsense.
 */
import {
  DEFAULT_RENT_LIMITS,
  MATCHING_POLICY_DEFAULTS,
  type RentLimits,
  type ScarcityPenalties,
} from '../../../../shared/domain/matching-policy';
import type { UnitType } from '../../../../shared/domain/vocabulary';
import type {
  EngineClient,
  EnginePolicy,
  EngineUnit,
  GeoPoint,
  MatchingContext,
  SupportCoverage,
} from '../engine.types';
import { amsterdamDayNumber, isoDateOf, isoDayNumber } from './calendar';
import { assertValidWeights, spreidingScore } from './soft-scores';

/** The policy's optional matching rules with every default filled in. */
export interface ResolvedRules {
  maxWaitDays: number;
  mustMoveUrgentDays: number;
  minDistanceKmFromAvoided: number;
  requireOwnProvider: boolean;
  capExemptTypes: ReadonlySet<string>;
  clusterCap: number;
  scarcity: ScarcityPenalties;
  /** The rent limits of today's year (or the last year before it that the policy lists). */
  rentLimits: RentLimits;
  rentLimitsYear: string;
}

/** A provider that covers a municipality, with its coverage there. */
export interface CoveringProvider {
  providerId: string;
  coverage: SupportCoverage;
}

export interface PreparedContext {
  readonly ctx: MatchingContext;
  /** Today in Europe/Amsterdam, as a day number. */
  readonly today: number;
  /** The last day on which a unit may become available: today + planning horizon. */
  readonly lastAvailableDay: number;
  /** Sum of the current load of all municipalities. */
  readonly totalMunicipalityLoad: number;
  readonly rules: ResolvedRules;
  /** Fair share per municipality when not equal; undefined: equal shares (`equalShare`). */
  readonly shares: ReadonlyMap<string, number> | undefined;
  /** Share of a municipality when no shares are known: equal over `ctx.municipalities`. */
  readonly equalShare: number;
  /** Per municipality, the providers covering it: most places left first, then by id. */
  readonly providersIn: ReadonlyMap<string, readonly CoveringProvider[]>;
  /** Per municipality, its centre and its neighbourhood centroids: what an avoidance is measured to. */
  readonly municipalityPoints: ReadonlyMap<string, readonly GeoPoint[]>;
}

export function assertValidPolicy(policy: EnginePolicy): void {
  assertValidWeights(policy.weights);
  if (!Number.isFinite(policy.maxDistanceKm) || policy.maxDistanceKm < 0) {
    throw new RangeError('maxDistanceKm must be a finite number ≥ 0');
  }
  for (const [type, km] of Object.entries(policy.maxDistanceKmByType ?? {})) {
    if (!Number.isFinite(km) || km < 0) {
      throw new RangeError(`maxDistanceKmByType.${type} must be a finite number ≥ 0`);
    }
  }
  if (!Number.isFinite(policy.planningHorizonDays)) {
    throw new RangeError('planningHorizonDays must be a finite number');
  }
  if (Number.isNaN(policy.neighbourhoodCap)) throw new RangeError('neighbourhoodCap is NaN');
  const minDistance = policy.minDistanceKmFromAvoided;
  if (minDistance !== undefined && !(Number.isFinite(minDistance) && minDistance >= 0)) {
    throw new RangeError('minDistanceKmFromAvoided must be a finite number ≥ 0');
  }
  if (policy.maxWaitDays !== undefined && !(policy.maxWaitDays >= 0)) {
    throw new RangeError('maxWaitDays must be ≥ 0');
  }
}

/** The rent limits of the year of `today`, or of the last year before it; else the first known. */
function rentLimitsFor(
  limits: Readonly<Record<string, RentLimits>>,
  today: number,
): { year: string; limits: RentLimits } {
  const source = Object.keys(limits).length > 0 ? limits : DEFAULT_RENT_LIMITS;
  const years = Object.keys(source).sort();
  const thisYear = isoDateOf(today).slice(0, 4);
  const year = years.filter((y) => y <= thisYear).at(-1) ?? years.at(0);
  const chosen = year === undefined ? undefined : source[year];
  if (year === undefined || chosen === undefined) throw new RangeError('no rent limits');
  return { year, limits: chosen };
}

function resolveRules(policy: EnginePolicy, today: number): ResolvedRules {
  const d = MATCHING_POLICY_DEFAULTS;
  const { year, limits } = rentLimitsFor(policy.rentLimits ?? d.rentLimits, today);
  return {
    maxWaitDays: policy.maxWaitDays ?? d.maxWaitDays,
    mustMoveUrgentDays: policy.mustMoveUrgentDays ?? d.mustMoveUrgentDays,
    minDistanceKmFromAvoided: policy.minDistanceKmFromAvoided ?? d.minDistanceKmFromAvoided,
    requireOwnProvider: policy.requireOwnProvider ?? d.requireOwnProvider,
    capExemptTypes: new Set(policy.capExemptTypes ?? d.capExemptTypes),
    clusterCap: policy.clusterCap ?? d.clusterCap,
    scarcity: policy.scarcity ?? d.scarcity,
    rentLimits: limits,
    rentLimitsYear: year,
  };
}

/** Fractions summing to 1 from non-negative weights; undefined when they sum to 0. */
function normalised(entries: Iterable<[string, number]>): Map<string, number> | undefined {
  const weights = [...entries].filter(([, w]) => Number.isFinite(w) && w > 0);
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  if (!(total > 0)) return undefined;
  return new Map(weights.map(([code, w]) => [code, w / total]));
}

/**
 * Fair shares: the context's explicit shares as given; else the policy's configured shares; else
 * each municipality's part of this year's contingent pledges; else undefined (equal shares).
 */
function fairShares(ctx: MatchingContext): ReadonlyMap<string, number> | undefined {
  if (ctx.fairShare !== undefined) return ctx.fairShare;
  const configured = normalised(Object.entries(ctx.policy.fairShares ?? {}));
  if (configured !== undefined) return configured;
  return ctx.pledges === undefined ? undefined : normalised(ctx.pledges);
}

function remaining(coverage: SupportCoverage): number {
  return coverage.capacity - coverage.used;
}

function coveringProviders(ctx: MatchingContext): Map<string, CoveringProvider[]> {
  const result = new Map<string, CoveringProvider[]>();
  for (const [providerId, byMunicipality] of ctx.coverage) {
    for (const [code, coverage] of byMunicipality) {
      const list = result.get(code);
      if (list === undefined) result.set(code, [{ providerId, coverage }]);
      else list.push({ providerId, coverage });
    }
  }
  for (const list of result.values()) {
    list.sort(
      (a, b) =>
        remaining(b.coverage) - remaining(a.coverage) ||
        (a.providerId < b.providerId ? -1 : a.providerId > b.providerId ? 1 : 0),
    );
  }
  return result;
}

function pointsOfMunicipalities(ctx: MatchingContext): Map<string, GeoPoint[]> {
  const result = new Map<string, GeoPoint[]>();
  for (const [code, centre] of ctx.municipalities) result.set(code, [centre]);
  for (const point of ctx.neighbourhoods?.values() ?? []) {
    const list = result.get(point.municipalityCode);
    const centroid = { lat: point.lat, lon: point.lon };
    if (list === undefined) result.set(point.municipalityCode, [centroid]);
    else list.push(centroid);
  }
  return result;
}

export function prepareContext(ctx: MatchingContext): PreparedContext {
  assertValidPolicy(ctx.policy);
  const today = amsterdamDayNumber(ctx.now);
  if (!Number.isFinite(today)) throw new RangeError('now is not a valid date');
  let totalMunicipalityLoad = 0;
  for (const load of ctx.load.municipalities.values()) {
    if (load > 0 && Number.isFinite(load)) totalMunicipalityLoad += load;
  }
  return {
    ctx,
    today,
    lastAvailableDay: today + ctx.policy.planningHorizonDays,
    totalMunicipalityLoad,
    rules: resolveRules(ctx.policy, today),
    shares: fairShares(ctx),
    equalShare: ctx.municipalities.size > 0 ? 1 / ctx.municipalities.size : 1,
    providersIn: coveringProviders(ctx),
    municipalityPoints: pointsOfMunicipalities(ctx),
  };
}

/** The municipality's cap, or undefined when the policy sets none. */
export function municipalityCapOf(
  policy: EnginePolicy,
  municipalityCode: string,
): number | undefined {
  return Object.hasOwn(policy.municipalityCaps, municipalityCode)
    ? policy.municipalityCaps[municipalityCode]
    : undefined;
}

/** The acceptable distance from the network for a unit of this type. */
export function maxDistanceKmFor(policy: EnginePolicy, type: string): number {
  const byType = policy.maxDistanceKmByType ?? MATCHING_POLICY_DEFAULTS.maxDistanceKmByType;
  return Object.hasOwn(byType, type) ? (byType[type as UnitType] as number) : policy.maxDistanceKm;
}

export function fairShareOf(prepared: PreparedContext, municipalityCode: string): number {
  const { shares } = prepared;
  if (shares === undefined) return prepared.equalShare;
  return shares.get(municipalityCode) ?? 0;
}

export function neighbourhoodLoadOf(ctx: MatchingContext, neighbourhoodCode: string): number {
  return ctx.load.neighbourhoods.get(neighbourhoodCode) ?? 0;
}

export function municipalityLoadOf(ctx: MatchingContext, municipalityCode: string): number {
  return ctx.load.municipalities.get(municipalityCode) ?? 0;
}

export function clusterLoadOf(ctx: MatchingContext, clusterId: string): number {
  return ctx.load.clusters?.get(clusterId) ?? 0;
}

/** Whether a unit's type is exempt from the neighbourhood and municipality caps. */
export function isCapExempt(unit: Pick<EngineUnit, 'type'>, prepared: PreparedContext): boolean {
  return prepared.rules.capExemptTypes.has(unit.type);
}

/** The spreiding score depends on the unit alone (given the context). */
export function unitSpreiding(
  unit: Pick<EngineUnit, 'municipalityCode' | 'neighbourhoodCode'>,
  prepared: PreparedContext,
): number {
  const { ctx } = prepared;
  return spreidingScore({
    neighbourhoodLoad: neighbourhoodLoadOf(ctx, unit.neighbourhoodCode),
    neighbourhoodCap: ctx.policy.neighbourhoodCap,
    municipalityLoad: municipalityLoadOf(ctx, unit.municipalityCode),
    municipalityCap: municipalityCapOf(ctx.policy, unit.municipalityCode),
    share: fairShareOf(prepared, unit.municipalityCode),
    totalLoad: prepared.totalMunicipalityLoad,
  });
}

/** Whole days since the client became ready for uitstroom (0 if in the future or malformed). */
export function daysWaiting(
  client: Pick<EngineClient, 'readySince'>,
  prepared: PreparedContext,
): number {
  const days = prepared.today - isoDayNumber(client.readySince);
  return Number.isFinite(days) ? Math.max(0, days) : 0;
}
