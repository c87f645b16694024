import { MICRO_POINTS, type CompactAssignmentInstance } from './assignment.types';
import type { OpenProblem } from './fixed-pairs';

/**
 * Each unit's open pairs, most worth first: unit u's are `start[u] … start[u + 1] - 1`. An arc's
 * worth is the pair (hi, lo) of tiers.ts: hi = p(client) - groupPriceHi, lo = score - groupPriceLo.
 */
export interface UnitArcs {
  start: Int32Array;
  client: Int32Array;
  /** The arc's pair, an index into the instance's pair arrays. */
  pair: Int32Array;
  hi: Float64Array;
  lo: Float64Array;
}

/** What an arc is worth: the clients' priorities, less the price of the pair's group (if any). */
export interface ArcWorth {
  clientPriority: Float64Array;
  groupPriceHi?: Float64Array | undefined;
  groupPriceLo?: Float64Array | undefined;
  /** Per pair, 1 when the pair is left out (capacity-groups.ts locks groups this way). */
  pairLocked?: Uint8Array | undefined;
}

/**
 * The pairs still open (fixed clients and units left out), grouped by unit, within a unit by
 * worth descending and then in the instance's order. Sorted, a scan can stop at the first pair
 * whose worth is too low to matter (min-cost-flow.ts), and greedy can merge the units' lists.
 *
 * Each unit's pairs are sorted where they lie: a global sort scatters reads over the whole pair
 * arrays, which at 2.5 M pairs is several times slower. A unit already in order is left as is.
 */
export function unitArcsByWorth(
  instance: CompactAssignmentInstance,
  open: OpenProblem,
  worth: ArcWorth,
): UnitArcs {
  const { unitCount, unitPairStart, pairClient, pairScore, pairGroup } = instance;
  const { unitTaken, clientUnit } = open;
  const { clientPriority, groupPriceHi, groupPriceLo, pairLocked } = worth;

  const start = new Int32Array(unitCount + 1);
  for (let u = 0; u < unitCount; u++) {
    let kept = 0;
    if (unitTaken[u] !== 1) {
      const end = unitPairStart[u + 1] ?? 0;
      for (let p = unitPairStart[u] ?? 0; p < end; p++) {
        if ((clientUnit[pairClient[p] ?? 0] ?? -1) < 0 && pairLocked?.[p] !== 1) kept++;
      }
    }
    start[u + 1] = (start[u] ?? 0) + kept;
  }
  const total = start[unitCount] ?? 0;
  const client = new Int32Array(total);
  const pair = new Int32Array(total);
  const hi = new Float64Array(total);
  const lo = new Float64Array(total);
  let uniformHi = true;
  const firstHi = total > 0 ? (clientPriority[pairClient[0] ?? 0] ?? 0) : 0;
  let at = 0;
  for (let u = 0; u < unitCount; u++) {
    if ((start[u + 1] ?? 0) === (start[u] ?? 0)) continue;
    const end = unitPairStart[u + 1] ?? 0;
    for (let p = unitPairStart[u] ?? 0; p < end; p++) {
      const c = pairClient[p] ?? 0;
      if ((clientUnit[c] ?? -1) >= 0 || pairLocked?.[p] === 1) continue;
      const g = pairGroup?.[p] ?? -1;
      const h = (clientPriority[c] ?? 0) - (g >= 0 ? (groupPriceHi?.[g] ?? 0) : 0);
      client[at] = c;
      pair[at] = p;
      hi[at] = h;
      lo[at] = (pairScore[p] ?? 0) - (g >= 0 ? (groupPriceLo?.[g] ?? 0) : 0);
      if (h !== firstHi) uniformHi = false;
      at++;
    }
  }
  // Equal hi and integer lo in [0, MICRO_POINTS] (no prices): the fast sort on scores alone.
  const plainScores = uniformHi && groupPriceLo === undefined;
  sortUnits(start, client, pair, hi, lo, plainScores);
  return { start, client, pair, hi, lo };
}

/** Sorts each unit's arcs by worth descending, stably, leaving units already in order alone. */
function sortUnits(
  start: Int32Array,
  client: Int32Array,
  pair: Int32Array,
  hi: Float64Array,
  lo: Float64Array,
  plainScores: boolean,
): void {
  const unitCount = start.length - 1;
  let longest = 0;
  for (let u = 0; u < unitCount; u++) {
    longest = Math.max(longest, (start[u + 1] ?? 0) - (start[u] ?? 0));
  }
  const scoreSorter = plainScores ? new SegmentSorter(longest) : undefined;
  const worthSorter = plainScores ? undefined : new WorthSorter(longest);
  for (let u = 0; u < unitCount; u++) {
    const from = start[u] ?? 0;
    const to = start[u + 1] ?? 0;
    for (let i = from + 1; i < to; i++) {
      const up = (hi[i] ?? 0) - (hi[i - 1] ?? 0);
      if (up > 0 || (up === 0 && (lo[i] ?? 0) > (lo[i - 1] ?? 0))) {
        if (scoreSorter) scoreSorter.sort(client, pair, lo, from, to);
        else worthSorter?.sort(client, pair, hi, lo, from, to);
        break;
      }
    }
  }
}

/** A stable merge sort of a slice of arcs by (hi, lo) descending, on typed scratch arrays. */
class WorthSorter {
  private readonly order: Int32Array;
  private readonly scratch: Int32Array;
  private readonly clients: Int32Array;
  private readonly pairs: Int32Array;
  private readonly his: Float64Array;
  private readonly los: Float64Array;

  constructor(longest: number) {
    this.order = new Int32Array(longest);
    this.scratch = new Int32Array(longest);
    this.clients = new Int32Array(longest);
    this.pairs = new Int32Array(longest);
    this.his = new Float64Array(longest);
    this.los = new Float64Array(longest);
  }

  sort(
    client: Int32Array,
    pair: Int32Array,
    hi: Float64Array,
    lo: Float64Array,
    from: number,
    to: number,
  ): void {
    const length = to - from;
    let a = this.order;
    let b = this.scratch;
    for (let i = 0; i < length; i++) a[i] = from + i;
    for (let width = 1; width < length; width *= 2) {
      for (let left = 0; left < length; left += 2 * width) {
        const mid = Math.min(left + width, length);
        const right = Math.min(left + 2 * width, length);
        let i = left;
        let j = mid;
        let k = left;
        while (i < mid && j < right) {
          const x = a[i] ?? 0;
          const y = a[j] ?? 0;
          const dh = (hi[y] ?? 0) - (hi[x] ?? 0);
          // Take y first only when it is worth strictly more: keeps the sort stable.
          if (dh > 0 || (dh === 0 && (lo[y] ?? 0) > (lo[x] ?? 0))) {
            b[k++] = y;
            j++;
          } else {
            b[k++] = x;
            i++;
          }
        }
        while (i < mid) b[k++] = a[i++] ?? 0;
        while (j < right) b[k++] = a[j++] ?? 0;
      }
      const swap = a;
      a = b;
      b = swap;
    }
    const { clients, pairs, his, los } = this;
    for (let i = 0; i < length; i++) {
      const x = a[i] ?? 0;
      clients[i] = client[x] ?? 0;
      pairs[i] = pair[x] ?? 0;
      his[i] = hi[x] ?? 0;
      los[i] = lo[x] ?? 0;
    }
    client.set(clients.subarray(0, length), from);
    pair.set(pairs.subarray(0, length), from);
    hi.set(his.subarray(0, length), from);
    lo.set(los.subarray(0, length), from);
  }
}

/**
 * Sorts a slice of (client, pair, score) arcs by score descending, stably: a counting sort on the
 * score's top bits into about as many buckets as there are arcs, then an insertion pass over
 * the nearly sorted result. About a microsecond for a unit's hundred-odd pairs, several times
 * faster than the built-in sort. Scores are integers in [0, MICRO_POINTS].
 */
export class SegmentSorter {
  private readonly count: Int32Array;
  private readonly clients: Int32Array;
  private readonly pairs: Int32Array;
  private readonly scores: Float64Array;
  private readonly tags: Int32Array;

  constructor(longest: number) {
    this.count = new Int32Array(longest + 2);
    this.clients = new Int32Array(longest);
    this.pairs = new Int32Array(longest);
    this.scores = new Float64Array(longest);
    this.tags = new Int32Array(longest);
  }

  /** `tag`, if given, is one more array of the arcs, moved with them. */
  sort(
    client: Int32Array,
    pair: Int32Array,
    score: Float64Array,
    from: number,
    to: number,
    tag?: Int32Array,
  ): void {
    const { count, clients, pairs, scores, tags } = this;
    const length = to - from;
    const bits = 31 - Math.clz32(length);
    const shift = Math.max(0, SCORE_BITS - bits);
    const buckets = (MICRO_POINTS >> shift) + 1;
    count.fill(0, 0, buckets + 1);
    for (let i = from; i < to; i++) {
      const bucket = (MICRO_POINTS - (score[i] ?? 0)) >> shift;
      count[bucket + 1] = (count[bucket + 1] ?? 0) + 1;
    }
    for (let b = 0; b < buckets; b++) count[b + 1] = (count[b + 1] ?? 0) + (count[b] ?? 0);
    for (let i = from; i < to; i++) {
      const s = score[i] ?? 0;
      const bucket = (MICRO_POINTS - s) >> shift;
      const at = count[bucket] ?? 0;
      count[bucket] = at + 1;
      clients[at] = client[i] ?? 0;
      pairs[at] = pair[i] ?? 0;
      scores[at] = s;
      if (tag) tags[at] = tag[i] ?? 0;
    }
    for (let i = 1; i < length; i++) {
      const s = scores[i] ?? 0;
      if ((scores[i - 1] ?? 0) >= s) continue;
      const c = clients[i] ?? 0;
      const q = pairs[i] ?? 0;
      const t = tags[i] ?? 0;
      let j = i - 1;
      while (j >= 0 && (scores[j] ?? 0) < s) {
        scores[j + 1] = scores[j] ?? 0;
        clients[j + 1] = clients[j] ?? 0;
        pairs[j + 1] = pairs[j] ?? 0;
        if (tag) tags[j + 1] = tags[j] ?? 0;
        j--;
      }
      scores[j + 1] = s;
      clients[j + 1] = c;
      pairs[j + 1] = q;
      if (tag) tags[j + 1] = t;
    }
    client.set(clients.subarray(0, length), from);
    pair.set(pairs.subarray(0, length), from);
    score.set(scores.subarray(0, length), from);
    if (tag) tag.set(tags.subarray(0, length), from);
  }
}

/** MICRO_POINTS < 2^SCORE_BITS. */
const SCORE_BITS = 20;
