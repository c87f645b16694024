import fc from 'fast-check';

import { type Line, type LineMarks, type Mark, present, protectLine } from './small-numbers';

/**
 * Brute force, independent of the module's interval arithmetic: every assignment of the hidden
 * cells a reader cannot rule out (`<t` cells in 0…t−1, `x` cells from t up to `bound`, the parts
 * adding up to the total), and the values each hidden cell takes across them.
 */
function valuesAReaderCannotRuleOut(
  line: Line,
  marks: LineMarks,
  threshold: number,
  bound: number,
): { parts: Set<number>[]; total: Set<number> } {
  const domain = (mark: Mark, value: number): number[] => {
    if (mark === 'published') return [value];
    const [lo, hi] = mark === 'primary' ? [0, threshold - 1] : [threshold, bound];
    return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  };
  const partDomains = line.parts.map((value, i) => domain(marks.parts[i]!, value));
  const totalDomain =
    line.total === undefined ? [] : domain(marks.total ?? 'published', line.total);
  const seen = { parts: line.parts.map(() => new Set<number>()), total: new Set<number>() };
  const chosen: number[] = [];
  const walk = (i: number, sum: number) => {
    if (i === partDomains.length) {
      if (line.total === undefined) {
        chosen.forEach((value, k) => seen.parts[k]!.add(value));
        return;
      }
      if (!totalDomain.includes(sum)) return;
      chosen.forEach((value, k) => seen.parts[k]!.add(value));
      seen.total.add(sum);
      return;
    }
    for (const value of partDomains[i]!) {
      if (line.total !== undefined && sum + value > Math.max(...totalDomain)) break;
      chosen.push(value);
      walk(i + 1, sum + value);
      chosen.pop();
    }
  };
  walk(0, 0);
  return seen;
}

describe('small-number protection', () => {
  it('hides every count below the threshold and keeps the others', () => {
    expect(protectLine({ parts: [7, 0, 12] }, 5).parts).toEqual([
      'published',
      'primary',
      'published',
    ]);
    expect(present(3, 'primary', 5)).toBe('<5');
    expect(present(3, 'secondary', 5)).toBe('x');
    expect(present(9, 'published', 5)).toBe(9);
  });

  it('hides the smallest other part when the total would reveal a hidden one', () => {
    // 20 − 7 − 9 would give the 3 back: the 7 goes as well.
    expect(protectLine({ parts: [3, 9, 7], total: 19 }, 5)).toEqual({
      parts: ['primary', 'published', 'secondary'],
      total: 'published',
    });
  });

  it('hides more than one other part when one is not enough', () => {
    // With only the 5 hidden, 0 + 5 = 5 and the 5 is at least 5: both would be known.
    const marks = protectLine({ parts: [0, 5, 8, 30], total: 43 }, 5);
    expect(marks.parts).toEqual(['primary', 'secondary', 'secondary', 'published']);
  });

  it('hides the total when hiding every part is not enough', () => {
    // Parts 0 and 5 both hidden: 0…4 and ≥ 5 summing to 5 leaves only 0 and 5.
    expect(protectLine({ parts: [0, 5], total: 5 }, 5)).toEqual({
      parts: ['primary', 'secondary'],
      total: 'secondary',
    });
  });

  it('leaves a line of large counts alone', () => {
    expect(protectLine({ parts: [5, 6, 7], total: 18 }, 5)).toEqual({
      parts: ['published', 'published', 'published'],
      total: 'published',
    });
  });

  it('refuses a threshold below 3, where "<t" would name the value', () => {
    expect(() => protectLine({ parts: [1] }, 2)).toThrow(RangeError);
  });

  it('no hidden cell can be recovered from the published cells and the total (brute force)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (threshold, parts, withTotal) => {
          const total = parts.reduce((sum, value) => sum + value, 0);
          const line: Line = withTotal ? { parts, total } : { parts };
          const marks = protectLine(line, threshold);
          // Primary suppression: exactly the counts below the threshold are shown as "<t".
          parts.forEach((value, i) => {
            if (value < threshold) expect(marks.parts[i]).toBe('primary');
            else expect(marks.parts[i]).not.toBe('primary');
          });
          const seen = valuesAReaderCannotRuleOut(line, marks, threshold, total + 2 * threshold);
          parts.forEach((value, i) => {
            expect(seen.parts[i]!.has(value)).toBe(true);
            if (marks.parts[i] !== 'published') expect(seen.parts[i]!.size).toBeGreaterThan(1);
          });
          if (withTotal && marks.total !== 'published') {
            expect(seen.total.size).toBeGreaterThan(1);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
