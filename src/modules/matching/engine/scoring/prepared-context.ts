/**
 * What both evaluation paths derive from a MatchingContext once: today's day number, the end of
 * the planning horizon, the region's total load, shares. Validates the policy so a bad one fails
 * loudly instead of scoring nonsense.
 */
import type { EngineClient, EnginePolicy, EngineUnit, MatchingContext } from '../engine.types';
import { amsterdamDayNumber, isoDayNumber } from './calendar';
import { assertValidWeights, spreidingScore, waitScore } from './soft-scores';

export interface PreparedContext {
  readonly ctx: MatchingContext;
  /** Today in Europe/Amsterdam, as a day number. */
  readonly today: number;
  /** The last day on which a unit may become available: today + planning horizon. */
  readonly lastAvailableDay: number;
  /** Sum of the current load of all municipalities. */
  readonly totalMunicipalityLoad: number;
  /** Share of a municipality when `ctx.fairShare` is absent: equal over `ctx.municipalities`. */
  readonly equalShare: number;
}

export function assertValidPolicy(policy: EnginePolicy): void {
  assertValidWeights(policy.weights);
  if (!Number.isFinite(policy.maxDistanceKm) || policy.maxDistanceKm < 0) {
    throw new RangeError('maxDistanceKm must be a finite number ≥ 0');
  }
  if (!Number.isFinite(policy.planningHorizonDays)) {
    throw new RangeError('planningHorizonDays must be a finite number');
  }
  if (Number.isNaN(policy.neighbourhoodCap)) throw new RangeError('neighbourhoodCap is NaN');
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
    equalShare: ctx.municipalities.size > 0 ? 1 / ctx.municipalities.size : 1,
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

export function fairShareOf(prepared: PreparedContext, municipalityCode: string): number {
  const { fairShare } = prepared.ctx;
  if (fairShare === undefined) return prepared.equalShare;
  return fairShare.get(municipalityCode) ?? 0;
}

export function neighbourhoodLoadOf(ctx: MatchingContext, neighbourhoodCode: string): number {
  return ctx.load.neighbourhoods.get(neighbourhoodCode) ?? 0;
}

export function municipalityLoadOf(ctx: MatchingContext, municipalityCode: string): number {
  return ctx.load.municipalities.get(municipalityCode) ?? 0;
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

/** The wait score depends on the client alone (given `now`). */
export function clientWait(
  client: Pick<EngineClient, 'readySince' | 'urgent'>,
  prepared: PreparedContext,
): number {
  return waitScore(daysWaiting(client, prepared), client.urgent);
}
