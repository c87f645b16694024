import { MICRO_POINTS, NO_CAP, type CompactAssignmentInstance } from './assignment.types';
import type { OpenProblem } from './fixed-pairs';
import type { Certificate, FlowResult } from './min-cost-flow';
import { KeyHeap } from './node-heap';
import { SegmentSorter, type ArcWorth } from './unit-arcs';

/*
 * The tiered optimum by priority classes (docs/solver.md has the argument in full).
 *
 * Housing client c is worth p(c) (tiers.ts), the same on every pair of c, and p dominates the
 * fit. So the clients are the supplies here, added class by class: a class is the clients of
 * equal p, classes in decreasing p. This is successive shortest paths from a super-source S
 * with arcs S → c of cost -p(c): every S–T path starts with one such arc and then only crosses
 * fit costs, so the lexicographically shortest path starts in the highest class that can still
 * reach T, and within that class it is the shortest on fit alone. Each search below is that path:
 * a Dijkstra from all the class's open clients at once, on fit costs (plain integers) with
 * Johnson potentials.
 *
 * Why the higher classes need no looking at: the sets of clients that can be housed together
 * (caps included) form a matroid (a gammoid: the sets of sources linkable to T in a capacitated
 * network). A search that fails from client c proves c is spanned by the housed set; housed
 * clients stay housed (a path never returns to S), so c stays spanned and never gets a path
 * again. The same search also proves its whole reach R closed: no residual arc leaves R and T is
 * not in it. Later paths start outside R (at open clients of later classes, which nothing
 * reaches) and could not get out of R again, so they never enter it, never change its arcs, and R
 * stays closed for good: everything a failed search reached is dead and is skipped from then on.
 * That makes the tens of thousands of clients who cannot be housed cheap.
 *
 * The network: client → unit (cost -score, sorted best first), unit → neighbourhood → municipality
 * → T, an area arc holding at most its cap (none: unbounded). Residual arcs back: unit → the client
 * it holds (+score), neighbourhood → a unit it holds, municipality → a neighbourhood with flow.
 * Potentials start at 0 for clients and -MICRO_POINTS for everything else and only fall, so
 * -score + π(client) + MICRO_POINTS bounds a client arc's reduced cost from below: a client's
 * scan stops at the first arc that cannot beat the best path found so far. For the same reason an
 * open client's arcs lead no lower than MICRO_POINTS - best score: it is only scanned once the
 * search gets there (most never are).
 */

const UNMATCHED = -1;
/** The burial number of a node that is not dead: after every real one. */
const LIVE = 2 ** 31 - 1;
/** Beyond this, sums of potentials and costs could pass 2^53. */
const SAFE_MAGNITUDE = 2 ** 50;
/** How many of each source's best arcs upperBound looks at for a free unit with room. */
const DIRECT_ARCS = 8;

/**
 * Whether the classes make this the better method: each search starts from one class's open
 * clients, so one huge class (e.g. nobody urgent, no waits) is the super-source SSP the
 * unit-by-unit flow exists to avoid. Then min-cost-flow.ts is used instead; both are exact.
 */
export const LARGEST_CLASS = 2_000;

/** Per client p(c) for open clients; the class layout (clients by p descending). */
export function priorityClasses(
  clientPriority: Float64Array,
  open: OpenProblem,
): { order: Int32Array; classStart: Int32Array; largest: number } {
  const clients: number[] = [];
  for (let c = 0; c < clientPriority.length; c++) {
    if ((open.clientUnit[c] ?? 0) < 0) clients.push(c);
  }
  clients.sort((a, b) => (clientPriority[b] ?? 0) - (clientPriority[a] ?? 0) || a - b);
  const starts = [0];
  let largest = 0;
  for (let i = 1; i <= clients.length; i++) {
    const same =
      i < clients.length && clientPriority[clients[i] ?? 0] === clientPriority[clients[i - 1] ?? 0];
    if (!same) {
      largest = Math.max(largest, i - (starts[starts.length - 1] ?? 0));
      starts.push(i);
    }
  }
  if (clients.length === 0) starts.length = 1;
  return { order: Int32Array.from(clients), classStart: Int32Array.from(starts), largest };
}

/**
 * The open problem's optimum under per-client worth p(c) and the fit (no group prices; locked
 * pairs are left out), respecting the caps. `certificate` checks the fit-level certificate (a
 * non-negative reduced cost on every residual arc among live nodes, and no arc out of the dead
 * set) and throws if it fails: `final` at the end, `each-step` after every search.
 */
export function solveByPriorityClasses(
  instance: CompactAssignmentInstance,
  open: OpenProblem,
  worth: ArcWorth,
  classes: Pick<ReturnType<typeof priorityClasses>, 'order' | 'classStart'>,
  certificate?: Certificate,
  arcs: ClientArcs = clientArcs(instance, open),
  /** Per arc of `arcs`, 1 to leave it out: the same as locking its pair, without the lookup. */
  arcLocked?: Uint8Array,
): FlowResult {
  const flow = new ClassFlow(instance, open, arcs, worth.pairLocked, arcLocked);
  return runClasses(flow, classes, certificate);
}

/** Every class in turn, then the flow's assignment as pairs. */
function runClasses(
  flow: ClassFlow,
  classes: Pick<ReturnType<typeof priorityClasses>, 'order' | 'classStart'>,
  certificate: Certificate | undefined,
): FlowResult {
  const { order, classStart } = classes;
  for (let k = 0; k + 1 < classStart.length; k++) {
    flow.solveClass(order.subarray(classStart[k] ?? 0, classStart[k + 1] ?? 0), certificate);
  }
  if (certificate === 'final') flow.checkCertificate();
  const clientPair = new Int32Array(flow.clientUnit.length).fill(UNMATCHED);
  for (let c = 0; c < clientPair.length; c++) {
    const arc = flow.clientArc[c] ?? UNMATCHED;
    if (arc !== UNMATCHED) clientPair[c] = flow.arcPair[arc] ?? 0;
  }
  return { clientPair, clientUnit: flow.clientUnit };
}

/**
 * A feasible assignment that respects the capacity groups as well (not proven optimal): the same
 * class-by-class flow, in which an arc into a group is closed for good once the group is full.
 * Arcs are only ever closed, never reopened, so the potentials and the dead sets stay valid and
 * each search is still a shortest path in what is left open; a closed group stays closed even
 * when a path moves one of its clients elsewhere. The priority order decides who gets a
 * group's places: higher classes are housed first. A path that would put more clients into a
 * group than it has room for (two of its arcs in one group) closes that group and the search is
 * repeated. capacity-groups.ts uses it for its feasible solution next to the unpriced bound.
 */
export function solveWithinGroups(
  instance: CompactAssignmentInstance,
  open: OpenProblem,
  classes: Pick<ReturnType<typeof priorityClasses>, 'order' | 'classStart'>,
  groupLeft: Int32Array,
  arcs: ClientArcs = clientArcs(instance, open),
  certificate?: Certificate,
): FlowResult {
  const flow = new ClassFlow(instance, open, arcs, undefined);
  flow.useGroups(arcs.group, groupLeft);
  return runClasses(flow, classes, certificate);
}

class ClassFlow {
  private readonly unitCount: number;
  private readonly clientBase: number;
  private readonly neighbourhoodBase: number;
  private readonly municipalityBase: number;
  private readonly sink: number;
  // Arcs by client, best score first.
  private readonly arcStart: Int32Array;
  private readonly arcUnit: Int32Array;
  readonly arcPair: Int32Array;
  private readonly arcScore: Float64Array;
  /**
   * Per arc, 1 when it is closed: its pair locked out (capacity-groups.ts), or its group full
   * (solveWithinGroups). Read in arc order.
   */
  private readonly arcLocked: Uint8Array;
  /** With groups (solveWithinGroups): per arc its group or -1, the room left, arcs by group. */
  private arcGroup: Int32Array | undefined;
  private groupRoom = new Int32Array(0);
  private groupArcStart = new Int32Array(1);
  private groupArcs = new Int32Array(0);
  private readonly groupDelta: Map<number, number> = new Map();
  private readonly unitNeighbourhood: Int32Array;
  private readonly neighbourhoodMunicipality: Int32Array;
  private readonly neighbourhoodUnitStart: Int32Array;
  private readonly neighbourhoodUnits: Int32Array;
  private readonly municipalityNeighbourhoodStart: Int32Array;
  private readonly municipalityNeighbourhoods: Int32Array;
  private readonly neighbourhoodCap: Int32Array;
  private readonly municipalityCap: Int32Array;

  // Flow.
  readonly clientUnit: Int32Array;
  readonly clientArc: Int32Array;
  private readonly unitClient: Int32Array;
  private readonly neighbourhoodFlow: Int32Array;
  private readonly municipalityFlow: Int32Array;
  private readonly pot: Float64Array;
  private readonly dead: Uint8Array;
  /**
   * Per client, a lower bound on -score - π(unit) over its arcs other than to the unit it holds
   * (dead units left out): what reaching any of them costs beyond the client's own key + π.
   */
  private readonly reachBound: Float64Array;
  /** Per dead node, which failed search buried it (the certificate needs the order). */
  private readonly burial: Int32Array;
  private burials = 0;

  // Search state.
  private readonly dist: Float64Array;
  private readonly predNode: Int32Array;
  private readonly predArc: Int32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly settled: Int32Array;
  private settledCount = 0;
  private readonly heap: KeyHeap;
  private sinkKey = Infinity;
  private sinkFrom = -1;
  /** Scratch: the class's open clients still live. */
  private sources = new Int32Array(0);

  constructor(
    instance: CompactAssignmentInstance,
    open: OpenProblem,
    arcs: ClientArcs,
    locked: Uint8Array | undefined,
    arcLocked?: Uint8Array,
  ) {
    const { clientCount, unitCount, neighbourhoodCount, municipalityCount } = instance;
    this.unitCount = unitCount;
    this.clientBase = unitCount;
    this.neighbourhoodBase = unitCount + clientCount;
    this.municipalityBase = this.neighbourhoodBase + neighbourhoodCount;
    this.sink = this.municipalityBase + municipalityCount;
    const nodeCount = this.sink + 1;

    this.arcStart = arcs.start;
    this.arcUnit = arcs.unit;
    this.arcPair = arcs.pair;
    this.arcScore = arcs.score;
    this.arcLocked = arcLocked ? arcLocked.slice() : new Uint8Array(arcs.pair.length);
    if (locked) {
      const { pair } = arcs;
      for (let a = 0; a < pair.length; a++) this.arcLocked[a] = locked[pair[a] ?? 0] ?? 0;
    }
    this.unitNeighbourhood = instance.unitNeighbourhood;
    this.neighbourhoodMunicipality = instance.neighbourhoodMunicipality;
    const byNeighbourhood = bucket(neighbourhoodCount, unitCount, (u) =>
      open.unitTaken[u] === 1 ? -1 : (instance.unitNeighbourhood[u] ?? 0),
    );
    this.neighbourhoodUnitStart = byNeighbourhood.start;
    this.neighbourhoodUnits = byNeighbourhood.items;
    const byMunicipality = bucket(
      municipalityCount,
      neighbourhoodCount,
      (n) => instance.neighbourhoodMunicipality[n] ?? 0,
    );
    this.municipalityNeighbourhoodStart = byMunicipality.start;
    this.municipalityNeighbourhoods = byMunicipality.items;
    this.neighbourhoodCap = open.neighbourhoodLeft;
    this.municipalityCap = open.municipalityLeft;

    this.clientUnit = new Int32Array(clientCount).fill(UNMATCHED);
    this.clientArc = new Int32Array(clientCount).fill(UNMATCHED);
    this.unitClient = new Int32Array(unitCount).fill(UNMATCHED);
    this.neighbourhoodFlow = new Int32Array(neighbourhoodCount);
    this.municipalityFlow = new Int32Array(municipalityCount);
    this.pot = new Float64Array(nodeCount).fill(-MICRO_POINTS);
    this.pot.fill(0, this.clientBase, this.neighbourhoodBase);
    this.dead = new Uint8Array(nodeCount);
    this.reachBound = new Float64Array(clientCount);
    for (let c = 0; c < clientCount; c++) this.resetReachBound(c);
    this.burial = new Int32Array(nodeCount).fill(LIVE);
    this.dist = new Float64Array(nodeCount).fill(Infinity);
    this.predNode = new Int32Array(nodeCount);
    this.predArc = new Int32Array(nodeCount);
    this.touched = new Int32Array(nodeCount);
    this.settled = new Int32Array(nodeCount);
    this.heap = new KeyHeap(nodeCount);
  }

  /** Respect the groups from now on: closes the arcs of groups with no room. */
  useGroups(arcGroup: Int32Array, groupLeft: Int32Array): void {
    const groupCount = groupLeft.length;
    const start = new Int32Array(groupCount + 1);
    for (let a = 0; a < arcGroup.length; a++) {
      const g = arcGroup[a] ?? -1;
      if (g >= 0) start[g + 1] = (start[g + 1] ?? 0) + 1;
    }
    for (let g = 0; g < groupCount; g++) start[g + 1] = (start[g + 1] ?? 0) + (start[g] ?? 0);
    const arcs = new Int32Array(start[groupCount] ?? 0);
    const fill = start.slice(0, groupCount);
    for (let a = 0; a < arcGroup.length; a++) {
      const g = arcGroup[a] ?? -1;
      if (g < 0) continue;
      const at = fill[g] ?? 0;
      fill[g] = at + 1;
      arcs[at] = a;
    }
    this.arcGroup = arcGroup;
    this.groupRoom = groupLeft.slice();
    this.groupArcStart = start;
    this.groupArcs = arcs;
    for (let g = 0; g < groupCount; g++) if ((groupLeft[g] ?? 0) <= 0) this.closeGroup(g);
  }

  private closeGroup(g: number): void {
    const end = this.groupArcStart[g + 1] ?? 0;
    for (let i = this.groupArcStart[g] ?? 0; i < end; i++)
      this.arcLocked[this.groupArcs[i] ?? 0] = 1;
  }

  /**
   * With groups: whether the path found keeps every group within its room. If so the room is
   * taken (full groups close); if not, the group it would overfill closes and false is returned.
   */
  private pathFitsGroups(): boolean {
    const { arcGroup, groupDelta, clientBase, neighbourhoodBase } = this;
    if (arcGroup === undefined) return true;
    groupDelta.clear();
    const add = (arc: number, by: number): void => {
      const g = arcGroup[arc] ?? -1;
      if (g >= 0) groupDelta.set(g, (groupDelta.get(g) ?? 0) + by);
    };
    for (let y = this.sinkFrom; ;) {
      const x = this.predNode[y] ?? -1;
      if (x < 0) break;
      if (y < clientBase && x >= clientBase && x < neighbourhoodBase) add(this.predArc[y] ?? 0, 1);
      else if (y >= clientBase && y < neighbourhoodBase && x < clientBase) {
        add(this.clientArc[y - clientBase] ?? 0, -1);
      }
      y = x;
    }
    let fits = true;
    for (const [g, by] of groupDelta) {
      if (by > (this.groupRoom[g] ?? 0)) {
        fits = false;
        this.groupRoom[g] = 0;
        this.closeGroup(g);
      }
    }
    if (!fits) return false;
    for (const [g, by] of groupDelta) {
      const room = (this.groupRoom[g] ?? 0) - by;
      this.groupRoom[g] = room;
      if (room <= 0 && by > 0) this.closeGroup(g);
    }
    return true;
  }

  /** Houses what it can of one class: one shortest path per client, until none is left. */
  solveClass(members: Int32Array, certificate?: Certificate): void {
    const { arcStart } = this;
    const list: number[] = [];
    for (const c of members) if ((arcStart[c + 1] ?? 0) > (arcStart[c] ?? 0)) list.push(c);
    this.sources = Int32Array.from(list);
    let count = list.length;
    while (count > 0) {
      const found = this.search(count);
      if (found && !this.pathFitsGroups()) {
        // The path would overfill a group, which is closed now: search again without it.
        this.resetSearch();
        continue;
      }
      if (found) {
        this.augment();
        this.movePotentials(this.sinkKey);
      } else {
        this.bury();
      }
      this.resetSearch();
      if (certificate === 'each-step') this.checkCertificate();
      if (!found) return;
      count = this.compactSources(count);
    }
  }

  /** Drops housed and dead clients from the class's list, keeping its order. */
  private compactSources(count: number): number {
    const { sources, clientUnit, dead, clientBase } = this;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const c = sources[i] ?? 0;
      if ((clientUnit[c] ?? 0) === UNMATCHED && dead[clientBase + c] !== 1) sources[kept++] = c;
    }
    return kept;
  }

  private search(count: number): boolean {
    const { heap, sources, clientBase, dist, pot, reachBound, clientUnit } = this;
    const { neighbourhoodBase, municipalityBase } = this;
    this.sinkFrom = -1;
    // A path known in advance bounds the search (see upperBound): nothing at or above it is
    // entered, and scans stop there, exactly as they do once the sink has been reached.
    this.sinkKey = this.upperBound(count);
    // An open client enters the heap at the lowest key its arcs can lead to (reachBound; its own
    // key, -π, when that is higher): most are never popped, as the path is found first.
    for (let i = 0; i < count; i++) {
      const x = clientBase + (sources[i] ?? 0);
      const key = -(pot[x] ?? 0);
      this.touched[this.touchedCount++] = x;
      dist[x] = key;
      this.predNode[x] = -1;
      heap.push(x, Math.max(key, reachBound[x - clientBase] ?? 0));
    }
    while (!heap.isEmpty && heap.minKey < this.sinkKey) {
      const top = heap.minKey;
      const x = heap.pop();
      this.settled[this.settledCount++] = x;
      if (x < clientBase) this.scanUnit(x, top);
      else if (x < neighbourhoodBase) {
        const open = (clientUnit[x - clientBase] ?? 0) === UNMATCHED;
        this.scanClient(x, open ? (dist[x] ?? 0) : top);
      } else if (x < municipalityBase) this.scanNeighbourhood(x, top);
      else this.scanMunicipality(x, top);
    }
    return this.sinkFrom >= 0;
  }

  /**
   * One more than the length of some augmenting path, found without a search: a source's best
   * arc to a free unit whose neighbourhood and municipality both have room (Infinity when no
   * source has one in its first arcs). Such a path c → u → n → m → T has reduced length
   * -score - π(T): with the source's key -π(c), the potentials telescope (π(T) never moves, as T
   * is never settled, so it is -MICRO_POINTS). So the shortest path D is at most that,
   * and a search bounded by the path + 1 settles exactly what the unbounded one settles (all
   * keys below D, in the same order) and finds the same path; it only skips entering nodes at
   * keys above D, which the unbounded search enters but never settles. Every cost is an
   * integer, so + 1 keeps D strictly below the bound. The search then never fails.
   */
  private upperBound(count: number): number {
    const { sources, arcStart, arcUnit, arcScore, arcLocked, unitClient, dead } = this;
    const sinkPot = this.pot[this.sink] ?? 0;
    let best = Infinity;
    for (let i = 0; i < count; i++) {
      const c = sources[i] ?? 0;
      const end = Math.min(arcStart[c + 1] ?? 0, (arcStart[c] ?? 0) + DIRECT_ARCS);
      for (let a = arcStart[c] ?? 0; a < end; a++) {
        const length = -(arcScore[a] ?? 0) - sinkPot;
        if (length >= best) break;
        const u = arcUnit[a] ?? 0;
        if (arcLocked[a] === 1 || dead[u] === 1 || unitClient[u] !== UNMATCHED) continue;
        if (this.roomAbove(u)) {
          best = length;
          break;
        }
      }
    }
    return best + 1;
  }

  /** Whether a free unit's neighbourhood and municipality can both take one more. */
  private roomAbove(u: number): boolean {
    const n = this.unitNeighbourhood[u] ?? 0;
    const m = this.neighbourhoodMunicipality[n] ?? 0;
    const nCap = this.neighbourhoodCap[n] ?? NO_CAP;
    const mCap = this.municipalityCap[m] ?? NO_CAP;
    return (
      this.dead[this.neighbourhoodBase + n] !== 1 &&
      this.dead[this.municipalityBase + m] !== 1 &&
      (nCap === NO_CAP || (this.neighbourhoodFlow[n] ?? 0) < nCap) &&
      (mCap === NO_CAP || (this.municipalityFlow[m] ?? 0) < mCap)
    );
  }

  private reach(node: number, key: number, from: number, arc: number): void {
    if (this.dead[node] === 1 || key >= this.sinkKey) return;
    const old = this.dist[node] ?? Infinity;
    if (key >= old) return;
    if (old === Infinity) this.touched[this.touchedCount++] = node;
    this.dist[node] = key;
    this.predNode[node] = from;
    this.predArc[node] = arc;
    this.heap.push(node, key);
  }

  /**
   * A client: to the units it is not in, best score first, while they can beat the sink. Its
   * reachBound (a lower bound on -score - π(unit) over those arcs) skips the whole scan when no
   * arc can beat the sink; the scan tightens it. It stays valid as unit potentials only fall.
   */
  private scanClient(x: number, key: number): void {
    const { arcStart, arcUnit, arcScore, arcLocked, pot, dist, dead, reachBound } = this;
    const c = x - this.clientBase;
    const base = key + (pot[x] ?? 0);
    // Nothing in a client's scan reaches the sink: its key is fixed for the scan.
    const sinkKey = this.sinkKey;
    if (base + (reachBound[c] ?? 0) >= sinkKey) return;
    const held = this.clientUnit[c] ?? UNMATCHED;
    const bound = base + MICRO_POINTS;
    const end = arcStart[c + 1] ?? 0;
    let lowest = Infinity;
    for (let a = arcStart[c] ?? 0; a < end; a++) {
      const score = arcScore[a] ?? 0;
      if (bound - score >= sinkKey) {
        // The rest lead no lower than this (their -π(unit) ≥ MICRO_POINTS).
        lowest = Math.min(lowest, sinkKey - base);
        break;
      }
      const u = arcUnit[a] ?? 0;
      if (u === held || dead[u] === 1 || arcLocked[a] === 1) continue;
      const reached = -score - (pot[u] ?? 0);
      if (reached < lowest) lowest = reached;
      const d = base + reached;
      const old = dist[u] ?? Infinity;
      if (d < old && d < sinkKey) {
        // reach(u, d, x, a), its checks done above.
        if (old === Infinity) this.touched[this.touchedCount++] = u;
        dist[u] = d;
        this.predNode[u] = x;
        this.predArc[u] = a;
        this.heap.push(u, d);
      }
    }
    reachBound[c] = lowest;
  }

  /** A unit: back to the client it holds, or (free) into its neighbourhood. */
  private scanUnit(x: number, key: number): void {
    const { pot } = this;
    const held = this.unitClient[x] ?? UNMATCHED;
    if (held !== UNMATCHED) {
      const node = this.clientBase + held;
      const score = this.arcScore[this.clientArc[held] ?? 0] ?? 0;
      this.reach(node, key + score + (pot[x] ?? 0) - (pot[node] ?? 0), x, -1);
    } else {
      const node = this.neighbourhoodBase + (this.unitNeighbourhood[x] ?? 0);
      this.reach(node, key + (pot[x] ?? 0) - (pot[node] ?? 0), x, -1);
    }
  }

  /** A neighbourhood: up to its municipality if under cap, or back to a unit it holds. */
  private scanNeighbourhood(x: number, key: number): void {
    const { pot } = this;
    const n = x - this.neighbourhoodBase;
    const base = key + (pot[x] ?? 0);
    const cap = this.neighbourhoodCap[n] ?? NO_CAP;
    if (cap === NO_CAP || (this.neighbourhoodFlow[n] ?? 0) < cap) {
      const up = this.municipalityBase + (this.neighbourhoodMunicipality[n] ?? 0);
      this.reach(up, base - (pot[up] ?? 0), x, -1);
    }
    const end = this.neighbourhoodUnitStart[n + 1] ?? 0;
    for (let i = this.neighbourhoodUnitStart[n] ?? 0; i < end; i++) {
      const u = this.neighbourhoodUnits[i] ?? 0;
      if ((this.unitClient[u] ?? UNMATCHED) !== UNMATCHED)
        this.reach(u, base - (pot[u] ?? 0), x, -1);
    }
  }

  /** A municipality: to T if under cap, or back to a neighbourhood that sends it flow. */
  private scanMunicipality(x: number, key: number): void {
    const { pot } = this;
    const m = x - this.municipalityBase;
    const base = key + (pot[x] ?? 0);
    const cap = this.municipalityCap[m] ?? NO_CAP;
    if (cap === NO_CAP || (this.municipalityFlow[m] ?? 0) < cap) {
      const d = base - (pot[this.sink] ?? 0);
      if (d < this.sinkKey) {
        this.sinkKey = d;
        this.sinkFrom = x;
      }
    }
    const end = this.municipalityNeighbourhoodStart[m + 1] ?? 0;
    for (let i = this.municipalityNeighbourhoodStart[m] ?? 0; i < end; i++) {
      const n = this.municipalityNeighbourhoods[i] ?? 0;
      if ((this.neighbourhoodFlow[n] ?? 0) === 0) continue;
      const node = this.neighbourhoodBase + n;
      this.reach(node, base - (pot[node] ?? 0), x, -1);
    }
  }

  /** The bound any client's arcs have: every unit's π is at most -MICRO_POINTS. */
  private resetReachBound(c: number): void {
    const first = this.arcStart[c] ?? 0;
    this.reachBound[c] =
      first < (this.arcStart[c + 1] ?? 0) ? MICRO_POINTS - (this.arcScore[first] ?? 0) : Infinity;
  }

  /** Pushes one unit of flow along the path found, walking back from T. */
  private augment(): void {
    const { clientBase, neighbourhoodBase, municipalityBase } = this;
    const last = this.sinkFrom - municipalityBase;
    this.municipalityFlow[last] = (this.municipalityFlow[last] ?? 0) + 1;
    for (let y = this.sinkFrom; ;) {
      const x = this.predNode[y] ?? -1;
      if (x < 0) break;
      if (y < clientBase) {
        if (x >= clientBase && x < neighbourhoodBase) {
          // Client x takes unit y.
          const c = x - clientBase;
          this.clientUnit[c] = y;
          this.clientArc[c] = this.predArc[y] ?? 0;
          this.unitClient[y] = c;
          // The unit it held (if any) is one of its other arcs now.
          this.resetReachBound(c);
        }
      } else if (y < neighbourhoodBase) {
        // Client y leaves unit x (it has taken its next unit already).
        const c = y - clientBase;
        if (this.unitClient[x] === c) this.unitClient[x] = UNMATCHED;
      } else if (y < municipalityBase) {
        if (x >= municipalityBase) {
          const n = y - neighbourhoodBase;
          this.neighbourhoodFlow[n] = (this.neighbourhoodFlow[n] ?? 0) - 1;
        }
      } else if (x >= neighbourhoodBase) {
        const n = x - neighbourhoodBase;
        this.neighbourhoodFlow[n] = (this.neighbourhoodFlow[n] ?? 0) + 1;
      }
      y = x;
    }
  }

  /** Settled nodes move by d - D: every residual reduced cost stays ≥ 0. */
  private movePotentials(target: number): void {
    const { pot, dist, settled } = this;
    let lowest = 0;
    for (let i = 0; i < this.settledCount; i++) {
      const node = settled[i] ?? 0;
      const value = (pot[node] ?? 0) + (dist[node] ?? 0) - target;
      pot[node] = value;
      if (value < lowest) lowest = value;
    }
    if (lowest < -SAFE_MAGNITUDE) throw new RangeError('instance too large for exact arithmetic');
  }

  /**
   * The search failed: everything it reached is closed and can never reach T again (see the top
   * of this file). It is marked dead; potentials move by d - max d, which keeps reduced costs
   * inside it ≥ 0 (arcs into it only get costlier, and none leave it).
   */
  private bury(): void {
    let highest = -Infinity;
    for (let i = 0; i < this.settledCount; i++) {
      highest = Math.max(highest, this.dist[this.settled[i] ?? 0] ?? 0);
    }
    if (this.settledCount > 0) this.movePotentials(highest);
    this.burials++;
    for (let i = 0; i < this.touchedCount; i++) {
      this.dead[this.touched[i] ?? 0] = 1;
      this.burial[this.touched[i] ?? 0] = this.burials;
    }
  }

  private resetSearch(): void {
    for (let i = 0; i < this.touchedCount; i++) this.dist[this.touched[i] ?? 0] = Infinity;
    this.touchedCount = 0;
    this.settledCount = 0;
    this.heap.clear();
  }

  /**
   * Throws unless every residual arc has reduced cost ≥ 0, except arcs into a set buried before
   * their tail was (or while it lives), and no residual arc leaves a buried set for a node buried
   * later or alive. Such arcs lie on no cycle, so the flow has no negative cycle.
   */
  checkCertificate(): void {
    const { pot, burial, clientBase, neighbourhoodBase, municipalityBase, sink } = this;
    const expect = (x: number, y: number, cost: number, arc: string): void => {
      const bx = burial[x] ?? LIVE;
      const by = burial[y] ?? LIVE;
      if (bx < by) throw new Error(`residual arc leaves a dead set: ${arc}`);
      if (by < bx) return;
      const reduced = cost + (pot[x] ?? 0) - (pot[y] ?? 0);
      if (reduced < 0) throw new Error(`negative reduced cost ${reduced} on ${arc}`);
    };
    for (let c = 0; c < this.clientUnit.length; c++) {
      const held = this.clientUnit[c] ?? UNMATCHED;
      const node = clientBase + c;
      const end = this.arcStart[c + 1] ?? 0;
      for (let a = this.arcStart[c] ?? 0; a < end; a++) {
        const u = this.arcUnit[a] ?? 0;
        const score = this.arcScore[a] ?? 0;
        if (u === held) expect(u, node, score, `unit ${u} → client ${c}`);
        else if (this.arcLocked[a] !== 1) expect(node, u, -score, `client ${c} → unit ${u}`);
      }
    }
    for (let u = 0; u < this.unitCount; u++) {
      const n = neighbourhoodBase + (this.unitNeighbourhood[u] ?? 0);
      if ((this.unitClient[u] ?? UNMATCHED) === UNMATCHED) expect(u, n, 0, `unit ${u} → area`);
      else expect(n, u, 0, `area → unit ${u}`);
    }
    for (let n = 0; n < this.neighbourhoodFlow.length; n++) {
      const node = neighbourhoodBase + n;
      const up = municipalityBase + (this.neighbourhoodMunicipality[n] ?? 0);
      const cap = this.neighbourhoodCap[n] ?? NO_CAP;
      const flow = this.neighbourhoodFlow[n] ?? 0;
      if (cap === NO_CAP || flow < cap) expect(node, up, 0, `neighbourhood ${n} → up`);
      if (flow > 0) expect(up, node, 0, `municipality → neighbourhood ${n}`);
    }
    for (let m = 0; m < this.municipalityFlow.length; m++) {
      const cap = this.municipalityCap[m] ?? NO_CAP;
      const node = municipalityBase + m;
      if (cap === NO_CAP || (this.municipalityFlow[m] ?? 0) < cap) {
        expect(node, sink, 0, `municipality ${m} → T`);
      }
    }
  }
}

/** Each open client's pairs with units still open, best score first, then in unit order. */
export interface ClientArcs {
  start: Int32Array;
  unit: Int32Array;
  pair: Int32Array;
  score: Float64Array;
  /** Per arc, its pair's capacity group or -1 (all -1 without groups). */
  group: Int32Array;
}

/** Built once per solve: locked pairs are skipped where they are scanned. */
export function clientArcs(instance: CompactAssignmentInstance, open: OpenProblem): ClientArcs {
  const { clientCount, unitCount, unitPairStart, pairClient, pairScore, pairGroup } = instance;
  const start = new Int32Array(clientCount + 1);
  const keep = (u: number, p: number): boolean =>
    open.unitTaken[u] !== 1 && (open.clientUnit[pairClient[p] ?? 0] ?? 0) < 0;
  for (let u = 0; u < unitCount; u++) {
    const end = unitPairStart[u + 1] ?? 0;
    for (let p = unitPairStart[u] ?? 0; p < end; p++) {
      if (keep(u, p)) {
        const c = pairClient[p] ?? 0;
        start[c + 1] = (start[c + 1] ?? 0) + 1;
      }
    }
  }
  let longest = 0;
  for (let c = 0; c < clientCount; c++) {
    longest = Math.max(longest, start[c + 1] ?? 0);
    start[c + 1] = (start[c + 1] ?? 0) + (start[c] ?? 0);
  }
  const total = start[clientCount] ?? 0;
  const unit = new Int32Array(total);
  const pair = new Int32Array(total);
  const score = new Float64Array(total);
  // Read here in pair order, where it is cheap: read per arc later, it is a random access each.
  const group = new Int32Array(total);
  const fill = start.slice(0, clientCount);
  // Units in index order: within a client, equal scores stay in unit order (the sort is stable).
  for (let u = 0; u < unitCount; u++) {
    const end = unitPairStart[u + 1] ?? 0;
    for (let p = unitPairStart[u] ?? 0; p < end; p++) {
      if (!keep(u, p)) continue;
      const c = pairClient[p] ?? 0;
      const at = fill[c] ?? 0;
      fill[c] = at + 1;
      unit[at] = u;
      pair[at] = p;
      score[at] = pairScore[p] ?? 0;
      group[at] = pairGroup?.[p] ?? -1;
    }
  }
  const sorter = new SegmentSorter(longest);
  const tag = pairGroup ? group : undefined;
  for (let c = 0; c < clientCount; c++) {
    const from = start[c] ?? 0;
    const to = start[c + 1] ?? 0;
    if (to - from > 1) sorter.sort(unit, pair, score, from, to, tag);
  }
  return { start, unit, pair, score, group };
}

/** Items grouped by a key in [0, groups) (key -1: left out), in index order within a group. */
export function bucket(
  groups: number,
  items: number,
  keyOf: (item: number) => number,
): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < items; i++) {
    const k = keyOf(i);
    if (k >= 0) start[k + 1] = (start[k + 1] ?? 0) + 1;
  }
  for (let g = 0; g < groups; g++) start[g + 1] = (start[g + 1] ?? 0) + (start[g] ?? 0);
  const out = new Int32Array(start[groups] ?? 0);
  const fill = start.slice(0, groups);
  for (let i = 0; i < items; i++) {
    const k = keyOf(i);
    if (k < 0) continue;
    const at = fill[k] ?? 0;
    fill[k] = at + 1;
    out[at] = i;
  }
  return { start, items: out };
}
