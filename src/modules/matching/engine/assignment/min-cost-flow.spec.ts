import fc from 'fast-check';

import { solveGreedy, solveOptimal } from './assignment.solver';
import type { AssignmentInstance } from './assignment.types';
import { toCompactInstance } from './compact-instance';
import { generateAssignmentInstance, REGION_SHAPE } from './instance.generator';
import { solveCompactOptimal } from './optimal';
import { formatSolution } from './solution.format';
import { instanceArbitrary, shuffled, violations } from './testing/instance.arbitrary';
import { bellmanFordOptimum, bruteForceOptimum } from './testing/reference-solvers';

const micro = (objective: number): number => Math.round(objective * 1_000_000);

/** Solves with the optimality certificate checked after every augmentation (throws if broken). */
const certified = (instance: AssignmentInstance) =>
  solveCompactOptimal(toCompactInstance(instance).compact, { certificate: 'each-step' });

const small = instanceArbitrary({ maxClients: 6, maxUnits: 6, density: 0.4, withFixed: true });
const larger = instanceArbitrary({ maxClients: 40, maxUnits: 30, density: 0.12, withFixed: true });

describe('solveOptimal', () => {
  it('matches brute force on small instances with caps: housed, total score, feasibility', () => {
    fc.assert(
      fc.property(small, (instance) => {
        const solution = solveOptimal(instance);
        const best = bruteForceOptimum(instance);
        expect(certified(instance).objectiveMicro).toBe(best.objectiveMicro);
        expect(violations(instance, solution)).toEqual([]);
        expect(solution.assigned).toBe(best.assigned);
        expect(micro(solution.objective)).toBe(best.objectiveMicro);
      }),
      { numRuns: 600 },
    );
  });

  it('matches a plain Bellman–Ford min-cost flow on larger instances', () => {
    fc.assert(
      fc.property(larger, (instance) => {
        const solution = solveOptimal(instance);
        const reference = bellmanFordOptimum(instance);
        expect(certified(instance).objectiveMicro).toBe(reference.objectiveMicro);
        expect(violations(instance, solution)).toEqual([]);
        expect(solution.assigned).toBe(reference.assigned);
        expect(micro(solution.objective)).toBe(reference.objectiveMicro);
      }),
      { numRuns: 150 },
    );
  });

  it('matches Bellman–Ford on a generated instance of the benchmark kind', () => {
    const instance = generateAssignmentInstance({
      ...REGION_SHAPE,
      clients: 240,
      units: 90,
      pairsPerClient: 12,
      neighbourhoods: 30,
      fixedShare: 0.05,
      seed: 7,
    });
    const solution = solveOptimal(instance);
    const reference = bellmanFordOptimum(instance);
    expect(violations(instance, solution)).toEqual([]);
    expect(solution.assigned).toBe(reference.assigned);
    expect(micro(solution.objective)).toBe(reference.objectiveMicro);
  });

  it('keeps every reduced cost non-negative on generated instances with tight caps', () => {
    // Beyond reach of the reference solvers: the certificate itself proves optimality.
    for (const seed of [11, 12, 13]) {
      const instance = generateAssignmentInstance({
        ...REGION_SHAPE,
        clients: 500,
        units: 250,
        pairsPerClient: 15,
        municipalities: 6,
        neighbourhoods: 60,
        areaKm: 30,
        fixedShare: 0.03,
        seed,
      });
      const solution = solveOptimal(instance);
      expect(violations(instance, solution)).toEqual([]);
      expect(certified(instance).assigned).toBe(solution.assigned);
    }
  });

  it('proves its solution of the region benchmark instance optimal', () => {
    const { compact } = toCompactInstance(generateAssignmentInstance(REGION_SHAPE));
    const solution = solveCompactOptimal(compact, { certificate: 'final' });
    expect(solution.assigned).toBeGreaterThan(0);
  });

  it('gives byte-identical output for the same instance, whatever the order of its arrays', () => {
    fc.assert(
      fc.property(small, fc.integer(), (instance, seed) => {
        const once = formatSolution(solveOptimal(instance));
        expect(formatSolution(solveOptimal(instance))).toBe(once);
        expect(formatSolution(solveOptimal(shuffled(instance, seed)))).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps fixed pairs and counts them against the caps', () => {
    fc.assert(
      fc.property(small, (instance) => {
        const solution = solveOptimal(instance);
        for (const pair of instance.fixed ?? []) expect(solution.assignment).toContainEqual(pair);
        // violations() checks the caps including the fixed pairs' use.
        expect(violations(instance, solution)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('is never beaten by greedy (assigned first, then total score)', () => {
    fc.assert(
      fc.property(larger, (instance) => {
        const optimal = solveOptimal(instance);
        const greedy = solveGreedy(instance);
        expect(violations(instance, greedy)).toEqual([]);
        expect(greedy.assigned).toBeLessThanOrEqual(optimal.assigned);
        if (greedy.assigned === optimal.assigned) {
          expect(micro(greedy.objective)).toBeLessThanOrEqual(micro(optimal.objective));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('solves the example of docs/solver.md', () => {
    const solution = solveOptimal(solverExample());
    expect(solution.assignment).toEqual([
      { client: 'c1', unit: 'u1' },
      { client: 'c2', unit: 'u2' },
    ]);
    expect(solution.assigned).toBe(2);
    expect(solution.objective).toBe(1.13);
    expect(solution.stats).toEqual({ clients: 2, units: 2, pairs: 3, millis: 0 });
  });

  it('houses more clients even at a lower total score', () => {
    const instance: AssignmentInstance = {
      clients: [{ id: 'a' }, { id: 'b' }],
      units: [
        { id: 'x', neighbourhood: 'n1', municipality: 'm' },
        { id: 'y', neighbourhood: 'n2', municipality: 'm' },
      ],
      caps: {},
      pairs: [
        { client: 'a', unit: 'x', score: 1 },
        { client: 'a', unit: 'y', score: 0 },
        { client: 'b', unit: 'x', score: 0 },
      ],
    };
    const solution = solveOptimal(instance);
    expect(solution.assignment).toEqual([
      { client: 'a', unit: 'y' },
      { client: 'b', unit: 'x' },
    ]);
    expect(solution.objective).toBe(0);
  });

  it('fills a capped neighbourhood with its best units and leaves the rest', () => {
    const instance: AssignmentInstance = {
      clients: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      units: [
        { id: 'x', neighbourhood: 'n', municipality: 'm' },
        { id: 'y', neighbourhood: 'n', municipality: 'm' },
        { id: 'z', neighbourhood: 'n', municipality: 'm' },
      ],
      caps: { neighbourhoods: { n: 2 } },
      pairs: [
        { client: 'a', unit: 'x', score: 0.2 },
        { client: 'b', unit: 'y', score: 0.9 },
        { client: 'c', unit: 'z', score: 0.7 },
      ],
    };
    expect(solveOptimal(instance).assignment).toEqual([
      { client: 'b', unit: 'y' },
      { client: 'c', unit: 'z' },
    ]);
  });

  it('adds nothing to an area whose fixed pairs already exceed its cap', () => {
    const instance: AssignmentInstance = {
      clients: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      units: [
        { id: 'x', neighbourhood: 'n', municipality: 'm' },
        { id: 'y', neighbourhood: 'n', municipality: 'm' },
        { id: 'z', neighbourhood: 'n', municipality: 'm' },
      ],
      caps: { municipalities: { m: 1 } },
      pairs: [
        { client: 'a', unit: 'x', score: 0.5 },
        { client: 'c', unit: 'z', score: 1 },
      ],
      fixed: [
        { client: 'a', unit: 'x' },
        { client: 'b', unit: 'y' },
      ],
    };
    const solution = solveOptimal(instance);
    expect(solution.assignment).toEqual([
      { client: 'a', unit: 'x' },
      { client: 'b', unit: 'y' },
    ]);
    expect(solution.assigned).toBe(2);
    // The fixed pair b–y is not an allowed pair, so it scores 0.
    expect(solution.objective).toBe(0.5);
  });

  it('fills in stats.millis only from a clock it is given', () => {
    let now = 10;
    const solution = solveOptimal(solverExample(), { clock: () => (now += 2.5) });
    expect(solution.stats.millis).toBe(2.5);
  });
});

function solverExample(): AssignmentInstance {
  return {
    clients: [{ id: 'c1' }, { id: 'c2' }],
    units: [
      { id: 'u1', neighbourhood: 'BU09830101', municipality: 'GM0983' },
      { id: 'u2', neighbourhood: 'BU09830102', municipality: 'GM0983' },
    ],
    caps: { neighbourhoods: { BU09830101: 1 }, municipalities: { GM0983: 2 } },
    pairs: [
      { client: 'c1', unit: 'u1', score: 0.82 },
      { client: 'c2', unit: 'u1', score: 0.64 },
      { client: 'c2', unit: 'u2', score: 0.31 },
    ],
  };
}
