import {
  MICRO_POINTS,
  NO_CAP,
  type CompactAssignmentInstance,
  type CompactAssignmentSolution,
} from './assignment.types';
import { openProblem, type OpenProblem } from './fixed-pairs';
import { KeyHeap, NodeHeap } from './node-heap';
import type { ExactFlowCache } from './exact-flow';
import { clientArcs, type ClientArcs, priorityClasses } from './priority-flow';
import { solutionOf } from './solution-totals';
import { priorityTiers } from './tiers';
import { unitArcsByWorth, type UnitArcs } from './unit-arcs';

/**
 * The baseline: take the best remaining pair first (the client's priority tiers descending, then
 * score descending, then client index, then unit index), skipping pairs whose client or unit is
 * taken, whose area is at its cap or whose capacity group is full. Fast and plausible, but
 * neither the most clients housed nor the best total; the benchmark reports how far it is from
 * the optimum.
 */
export function solveCompactGreedy(
  instance: CompactAssignmentInstance,
  /**
   * The classes and client arcs of an optimal solve of this same instance
   * (`OptimalSolveOptions.cache`): given, the same greedy walks them (`greedyByClasses`, pair for
   * pair the same answer) instead of sorting every unit's pairs again.
   */
  cache?: ExactFlowCache,
): CompactAssignmentSolution {
  const open = openProblem(instance);
  const { clientPriority } = priorityTiers(instance, open);
  const clientPair =
    cache === undefined
      ? greedyAssign(instance, open, clientPriority)
      : greedyByClasses(
          instance,
          open,
          (cache.classes ??= priorityClasses(clientPriority, open)),
          (cache.arcs ??= clientArcs(instance, open)),
        );
  return solutionOf(instance, open, clientPair);
}

/**
 * Greedy on what `open` leaves, using up its caps and groups as it goes (so `open` is changed):
 * per client, the pair it is given, or -1.
 *
 * Rather than sorting all pairs, it merges the units' sorted lists through a heap holding each
 * unit's best pair still possible. A skipped pair never becomes possible again (clients are only
 * taken, caps and groups only used up), so this visits pairs in exactly the global order.
 */
export function greedyAssign(
  instance: CompactAssignmentInstance,
  open: OpenProblem,
  clientPriority: Float64Array,
  /**
   * The units' arcs sorted once for a less used-up `open` (capacity-groups.ts repairs many
   * times): arcs of clients or units `open` has taken since are skipped.
   */
  sorted: UnitArcs = unitArcsByWorth(instance, open, { clientPriority }),
): Int32Array {
  const { unitCount, clientCount, unitNeighbourhood, neighbourhoodMunicipality } = instance;
  const { start, client, pair, lo: score } = sorted;
  const { clientUnit, neighbourhoodLeft, municipalityLeft, groupLeft, unitTaken } = open;
  const pairGroup = instance.pairGroup;
  const clientPair = new Int32Array(clientCount).fill(-1);

  // Key of a unit's current pair: priority and score descending, then client; the heap breaks
  // ties by unit.
  const push = (u: number, arc: number): void => {
    const c = client[arc] ?? 0;
    const lo = (MICRO_POINTS - (score[arc] ?? 0)) * clientCount + c;
    heap.push(u, -(clientPriority[c] ?? 0), lo);
  };
  const possible = (arc: number): boolean => {
    if ((clientUnit[client[arc] ?? 0] ?? 0) >= 0) return false;
    const g = pairGroup?.[pair[arc] ?? 0] ?? -1;
    return g < 0 || groupLeft?.[g] !== 0;
  };
  const next = start.slice(0, unitCount);
  const heap = new NodeHeap(unitCount);
  for (let u = 0; u < unitCount; u++) {
    if ((start[u + 1] ?? 0) > (start[u] ?? 0)) push(u, start[u] ?? 0);
  }

  while (!heap.isEmpty) {
    const u = heap.pop();
    if (unitTaken[u] === 1) continue;
    // Client taken or group full: this unit's next possible pair takes its place. Skipped here
    // in one go rather than each through the heap: a skipped pair never becomes possible again.
    const end = start[u + 1] ?? 0;
    let arc = next[u] ?? 0;
    while (arc < end && !possible(arc)) arc++;
    if (arc === end) continue;
    if (arc !== next[u]) {
      next[u] = arc;
      push(u, arc);
      continue;
    }
    const c = client[arc] ?? 0;
    const g = pairGroup?.[pair[arc] ?? 0] ?? -1;
    const n = unitNeighbourhood[u] ?? 0;
    const m = neighbourhoodMunicipality[n] ?? 0;
    const nLeft = neighbourhoodLeft[n] ?? NO_CAP;
    const mLeft = municipalityLeft[m] ?? NO_CAP;
    // An area at its cap stays there: none of this unit's pairs can be taken.
    if (nLeft === 0 || mLeft === 0) continue;
    if (nLeft !== NO_CAP) neighbourhoodLeft[n] = nLeft - 1;
    if (mLeft !== NO_CAP) municipalityLeft[m] = mLeft - 1;
    if (groupLeft && g >= 0) groupLeft[g] = (groupLeft[g] ?? 0) - 1;
    clientUnit[c] = u;
    open.unitTaken[u] = 1;
    clientPair[c] = pair[arc] ?? 0;
  }
  return clientPair;
}

/**
 * The same greedy, pair for pair, from the clients' side: the class method's client arcs (best
 * score first, then unit index; priority-flow.ts) and priority classes (clients of equal p, in
 * decreasing p), both built once per solve, so the capacity groups' repairs need no arcs sorted
 * by unit (capacity-groups.ts). The global order (p descending, score descending, client, unit)
 * is class by class, and within a class the merge of its clients' lists through a heap keyed by
 * (MICRO_POINTS - score, client). A pair that is not possible (unit taken, area at its cap,
 * group full) never becomes possible again, so each client's list is walked once.
 */
export function greedyByClasses(
  instance: CompactAssignmentInstance,
  open: OpenProblem,
  classes: { order: Int32Array; classStart: Int32Array },
  arcs: ClientArcs,
): Int32Array {
  const { clientCount, unitNeighbourhood, neighbourhoodMunicipality } = instance;
  const { clientUnit, unitTaken, neighbourhoodLeft, municipalityLeft, groupLeft } = open;
  const { start, unit, pair, score, group } = arcs;
  const clientPair = new Int32Array(clientCount).fill(-1);
  const next = start.slice(0, clientCount);
  const heap = new KeyHeap(clientCount);
  const possible = (a: number): boolean => {
    const u = unit[a] ?? 0;
    if (unitTaken[u] === 1) return false;
    const n = unitNeighbourhood[u] ?? 0;
    if (neighbourhoodLeft[n] === 0 || municipalityLeft[neighbourhoodMunicipality[n] ?? 0] === 0) {
      return false;
    }
    const g = group[a] ?? -1;
    return g < 0 || groupLeft?.[g] !== 0;
  };
  /** Moves c to its next possible arc and (re)enters it in the heap; false when none is left. */
  const advance = (c: number): void => {
    const end = start[c + 1] ?? 0;
    let a = next[c] ?? 0;
    while (a < end && !possible(a)) a++;
    next[c] = a;
    if (a < end) heap.push(c, MICRO_POINTS - (score[a] ?? 0));
  };
  const use = (caps: Int32Array, i: number): void => {
    const left = caps[i] ?? NO_CAP;
    if (left !== NO_CAP) caps[i] = left - 1;
  };
  const { order, classStart } = classes;
  for (let k = 0; k + 1 < classStart.length; k++) {
    for (let i = classStart[k] ?? 0; i < (classStart[k + 1] ?? 0); i++) {
      const c = order[i] ?? 0;
      if ((clientUnit[c] ?? 0) < 0) advance(c);
    }
    while (!heap.isEmpty) {
      const c = heap.pop();
      const a = next[c] ?? 0;
      // Taken since it was entered: the client's next possible arc takes its place.
      if (!possible(a)) {
        advance(c);
        continue;
      }
      const u = unit[a] ?? 0;
      const n = unitNeighbourhood[u] ?? 0;
      use(neighbourhoodLeft, n);
      use(municipalityLeft, neighbourhoodMunicipality[n] ?? 0);
      const g = group[a] ?? -1;
      if (groupLeft && g >= 0) groupLeft[g] = (groupLeft[g] ?? 0) - 1;
      clientUnit[c] = u;
      unitTaken[u] = 1;
      clientPair[c] = pair[a] ?? 0;
    }
  }
  return clientPair;
}
