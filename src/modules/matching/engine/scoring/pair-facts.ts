/**
 * The facts about one client–unit pair that rules and scores share, computed once per pair on
 * the single-pair path (the bulk path computes the same values from its flat arrays).
 */
import type { EngineClient, EngineUnit, SupportCoverage } from '../engine.types';
import { type ClientFacts, nearestOf } from './client-facts';
import { toRadians } from './geo';
import type { PreparedContext } from './prepared-context';

export interface NearestPoint {
  /** Great-circle km; Infinity when the client has no usable network point. */
  distanceKm: number;
  /** What the nearest point is, for messages: e.g. `family anchor`. */
  label: string;
}

function unitRadians(unit: EngineUnit): [number, number, number] {
  const latRad = toRadians(unit.location.lat);
  return [latRad, toRadians(unit.location.lon), Math.cos(latRad)];
}

/** The nearest of the client's usable network points. */
export function nearestPoint(facts: ClientFacts, unit: EngineUnit): NearestPoint {
  const { distanceKm, index } = nearestOf(facts.points, ...unitRadians(unit));
  return { distanceKm, label: index < 0 ? 'none' : (facts.points[index]?.label ?? 'none') };
}

/** The nearest point of an area the client must avoid. */
export function nearestAvoided(facts: ClientFacts, unit: EngineUnit): NearestPoint {
  const { distanceKm, index } = nearestOf(facts.avoidance, ...unitRadians(unit));
  return { distanceKm, label: index < 0 ? 'none' : (facts.avoidance[index]?.label ?? 'none') };
}

export function coverageOf(
  prepared: PreparedContext,
  providerId: string,
  municipalityCode: string,
): SupportCoverage | undefined {
  return prepared.ctx.coverage.get(providerId)?.get(municipalityCode);
}

/** Whether a provider can take this client on in the municipality. */
export function supportReaches(
  intensity: EngineClient['support']['intensity'],
  coverage: SupportCoverage | undefined,
): boolean {
  if (coverage === undefined) return false;
  return intensity !== 'intensive' || coverage.capacity - coverage.used > 0;
}

/** The provider that would support the client in a municipality. */
export interface SupportChoice {
  providerId: string;
  coverage: SupportCoverage;
  /** Whether it is the client's own provider (continuity). */
  own: boolean;
}

/**
 * The client's own provider when it can deliver this intensity there; otherwise, unless the
 * policy requires the own provider, the contracted provider with the most places left there
 * (then by id); null when none can.
 */
export function supportFor(
  support: EngineClient['support'],
  municipalityCode: string,
  prepared: PreparedContext,
): SupportChoice | null {
  const own = coverageOf(prepared, support.providerId, municipalityCode);
  if (own !== undefined && supportReaches(support.intensity, own)) {
    return { providerId: support.providerId, coverage: own, own: true };
  }
  if (prepared.rules.requireOwnProvider) return null;
  for (const covering of prepared.providersIn.get(municipalityCode) ?? []) {
    if (covering.providerId === support.providerId) continue;
    if (supportReaches(support.intensity, covering.coverage)) {
      return { providerId: covering.providerId, coverage: covering.coverage, own: false };
    }
  }
  return null;
}

export function pairKey(clientId: string, unitId: string): string {
  return `${clientId}:${unitId}`;
}
