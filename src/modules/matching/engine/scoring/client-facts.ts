/**
 * What the rules, scores and tiers need to know about one client, derived once per client by
 * both evaluation paths with the same code, so they agree to the last bit: its usable network
 * points, the points of the areas it must avoid, its wait and urgency, and its rent limit.
 */
import type { EngineClient } from '../engine.types';
import { isoDayNumber } from './calendar';
import { haversineFromRadians, toRadians } from './geo';
import { bedroomsNeeded } from './household';
import { daysWaiting, type PreparedContext } from './prepared-context';
import { waitProgress } from './soft-scores';

/** A point in radians with the cosine of its latitude, ready for `haversineFromRadians`. */
export interface RadianPoint {
  /** Degrees, for the spatial index. */
  lat: number;
  lon: number;
  /** Whether this is the centre of the municipality of belonging (searched once per municipality). */
  centre: boolean;
  latRad: number;
  lonRad: number;
  cosLat: number;
  /** What the point is, for messages: `family anchor`, `neighbourhood BU09830101`, … */
  label: string;
}

/** Why a client counts as urgent; null when it does not. */
export type UrgencyCause = 'confirmed' | 'waited_past_max' | 'must_move_soon' | null;

export interface ClientFacts {
  /** Whole days since `readySince` (0 when not yet ready). */
  days: number;
  urgency: UrgencyCause;
  /** The wait shown in the breakdown: 1 when urgent, else days / maxWaitDays. */
  waitProgress: number;
  /** The network points that count: anchors and the centre of belonging, except avoided ones. */
  points: RadianPoint[];
  /** Network points left out because they lie in or near an area the client must avoid. */
  droppedPoints: string[];
  /** Centres and neighbourhood centroids of every avoided municipality and neighbourhood. */
  avoidance: RadianPoint[];
  /** The same points, grouped per avoided area. */
  avoidedAreas: AvoidedArea[];
  avoidMunicipalities: ReadonlySet<string>;
  bedroomsNeeded: number;
  /** The rent that counts for huurtoeslag may not exceed this; null when not applicable. */
  huurtoeslagLimit: { amount: number; name: string } | null;
}

function radianPoint(lat: number, lon: number, label: string, centre = false): RadianPoint {
  const latRad = toRadians(lat);
  return { lat, lon, centre, latRad, lonRad: toRadians(lon), cosLat: Math.cos(latRad), label };
}

/** The distance from a point to the nearest of `points`; Infinity when there are none. */
export function nearestOf(
  points: readonly RadianPoint[],
  latRad: number,
  lonRad: number,
  cosLat: number,
): { distanceKm: number; index: number } {
  let distanceKm = Number.POSITIVE_INFINITY;
  let index = -1;
  for (let p = 0; p < points.length; p++) {
    const point = points[p] as RadianPoint;
    const distance = haversineFromRadians(
      point.latRad,
      point.lonRad,
      point.cosLat,
      latRad,
      lonRad,
      cosLat,
    );
    if (distance < distanceKm) {
      distanceKm = distance;
      index = p;
    }
  }
  return { distanceKm, index };
}

/**
 * An avoided municipality or neighbourhood as the distance rule sees it: its points (centre and
 * neighbourhood centroids), and a disc around the first point that holds them all, so a home far
 * from the disc needs no check against each point.
 */
export interface AvoidedArea {
  points: RadianPoint[];
  /** The largest distance from `points[0]` to any of the points. */
  radiusKm: number;
}

/** Built once per area and run, shared by every client that avoids it. */
const areasByContext = new WeakMap<PreparedContext, Map<string, AvoidedArea | null>>();

function avoidedArea(
  kind: 'municipality' | 'neighbourhood',
  code: string,
  prepared: PreparedContext,
): AvoidedArea | null {
  let cache = areasByContext.get(prepared);
  if (cache === undefined) {
    cache = new Map();
    areasByContext.set(prepared, cache);
  }
  const key = `${kind} ${code}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const located =
    kind === 'municipality'
      ? (prepared.municipalityPoints.get(code) ?? [])
      : [prepared.ctx.neighbourhoods?.get(code)].filter((p) => p !== undefined);
  const points = located
    .map((point) => radianPoint(point.lat, point.lon, key))
    .filter((p) => Number.isFinite(p.latRad) && Number.isFinite(p.lonRad));
  const first = points[0];
  const area =
    first === undefined
      ? null
      : {
          points,
          radiusKm: Math.max(
            0,
            ...points.map((p) => nearestOf([first], p.latRad, p.lonRad, p.cosLat).distanceKm),
          ),
        };
  cache.set(key, area);
  return area;
}

function avoidedAreas(client: EngineClient, prepared: PreparedContext): AvoidedArea[] {
  const areas: AvoidedArea[] = [];
  for (const code of client.avoidMunicipalities) {
    const area = avoidedArea('municipality', code, prepared);
    if (area !== null) areas.push(area);
  }
  for (const code of client.avoidNeighbourhoods ?? []) {
    const area = avoidedArea('neighbourhood', code, prepared);
    if (area !== null) areas.push(area);
  }
  return areas;
}

/** Whether a point lies closer than `minKm` to any point of the areas; skips far areas whole. */
export function closerThan(
  areas: readonly AvoidedArea[],
  minKm: number,
  latRad: number,
  lonRad: number,
  cosLat: number,
): boolean {
  for (const area of areas) {
    const first = area.points[0] as RadianPoint;
    const toFirst = haversineFromRadians(
      first.latRad,
      first.lonRad,
      first.cosLat,
      latRad,
      lonRad,
      cosLat,
    );
    // Triangle inequality, with a margin for rounding: every point is at least this far.
    if (toFirst - area.radiusKm > minKm + 1e-6) continue;
    if (nearestOf(area.points, latRad, lonRad, cosLat).distanceKm < minKm) return true;
  }
  return false;
}

export function urgencyOf(
  client: EngineClient,
  days: number,
  prepared: PreparedContext,
): UrgencyCause {
  if (client.urgent) return 'confirmed';
  if (days > prepared.rules.maxWaitDays) return 'waited_past_max';
  const mustMoveBy = client.mustMoveBy ?? null;
  if (mustMoveBy !== null) {
    const left = isoDayNumber(mustMoveBy) - prepared.today;
    if (left <= prepared.rules.mustMoveUrgentDays) return 'must_move_soon';
  }
  return null;
}

function huurtoeslagLimitOf(
  client: EngineClient,
  prepared: PreparedContext,
): ClientFacts['huurtoeslagLimit'] {
  if (client.huurtoeslagEligible !== true) return null;
  const { rentLimits: limits, rentLimitsYear: year } = prepared.rules;
  if (client.under23 === true) {
    return { amount: limits.kwaliteitskortingsgrens, name: `kwaliteitskortingsgrens ${year}` };
  }
  const persons = client.household.adults + client.household.children;
  return persons <= 2
    ? { amount: limits.aftoppingsgrensLow, name: `aftoppingsgrens ${year} for 1–2 persons` }
    : { amount: limits.aftoppingsgrensHigh, name: `aftoppingsgrens ${year} for 3+ persons` };
}

export function clientFacts(client: EngineClient, prepared: PreparedContext): ClientFacts {
  const { ctx, rules } = prepared;
  const days = daysWaiting(client, prepared);
  const urgency = urgencyOf(client, days, prepared);
  const areas = avoidedAreas(client, prepared);
  const avoidance = areas.flatMap((area) => area.points);
  const avoidMunicipalities = new Set(client.avoidMunicipalities);

  const candidates: RadianPoint[] = client.anchors.map((anchor) =>
    radianPoint(anchor.lat, anchor.lon, `${anchor.kind} anchor`),
  );
  const centre = ctx.municipalities.get(client.municipalityOfBelonging);
  // The centre of an avoided municipality of belonging is never a network point.
  if (centre !== undefined && !avoidMunicipalities.has(client.municipalityOfBelonging)) {
    candidates.push(
      radianPoint(
        centre.lat,
        centre.lon,
        `centre of the municipality of belonging ${client.municipalityOfBelonging}`,
        true,
      ),
    );
  }
  const points: RadianPoint[] = [];
  const droppedPoints: string[] = [];
  for (const point of candidates) {
    // Invalid coordinates: never nearer than anything (NaN compares false), so skip them.
    if (!Number.isFinite(point.latRad) || !Number.isFinite(point.lonRad)) continue;
    const near = nearestOf(avoidance, point.latRad, point.lonRad, point.cosLat);
    if (near.distanceKm < rules.minDistanceKmFromAvoided) droppedPoints.push(point.label);
    else points.push(point);
  }
  return {
    days,
    urgency,
    waitProgress: waitProgress(days, urgency !== null, rules.maxWaitDays),
    points,
    droppedPoints,
    avoidance,
    avoidedAreas: areas,
    avoidMunicipalities,
    bedroomsNeeded: bedroomsNeeded(client.household),
    huurtoeslagLimit: huurtoeslagLimitOf(client, prepared),
  };
}

/** Position of a municipality in the client's preferences (first match), or −1; never an avoided one. */
export function preferenceRankOf(
  client: EngineClient,
  facts: ClientFacts,
  municipalityCode: string,
): number {
  if (facts.avoidMunicipalities.has(municipalityCode)) return -1;
  return client.preferredMunicipalities.indexOf(municipalityCode);
}
