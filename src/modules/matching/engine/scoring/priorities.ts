/**
 * The priority tiers as the scoring side sees them, and what matchers read about them: which pair
 * the tiers favour, the cap areas a unit counts in, the clients blocked only by a cap, and the
 * passed-over report of a run. All pure: plain data in, plain data out.
 */
import type { EngineClient, EngineUnit, MatchingContext } from '../engine.types';
import { type ClientFacts, clientFacts } from './client-facts';
import type { HardRuleCode } from './hard-rule-codes';
import { clusterOf } from './hard-rules';
import { evaluatePreparedPair, firstFailedRuleOf } from './pair-evaluator';
import { generatePairs, type GeneratedPairs } from './pair-generator';
import {
  clusterLoadOf,
  isCapExempt,
  municipalityCapOf,
  municipalityLoadOf,
  neighbourhoodLoadOf,
  type PreparedContext,
  prepareContext,
} from './prepared-context';

/**
 * Orders two pairs by the tiers the assignment uses after "house as many as possible": the urgent
 * client first, then the longer wait, then the higher per-client fit, then the client's index
 * (the caller numbers clients by `readySince`, then id). Negative when pair `i` is favoured.
 */
export function comparePairsByTier(pairs: GeneratedPairs, i: number, j: number): number {
  const a = pairs.clientIndex[i] as number;
  const b = pairs.clientIndex[j] as number;
  return (
    (pairs.clientUrgent[b] as number) - (pairs.clientUrgent[a] as number) ||
    (pairs.clientWait[b] as number) - (pairs.clientWait[a] as number) ||
    (pairs.fit[j] as number) - (pairs.fit[i] as number) ||
    a - b
  );
}

export type CapAreaKind = 'neighbourhood' | 'municipality' | 'cluster';

/** An area whose cap a unit counts against, with the room left in it before this run. */
export interface CapArea {
  kind: CapAreaKind;
  /** `BU…`, `GM…` or `cluster:<id>`. */
  key: string;
  remaining: number;
}

function preparedCapAreas(unit: EngineUnit, prepared: PreparedContext): CapArea[] {
  const { ctx } = prepared;
  const areas: CapArea[] = [];
  if (!isCapExempt(unit, prepared)) {
    areas.push({
      kind: 'neighbourhood',
      key: unit.neighbourhoodCode,
      remaining: ctx.policy.neighbourhoodCap - neighbourhoodLoadOf(ctx, unit.neighbourhoodCode),
    });
    const cap = municipalityCapOf(ctx.policy, unit.municipalityCode);
    if (cap !== undefined) {
      areas.push({
        kind: 'municipality',
        key: unit.municipalityCode,
        remaining: cap - municipalityLoadOf(ctx, unit.municipalityCode),
      });
    }
  }
  const clusterId = clusterOf(unit);
  if (clusterId !== null) {
    areas.push({
      kind: 'cluster',
      key: `cluster:${clusterId}`,
      remaining: prepared.rules.clusterCap - clusterLoadOf(ctx, clusterId),
    });
  }
  return areas;
}

/**
 * The cap areas each unit counts against in the assignment: its neighbourhood and capped
 * municipality unless its type is exempt, and its Skaeve Huse cluster. What the compact
 * instance's caps are built from.
 */
export function capAreasOf(units: readonly EngineUnit[], ctx: MatchingContext): CapArea[][] {
  const prepared = prepareContext(ctx);
  return units.map((unit) => preparedCapAreas(unit, prepared));
}

const CAP_RULES: ReadonlySet<string> = new Set<HardRuleCode>([
  'NEIGHBOURHOOD_CAP_REACHED',
  'MUNICIPALITY_CAP_REACHED',
  'CLUSTER_CAP_REACHED',
]);

/** A client who would have a home if no area cap were reached, and has none now. */
export interface CapBlockedClient {
  clientId: string;
  /** The units it would be allowed, with the caps that close each. */
  units: { unitId: string; caps: HardRuleCode[] }[];
}

/**
 * For matchers: the clients whose every otherwise-allowed home is closed by a reached cap
 * (neighbourhood, municipality or cluster), and by nothing else. A matcher can then raise a cap
 * or propose by hand with a reason.
 */
export function capBlockedClients(
  clients: readonly EngineClient[],
  units: readonly EngineUnit[],
  ctx: MatchingContext,
): CapBlockedClient[] {
  const withCaps = generatePairs(clients, units, ctx);
  const housable = new Set(withCaps.clientIndex);
  const uncapped: MatchingContext = {
    ...ctx,
    policy: {
      ...ctx.policy,
      neighbourhoodCap: Number.POSITIVE_INFINITY,
      municipalityCaps: {},
      clusterCap: Number.POSITIVE_INFINITY,
    },
  };
  const withoutCaps = generatePairs(clients, units, uncapped);
  const prepared = prepareContext(ctx);
  const result = new Map<number, CapBlockedClient>();
  for (let i = 0; i < withoutCaps.count; i++) {
    const c = withoutCaps.clientIndex[i] as number;
    if (housable.has(c)) continue;
    const client = clients[c] as EngineClient;
    const unit = units[withoutCaps.unitIndex[i] as number] as EngineUnit;
    const caps = evaluatePreparedPair(client, unit, prepared)
      .rules.filter((rule) => !rule.passed && CAP_RULES.has(rule.code))
      .map((rule) => rule.code as HardRuleCode);
    let entry = result.get(c);
    if (entry === undefined) {
      entry = { clientId: client.id, units: [] };
      result.set(c, entry);
    }
    entry.units.push({ unitId: unit.id, caps });
  }
  return [...result.values()];
}

export type PassedOverReason = 'cap' | 'capacity' | 'rule' | 'fit';

/** A client who could have been housed but was not, while someone waiting less was. */
export interface PassedOverClient {
  clientId: string;
  waitDays: number;
  urgent: boolean;
  /** Units this client was allowed. */
  eligibleUnits: number;
  /** The reasons, most telling first: `cap` and `capacity` before `rule`, `fit` last. */
  reasons: PassedOverReason[];
  /** The cap areas (full in this assignment) that closed one of its eligible units. */
  fullCaps: string[];
  /** The capacity groups (full in this assignment) one of its eligible pairs needed. */
  fullGroups: { providerId: string; municipalityCode: string }[];
  /** Clients waiting less, not urgent, who were housed; with why this client did not get that home. */
  passedOverBy: { clientId: string; unitId: string; waitDays: number; rule: HardRuleCode | null }[];
}

export interface PassedOverInput {
  clients: readonly EngineClient[];
  units: readonly EngineUnit[];
  ctx: MatchingContext;
  pairs: GeneratedPairs;
  /** Per index of `clients`, the index in `units` of the assigned unit, or −1 (fixed pairs included). */
  clientUnit: Int32Array;
}

/** At most this many housed clients are named per passed-over client (the ones waiting least). */
export const PASSED_OVER_MAX_NAMED = 5;

const NONE = new Int32Array(0);

/**
 * The passed-over report of a run: every client who had an eligible home but was not assigned,
 * while a client with a shorter wait and no urgency was. Reasons:
 * - `cap`: one of its eligible homes stayed empty because its neighbourhood, municipality or
 *   cluster cap was full in this assignment;
 * - `capacity`: the provider group one of its pairs needed was full in this assignment;
 * - `rule`: the homes given to the clients who waited less are closed to it by a hard rule
 *   (named per home);
 * - `fit`: none of these — the assignment preferred fit over waiting, which the tiers never do.
 */
export function passedOverReport(input: PassedOverInput): PassedOverClient[] {
  const { clients, units, ctx, pairs, clientUnit } = input;
  const prepared = prepareContext(ctx);
  const areas = units.map((unit) => preparedCapAreas(unit, prepared));

  // Room used in this assignment, per cap area and per capacity group.
  const usedInArea = new Map<string, number>();
  const unitClient = new Int32Array(units.length).fill(-1);
  clientUnit.forEach((u, c) => {
    if (u < 0) return;
    unitClient[u] = c;
    for (const area of areas[u] ?? []) {
      usedInArea.set(area.key, (usedInArea.get(area.key) ?? 0) + 1);
    }
  });
  const usedInGroup = new Int32Array(pairs.groups.length);
  const eligible = new Int32Array(clients.length);
  for (let i = 0; i < pairs.count; i++) {
    const c = pairs.clientIndex[i] as number;
    eligible[c] = (eligible[c] as number) + 1;
    const g = pairs.pairGroup[i] as number;
    if (g >= 0 && clientUnit[c] === pairs.unitIndex[i]) {
      usedInGroup[g] = (usedInGroup[g] as number) + 1;
    }
  }
  const areaFull = (area: CapArea): boolean => (usedInArea.get(area.key) ?? 0) >= area.remaining;
  const groupFull = (g: number): boolean =>
    g >= 0 && (usedInGroup[g] as number) >= (pairs.groups[g]?.capacity ?? 0);

  // Housed, not urgent, by wait (shortest first): the clients someone could be passed over for.
  const housedNotUrgent: number[] = [];
  clientUnit.forEach((u, c) => {
    if (u >= 0 && pairs.clientUrgent[c] === 0) housedNotUrgent.push(c);
  });
  housedNotUrgent.sort((a, b) => (pairs.clientWait[a] as number) - (pairs.clientWait[b] as number));

  // A home left empty is closed by the areas that are full; the same for every client. Areas by
  // number, so a client's full caps are collected with stamps rather than a set per pair.
  const areaKeys: string[] = [];
  const areaNumber = new Map<string, number>();
  const closedAreas = areas.map((unitAreas, u) => {
    if ((unitClient[u] as number) >= 0) return NONE;
    const closed: number[] = [];
    for (const area of unitAreas) {
      if (!areaFull(area)) continue;
      let a = areaNumber.get(area.key);
      if (a === undefined) {
        a = areaKeys.length;
        areaKeys.push(area.key);
        areaNumber.set(area.key, a);
      }
      closed.push(a);
    }
    return closed.length === 0 ? NONE : Int32Array.from(closed);
  });

  // Per client not housed, with at least one allowed pair (the pairs come by client).
  const byClient = new Map<number, { fullCaps: string[]; fullGroups: number[]; fit: boolean }>();
  const areaStamp = new Int32Array(areaKeys.length);
  const groupStamp = new Int32Array(pairs.groups.length);
  for (let i = 0; i < pairs.count;) {
    const c = pairs.clientIndex[i] as number;
    let end = i + 1;
    while (end < pairs.count && pairs.clientIndex[end] === c) end++;
    if ((clientUnit[c] as number) >= 0) {
      i = end;
      continue;
    }
    const stamp = c + 1;
    const wait = pairs.clientWait[c] as number;
    const fullCaps: string[] = [];
    const fullGroups: number[] = [];
    let fit = false;
    for (; i < end; i++) {
      const u = pairs.unitIndex[i] as number;
      const g = pairs.pairGroup[i] as number;
      const taker = unitClient[u] as number;
      const closedBy = closedAreas[u] as Int32Array;
      for (let k = 0; k < closedBy.length; k++) {
        const a = closedBy[k] as number;
        if (areaStamp[a] === stamp) continue;
        areaStamp[a] = stamp;
        fullCaps.push(areaKeys[a] as string);
      }
      const full = groupFull(g);
      if (full && groupStamp[g] !== stamp) {
        groupStamp[g] = stamp;
        fullGroups.push(g);
      }
      // Taken by a client who waited less and is not urgent, or left empty with room: only fit
      // can explain it.
      const takerOutranked =
        taker >= 0 && pairs.clientUrgent[taker] === 0 && (pairs.clientWait[taker] as number) < wait;
      if ((takerOutranked || (taker < 0 && closedBy.length === 0)) && !full) fit = true;
    }
    byClient.set(c, { fullCaps, fullGroups, fit });
  }

  // Only the first few of them are ever named: whether each of their homes is open to a client
  // is read from the allowed pairs; only a closed one is evaluated, for the rule that closes it.
  const namedUnitSlot = new Int32Array(units.length).fill(-1);
  const nameable = Math.min(PASSED_OVER_MAX_NAMED, housedNotUrgent.length);
  for (let k = 0; k < nameable; k++) {
    namedUnitSlot[clientUnit[housedNotUrgent[k] as number] as number] = k;
  }
  const openToClient = new Uint8Array(clients.length * PASSED_OVER_MAX_NAMED);
  for (let i = 0; i < pairs.count; i++) {
    const k = namedUnitSlot[pairs.unitIndex[i] as number] as number;
    if (k >= 0) openToClient[(pairs.clientIndex[i] as number) * PASSED_OVER_MAX_NAMED + k] = 1;
  }

  const report: PassedOverClient[] = [];
  for (const [c, entry] of byClient) {
    const wait = pairs.clientWait[c] as number;
    // Sorted by wait, shortest first: those who waited less are a prefix; only its head is named.
    const named = [];
    for (const a of housedNotUrgent) {
      if (named.length === PASSED_OVER_MAX_NAMED || (pairs.clientWait[a] as number) >= wait) break;
      named.push(a);
    }
    if (named.length === 0) continue;
    const client = clients[c] as EngineClient;
    let facts: ClientFacts | undefined;
    const passedOverBy = named.map((a, k) => {
      const unit = units[clientUnit[a] as number] as EngineUnit;
      let rule: HardRuleCode | null = null;
      if (openToClient[c * PASSED_OVER_MAX_NAMED + k] === 0) {
        facts ??= clientFacts(client, prepared);
        rule = firstFailedRuleOf(client, unit, prepared, facts);
      }
      return {
        clientId: (clients[a] as EngineClient).id,
        unitId: unit.id,
        waitDays: pairs.clientWait[a] as number,
        rule,
      };
    });
    const reasons: PassedOverReason[] = [];
    if (entry.fullCaps.length > 0) reasons.push('cap');
    if (entry.fullGroups.length > 0) reasons.push('capacity');
    if (passedOverBy.some((n) => n.rule !== null)) reasons.push('rule');
    if (entry.fit) reasons.push('fit');
    report.push({
      clientId: client.id,
      waitDays: wait,
      urgent: pairs.clientUrgent[c] === 1,
      eligibleUnits: eligible[c] as number,
      reasons,
      fullCaps: entry.fullCaps.sort(),
      fullGroups: entry.fullGroups
        .sort((a, b) => a - b)
        .map((g) => {
          const group = pairs.groups[g] as GeneratedPairs['groups'][number];
          return { providerId: group.providerId, municipalityCode: group.municipalityCode };
        }),
      passedOverBy,
    });
  }
  return report.sort((a, b) => b.waitDays - a.waitDays || (a.clientId < b.clientId ? -1 : 1));
}
