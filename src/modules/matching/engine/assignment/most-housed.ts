import { NO_CAP, type CompactAssignmentInstance } from './assignment.types';
import type { OpenProblem } from './fixed-pairs';
import { bucket, type ClientArcs } from './priority-flow';
import { unitOfPair } from './solution-totals';

/**
 * The most open clients that can be housed together, caps respected, capacity groups ignored
 * (capacity-groups.ts bounds the first tier with it): a maximum flow in the network of
 * priority-flow.ts without costs, from a feasible assignment (`clientPair`, per client a pair or
 * -1, caps respected). Each round is one breadth-first search from every client not housed over
 * the residual network; a path to T houses one more, and none means the flow is maximum (the
 * augmenting-path theorem). Started from a good assignment, few rounds are needed, each a pass
 * over the arcs at most.
 */
export function mostHoused(
  instance: CompactAssignmentInstance,
  open: OpenProblem,
  arcs: ClientArcs,
  clientPair: Int32Array,
): number {
  const { clientCount, unitCount, neighbourhoodCount, municipalityCount } = instance;
  const { unitNeighbourhood, neighbourhoodMunicipality, unitPairStart } = instance;
  const { neighbourhoodLeft: nCap, municipalityLeft: mCap } = open;
  const clientBase = unitCount;
  const neighbourhoodBase = clientBase + clientCount;
  const municipalityBase = neighbourhoodBase + neighbourhoodCount;
  const nodeCount = municipalityBase + municipalityCount;

  const clientUnit = new Int32Array(clientCount).fill(-1);
  const unitClient = new Int32Array(unitCount).fill(-1);
  const nFlow = new Int32Array(neighbourhoodCount);
  const mFlow = new Int32Array(municipalityCount);
  let housed = 0;
  for (let c = 0; c < clientCount; c++) {
    const p = clientPair[c] ?? -1;
    if (p < 0) continue;
    const u = unitOfPair(unitPairStart, p);
    const n = unitNeighbourhood[u] ?? 0;
    clientUnit[c] = u;
    unitClient[u] = c;
    nFlow[n] = (nFlow[n] ?? 0) + 1;
    const m = neighbourhoodMunicipality[n] ?? 0;
    mFlow[m] = (mFlow[m] ?? 0) + 1;
    housed++;
  }
  const byNeighbourhood = bucket(neighbourhoodCount, unitCount, (u) =>
    open.unitTaken[u] === 1 ? -1 : (unitNeighbourhood[u] ?? 0),
  );
  const byMunicipality = bucket(
    municipalityCount,
    neighbourhoodCount,
    (n) => neighbourhoodMunicipality[n] ?? 0,
  );
  const room = (caps: Int32Array, flow: Int32Array, i: number): boolean => {
    const cap = caps[i] ?? NO_CAP;
    return cap === NO_CAP || (flow[i] ?? 0) < cap;
  };

  const seen = new Int32Array(nodeCount);
  const pred = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  for (let round = 1; ; round++) {
    let head = 0;
    let tail = 0;
    const visit = (node: number, from: number): void => {
      if (seen[node] === round) return;
      seen[node] = round;
      pred[node] = from;
      queue[tail++] = node;
    };
    for (let c = 0; c < clientCount; c++) {
      if ((open.clientUnit[c] ?? -1) < 0 && clientUnit[c] === -1) visit(clientBase + c, -1);
    }
    let end = -1;
    while (head < tail && end < 0) {
      const x = queue[head++] ?? 0;
      if (x < clientBase) {
        const c = unitClient[x] ?? -1;
        if (c >= 0) visit(clientBase + c, x);
        else visit(neighbourhoodBase + (unitNeighbourhood[x] ?? 0), x);
      } else if (x < neighbourhoodBase) {
        const c = x - clientBase;
        const last = arcs.start[c + 1] ?? 0;
        for (let a = arcs.start[c] ?? 0; a < last; a++) {
          const u = arcs.unit[a] ?? 0;
          if (u !== clientUnit[c]) visit(u, x);
        }
      } else if (x < municipalityBase) {
        const n = x - neighbourhoodBase;
        if (room(nCap, nFlow, n)) visit(municipalityBase + (neighbourhoodMunicipality[n] ?? 0), x);
        const last = byNeighbourhood.start[n + 1] ?? 0;
        for (let i = byNeighbourhood.start[n] ?? 0; i < last; i++) {
          const u = byNeighbourhood.items[i] ?? 0;
          if ((unitClient[u] ?? -1) >= 0) visit(u, x);
        }
      } else {
        const m = x - municipalityBase;
        if (room(mCap, mFlow, m)) end = x;
        const last = byMunicipality.start[m + 1] ?? 0;
        for (let i = byMunicipality.start[m] ?? 0; i < last; i++) {
          const n = byMunicipality.items[i] ?? 0;
          if ((nFlow[n] ?? 0) > 0) visit(neighbourhoodBase + n, x);
        }
      }
    }
    if (end < 0) return housed;
    // One more housed: walk the path back from T (as priority-flow.ts augments).
    const last = end - municipalityBase;
    mFlow[last] = (mFlow[last] ?? 0) + 1;
    for (let y = end; ;) {
      const x = pred[y] ?? -1;
      if (x < 0) break;
      if (y < clientBase) {
        if (x >= clientBase && x < neighbourhoodBase) {
          clientUnit[x - clientBase] = y;
          unitClient[y] = x - clientBase;
        }
      } else if (y < neighbourhoodBase) {
        if (unitClient[x] === y - clientBase) unitClient[x] = -1;
      } else if (y < municipalityBase) {
        if (x >= municipalityBase)
          nFlow[y - neighbourhoodBase] = (nFlow[y - neighbourhoodBase] ?? 0) - 1;
      } else if (x >= neighbourhoodBase) {
        nFlow[x - neighbourhoodBase] = (nFlow[x - neighbourhoodBase] ?? 0) + 1;
      }
      y = x;
    }
    housed++;
  }
}
