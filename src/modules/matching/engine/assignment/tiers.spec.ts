import fc from 'fast-check';

import { solveGreedy, solveOptimal } from './assignment.solver';
import type { AssignmentInstance, AssignmentSolution } from './assignment.types';
import { toAssignmentSolution, toCompactInstance } from './compact-instance';
import { openProblem } from './fixed-pairs';
import { solveCompactOptimal } from './optimal';
import { instanceArbitrary, violations, withTiersAndGroups } from './testing/instance.arbitrary';
import { bruteForceOptimum, naiveGreedy, type ReferenceResult } from './testing/reference-solvers';
import { decodePriority, encodePriority, MAX_PRIORITY, priorityTiers } from './tiers';

const micro = (objective: number): number => Math.round(objective * 1_000_000);
const tiersOf = (s: AssignmentSolution | ReferenceResult) =>
  'objectiveMicro' in s
    ? [s.assigned, s.urgent, s.waitDays, s.objectiveMicro]
    : [s.assigned, s.urgent ?? 0, s.waitDays ?? 0, micro(s.objective)];

const unit = (id: string, municipality = 'GM1') => ({
  id,
  neighbourhood: `BU-${id}`,
  municipality,
});

const small = instanceArbitrary({ maxClients: 6, maxUnits: 6, density: 0.45, withFixed: true });

describe('priority tiers', () => {
  it('match brute force on small instances: housed, urgent, days waited, then score', () => {
    fc.assert(
      fc.property(withTiersAndGroups(small, { groups: false }), (instance) => {
        const solution = solveOptimal(instance);
        const best = bruteForceOptimum(instance);
        // The flow's certificate after every augmentation, on the tiered costs.
        solveCompactOptimal(toCompactInstance(instance).compact, { certificate: 'each-step' });
        expect(violations(instance, solution)).toEqual([]);
        expect(tiersOf(solution)).toEqual(tiersOf(best));
        if (instance.clients.length > 0) {
          expect(solution.optimality).toMatchObject({ exact: true, gap: null });
        }
      }),
      { numRuns: 400 },
    );
  });

  const twoForOne = (
    a: AssignmentInstance['clients'][number],
    b: AssignmentInstance['clients'][number],
    scores: [number, number],
  ): AssignmentInstance => ({
    clients: [a, b],
    units: [unit('home')],
    caps: {},
    pairs: [
      { client: a.id, unit: 'home', score: scores[0] },
      { client: b.id, unit: 'home', score: scores[1] },
    ],
  });

  it('give the one home to the urgent client over a nearer, better-scoring one', () => {
    const instance = twoForOne(
      { id: 'c1', urgent: false, waitDays: 30 },
      { id: 'c2', urgent: true, waitDays: 0 },
      [0.328, 0.307],
    );
    expect(solveOptimal(instance).assignment).toEqual([{ client: 'c2', unit: 'home' }]);
    expect(solveGreedy(instance).assignment).toEqual([{ client: 'c2', unit: 'home' }]);
  });

  it('give it to a two-year wait over a 30-day wait at a slightly better score', () => {
    const instance = twoForOne(
      { id: 'c1', waitDays: 730 },
      { id: 'c2', waitDays: 30 },
      [0.31, 0.33],
    );
    expect(solveOptimal(instance).assignment).toEqual([{ client: 'c1', unit: 'home' }]);
  });

  it('decide between equal clients by index order (callers number them by readySince)', () => {
    const a = { id: 'c1', urgent: true, waitDays: 12 };
    const b = { id: 'c2', urgent: true, waitDays: 12 };
    expect(solveOptimal(twoForOne(a, b, [0.5, 0.5])).assignment).toEqual([
      { client: 'c1', unit: 'home' },
    ]);
    expect(solveOptimal(twoForOne(b, a, [0.5, 0.5])).assignment).toEqual([
      { client: 'c1', unit: 'home' },
    ]);
  });

  it('still house the most clients first: no urgent client displaces two others', () => {
    const instance: AssignmentInstance = {
      clients: [{ id: 'a', urgent: true, waitDays: 900 }, { id: 'b' }, { id: 'c' }],
      units: [unit('x'), unit('y')],
      caps: {},
      pairs: [
        { client: 'a', unit: 'x', score: 1 },
        { client: 'a', unit: 'y', score: 1 },
        { client: 'b', unit: 'x', score: 0 },
        { client: 'c', unit: 'y', score: 0 },
      ],
    };
    // Either way two are housed; among those, the urgent client is.
    expect(solveOptimal(instance)).toMatchObject({ assigned: 2, urgent: 1, waitDays: 900 });
  });

  it('keep the encoding exact at national scale and refuse beyond it', () => {
    // 20,000 units, every client urgent, waits up to 100 years: p(c) stays below 2^44.
    const clientCount = 50_000;
    const base = toCompactInstance({
      clients: [{ id: 'c' }],
      units: [unit('u')],
      caps: {},
      pairs: [],
    }).compact;
    const instance = {
      ...base,
      clientCount,
      unitCount: 20_000,
      unitPairStart: new Int32Array(20_001),
      unitNeighbourhood: new Int32Array(20_000),
      clientUrgent: new Uint8Array(clientCount).fill(1),
      clientWait: new Int32Array(clientCount).fill(36_525),
    };
    const tiers = priorityTiers(instance, openProblem(instance));
    expect(tiers.maxPriority).toBeLessThan(MAX_PRIORITY);
    // Order-preserving decoding: 20,000 housed, all urgent, each 100 years.
    const totals = { assigned: 20_000, urgent: 20_000, waitDays: 20_000 * 36_525 };
    // The total passes 2^53 (so it is a BigInt); every single p(c) does not.
    expect(encodePriority(tiers, totals)).toBeGreaterThan(2n ** 53n);
    expect(Number.isSafeInteger(tiers.maxPriority * 64)).toBe(true);
    expect(decodePriority(tiers, encodePriority(tiers, totals))).toEqual({
      assigned: 20_000,
      urgent: 20_000,
      waitDays: 20_000 * 36_525,
    });
    const absurd = { ...instance, clientWait: new Int32Array(clientCount).fill(2 ** 31 - 1) };
    expect(() => priorityTiers(absurd, openProblem(absurd))).toThrow(RangeError);
  });
});

describe('capacity groups', () => {
  const withGroups = withTiersAndGroups(small);

  /** With two rounds, as large instances get by default: no priced round, the urgent bound. */
  const twoRounds = (instance: AssignmentInstance): AssignmentSolution => {
    const indexed = toCompactInstance(instance);
    return toAssignmentSolution(indexed, solveCompactOptimal(indexed.compact, { maxRounds: 2 }), 0);
  };

  it.each([
    ['by default', solveOptimal, 0.9],
    ['with two rounds', twoRounds, 0.5],
  ])(
    'are never overbooked, and the bound brackets the brute-force optimum (%s)',
    (_, solve, share) => {
      let exact = 0;
      let runs = 0;
      fc.assert(
        fc.property(withGroups, (instance) => {
          const solution = solve(instance);
          const best = tiersOf(bruteForceOptimum(instance));
          const found = tiersOf(solution);
          const optimality = solution.optimality;
          if (!optimality) throw new Error('no optimality report');
          const { assigned, urgent, waitDays, objective } = optimality.bound;
          const bound = [assigned, urgent, waitDays, micro(objective)];
          expect(violations(instance, solution)).toEqual([]);
          expect(compare(found, best)).toBeLessThanOrEqual(0);
          expect(compare(best, bound)).toBeLessThanOrEqual(0);
          if (optimality.exact) {
            expect(found).toEqual(best);
            expect(optimality.gap).toBeNull();
            exact++;
          } else {
            expect(compare(found, bound)).toBeLessThan(0);
            expect(optimality.gap).not.toBeNull();
          }
          runs++;
        }),
        { numRuns: 500 },
      );
      // Not a correctness property but the method's point: nearly every small instance is proven.
      expect(exact / runs).toBeGreaterThan(share);
    },
  );

  it('report an answer that reaches the sharper urgent bound as exact', () => {
    // Found by the property above: the rounds left a gap that the urgent bound then closed.
    const instance = {
      clients: [
        { id: 'c0', urgent: false, waitDays: 0 },
        { id: 'c1', urgent: true, waitDays: 0 },
        { id: 'c2', urgent: false, waitDays: 0 },
      ],
      units: [
        { id: 'u0', neighbourhood: 'BU1', municipality: 'GM1' },
        { id: 'u1', neighbourhood: 'BU3', municipality: 'GM1' },
        { id: 'u2', neighbourhood: 'BU3', municipality: 'GM1' },
        { id: 'u3', neighbourhood: 'BU1', municipality: 'GM1' },
      ],
      caps: {
        neighbourhoods: { BU0: 1, BU1: 2, BU2: 0, BU3: 0 },
        municipalities: { GM0: 3, GM1: 1, GM2: 0 },
      },
      pairs: [
        { client: 'c0', unit: 'u0', score: 4.1074607366702505e-112, group: 'g0' },
        { client: 'c1', unit: 'u0', score: 0.5, group: 'g1' },
        { client: 'c1', unit: 'u3', score: 8.282949413334363e-268, group: 'g0' },
        { client: 'c2', unit: 'u0', score: 0.75 },
        { client: 'c2', unit: 'u2', score: 6.552423499029982e-68, group: 'g0' },
      ],
      groups: { g0: 0, g1: 0 },
    } as AssignmentInstance;
    const solution = solveOptimal(instance);
    const best = tiersOf(bruteForceOptimum(instance));
    expect(tiersOf(solution)).toEqual(best);
    expect(solution.optimality?.exact).toBe(true);
    expect(solution.optimality?.gap).toBeNull();
  });

  it('hold one slot for one of three eligible intensive clients (provider capacity 1)', () => {
    const clients = ['c1', 'c2', 'c3'].map((id, i) => ({ id, waitDays: 100 - i }));
    const instance: AssignmentInstance = {
      clients,
      units: [
        unit('v1', 'GM0983'),
        unit('v2', 'GM0983'),
        unit('v3', 'GM0983'),
        unit('w1', 'GM0888'),
      ],
      caps: {},
      groups: { 'P1@GM0983': 1 },
      pairs: [
        ...clients.flatMap((client) =>
          ['v1', 'v2', 'v3'].map((u) => ({
            client: client.id,
            unit: u,
            score: 0.9,
            group: 'P1@GM0983',
          })),
        ),
        // c3 can also go elsewhere, with another provider's support.
        { client: 'c3', unit: 'w1', score: 0.2 },
      ],
    };
    for (const solve of [solveOptimal, solveGreedy]) {
      const solution = solve(instance);
      const there = solution.assignment.filter((a) => a.unit.startsWith('v'));
      expect(there).toHaveLength(1);
      expect(violations(instance, solution)).toEqual([]);
    }
    const optimal = solveOptimal(instance);
    expect(optimal.assignment).toEqual([
      { client: 'c1', unit: 'v1' },
      { client: 'c3', unit: 'w1' },
    ]);
    expect(optimal.optimality).toMatchObject({ exact: true, gap: null });
  });

  it('count fixed pairs against their group', () => {
    const instance: AssignmentInstance = {
      clients: [{ id: 'a' }, { id: 'b' }],
      units: [unit('x'), unit('y')],
      caps: {},
      groups: { g: 1 },
      pairs: [
        { client: 'a', unit: 'x', score: 0.1, group: 'g' },
        { client: 'b', unit: 'y', score: 0.9, group: 'g' },
      ],
      fixed: [{ client: 'a', unit: 'x' }],
    };
    expect(solveOptimal(instance).assignment).toEqual([{ client: 'a', unit: 'x' }]);
    expect(solveGreedy(instance).assignment).toEqual([{ client: 'a', unit: 'x' }]);
  });

  it('greedy takes pairs in tier order and skips full groups, like the textbook version', () => {
    fc.assert(
      fc.property(withGroups, (instance) => {
        const greedy = solveGreedy(instance);
        const reference = naiveGreedy(instance);
        expect(violations(instance, greedy)).toEqual([]);
        expect(tiersOf(greedy)).toEqual(tiersOf(reference));
      }),
      { numRuns: 300 },
    );
  });
});

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  }
  return 0;
}
