/**
 * Small-number protection for published counts (docs/reports.md, "Small-number protection").
 * Pure: plain numbers in, a mark per cell out.
 *
 * A report row holds lines: a few counts (`parts`) and, when the table publishes it, their sum
 * (`total`). A count below the threshold is hidden (primary suppression, shown `<5`). Where the
 * total and the other parts would let a reader work a hidden count out, more parts are hidden
 * (secondary suppression, shown `x`), the smallest first, until every hidden cell could still
 * take at least two values; only if hiding every part is not enough is the total hidden too.
 *
 * What a reader is assumed to know: every published cell exactly, that a `<5` cell lies in
 * 0…threshold−1, that an `x` cell is at least the threshold (it was not hidden for being small),
 * and that the parts add up to the total.
 */

export type Mark = 'published' | 'primary' | 'secondary';

export interface Line {
  parts: readonly number[];
  /** The sum of the parts, if the table publishes it. */
  total?: number;
}

export interface LineMarks {
  parts: Mark[];
  total?: Mark;
}

/** Integer interval; `hi` may be Infinity. */
interface Interval {
  lo: number;
  hi: number;
}

function intervalOf(mark: Mark, value: number, threshold: number): Interval {
  switch (mark) {
    case 'published':
      return { lo: value, hi: value };
    case 'primary':
      return { lo: 0, hi: threshold - 1 };
    case 'secondary':
      return { lo: threshold, hi: Infinity };
  }
}

/**
 * How many values each hidden cell of a line could take, given what a reader knows: for each
 * hidden part and the hidden total, the size of its feasible interval (Infinity when unbounded).
 * Cells that are published get 1.
 */
export function feasibleCounts(
  line: Line,
  marks: LineMarks,
  threshold: number,
): LineMarks & {
  counts: number[];
  totalCount?: number;
} {
  const parts = line.parts.map((value, i) =>
    intervalOf(marks.parts[i] ?? 'published', value, threshold),
  );
  if (line.total === undefined || marks.total === undefined) {
    // No relation between the parts: each is known only by its own interval.
    return { ...marks, counts: parts.map(size) };
  }
  // Σ parts − total = 0. With y = −total every variable has coefficient +1 and Σ = 0.
  const total = intervalOf(marks.total, line.total, threshold);
  const vars: Interval[] = [...parts, { lo: -total.hi, hi: -total.lo }];
  const feasible = vars.map((v, j) => {
    // The others must sum to −x: x ∈ [−Σhi_others, −Σlo_others] ∩ [lo, hi].
    let othersLo = 0;
    let othersHi = 0;
    vars.forEach((other, i) => {
      if (i === j) return;
      othersLo += other.lo;
      othersHi += other.hi;
    });
    return size({ lo: Math.max(v.lo, -othersHi), hi: Math.min(v.hi, -othersLo) });
  });
  return {
    ...marks,
    counts: feasible.slice(0, parts.length),
    totalCount: feasible[parts.length] ?? Infinity,
  };
}

function size(interval: Interval): number {
  if (interval.hi === Infinity || interval.lo === -Infinity) return Infinity;
  return Math.max(0, interval.hi - interval.lo + 1);
}

function allSafe(line: Line, marks: LineMarks, threshold: number): boolean {
  const feasible = feasibleCounts(line, marks, threshold);
  const hidden = feasible.counts.filter((_, i) => marks.parts[i] !== 'published');
  if (marks.total !== undefined && marks.total !== 'published') {
    hidden.push(feasible.totalCount ?? Infinity);
  }
  return hidden.every((count) => count >= 2);
}

/** The marks of one line: primary suppression, then secondary until nothing can be recovered. */
export function protectLine(line: Line, threshold: number): LineMarks {
  if (!Number.isInteger(threshold) || threshold < 3) {
    throw new RangeError(`threshold must be an integer of at least 3, got ${threshold}`);
  }
  const marks: LineMarks = {
    parts: line.parts.map((value) => (value < threshold ? 'primary' : 'published')),
    ...(line.total === undefined
      ? {}
      : { total: line.total < threshold ? ('primary' as const) : ('published' as const) }),
  };
  while (!allSafe(line, marks, threshold)) {
    // The smallest published part goes next (the least information lost); the first on a tie.
    let next = -1;
    let smallest = Infinity;
    line.parts.forEach((value, i) => {
      if (marks.parts[i] === 'published' && value < smallest) {
        next = i;
        smallest = value;
      }
    });
    if (next !== -1) {
      marks.parts[next] = 'secondary';
    } else {
      // Every part hidden and still recoverable from the total: hide the total as well.
      marks.total = 'secondary';
      break;
    }
  }
  return marks;
}

/** A cell as published: the count, or the marker of how it was hidden. */
export type ProtectedCount = number | string;

export const SECONDARY_MARKER = 'x';

export function primaryMarker(threshold: number): string {
  return `<${threshold}`;
}

/** What a reader sees of one count. */
export function present(value: number, mark: Mark, threshold: number): ProtectedCount {
  switch (mark) {
    case 'published':
      return value;
    case 'primary':
      return primaryMarker(threshold);
    case 'secondary':
      return SECONDARY_MARKER;
  }
}
