import type {
  CompactAssignmentInstance,
  CompactAssignmentSolution,
  CompactTierTotals,
} from './assignment.types';
import type { OpenProblem } from './fixed-pairs';

/**
 * The solution made of the fixed pairs plus the pairs chosen for the open clients
 * (`clientPair`, per client a pair index or -1), with its totals tier by tier.
 */
export function solutionOf(
  instance: CompactAssignmentInstance,
  open: Pick<OpenProblem, 'fixedCount' | 'fixedObjectiveMicro' | 'fixedUrgent' | 'fixedWaitDays'>,
  clientPair: Int32Array,
): CompactAssignmentSolution {
  const { clientCount, fixedClient, fixedUnit, unitPairStart } = instance;
  const clientUnit = new Int32Array(clientCount).fill(-1);
  fixedClient.forEach((c, i) => (clientUnit[c] = fixedUnit[i] ?? -1));
  const totals = totalsOf(instance, open, clientPair);
  // A pair's unit: the last u with unitPairStart[u] ≤ pair.
  for (let c = 0; c < clientCount; c++) {
    const p = clientPair[c] ?? -1;
    if (p >= 0) clientUnit[c] = unitOfPair(unitPairStart, p);
  }
  const solution: CompactAssignmentSolution = {
    clientUnit,
    assigned: totals.assigned,
    objectiveMicro: totals.objectiveMicro,
  };
  if (usesTiers(instance)) {
    solution.urgent = totals.urgent;
    solution.waitDays = totals.waitDays;
  }
  return solution;
}

/** Whether the instance uses any of the priority-tier or capacity-group fields. */
export function usesTiers(instance: CompactAssignmentInstance): boolean {
  return (
    instance.clientUrgent !== undefined ||
    instance.clientWait !== undefined ||
    instance.pairGroup !== undefined ||
    instance.groupCapacity !== undefined
  );
}

export function totalsOf(
  instance: CompactAssignmentInstance,
  open: Pick<OpenProblem, 'fixedCount' | 'fixedObjectiveMicro' | 'fixedUrgent' | 'fixedWaitDays'>,
  clientPair: Int32Array,
): CompactTierTotals {
  const totals: CompactTierTotals = {
    assigned: open.fixedCount,
    urgent: open.fixedUrgent,
    waitDays: open.fixedWaitDays,
    objectiveMicro: open.fixedObjectiveMicro,
  };
  for (let c = 0; c < instance.clientCount; c++) {
    const p = clientPair[c] ?? -1;
    if (p < 0) continue;
    totals.assigned++;
    if (instance.clientUrgent?.[c] === 1) totals.urgent++;
    totals.waitDays += instance.clientWait?.[c] ?? 0;
    totals.objectiveMicro += instance.pairScore[p] ?? 0;
  }
  return totals;
}

/** The unit a pair belongs to: binary search in `unitPairStart`. */
export function unitOfPair(unitPairStart: Int32Array, pair: number): number {
  let lo = 0;
  let hi = unitPairStart.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((unitPairStart[mid] ?? 0) <= pair) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
