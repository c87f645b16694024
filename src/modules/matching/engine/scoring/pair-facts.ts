/**
 * The facts about one client–unit pair that rules and scores share, computed once per pair on
 * the single-pair path (the bulk path computes the same values from its flat arrays).
 */
import type { EngineClient, EngineUnit, SupportCoverage } from '../engine.types';
import { haversineKm } from './geo';
import type { PreparedContext } from './prepared-context';

export interface NearestPoint {
  /** Great-circle km; Infinity when the client has no usable anchor nor a known centroid. */
  distanceKm: number;
  /** What the nearest point is, for messages: e.g. `family anchor`. */
  label: string;
}

/**
 * The nearest of the client's anchors and the centre of the municipality of belonging. Points
 * with invalid coordinates are skipped (NaN is never smaller), exactly as in the bulk path.
 */
export function nearestPoint(
  client: EngineClient,
  unit: EngineUnit,
  prepared: PreparedContext,
): NearestPoint {
  let distanceKm = Number.POSITIVE_INFINITY;
  let label = 'none';
  for (const anchor of client.anchors) {
    const distance = haversineKm(anchor, unit.location);
    if (distance < distanceKm) {
      distanceKm = distance;
      label = `${anchor.kind} anchor`;
    }
  }
  const centroid = prepared.ctx.municipalities.get(client.municipalityOfBelonging);
  if (centroid !== undefined) {
    const distance = haversineKm(centroid, unit.location);
    if (distance < distanceKm) {
      distanceKm = distance;
      label = `centre of the municipality of belonging ${client.municipalityOfBelonging}`;
    }
  }
  return { distanceKm, label };
}

/** Position of the unit's municipality in the client's preferences (first match), or −1. */
export function preferenceRankOf(client: EngineClient, municipalityCode: string): number {
  return client.preferredMunicipalities.indexOf(municipalityCode);
}

export function coverageOf(
  prepared: PreparedContext,
  providerId: string,
  municipalityCode: string,
): SupportCoverage | undefined {
  return prepared.ctx.coverage.get(providerId)?.get(municipalityCode);
}

/** Whether the provider can take this client on in the municipality (the hard support rule). */
export function supportReaches(
  intensity: EngineClient['support']['intensity'],
  coverage: SupportCoverage | undefined,
): boolean {
  if (coverage === undefined) return false;
  return intensity !== 'intensive' || coverage.capacity - coverage.used > 0;
}

export function pairKey(clientId: string, unitId: string): string {
  return `${clientId}:${unitId}`;
}
