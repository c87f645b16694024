import type { CompactAssignmentInstance, CompactAssignmentSolution } from './assignment.types';
import { openProblem } from './fixed-pairs';
import { buildFlowNetwork, type FlowNetwork } from './flow-network';
import { NodeHeap } from './node-heap';

/*
 * Exact assignment: min-cost flow by successive shortest paths, one unit at a time (the
 * Jonker–Volgenant scheme for rectangular assignment, extended with caps). docs/performance.md
 * has the measurements behind the choices.
 *
 * The network. Units are the scarce side, so every unit is a supply of one that must go
 * somewhere: to a client (arc cost -(BIG + score); clients drain into the sink T), or, when the
 * unit stays unassigned, down a "dummy" tree unit → D_neighbourhood → D_municipality → T. A cap
 * becomes a lower bound on that dummy flow: an area with n units and cap k must leave at least
 * n - k of them unassigned. The first (n - k) units of flow on its tree arc earn BOUND_BONUS, and
 * BOUND_BONUS > BIG + any score, so the optimum never breaks a cap. BIG exceeds any total score,
 * so the optimum assigns as many pairs as possible first and maximises the total score second:
 * docs/solver-contract.md's objective, in integers throughout (all values stay far below 2^53).
 *
 * One unit at a time. Adding a unit, the new optimum is the old one plus a shortest path from
 * that unit to T. Dijkstra finds it over reduced costs cost(x, y) + π(x) - π(y) ≥ 0 (Johnson
 * potentials), stops as soon as T's distance D is final, and moves only the settled nodes'
 * potentials (π += d - D), which keeps every reduced cost non-negative.
 *
 * Why it is fast: clients outnumber units, so most searches end at a free client after a hop or
 * two; a free client only leads to T at reduced cost 0, so it ends a path without entering the
 * heap; and every unit's pairs are sorted by score, best first. Client potentials start at 0 and
 * only fall, so -(BIG + score) + π(unit) bounds an arc's reduced cost from below: a unit's scan
 * stops at the first pair that cannot beat the best path found so far. The same bound prunes
 * the fan-out from a dummy neighbourhood to the units it holds (sorted by best score).
 *
 * Code shape: small methods on typed arrays, so V8 optimises them within the first searches.
 */

const UNMATCHED = -1;
const ARC_BONUS = 1;
const ARC_FREE = 2;
/** Beyond this, sums of potentials and costs could pass 2^53. */
const SAFE_MAGNITUDE = 2 ** 50;

export interface OptimalSolveOptions {
  /**
   * Check the optimality certificate, a non-negative reduced cost on every residual arc, and
   * throw if it fails: `final` once at the end (one pass over the pairs: proves this solution
   * optimal), `each-step` after every unit (O(pairs) per unit: for tests on small instances).
   */
  certificate?: 'final' | 'each-step';
}

export function solveCompactOptimal(
  instance: CompactAssignmentInstance,
  options: OptimalSolveOptions = {},
): CompactAssignmentSolution {
  const open = openProblem(instance);
  const flow = new UnitByUnitFlow(buildFlowNetwork(instance, open));
  for (const unit of flow.network.activeUnits) {
    flow.addUnit(unit);
    if (options.certificate === 'each-step') flow.checkCertificate();
  }
  if (options.certificate === 'final') flow.checkCertificate();
  // The fixed pairs plus the flow's pairs.
  const clientUnit = open.clientUnit;
  let assigned = open.fixedCount;
  let objectiveMicro = open.fixedObjectiveMicro;
  for (let c = 0; c < instance.clientCount; c++) {
    const unit = flow.clientUnit[c] ?? UNMATCHED;
    if (unit === UNMATCHED) continue;
    clientUnit[c] = unit;
    assigned++;
    objectiveMicro += flow.network.arcScore[flow.clientArc[c] ?? 0] ?? 0;
  }
  return { clientUnit, assigned, objectiveMicro };
}

class UnitByUnitFlow {
  // Flow. A unit is matched (unitClient ≥ 0), dummy (unassigned, in the tree) or not added yet.
  readonly unitClient: Int32Array;
  readonly unitDummy: Uint8Array;
  readonly clientUnit: Int32Array;
  /** Per held client, the arc (index into the network's arcs) that holds it. */
  readonly clientArc: Int32Array;
  private readonly neighbourhoodBonusFlow: Int32Array;
  private readonly neighbourhoodFreeFlow: Int32Array;
  private readonly municipalityBonusFlow: Int32Array;
  private readonly municipalityFreeFlow: Int32Array;
  private readonly potential: Float64Array;

  // Search state, reset after each search.
  private readonly dist: Float64Array;
  private readonly predNode: Int32Array;
  private readonly predArc: Int32Array;
  private readonly predKind: Int8Array;
  private readonly touched: Int32Array;
  private readonly settled: Int32Array;
  private readonly heap: NodeHeap;
  private touchedCount = 0;
  private settledCount = 0;
  private sinkDist = Infinity;
  private sinkFrom = -1;
  private sinkKind = 0;

  constructor(readonly network: FlowNetwork) {
    const n = network;
    this.unitClient = new Int32Array(n.unitCount).fill(UNMATCHED);
    this.unitDummy = new Uint8Array(n.unitCount);
    this.clientUnit = new Int32Array(n.clientCount).fill(UNMATCHED);
    this.clientArc = new Int32Array(n.clientCount).fill(UNMATCHED);
    this.neighbourhoodBonusFlow = new Int32Array(n.neighbourhoodCount);
    this.neighbourhoodFreeFlow = new Int32Array(n.neighbourhoodCount);
    this.municipalityBonusFlow = new Int32Array(n.municipalityCount);
    this.municipalityFreeFlow = new Int32Array(n.municipalityCount);
    this.dist = new Float64Array(n.nodeCount).fill(Infinity);
    this.predNode = new Int32Array(n.nodeCount);
    this.predArc = new Int32Array(n.nodeCount);
    this.predKind = new Int8Array(n.nodeCount);
    this.touched = new Int32Array(n.nodeCount);
    this.settled = new Int32Array(n.nodeCount);
    this.heap = new NodeHeap(n.nodeCount);

    // Clients and T start at 0 (clients only ever go down from there); the dummy tree is raised
    // so that its bonus arcs start with reduced cost 0.
    const potential = new Float64Array(n.nodeCount);
    for (let m = 0; m < n.municipalityCount; m++) {
      potential[n.municipalityBase + m] = (n.municipalityLower[m] ?? 0) > 0 ? n.boundBonus : 0;
    }
    for (let d = 0; d < n.neighbourhoodCount; d++) {
      const up = potential[n.municipalityBase + (n.neighbourhoodMunicipality[d] ?? 0)] ?? 0;
      potential[n.neighbourhoodBase + d] =
        up + ((n.neighbourhoodLower[d] ?? 0) > 0 ? n.boundBonus : 0);
    }
    this.potential = potential;
  }

  /** Adds a unit's supply and re-optimises: one shortest path from it to T. */
  addUnit(source: number): void {
    const n = this.network;
    // A new unit has no incoming residual arcs, so its potential is free: make every outgoing
    // reduced cost non-negative (clients' potentials are ≤ 0, so the best score bounds them).
    this.potential[source] = Math.max(
      this.potential[n.neighbourhoodBase + (n.unitNeighbourhood[source] ?? 0)] ?? 0,
      n.big + (n.bestScore[source] ?? 0),
    );
    this.search(source);
    this.augment(source);
    this.movePotentials();
    for (let i = 0; i < this.touchedCount; i++) this.dist[this.touched[i] ?? 0] = Infinity;
    this.heap.clear();
  }

  private search(source: number): void {
    const { clientBase, neighbourhoodBase, municipalityBase } = this.network;
    const heap = this.heap;
    this.touchedCount = 0;
    this.settledCount = 0;
    this.sinkDist = Infinity;
    this.sinkFrom = -1;
    this.reach(source, 0, -1, -1, 0);
    while (!heap.isEmpty && heap.minKey < this.sinkDist) {
      const key = heap.minKey;
      const x = heap.pop();
      this.settled[this.settledCount++] = x;
      if (x < clientBase) this.scanUnit(x, key);
      else if (x < neighbourhoodBase) this.scanClient(x, key);
      else if (x < municipalityBase) this.scanNeighbourhood(x, key);
      else this.scanMunicipality(x, key);
    }
  }

  private reach(node: number, d: number, from: number, arc: number, kind: number): void {
    const old = this.dist[node] ?? Infinity;
    if (d >= old) return;
    if (old === Infinity) this.touched[this.touchedCount++] = node;
    this.dist[node] = d;
    this.predNode[node] = from;
    this.predArc[node] = arc;
    this.predKind[node] = kind;
    this.heap.push(node, d);
  }

  /**
   * A unit: to the clients it does not hold, best score first, while they can still beat the best
   * path so far; a free client is a terminal (its only way on, to T, costs 0). Then its dummy.
   */
  private scanUnit(x: number, key: number): void {
    const { arcStart, arcClient, arcScore, clientBase, big } = this.network;
    const { potential, clientUnit, dist } = this;
    const base = key + (potential[x] ?? 0) - big;
    const held = this.unitClient[x] ?? UNMATCHED;
    const end = arcStart[x + 1] ?? 0;
    let sinkDist = this.sinkDist;
    for (let a = arcStart[x] ?? 0; a < end; a++) {
      const lowest = base - (arcScore[a] ?? 0);
      if (lowest >= sinkDist) break;
      const c = arcClient[a] ?? 0;
      if (c === held) continue;
      const node = clientBase + c;
      const d = lowest - (potential[node] ?? 0);
      if (d >= sinkDist) continue;
      if ((clientUnit[c] ?? UNMATCHED) === UNMATCHED) {
        sinkDist = d;
        this.sinkFrom = node;
        this.sinkKind = 0;
        this.predNode[node] = x;
        this.predArc[node] = a;
      } else if (d < (dist[node] ?? Infinity)) {
        this.reach(node, d, x, a, 0);
      }
    }
    this.sinkDist = sinkDist;
    if (this.unitDummy[x] !== 1) {
      const node = this.network.neighbourhoodBase + (this.network.unitNeighbourhood[x] ?? 0);
      const d = key + (potential[x] ?? 0) - (potential[node] ?? 0);
      if (d < sinkDist) this.reach(node, d, x, -1, 0);
    }
  }

  /** A held client: back to the unit holding it. */
  private scanClient(x: number, key: number): void {
    const { clientBase, arcScore, big } = this.network;
    const c = x - clientBase;
    const holder = this.clientUnit[c] ?? 0;
    const score = arcScore[this.clientArc[c] ?? 0] ?? 0;
    const d = key + big + score + (this.potential[x] ?? 0) - (this.potential[holder] ?? 0);
    if (d < this.sinkDist) this.reach(holder, d, x, -1, 0);
  }

  /** A dummy neighbourhood: up to its municipality, or back to a unit it holds unassigned. */
  private scanNeighbourhood(x: number, key: number): void {
    const net = this.network;
    const { potential } = this;
    const n = x - net.neighbourhoodBase;
    const px = potential[x] ?? 0;
    const up = net.municipalityBase + (net.neighbourhoodMunicipality[n] ?? 0);
    const upDist = key + px - (potential[up] ?? 0);
    if ((this.neighbourhoodBonusFlow[n] ?? 0) < (net.neighbourhoodLower[n] ?? 0)) {
      const d = upDist - net.boundBonus;
      if (d < this.sinkDist) this.reach(up, d, x, -1, ARC_BONUS);
    } else if (upDist < this.sinkDist) {
      this.reach(up, upDist, x, -1, ARC_FREE);
    }
    // A unit u held here is reached at key + px - π(u), and from it no path to T is shorter than
    // key + px - big - best(u): in best-score order, stop once that is too long. The units
    // skipped keep π(u) ≤ π(D_n) instead (clampDummies), which is what a scan would have done.
    const { neighbourhoodUnits, bestScore } = net;
    const threshold = key + px - net.big;
    const end = net.neighbourhoodUnitStart[n + 1] ?? 0;
    for (let i = net.neighbourhoodUnitStart[n] ?? 0; i < end; i++) {
      const u = neighbourhoodUnits[i] ?? 0;
      if (threshold - (bestScore[u] ?? 0) >= this.sinkDist) break;
      if (this.unitDummy[u] === 1) this.reach(u, key + px - (potential[u] ?? 0), x, -1, 0);
    }
  }

  /** A dummy municipality: to T, or back down to a neighbourhood that sends it flow. */
  private scanMunicipality(x: number, key: number): void {
    const net = this.network;
    const { potential } = this;
    const m = x - net.municipalityBase;
    const px = potential[x] ?? 0;
    const toSink = key + px - (potential[net.sink] ?? 0);
    const bonus = (this.municipalityBonusFlow[m] ?? 0) < (net.municipalityLower[m] ?? 0);
    const d = bonus ? toSink - net.boundBonus : toSink;
    if (d < this.sinkDist) {
      this.sinkDist = d;
      this.sinkFrom = x;
      this.sinkKind = bonus ? ARC_BONUS : ARC_FREE;
    }
    const end = net.neighbourhoodsOfMunicipalityStart[m + 1] ?? 0;
    for (let i = net.neighbourhoodsOfMunicipalityStart[m] ?? 0; i < end; i++) {
      const n = net.neighbourhoodsOfMunicipality[i] ?? 0;
      const node = net.neighbourhoodBase + n;
      const down = key + px - (potential[node] ?? 0);
      // Taking back free flow costs 0; taking back bonus flow costs the bonus.
      if ((this.neighbourhoodFreeFlow[n] ?? 0) > 0) {
        if (down < this.sinkDist) this.reach(node, down, x, -1, ARC_FREE);
      } else if ((this.neighbourhoodBonusFlow[n] ?? 0) > 0) {
        const back = down + net.boundBonus;
        if (back < this.sinkDist) this.reach(node, back, x, -1, ARC_BONUS);
      }
    }
  }

  /** Pushes one unit of flow along the path found, walking back from T. */
  private augment(source: number): void {
    const { clientBase, neighbourhoodBase, municipalityBase } = this.network;
    const sinkFrom = this.sinkFrom;
    if (sinkFrom >= municipalityBase) {
      const m = sinkFrom - municipalityBase;
      const flows =
        this.sinkKind === ARC_BONUS ? this.municipalityBonusFlow : this.municipalityFreeFlow;
      flows[m] = (flows[m] ?? 0) + 1;
    }
    for (let y = sinkFrom; y !== source;) {
      const x = this.predNode[y] ?? 0;
      if (y < clientBase) {
        // Into unit y: from its old client (it takes a new one next), or out of the dummy tree.
        if (x >= neighbourhoodBase) this.unitDummy[y] = 0;
      } else if (y < neighbourhoodBase) {
        // Unit x takes client y; whoever held y was reached from y and has moved on.
        const c = y - clientBase;
        this.clientUnit[c] = x;
        this.clientArc[c] = this.predArc[y] ?? 0;
        this.unitClient[x] = c;
      } else if (y < municipalityBase) {
        const n = y - neighbourhoodBase;
        if (x < clientBase) {
          this.unitDummy[x] = 1;
          this.unitClient[x] = UNMATCHED;
        } else {
          const flows =
            this.predKind[y] === ARC_FREE
              ? this.neighbourhoodFreeFlow
              : this.neighbourhoodBonusFlow;
          flows[n] = (flows[n] ?? 0) - 1;
        }
      } else {
        const n = x - neighbourhoodBase;
        const flows =
          this.predKind[y] === ARC_BONUS ? this.neighbourhoodBonusFlow : this.neighbourhoodFreeFlow;
        flows[n] = (flows[n] ?? 0) + 1;
      }
      y = x;
    }
  }

  /** Settled nodes move by d - D; then the dummy neighbourhoods' skipped units are clamped. */
  private movePotentials(): void {
    const { potential, dist, settled, sinkDist } = this;
    let lowest = 0;
    for (let i = 0; i < this.settledCount; i++) {
      const node = settled[i] ?? 0;
      const moved = (potential[node] ?? 0) + (dist[node] ?? 0) - sinkDist;
      potential[node] = moved;
      if (moved < lowest) lowest = moved;
    }
    // Potentials only fall; in practice they stay within a few BOUND_BONUS of 0. Should one ever
    // near 2^53, doubles would stop being exact: refuse rather than answer wrongly.
    if (lowest < -SAFE_MAGNITUDE) throw new RangeError('instance too large for exact arithmetic');
    const { neighbourhoodBase, municipalityBase } = this.network;
    for (let i = 0; i < this.settledCount; i++) {
      const node = settled[i] ?? 0;
      if (node >= neighbourhoodBase && node < municipalityBase) {
        this.clampDummies(node - neighbourhoodBase);
      }
    }
  }

  private clampDummies(n: number): void {
    const { neighbourhoodUnitStart, neighbourhoodUnits, neighbourhoodBase } = this.network;
    const { potential } = this;
    const cap = potential[neighbourhoodBase + n] ?? 0;
    const end = neighbourhoodUnitStart[n + 1] ?? 0;
    for (let i = neighbourhoodUnitStart[n] ?? 0; i < end; i++) {
      const u = neighbourhoodUnits[i] ?? 0;
      if (this.unitDummy[u] === 1 && (potential[u] ?? 0) > cap) potential[u] = cap;
    }
  }

  /** Throws unless every residual arc among the nodes added so far has reduced cost ≥ 0. */
  checkCertificate(): void {
    const net = this.network;
    const { big, boundBonus, clientBase, neighbourhoodBase, municipalityBase, sink } = net;
    const pi = (node: number): number => this.potential[node] ?? 0;
    const expect = (reduced: number, arc: string): void => {
      if (reduced < 0) throw new Error(`negative reduced cost ${reduced} on ${arc}`);
    };
    for (const u of net.activeUnits) {
      const held = this.unitClient[u] ?? UNMATCHED;
      if (held === UNMATCHED && this.unitDummy[u] !== 1) continue;
      const end = net.arcStart[u + 1] ?? 0;
      for (let a = net.arcStart[u] ?? 0; a < end; a++) {
        const c = net.arcClient[a] ?? 0;
        if (c === held) continue;
        const reduced = -big - (net.arcScore[a] ?? 0) + pi(u) - pi(clientBase + c);
        expect(reduced, `unit ${u} → client ${c}`);
      }
      const dummy = neighbourhoodBase + (net.unitNeighbourhood[u] ?? 0);
      if (this.unitDummy[u] === 1) expect(pi(dummy) - pi(u), `dummy ${dummy} → unit ${u}`);
      else expect(pi(u) - pi(dummy), `unit ${u} → dummy ${dummy}`);
    }
    for (let c = 0; c < net.clientCount; c++) {
      const holder = this.clientUnit[c] ?? UNMATCHED;
      const node = clientBase + c;
      if (holder === UNMATCHED) {
        expect(pi(node) - pi(sink), `client ${c} → T`);
      } else {
        const score = net.arcScore[this.clientArc[c] ?? 0] ?? 0;
        expect(big + score + pi(node) - pi(holder), `client ${c} → unit ${holder}`);
        expect(pi(sink) - pi(node), `T → client ${c}`);
      }
    }
    for (let n = 0; n < net.neighbourhoodCount; n++) {
      const node = neighbourhoodBase + n;
      const up = municipalityBase + (net.neighbourhoodMunicipality[n] ?? 0);
      expect(pi(node) - pi(up), `neighbourhood ${n} → municipality`);
      if ((this.neighbourhoodBonusFlow[n] ?? 0) < (net.neighbourhoodLower[n] ?? 0)) {
        expect(pi(node) - pi(up) - boundBonus, `neighbourhood ${n} → municipality, bonus`);
      }
      if ((this.neighbourhoodFreeFlow[n] ?? 0) > 0) expect(pi(up) - pi(node), `back to ${n}`);
      if ((this.neighbourhoodBonusFlow[n] ?? 0) > 0) {
        expect(pi(up) - pi(node) + boundBonus, `back to ${n}, bonus`);
      }
    }
    for (let m = 0; m < net.municipalityCount; m++) {
      const node = municipalityBase + m;
      expect(pi(node) - pi(sink), `municipality ${m} → T`);
      if ((this.municipalityBonusFlow[m] ?? 0) < (net.municipalityLower[m] ?? 0)) {
        expect(pi(node) - pi(sink) - boundBonus, `municipality ${m} → T, bonus`);
      }
      if ((this.municipalityFreeFlow[m] ?? 0) > 0) expect(pi(sink) - pi(node), `T → ${m}`);
      if ((this.municipalityBonusFlow[m] ?? 0) > 0) {
        expect(pi(sink) - pi(node) + boundBonus, `T → ${m}, bonus`);
      }
    }
  }
}
