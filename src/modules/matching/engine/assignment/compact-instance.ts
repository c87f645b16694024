import {
  MICRO_POINTS,
  NO_CAP,
  type AssignmentInstance,
  type AssignmentSolution,
  type CompactAssignmentInstance,
  type CompactAssignmentSolution,
  type CompactTierTotals,
  type TierTotals,
} from './assignment.types';
import { compareTotals } from './tiers';
import { usesTiers } from './solution-totals';

/** A compact instance with the ids its indices stand for. */
export interface IndexedAssignmentInstance {
  compact: CompactAssignmentInstance;
  clientIds: string[];
  unitIds: string[];
  /** Capacity groups in index order (empty without groups). */
  groupIds: string[];
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A score in [0, 1] as integer micro-points. */
export function toMicroPoints(score: number): number {
  return Math.round(score * MICRO_POINTS);
}

/**
 * Builds the compact form of a valid instance (see `parseInstance`). Clients, units and areas are
 * numbered in id order and pairs sorted by (unit, client), so the result, and with it the
 * solution, does not depend on the order of the input's arrays.
 */
export function toCompactInstance(instance: AssignmentInstance): IndexedAssignmentInstance {
  const clientIds = instance.clients.map((client) => client.id).sort(compareIds);
  const clientIndex = indexOf(clientIds);
  const sortedUnits = [...instance.units].sort((a, b) => compareIds(a.id, b.id));
  const unitIds = sortedUnits.map((unit) => unit.id);
  const unitIndex = indexOf(unitIds);

  const neighbourhoodCodes = [...new Set(sortedUnits.map((unit) => unit.neighbourhood))].sort(
    compareIds,
  );
  const neighbourhoodIndex = indexOf(neighbourhoodCodes);
  const municipalityCodes = [...new Set(sortedUnits.map((unit) => unit.municipality))].sort(
    compareIds,
  );
  const municipalityIndex = indexOf(municipalityCodes);

  const unitCount = unitIds.length;
  const unitNeighbourhood = new Int32Array(unitCount);
  const neighbourhoodMunicipality = new Int32Array(neighbourhoodCodes.length);
  sortedUnits.forEach((unit, u) => {
    const n = lookup(neighbourhoodIndex, unit.neighbourhood);
    unitNeighbourhood[u] = n;
    neighbourhoodMunicipality[n] = lookup(municipalityIndex, unit.municipality);
  });

  const neighbourhoodCap = capsFor(neighbourhoodCodes, instance.caps.neighbourhoods);
  const municipalityCap = capsFor(municipalityCodes, instance.caps.municipalities);

  // Pairs sorted by (unit, client) with two stable counting sorts: by client, then by unit.
  const pairCount = instance.pairs.length;
  const rawClient = new Int32Array(pairCount);
  const rawUnit = new Int32Array(pairCount);
  const rawScore = new Int32Array(pairCount);
  const groupIds = Object.keys(instance.groups ?? {}).sort(compareIds);
  const groupIndex = indexOf(groupIds);
  const rawGroup = instance.groups === undefined ? undefined : new Int32Array(pairCount);
  instance.pairs.forEach((pair, i) => {
    rawClient[i] = lookup(clientIndex, pair.client);
    rawUnit[i] = lookup(unitIndex, pair.unit);
    rawScore[i] = toMicroPoints(pair.score);
    if (rawGroup) rawGroup[i] = pair.group === undefined ? -1 : lookup(groupIndex, pair.group);
  });
  const byClient = countingSortOrder(rawClient, clientIds.length, identityOrder(pairCount));
  const byUnit = countingSortOrder(rawUnit, unitCount, byClient);

  const unitPairStart = new Int32Array(unitCount + 1);
  for (let i = 0; i < pairCount; i++) {
    const u = rawUnit[i] ?? 0;
    unitPairStart[u + 1] = (unitPairStart[u + 1] ?? 0) + 1;
  }
  for (let u = 0; u < unitCount; u++) {
    unitPairStart[u + 1] = (unitPairStart[u + 1] ?? 0) + (unitPairStart[u] ?? 0);
  }
  const pairClient = new Int32Array(pairCount);
  const pairScore = new Int32Array(pairCount);
  const pairGroup = rawGroup ? new Int32Array(pairCount) : undefined;
  for (let p = 0; p < pairCount; p++) {
    const i = byUnit[p] ?? 0;
    pairClient[p] = rawClient[i] ?? 0;
    pairScore[p] = rawScore[i] ?? 0;
    if (pairGroup) pairGroup[p] = rawGroup?.[i] ?? -1;
  }

  const fixed = instance.fixed ?? [];
  const fixedClient = Int32Array.from(fixed, (pair) => lookup(clientIndex, pair.client));
  const fixedUnit = Int32Array.from(fixed, (pair) => lookup(unitIndex, pair.unit));

  const compact: CompactAssignmentInstance = {
    clientCount: clientIds.length,
    unitCount,
    neighbourhoodCount: neighbourhoodCodes.length,
    municipalityCount: municipalityCodes.length,
    unitPairStart,
    pairClient,
    pairScore,
    unitNeighbourhood,
    neighbourhoodMunicipality,
    neighbourhoodCap,
    municipalityCap,
    fixedClient,
    fixedUnit,
  };
  // The tier and group fields only when the instance has them: absent, today's behaviour.
  const clientById = new Map(instance.clients.map((client) => [client.id, client]));
  const clientsInOrder = clientIds.map((id) => clientById.get(id));
  if (clientsInOrder.some((client) => client?.urgent !== undefined)) {
    compact.clientUrgent = Uint8Array.from(clientsInOrder, (client) => (client?.urgent ? 1 : 0));
  }
  if (clientsInOrder.some((client) => client?.waitDays !== undefined)) {
    compact.clientWait = Int32Array.from(clientsInOrder, (client) => client?.waitDays ?? 0);
  }
  if (pairGroup) {
    compact.pairGroup = pairGroup;
    compact.groupCapacity = Int32Array.from(groupIds, (id) => instance.groups?.[id] ?? 0);
  }
  return { compact, clientIds, unitIds, groupIds };
}

/** The solution in the form of docs/solver.md; `assignment` comes out in client-id order. */
export function toAssignmentSolution(
  indexed: IndexedAssignmentInstance,
  solution: CompactAssignmentSolution,
  millis: number,
): AssignmentSolution {
  const assignment: AssignmentSolution['assignment'] = [];
  indexed.clientIds.forEach((client, c) => {
    const u = solution.clientUnit[c] ?? -1;
    if (u >= 0) assignment.push({ client, unit: indexed.unitIds[u] ?? '' });
  });
  const result: AssignmentSolution = {
    assignment,
    assigned: solution.assigned,
    objective: solution.objectiveMicro / MICRO_POINTS,
    stats: {
      clients: indexed.compact.clientCount,
      units: indexed.compact.unitCount,
      pairs: indexed.compact.pairClient.length,
      millis,
    },
  };
  // Today's instances get today's output: the tier figures only when the instance has tiers.
  if (!usesTiers(indexed.compact)) return result;
  result.urgent = solution.urgent ?? 0;
  result.waitDays = solution.waitDays ?? 0;
  const optimality = solution.optimality;
  if (optimality) {
    const reached: CompactTierTotals = {
      assigned: solution.assigned,
      urgent: result.urgent,
      waitDays: result.waitDays,
      objectiveMicro: solution.objectiveMicro,
    };
    result.optimality = {
      exact: optimality.exact,
      bound: tierTotals(optimality.bound),
      gap: optimality.exact ? null : gapBetween(optimality.bound, reached),
    };
  }
  return result;
}

function tierTotals(totals: CompactTierTotals): TierTotals {
  const { assigned, urgent, waitDays, objectiveMicro } = totals;
  return { assigned, urgent, waitDays, objective: objectiveMicro / MICRO_POINTS };
}

/** The first tier in which the bound exceeds the solution, and by how much. */
function gapBetween(
  bound: CompactTierTotals,
  reached: CompactTierTotals,
): NonNullable<AssignmentSolution['optimality']>['gap'] {
  if (compareTotals(bound, reached) <= 0) return null;
  for (const tier of ['assigned', 'urgent', 'waitDays'] as const) {
    if (bound[tier] !== reached[tier]) return { tier, amount: bound[tier] - reached[tier] };
  }
  return {
    tier: 'objective',
    amount: (bound.objectiveMicro - reached.objectiveMicro) / MICRO_POINTS,
  };
}

function indexOf(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, i) => [id, i]));
}

function lookup(index: ReadonlyMap<string, number>, id: string): number {
  const i = index.get(id);
  // parseInstance has checked every reference; reaching this is a programming error.
  if (i === undefined) throw new RangeError(`unknown id "${id}"`);
  return i;
}

function capsFor(codes: readonly string[], caps: Record<string, number> | undefined): Int32Array {
  return Int32Array.from(codes, (code) =>
    caps !== undefined && Object.hasOwn(caps, code) ? (caps[code] ?? NO_CAP) : NO_CAP,
  );
}

function identityOrder(length: number): Int32Array {
  const order = new Int32Array(length);
  for (let i = 0; i < length; i++) order[i] = i;
  return order;
}

/** Stable counting sort of `order` by `key[order[i]]`, keys in [0, keyCount). */
function countingSortOrder(key: Int32Array, keyCount: number, order: Int32Array): Int32Array {
  const start = new Int32Array(keyCount + 1);
  for (const i of order) {
    const k = (key[i] ?? 0) + 1;
    start[k] = (start[k] ?? 0) + 1;
  }
  for (let k = 0; k < keyCount; k++) start[k + 1] = (start[k + 1] ?? 0) + (start[k] ?? 0);
  const sorted = new Int32Array(order.length);
  for (const i of order) {
    const k = key[i] ?? 0;
    const at = start[k] ?? 0;
    sorted[at] = i;
    start[k] = at + 1;
  }
  return sorted;
}
