import type { CompactAssignmentInstance } from './assignment.types';
import type { OpenProblem } from './fixed-pairs';
import { buildFlowNetwork, type FlowNetwork } from './flow-network';
import { NodeHeap } from './node-heap';
import type { ArcWorth } from './unit-arcs';

/*
 * Exact assignment without capacity groups: min-cost flow by successive shortest paths, one unit
 * at a time (the Jonker–Volgenant scheme for rectangular assignment, extended with caps).
 * docs/performance.md has the measurements behind the choices, docs/solver.md the tiers.
 *
 * Costs are pairs (hi, lo) of integers compared lexicographically (tiers.ts): assigning a pair
 * costs -(worth) = -(p(client), score), less the group prices when capacity groups are priced
 * (capacity-groups.ts). Pairs under lexicographic order are an ordered group, so everything below
 * (Dijkstra, Johnson potentials, the certificate) holds for them as for plain numbers.
 *
 * The network. Units are the scarce side, so every unit is a supply of one that must go
 * somewhere: to a client (clients drain into the sink T), or, when the unit stays unassigned,
 * down a "dummy" tree unit → D_neighbourhood → D_municipality → T. A cap becomes a lower bound on
 * that dummy flow: an area with n units and cap k must leave at least n - k of them unassigned.
 * The first (n - k) units of flow on its tree arc earn a bonus larger than any arc's worth, so the
 * optimum never breaks a cap. Every p(c) exceeds the sum of the lower tiers (tiers.ts), so the
 * optimum houses as many clients as possible first, then follows the tiers.
 *
 * One unit at a time. Adding a unit, the new optimum is the old one plus a shortest path from
 * that unit to T. Dijkstra finds it over reduced costs cost(x, y) + π(x) - π(y) ≥ 0 (Johnson
 * potentials), stops as soon as T's distance D is final, and moves only the settled nodes'
 * potentials (π += d - D), which keeps every reduced cost non-negative.
 *
 * Why it is fast: clients outnumber units, so most searches end at a free client after a hop or
 * two; a free client only leads to T at reduced cost 0, so it ends a path without entering the
 * heap; and every unit's arcs are sorted by worth, best first. Client potentials start at 0 and
 * only fall, so -(worth) + π(unit) bounds an arc's reduced cost from below: a unit's scan stops
 * at the first arc that cannot beat the best path found so far. The same bound prunes the
 * fan-out from a dummy neighbourhood to the units it holds (sorted by best worth).
 *
 * Code shape: small methods on typed arrays, so V8 optimises them within the first searches.
 */

const UNMATCHED = -1;
const ARC_BONUS = 1;
const ARC_FREE = 2;
/** Beyond this, sums of potentials and costs could pass 2^53. */
const SAFE_MAGNITUDE = 2 ** 50;

export type Certificate = 'final' | 'each-step';

/** The flow's assignment of the open clients. */
export interface FlowResult {
  /** Per client, the assigned pair's index or -1 (fixed clients: -1). */
  clientPair: Int32Array;
  /** Per client, the assigned unit or -1 (fixed clients: -1). */
  clientUnit: Int32Array;
}

/**
 * The open problem's optimum under the given arc worths: the most worth, lexicographically, over
 * assignments that respect the caps. `certificate` checks the optimality certificate, a
 * non-negative reduced cost on every residual arc, and throws if it fails: `final` once at the
 * end, `each-step` after every unit (O(pairs) per unit: for tests on small instances).
 */
export function solveTieredFlow(
  instance: CompactAssignmentInstance,
  open: OpenProblem,
  worth: ArcWorth,
  maxPriority: number,
  certificate?: Certificate,
): FlowResult {
  const flow = new UnitByUnitFlow(buildFlowNetwork(instance, open, worth, maxPriority));
  for (const unit of flow.network.activeUnits) {
    flow.addUnit(unit);
    if (certificate === 'each-step') flow.checkCertificate();
  }
  if (certificate === 'final') flow.checkCertificate();
  const { arcPair } = flow.network;
  const clientPair = new Int32Array(instance.clientCount).fill(UNMATCHED);
  for (let c = 0; c < instance.clientCount; c++) {
    if ((flow.clientUnit[c] ?? UNMATCHED) === UNMATCHED) continue;
    clientPair[c] = arcPair[flow.clientArc[c] ?? 0] ?? 0;
  }
  return { clientPair, clientUnit: flow.clientUnit };
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
  private readonly potHi: Float64Array;
  private readonly potLo: Float64Array;

  // Search state, reset after each search.
  private readonly distHi: Float64Array;
  private readonly distLo: Float64Array;
  private readonly predNode: Int32Array;
  private readonly predArc: Int32Array;
  private readonly predKind: Int8Array;
  private readonly touched: Int32Array;
  private readonly settled: Int32Array;
  private readonly heap: NodeHeap;
  private touchedCount = 0;
  private settledCount = 0;
  private sinkHi = Infinity;
  private sinkLo = Infinity;
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
    this.distHi = new Float64Array(n.nodeCount).fill(Infinity);
    this.distLo = new Float64Array(n.nodeCount).fill(Infinity);
    this.predNode = new Int32Array(n.nodeCount);
    this.predArc = new Int32Array(n.nodeCount);
    this.predKind = new Int8Array(n.nodeCount);
    this.touched = new Int32Array(n.nodeCount);
    this.settled = new Int32Array(n.nodeCount);
    this.heap = new NodeHeap(n.nodeCount);

    // Clients and T start at 0 (clients only ever go down from there); the dummy tree is raised
    // so that its bonus arcs start with reduced cost 0.
    const potHi = new Float64Array(n.nodeCount);
    const potLo = new Float64Array(n.nodeCount);
    for (let m = 0; m < n.municipalityCount; m++) {
      if ((n.municipalityLower[m] ?? 0) > 0) {
        potHi[n.municipalityBase + m] = n.boundBonusHi;
        potLo[n.municipalityBase + m] = n.boundBonusLo;
      }
    }
    for (let d = 0; d < n.neighbourhoodCount; d++) {
      const up = n.municipalityBase + (n.neighbourhoodMunicipality[d] ?? 0);
      const raise = (n.neighbourhoodLower[d] ?? 0) > 0;
      potHi[n.neighbourhoodBase + d] = (potHi[up] ?? 0) + (raise ? n.boundBonusHi : 0);
      potLo[n.neighbourhoodBase + d] = (potLo[up] ?? 0) + (raise ? n.boundBonusLo : 0);
    }
    this.potHi = potHi;
    this.potLo = potLo;
  }

  /** Adds a unit's supply and re-optimises: one shortest path from it to T. */
  addUnit(source: number): void {
    const n = this.network;
    // A new unit has no incoming residual arcs, so its potential is free: make every outgoing
    // reduced cost non-negative (clients' potentials are ≤ 0, so the best worth bounds them).
    const dummy = n.neighbourhoodBase + (n.unitNeighbourhood[source] ?? 0);
    const dummyHi = this.potHi[dummy] ?? 0;
    const dummyLo = this.potLo[dummy] ?? 0;
    const bestHi = n.bestHi[source] ?? 0;
    const bestLo = n.bestLo[source] ?? 0;
    if (dummyHi > bestHi || (dummyHi === bestHi && dummyLo > bestLo)) {
      this.potHi[source] = dummyHi;
      this.potLo[source] = dummyLo;
    } else {
      this.potHi[source] = bestHi;
      this.potLo[source] = bestLo;
    }
    this.search(source);
    this.augment(source);
    this.movePotentials();
    for (let i = 0; i < this.touchedCount; i++) {
      const node = this.touched[i] ?? 0;
      this.distHi[node] = Infinity;
      this.distLo[node] = Infinity;
    }
    this.heap.clear();
  }

  /** Whether (hi, lo) is below the best path to T found so far. */
  private beatsSink(hi: number, lo: number): boolean {
    return hi < this.sinkHi || (hi === this.sinkHi && lo < this.sinkLo);
  }

  private search(source: number): void {
    const { clientBase, neighbourhoodBase, municipalityBase } = this.network;
    const heap = this.heap;
    this.touchedCount = 0;
    this.settledCount = 0;
    this.sinkHi = Infinity;
    this.sinkLo = Infinity;
    this.sinkFrom = -1;
    this.reach(source, 0, 0, -1, -1, 0);
    while (!heap.isEmpty && this.beatsSink(heap.minHi, heap.minLo)) {
      const hi = heap.minHi;
      const lo = heap.minLo;
      const x = heap.pop();
      this.settled[this.settledCount++] = x;
      if (x < clientBase) this.scanUnit(x, hi, lo);
      else if (x < neighbourhoodBase) this.scanClient(x, hi, lo);
      else if (x < municipalityBase) this.scanNeighbourhood(x, hi, lo);
      else this.scanMunicipality(x, hi, lo);
    }
  }

  private reach(node: number, hi: number, lo: number, from: number, arc: number, kind: number) {
    const oldHi = this.distHi[node] ?? Infinity;
    const oldLo = this.distLo[node] ?? Infinity;
    if (hi > oldHi || (hi === oldHi && lo >= oldLo)) return;
    if (oldHi === Infinity) this.touched[this.touchedCount++] = node;
    this.distHi[node] = hi;
    this.distLo[node] = lo;
    this.predNode[node] = from;
    this.predArc[node] = arc;
    this.predKind[node] = kind;
    this.heap.push(node, hi, lo);
  }

  /**
   * A unit: to the clients it does not hold, most worth first, while they can still beat the best
   * path so far; a free client is a terminal (its only way on, to T, costs 0). Then its dummy.
   */
  private scanUnit(x: number, keyHi: number, keyLo: number): void {
    const { arcStart, arcClient, arcHi, arcLo, clientBase } = this.network;
    const { potHi, potLo, clientUnit, distHi, distLo } = this;
    const baseHi = keyHi + (potHi[x] ?? 0);
    const baseLo = keyLo + (potLo[x] ?? 0);
    const held = this.unitClient[x] ?? UNMATCHED;
    const end = arcStart[x + 1] ?? 0;
    let sinkHi = this.sinkHi;
    let sinkLo = this.sinkLo;
    for (let a = arcStart[x] ?? 0; a < end; a++) {
      const lowestHi = baseHi - (arcHi[a] ?? 0);
      const lowestLo = baseLo - (arcLo[a] ?? 0);
      if (lowestHi > sinkHi || (lowestHi === sinkHi && lowestLo >= sinkLo)) break;
      const c = arcClient[a] ?? 0;
      if (c === held) continue;
      const node = clientBase + c;
      const dHi = lowestHi - (potHi[node] ?? 0);
      const dLo = lowestLo - (potLo[node] ?? 0);
      if (dHi > sinkHi || (dHi === sinkHi && dLo >= sinkLo)) continue;
      if ((clientUnit[c] ?? UNMATCHED) === UNMATCHED) {
        sinkHi = dHi;
        sinkLo = dLo;
        this.sinkFrom = node;
        this.sinkKind = 0;
        this.predNode[node] = x;
        this.predArc[node] = a;
      } else {
        const oldHi = distHi[node] ?? Infinity;
        if (dHi < oldHi || (dHi === oldHi && dLo < (distLo[node] ?? Infinity))) {
          this.reach(node, dHi, dLo, x, a, 0);
        }
      }
    }
    this.sinkHi = sinkHi;
    this.sinkLo = sinkLo;
    if (this.unitDummy[x] !== 1) {
      const node = this.network.neighbourhoodBase + (this.network.unitNeighbourhood[x] ?? 0);
      const dHi = keyHi + (potHi[x] ?? 0) - (potHi[node] ?? 0);
      const dLo = keyLo + (potLo[x] ?? 0) - (potLo[node] ?? 0);
      if (this.beatsSink(dHi, dLo)) this.reach(node, dHi, dLo, x, -1, 0);
    }
  }

  /** A held client: back to the unit holding it. */
  private scanClient(x: number, keyHi: number, keyLo: number): void {
    const { clientBase, arcHi, arcLo } = this.network;
    const c = x - clientBase;
    const holder = this.clientUnit[c] ?? 0;
    const arc = this.clientArc[c] ?? 0;
    const dHi = keyHi + (arcHi[arc] ?? 0) + (this.potHi[x] ?? 0) - (this.potHi[holder] ?? 0);
    const dLo = keyLo + (arcLo[arc] ?? 0) + (this.potLo[x] ?? 0) - (this.potLo[holder] ?? 0);
    if (this.beatsSink(dHi, dLo)) this.reach(holder, dHi, dLo, x, -1, 0);
  }

  /** A dummy neighbourhood: up to its municipality, or back to a unit it holds unassigned. */
  private scanNeighbourhood(x: number, keyHi: number, keyLo: number): void {
    const net = this.network;
    const { potHi, potLo } = this;
    const n = x - net.neighbourhoodBase;
    const pxHi = potHi[x] ?? 0;
    const pxLo = potLo[x] ?? 0;
    const up = net.municipalityBase + (net.neighbourhoodMunicipality[n] ?? 0);
    const upHi = keyHi + pxHi - (potHi[up] ?? 0);
    const upLo = keyLo + pxLo - (potLo[up] ?? 0);
    if ((this.neighbourhoodBonusFlow[n] ?? 0) < (net.neighbourhoodLower[n] ?? 0)) {
      const dHi = upHi - net.boundBonusHi;
      const dLo = upLo - net.boundBonusLo;
      if (this.beatsSink(dHi, dLo)) this.reach(up, dHi, dLo, x, -1, ARC_BONUS);
    } else if (this.beatsSink(upHi, upLo)) {
      this.reach(up, upHi, upLo, x, -1, ARC_FREE);
    }
    // A unit u held here is reached at key + px - π(u), and from it no path to T is shorter than
    // key + px - best(u): in best-worth order, stop once that is too long. The units skipped
    // keep π(u) ≤ π(D_n) instead (clampDummies), which is what a scan would have done.
    const { neighbourhoodUnits, bestHi, bestLo } = net;
    const thresholdHi = keyHi + pxHi;
    const thresholdLo = keyLo + pxLo;
    const end = net.neighbourhoodUnitStart[n + 1] ?? 0;
    for (let i = net.neighbourhoodUnitStart[n] ?? 0; i < end; i++) {
      const u = neighbourhoodUnits[i] ?? 0;
      if (!this.beatsSink(thresholdHi - (bestHi[u] ?? 0), thresholdLo - (bestLo[u] ?? 0))) break;
      if (this.unitDummy[u] === 1) {
        this.reach(u, thresholdHi - (potHi[u] ?? 0), thresholdLo - (potLo[u] ?? 0), x, -1, 0);
      }
    }
  }

  /** A dummy municipality: to T, or back down to a neighbourhood that sends it flow. */
  private scanMunicipality(x: number, keyHi: number, keyLo: number): void {
    const net = this.network;
    const { potHi, potLo } = this;
    const m = x - net.municipalityBase;
    const pxHi = potHi[x] ?? 0;
    const pxLo = potLo[x] ?? 0;
    const bonus = (this.municipalityBonusFlow[m] ?? 0) < (net.municipalityLower[m] ?? 0);
    const toSinkHi = keyHi + pxHi - (potHi[net.sink] ?? 0) - (bonus ? net.boundBonusHi : 0);
    const toSinkLo = keyLo + pxLo - (potLo[net.sink] ?? 0) - (bonus ? net.boundBonusLo : 0);
    if (this.beatsSink(toSinkHi, toSinkLo)) {
      this.sinkHi = toSinkHi;
      this.sinkLo = toSinkLo;
      this.sinkFrom = x;
      this.sinkKind = bonus ? ARC_BONUS : ARC_FREE;
    }
    const end = net.neighbourhoodsOfMunicipalityStart[m + 1] ?? 0;
    for (let i = net.neighbourhoodsOfMunicipalityStart[m] ?? 0; i < end; i++) {
      const n = net.neighbourhoodsOfMunicipality[i] ?? 0;
      const node = net.neighbourhoodBase + n;
      const downHi = keyHi + pxHi - (potHi[node] ?? 0);
      const downLo = keyLo + pxLo - (potLo[node] ?? 0);
      // Taking back free flow costs 0; taking back bonus flow costs the bonus.
      if ((this.neighbourhoodFreeFlow[n] ?? 0) > 0) {
        if (this.beatsSink(downHi, downLo)) this.reach(node, downHi, downLo, x, -1, ARC_FREE);
      } else if ((this.neighbourhoodBonusFlow[n] ?? 0) > 0) {
        const backHi = downHi + net.boundBonusHi;
        const backLo = downLo + net.boundBonusLo;
        if (this.beatsSink(backHi, backLo)) this.reach(node, backHi, backLo, x, -1, ARC_BONUS);
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
    const { potHi, potLo, distHi, distLo, settled, sinkHi, sinkLo } = this;
    let lowest = 0;
    for (let i = 0; i < this.settledCount; i++) {
      const node = settled[i] ?? 0;
      const hi = (potHi[node] ?? 0) + (distHi[node] ?? 0) - sinkHi;
      const lo = (potLo[node] ?? 0) + (distLo[node] ?? 0) - sinkLo;
      potHi[node] = hi;
      potLo[node] = lo;
      lowest = Math.min(lowest, hi, lo);
    }
    // Potentials only fall; in practice they stay within a few bonuses of 0. Should one ever
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
    const { potHi, potLo } = this;
    const capHi = potHi[neighbourhoodBase + n] ?? 0;
    const capLo = potLo[neighbourhoodBase + n] ?? 0;
    const end = neighbourhoodUnitStart[n + 1] ?? 0;
    for (let i = neighbourhoodUnitStart[n] ?? 0; i < end; i++) {
      const u = neighbourhoodUnits[i] ?? 0;
      if (this.unitDummy[u] !== 1) continue;
      const hi = potHi[u] ?? 0;
      if (hi > capHi || (hi === capHi && (potLo[u] ?? 0) > capLo)) {
        potHi[u] = capHi;
        potLo[u] = capLo;
      }
    }
  }

  /** Throws unless every residual arc among the nodes added so far has reduced cost ≥ 0. */
  checkCertificate(): void {
    const net = this.network;
    const { boundBonusHi: bonusHi, boundBonusLo: bonusLo, clientBase, neighbourhoodBase } = net;
    const { municipalityBase, sink } = net;
    const hi = (node: number): number => this.potHi[node] ?? 0;
    const lo = (node: number): number => this.potLo[node] ?? 0;
    /** Reduced cost (rHi, rLo) of the arc x → y with cost (cHi, cLo) must be ≥ 0. */
    const expect = (x: number, y: number, cHi: number, cLo: number, arc: string): void => {
      const rHi = cHi + hi(x) - hi(y);
      const rLo = cLo + lo(x) - lo(y);
      if (rHi < 0 || (rHi === 0 && rLo < 0)) {
        throw new Error(`negative reduced cost (${rHi}, ${rLo}) on ${arc}`);
      }
    };
    for (const u of net.activeUnits) {
      const held = this.unitClient[u] ?? UNMATCHED;
      if (held === UNMATCHED && this.unitDummy[u] !== 1) continue;
      const end = net.arcStart[u + 1] ?? 0;
      for (let a = net.arcStart[u] ?? 0; a < end; a++) {
        const c = net.arcClient[a] ?? 0;
        if (c === held) continue;
        const cost = [-(net.arcHi[a] ?? 0), -(net.arcLo[a] ?? 0)] as const;
        expect(u, clientBase + c, cost[0], cost[1], `unit ${u} → client ${c}`);
      }
      const dummy = neighbourhoodBase + (net.unitNeighbourhood[u] ?? 0);
      if (this.unitDummy[u] === 1) expect(dummy, u, 0, 0, `dummy ${dummy} → unit ${u}`);
      else expect(u, dummy, 0, 0, `unit ${u} → dummy ${dummy}`);
    }
    for (let c = 0; c < net.clientCount; c++) {
      const holder = this.clientUnit[c] ?? UNMATCHED;
      const node = clientBase + c;
      if (holder === UNMATCHED) {
        expect(node, sink, 0, 0, `client ${c} → T`);
      } else {
        const arc = this.clientArc[c] ?? 0;
        const [aHi, aLo] = [net.arcHi[arc] ?? 0, net.arcLo[arc] ?? 0];
        expect(node, holder, aHi, aLo, `client ${c} → unit ${holder}`);
        expect(sink, node, 0, 0, `T → client ${c}`);
      }
    }
    for (let n = 0; n < net.neighbourhoodCount; n++) {
      const node = neighbourhoodBase + n;
      const up = municipalityBase + (net.neighbourhoodMunicipality[n] ?? 0);
      expect(node, up, 0, 0, `neighbourhood ${n} → municipality`);
      if ((this.neighbourhoodBonusFlow[n] ?? 0) < (net.neighbourhoodLower[n] ?? 0)) {
        expect(node, up, -bonusHi, -bonusLo, `neighbourhood ${n} → municipality, bonus`);
      }
      if ((this.neighbourhoodFreeFlow[n] ?? 0) > 0) expect(up, node, 0, 0, `back to ${n}`);
      if ((this.neighbourhoodBonusFlow[n] ?? 0) > 0) {
        expect(up, node, bonusHi, bonusLo, `back to ${n}, bonus`);
      }
    }
    for (let m = 0; m < net.municipalityCount; m++) {
      const node = municipalityBase + m;
      expect(node, sink, 0, 0, `municipality ${m} → T`);
      if ((this.municipalityBonusFlow[m] ?? 0) < (net.municipalityLower[m] ?? 0)) {
        expect(node, sink, -bonusHi, -bonusLo, `municipality ${m} → T, bonus`);
      }
      if ((this.municipalityFreeFlow[m] ?? 0) > 0) expect(sink, node, 0, 0, `T → ${m}`);
      if ((this.municipalityBonusFlow[m] ?? 0) > 0) {
        expect(sink, node, bonusHi, bonusLo, `T → ${m}, bonus`);
      }
    }
  }
}
