import {
  MICRO_POINTS,
  NO_CAP,
  type CompactAssignmentInstance,
  type CompactAssignmentSolution,
} from './assignment.types';
import { openProblem } from './fixed-pairs';
import { NodeHeap } from './node-heap';
import { unitArcsByScore } from './unit-arcs';

/**
 * The baseline: take the best remaining pair first (score descending, then client index, then
 * unit index), skipping pairs whose client or unit is taken or whose area is at its cap. Fast
 * and plausible, but neither the most clients housed nor the best total; the benchmark reports
 * how far it is from the optimum.
 *
 * Rather than sorting all pairs, it merges the units' score-sorted lists through a heap holding
 * each unit's best pair still possible. A skipped pair never becomes possible again (clients are
 * only taken, caps only used up), so this visits pairs in exactly the global order.
 */
export function solveCompactGreedy(instance: CompactAssignmentInstance): CompactAssignmentSolution {
  const { unitCount, clientCount, unitNeighbourhood, neighbourhoodMunicipality } = instance;
  const open = openProblem(instance);
  const { start, client, score } = unitArcsByScore(instance, open);
  const { clientUnit, neighbourhoodLeft, municipalityLeft } = open;

  // Key of a unit's current pair: score descending, then client; the heap breaks ties by unit.
  const keyOf = (arc: number): number =>
    (MICRO_POINTS - (score[arc] ?? 0)) * clientCount + (client[arc] ?? 0);
  const next = start.slice(0, unitCount);
  const heap = new NodeHeap(unitCount);
  for (let u = 0; u < unitCount; u++) {
    if ((start[u + 1] ?? 0) > (start[u] ?? 0)) heap.push(u, keyOf(start[u] ?? 0));
  }

  let assigned = open.fixedCount;
  let objectiveMicro = open.fixedObjectiveMicro;
  while (!heap.isEmpty) {
    const u = heap.pop();
    const arc = next[u] ?? 0;
    const c = client[arc] ?? 0;
    if ((clientUnit[c] ?? 0) >= 0) {
      // Client taken: this unit's next pair takes its place.
      next[u] = arc + 1;
      if (arc + 1 < (start[u + 1] ?? 0)) heap.push(u, keyOf(arc + 1));
      continue;
    }
    const n = unitNeighbourhood[u] ?? 0;
    const m = neighbourhoodMunicipality[n] ?? 0;
    const nLeft = neighbourhoodLeft[n] ?? NO_CAP;
    const mLeft = municipalityLeft[m] ?? NO_CAP;
    // An area at its cap stays there: none of this unit's pairs can be taken.
    if (nLeft === 0 || mLeft === 0) continue;
    if (nLeft !== NO_CAP) neighbourhoodLeft[n] = nLeft - 1;
    if (mLeft !== NO_CAP) municipalityLeft[m] = mLeft - 1;
    clientUnit[c] = u;
    assigned++;
    objectiveMicro += score[arc] ?? 0;
  }
  return { clientUnit, assigned, objectiveMicro };
}
