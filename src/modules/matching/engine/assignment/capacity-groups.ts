import type {
  CompactAssignmentInstance,
  CompactOptimality,
  CompactTierTotals,
} from './assignment.types';
import type { OpenProblem } from './fixed-pairs';
import { greedyByClasses } from './greedy';
import { solveExactFlow, type ExactFlowCache, type FlowMethod } from './exact-flow';
import type { Certificate } from './min-cost-flow';
import { mostHoused } from './most-housed';
import {
  clientArcs,
  LARGEST_CLASS,
  priorityClasses,
  solveWithinGroups,
  type ClientArcs,
} from './priority-flow';
import { urgentBound } from './urgent-bound';
import type { ArcWorth } from './unit-arcs';
import { totalsOf, unitOfPair } from './solution-totals';
import { compareTotals, decodePriority, type Tiers } from './tiers';

/*
 * Capacity groups (docs/solver.md): a pair may use a group, and a group may hold only so many
 * assigned pairs. That couples clients and units across the network, so the problem is no longer
 * a min-cost flow. We solve it by Lagrangian relaxation with the flow as subproblem:
 *
 * - Each group g gets a price λ_g ≥ 0, a pair (hi, lo) like every cost (tiers.ts), taken off the
 *   worth of every pair in g. The flow then finds, exactly, the assignment x maximising
 *   worth(x) - Σ λ_g·use_g(x), with the caps but without the groups.
 * - For any λ ≥ 0 that maximum plus Σ λ_g·left_g is an upper bound on every assignment that
 *   respects the groups (each such x has use_g(x) ≤ left_g). The lowest bound found is kept.
 * - Each round's x is repaired into a feasible assignment: in an over-full group the pairs
 *   worth least go, then greedy fills what became free, respecting everything. The best repaired
 *   assignment is the answer.
 * - When its worth equals the bound, it is proven optimal (`exact`). Otherwise prices move: an
 *   over-full group's price rises to the worth of the first pair it cannot hold, an under-full
 *   priced group's price halves, and the flow is solved again, up to `maxRounds` times.
 *
 * Without an over-full group in the first round, the flow's own optimum is feasible and exact.
 */

/**
 * Rounds by default: the unpriced flow (the bound) and the flow within the groups (the answer),
 * plus one priced round, which can lower the bound, where that is cheap: a priced round needs
 * the unit-by-unit method (exact-flow.ts), several times slower than the class method, so only
 * on instances of at most PRICED_ROUND_PAIRS pairs. The count depends only on the instance, so
 * the same instance always gets the same answer.
 */
const DEFAULT_ROUNDS = 2;
export const PRICED_ROUND_PAIRS = 100_000;

function defaultRounds(instance: CompactAssignmentInstance): number {
  return instance.pairClient.length <= PRICED_ROUND_PAIRS ? DEFAULT_ROUNDS + 1 : DEFAULT_ROUNDS;
}

export interface PricedSolution {
  /** Per client, the pair assigned (open clients only) or -1. */
  clientPair: Int32Array;
  optimality: CompactOptimality;
}

/** A group's price, or one pair's worth: small enough for doubles. */
interface Price {
  hi: number;
  lo: number;
}

/** A whole assignment's worth, or a bound on it: BigInt, as sums of p can pass 2^53. */
interface Worth {
  hi: bigint;
  lo: bigint;
}

const aboveWorth = (a: Worth, b: Worth): boolean => a.hi > b.hi || (a.hi === b.hi && a.lo > b.lo);
const abovePrice = (a: Price, b: Price): boolean => a.hi > b.hi || (a.hi === b.hi && a.lo > b.lo);

export function solveWithGroupPrices(
  instance: CompactAssignmentInstance,
  open: OpenProblem,
  tiers: Tiers,
  options: { certificate?: Certificate; maxRounds?: number; flow?: FlowMethod },
  cache: ExactFlowCache = { method: options.flow },
): PricedSolution {
  const left = open.groupLeft ?? new Int32Array(0);
  const groupCount = left.length;
  const priceHi = new Float64Array(groupCount);
  const priceLo = new Float64Array(groupCount);
  const pairLocked = new Uint8Array(instance.pairClient.length);
  // Per group its pairs: only lock rounds need them.
  let pairsOfGroup: number[][] | undefined;
  const maxRounds = Math.max(1, options.maxRounds ?? defaultRounds(instance));

  let bound: Worth | undefined;
  let best: { clientPair: Int32Array; worth: Worth } | undefined;
  const consider = (clientPair: Int32Array): void => {
    const worth = worthOf(instance, tiers, clientPair);
    if (best === undefined || aboveWorth(worth, best.worth)) best = { clientPair, worth };
  };
  const proven = (): boolean =>
    bound !== undefined && best !== undefined && !aboveWorth(bound, best.worth);
  const solve = (worth: Omit<ArcWorth, 'clientPriority'>): Int32Array =>
    solveExactFlow(
      instance,
      open,
      { clientPriority: tiers.clientPriority, ...worth },
      tiers.maxPriority,
      options.certificate,
      cache,
    ).clientPair;

  // Greedy is always feasible: the answer is never worse than the baseline. It walks the
  // class method's client arcs and classes (the same ones the flows use, built once), and only
  // once the first round is not proven.
  const greedy = (kept: Int32Array | undefined): Int32Array => {
    cache.classes ??= priorityClasses(tiers.clientPriority, open);
    cache.arcs ??= clientArcs(instance, open);
    return greedyByClasses(instance, reopen(instance, open, left, kept), cache.classes, cache.arcs);
  };
  // The flow within the groups and the urgent bound run by priority classes, so only where that
  // method is the one used (exact-flow.ts); elsewhere lock rounds take the flow's place.
  const byClasses = (): boolean => {
    if (options.flow === 'unit-by-unit') return false;
    const classes = (cache.classes ??= priorityClasses(tiers.clientPriority, open));
    return classes.classStart.length > 2 && classes.largest <= LARGEST_CLASS;
  };
  // Without priced rounds (large instances, by default) and where groups bind on urgent clients
  // (urgent-bound.ts), a flow without the groups would only bound the tiers up to the urgent
  // one, and there the urgent bound is sharper: that flow is not run (below).
  const sharper =
    maxRounds <= DEFAULT_ROUNDS && byClasses()
      ? urgentBound(
          instance,
          open,
          (cache.classes ??= priorityClasses(tiers.clientPriority, open)),
          (cache.arcs ??= clientArcs(instance, open)),
          left,
        )
      : undefined;
  if (sharper !== undefined && sharper.withinGroups < sharper.withoutGroups) {
    // The answer: the flow within the groups, or greedy where that is better. The bound: the
    // most clients housed at all (a maximum flow without costs or groups, from the answer), then
    // the urgent bound, then what no assignment of that size and urgency can pass.
    const arcs = (cache.arcs ??= clientArcs(instance, open));
    const classes = (cache.classes ??= priorityClasses(tiers.clientPriority, open));
    const within = solveWithinGroups(instance, open, classes, left, arcs, options.certificate);
    consider(within.clientPair);
    consider(greedy(undefined));
    const found = best?.clientPair ?? within.clientPair;
    const most = mostHoused(instance, open, arcs, found);
    const limit = withFixed(open, belowUrgent(instance, open, arcs, most, sharper.withinGroups));
    const exact = compareTotals(totalsOf(instance, open, found), limit) >= 0;
    return { clientPair: found, optimality: { exact, bound: limit, iterations: 2 } };
  }
  let rounds = 0;
  let pricesSettled = false;
  let locksSettled = false;
  let withinDone = false;
  let lockFrom: { clientPair: Int32Array; members: number[][] } | undefined;
  let next: 'price' | 'lock' | 'within' = 'price';
  while (rounds < maxRounds && !proven() && !(pricesSettled && locksSettled)) {
    rounds++;
    if (next === 'within') {
      // Feasible by construction: the class flow with each group's arcs closed once it is full.
      withinDone = true;
      cache.classes ??= priorityClasses(tiers.clientPriority, open);
      cache.arcs ??= clientArcs(instance, open);
      const flow = solveWithinGroups(
        instance,
        open,
        cache.classes,
        left,
        cache.arcs,
        options.certificate,
      );
      consider(flow.clientPair);
    } else if (next === 'price') {
      // Without a price yet the worth is per client, which the class method can use.
      const priced = priceHi.some((x) => x > 0) || priceLo.some((x) => x > 0);
      const clientPair = solve(priced ? { groupPriceHi: priceHi, groupPriceLo: priceLo } : {});
      // The Lagrangian bound: what the flow found under the prices, plus Σ λ_g·left_g.
      const relaxed = worthOf(instance, tiers, clientPair, priceHi, priceLo);
      for (let g = 0; g < groupCount; g++) {
        relaxed.hi += BigInt(priceHi[g] ?? 0) * BigInt(left[g] ?? 0);
        relaxed.lo += BigInt(priceLo[g] ?? 0) * BigInt(left[g] ?? 0);
      }
      if (bound === undefined || aboveWorth(bound, relaxed)) bound = relaxed;
      const members = groupMembers(instance, clientPair, groupCount, tiers);
      if (!priced && members.every((list, g) => list.length <= (left[g] ?? 0))) {
        // No group over-full: the relaxed optimum is feasible, hence optimal (if unpriced).
        consider(clientPair);
      } else {
        if (rounds === 1) consider(greedy(undefined));
        consider(repair(instance, clientPair, members, left, greedy));
      }
      lockFrom ??= { clientPair, members };
      pricesSettled = !movePrices(instance, tiers, clientPair, members, left, priceHi, priceLo);
    } else if (lockFrom) {
      pairsOfGroup ??= groupPairs(instance, groupCount);
      lock(lockFrom.members, left, pairsOfGroup, instance, pairLocked);
      const clientPair = solve({ pairLocked });
      const members = groupMembers(instance, clientPair, groupCount, tiers);
      locksSettled = members.every((list, g) => list.length <= (left[g] ?? 0));
      consider(locksSettled ? clientPair : repair(instance, clientPair, members, left, greedy));
      lockFrom = { clientPair, members };
    }
    // The flow within the groups first (one flow, feasible, usually the best found), then lock
    // rounds: without prices the worth stays per client, which the class method solves several
    // times faster (exact-flow.ts); priced rounds once locking has settled.
    if (!withinDone && byClasses()) next = 'within';
    else if (withinDone) next = pricesSettled ? 'lock' : 'price';
    else next = !locksSettled || pricesSettled ? 'lock' : 'price';
  }
  if (best === undefined || bound === undefined) throw new RangeError('no round was solved');
  const exact = proven();
  const decoded = decodePriority(tiers, bound.hi);
  let openBound = { ...decoded, objectiveMicro: Number(bound.lo) };
  if (!exact && byClasses()) {
    // The urgent tier's bound with the groups taken into account (urgent-bound.ts).
    cache.arcs ??= clientArcs(instance, open);
    const classes = (cache.classes ??= priorityClasses(tiers.clientPriority, open));
    const urgent = sharper ?? urgentBound(instance, open, classes, cache.arcs, left);
    if (urgent !== undefined && urgent.withinGroups < openBound.urgent) {
      openBound = belowUrgent(instance, open, cache.arcs, openBound.assigned, urgent.withinGroups);
    }
  }
  const limit = withFixed(open, openBound);
  // A sharper bound may close the gap the rounds left: an answer that reaches it is optimal.
  const reached = exact || compareTotals(totalsOf(instance, open, best.clientPair), limit) >= 0;
  return {
    clientPair: best.clientPair,
    optimality: { exact: reached, bound: limit, iterations: rounds },
  };
}

/** A bound on the open clients' tiers, with the fixed pairs' added. */
function withFixed(open: OpenProblem, bound: CompactTierTotals): CompactTierTotals {
  return {
    assigned: bound.assigned + open.fixedCount,
    urgent: bound.urgent + open.fixedUrgent,
    waitDays: bound.waitDays + open.fixedWaitDays,
    objectiveMicro: bound.objectiveMicro + open.fixedObjectiveMicro,
  };
}

/**
 * A lexicographic bound for assignments of at most `assigned` open clients with at most `urgent`
 * urgent ones: below the urgent tier, the flow's bound no longer applies (it was for more urgent
 * clients), so the tiers below take what no such assignment can pass: the `assigned` longest
 * waits, and the `assigned` best scores of the clients' best pairs.
 */
function belowUrgent(
  instance: CompactAssignmentInstance,
  open: OpenProblem,
  arcs: ClientArcs,
  assigned: number,
  urgent: number,
): CompactTierTotals {
  const waits: number[] = [];
  const scores: number[] = [];
  for (let c = 0; c < instance.clientCount; c++) {
    if ((open.clientUnit[c] ?? -1) >= 0) continue;
    waits.push(instance.clientWait?.[c] ?? 0);
    const first = arcs.start[c] ?? 0;
    if (first < (arcs.start[c + 1] ?? 0)) scores.push(arcs.score[first] ?? 0);
  }
  const largest = (values: number[]): number => {
    values.sort((a, b) => b - a);
    let sum = 0;
    for (let i = 0; i < Math.min(assigned, values.length); i++) sum += values[i] ?? 0;
    return sum;
  };
  return { assigned, urgent, waitDays: largest(waits), objectiveMicro: largest(scores) };
}

/** Per group, its pairs' indices. */
function groupPairs(instance: CompactAssignmentInstance, groupCount: number): number[][] {
  const pairs: number[][] = Array.from({ length: groupCount }, () => []);
  instance.pairGroup?.forEach((g, p) => {
    if (g >= 0) pairs[g]?.push(p);
  });
  return pairs;
}

/**
 * Locks each over-full group to the clients it holds worth most: its other clients' pairs in it
 * are left out from now on, so it can never be over-full again.
 */
function lock(
  members: readonly number[][],
  left: Int32Array,
  pairsOfGroup: readonly number[][],
  instance: CompactAssignmentInstance,
  pairLocked: Uint8Array,
): void {
  members.forEach((list, g) => {
    const room = left[g] ?? 0;
    if (list.length <= room) return;
    const kept = new Set(list.slice(0, room));
    for (const p of pairsOfGroup[g] ?? []) {
      if (!kept.has(instance.pairClient[p] ?? -1)) pairLocked[p] = 1;
    }
  });
}

/** `open` with copies of everything greedy uses up, and the kept pairs (if any) taken. */
function reopen(
  instance: CompactAssignmentInstance,
  open: OpenProblem,
  left: Int32Array,
  kept: Int32Array | undefined,
): OpenProblem {
  const rest: OpenProblem = {
    ...open,
    clientUnit: open.clientUnit.slice(),
    unitTaken: open.unitTaken.slice(),
    neighbourhoodLeft: open.neighbourhoodLeft.slice(),
    municipalityLeft: open.municipalityLeft.slice(),
    groupLeft: left.slice(),
  };
  if (kept === undefined) return rest;
  const use = (caps: Int32Array, i: number): void => {
    const cap = caps[i] ?? -1;
    if (cap > 0) caps[i] = cap - 1;
  };
  for (let c = 0; c < instance.clientCount; c++) {
    const p = kept[c] ?? -1;
    if (p < 0) continue;
    const u = unitOfPair(instance.unitPairStart, p);
    rest.clientUnit[c] = u;
    rest.unitTaken[u] = 1;
    const n = instance.unitNeighbourhood[u] ?? 0;
    use(rest.neighbourhoodLeft, n);
    use(rest.municipalityLeft, instance.neighbourhoodMunicipality[n] ?? 0);
    const g = instance.pairGroup?.[p] ?? -1;
    if (g >= 0 && rest.groupLeft) use(rest.groupLeft, g);
  }
  return rest;
}

/** Per group, the clients assigned a pair in it, most worth first (then client index). */
function groupMembers(
  instance: CompactAssignmentInstance,
  clientPair: Int32Array,
  groupCount: number,
  tiers: Tiers,
): number[][] {
  const members: number[][] = Array.from({ length: groupCount }, () => []);
  for (let c = 0; c < instance.clientCount; c++) {
    const p = clientPair[c] ?? -1;
    const g = p >= 0 ? (instance.pairGroup?.[p] ?? -1) : -1;
    if (g >= 0) members[g]?.push(c);
  }
  const { clientPriority } = tiers;
  const score = (c: number): number => instance.pairScore[clientPair[c] ?? 0] ?? 0;
  for (const list of members) {
    if (list.length < 2) continue;
    list.sort(
      (a, b) => (clientPriority[b] ?? 0) - (clientPriority[a] ?? 0) || score(b) - score(a) || a - b,
    );
  }
  return members;
}

/**
 * A feasible assignment from the round's: each over-full group keeps its pairs worth most, and
 * greedy fills what is left (clients, units, caps and group room not used by what was kept).
 */
function repair(
  instance: CompactAssignmentInstance,
  clientPair: Int32Array,
  members: readonly number[][],
  left: Int32Array,
  greedy: (kept: Int32Array) => Int32Array,
): Int32Array {
  const kept = clientPair.slice();
  members.forEach((list, g) => {
    for (let i = left[g] ?? 0; i < list.length; i++) kept[list[i] ?? 0] = -1;
  });
  const added = greedy(kept);
  for (let c = 0; c < instance.clientCount; c++) {
    if ((added[c] ?? -1) >= 0) kept[c] = added[c] ?? -1;
  }
  return kept;
}

/**
 * What an assignment of the open clients is worth, (sum of p, sum of scores), less the prices
 * of the groups its pairs use when prices are given.
 */
function worthOf(
  instance: CompactAssignmentInstance,
  tiers: Tiers,
  clientPair: Int32Array,
  priceHi?: Float64Array,
  priceLo?: Float64Array,
): Worth {
  const worth = { hi: 0n, lo: 0n };
  for (let c = 0; c < instance.clientCount; c++) {
    const p = clientPair[c] ?? -1;
    if (p < 0) continue;
    const g = instance.pairGroup?.[p] ?? -1;
    const hi = (tiers.clientPriority[c] ?? 0) - (g >= 0 ? (priceHi?.[g] ?? 0) : 0);
    const lo = (instance.pairScore[p] ?? 0) - (g >= 0 ? (priceLo?.[g] ?? 0) : 0);
    worth.hi += BigInt(hi);
    worth.lo += BigInt(lo);
  }
  return worth;
}

/**
 * New prices from the round's group use; false when none changed (the next round would repeat
 * this one). Over-full: at least the worth of the first pair the group cannot hold, so that pair
 * and those below it gain nothing by staying. Under-full with a price: half the price.
 */
function movePrices(
  instance: CompactAssignmentInstance,
  tiers: Tiers,
  clientPair: Int32Array,
  members: readonly number[][],
  left: Int32Array,
  priceHi: Float64Array,
  priceLo: Float64Array,
): boolean {
  let changed = false;
  members.forEach((list, g) => {
    const room = left[g] ?? 0;
    const price: Price = { hi: priceHi[g] ?? 0, lo: priceLo[g] ?? 0 };
    if (list.length > room) {
      const c = list[room] ?? 0;
      const first: Price = {
        hi: tiers.clientPriority[c] ?? 0,
        lo: instance.pairScore[clientPair[c] ?? 0] ?? 0,
      };
      // Not above: the pair is already worth nothing there, it stayed on a tie.
      if (abovePrice(first, price)) {
        priceHi[g] = first.hi;
        priceLo[g] = first.lo;
        changed = true;
      }
    } else if (list.length < room && (price.hi > 0 || price.lo > 0)) {
      // Halving keeps both parts non-negative: the price stays ≥ 0 in every part.
      priceHi[g] = Math.floor(price.hi / 2);
      priceLo[g] = Math.floor(price.lo / 2);
      changed = true;
    }
  });
  return changed;
}
