import fc from 'fast-check';

import { solveGreedy, solveOptimal } from './assignment.solver';
import type { AssignmentInstance } from './assignment.types';
import { formatSolution } from './solution.format';
import { instanceArbitrary, shuffled, violations } from './testing/instance.arbitrary';
import { naiveGreedy } from './testing/reference-solvers';

const unit = (id: string, neighbourhood = 'n', municipality = 'm') => ({
  id,
  neighbourhood,
  municipality,
});

describe('solveGreedy', () => {
  it('takes the best pair first, then the best of what is left', () => {
    const instance: AssignmentInstance = {
      clients: [{ id: 'a' }, { id: 'b' }],
      units: [unit('x'), unit('y')],
      caps: {},
      pairs: [
        { client: 'a', unit: 'x', score: 0.9 },
        { client: 'a', unit: 'y', score: 0.8 },
        { client: 'b', unit: 'x', score: 0.85 },
      ],
    };
    // Greedy houses one client; the optimum houses both (a–y, b–x).
    expect(solveGreedy(instance)).toMatchObject({
      assignment: [{ client: 'a', unit: 'x' }],
      assigned: 1,
      objective: 0.9,
    });
    expect(solveOptimal(instance).assigned).toBe(2);
  });

  it('breaks score ties by client id, then unit id', () => {
    const instance: AssignmentInstance = {
      clients: [{ id: 'b' }, { id: 'a' }],
      units: [unit('y'), unit('x')],
      caps: { neighbourhoods: { n: 1 } },
      pairs: [
        { client: 'b', unit: 'x', score: 0.5 },
        { client: 'a', unit: 'y', score: 0.5 },
        { client: 'a', unit: 'x', score: 0.5 },
      ],
    };
    expect(solveGreedy(instance).assignment).toEqual([{ client: 'a', unit: 'x' }]);
  });

  it('skips pairs in an area at its cap', () => {
    const instance: AssignmentInstance = {
      clients: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      units: [unit('x', 'n1'), unit('y', 'n1'), unit('z', 'n2')],
      caps: { neighbourhoods: { n1: 1 }, municipalities: { m: 2 } },
      pairs: [
        { client: 'a', unit: 'x', score: 1 },
        { client: 'b', unit: 'y', score: 0.9 },
        { client: 'c', unit: 'z', score: 0.1 },
      ],
    };
    expect(solveGreedy(instance).assignment).toEqual([
      { client: 'a', unit: 'x' },
      { client: 'c', unit: 'z' },
    ]);
  });

  it('takes exactly the pairs a sort of all pairs would take', () => {
    fc.assert(
      fc.property(
        instanceArbitrary({ maxClients: 30, maxUnits: 20, density: 0.2, withFixed: true }),
        (instance) => {
          const byClient = (a: { client: string }, b: { client: string }) =>
            a.client < b.client ? -1 : a.client > b.client ? 1 : 0;
          const reference = naiveGreedy(instance);
          const solution = solveGreedy(instance);
          expect(solution.assignment).toEqual([...reference.assignment].sort(byClient));
          expect(Math.round(solution.objective * 1_000_000)).toBe(reference.objectiveMicro);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives feasible, order-independent solutions that keep the fixed pairs', () => {
    fc.assert(
      fc.property(
        instanceArbitrary({ maxClients: 12, maxUnits: 10, density: 0.3, withFixed: true }),
        fc.integer(),
        (instance, seed) => {
          const solution = solveGreedy(instance);
          expect(violations(instance, solution)).toEqual([]);
          expect(formatSolution(solveGreedy(shuffled(instance, seed)))).toBe(
            formatSolution(solution),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
