import fc from 'fast-check';

import { solveGreedy, solveOptimal } from './assignment.solver';
import type { AssignmentInstance } from './assignment.types';
import { toCompactInstance } from './compact-instance';
import { openProblem, type OpenProblem } from './fixed-pairs';
import type { ExactFlowCache } from './exact-flow';
import { greedyAssign, greedyByClasses, solveCompactGreedy } from './greedy';
import { solveCompactOptimal } from './optimal';
import { clientArcs, priorityClasses } from './priority-flow';
import { formatSolution } from './solution.format';
import {
  instanceArbitrary,
  shuffled,
  violations,
  withTiersAndGroups,
} from './testing/instance.arbitrary';
import { priorityTiers } from './tiers';
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

describe('greedyByClasses', () => {
  const copy = (open: OpenProblem): OpenProblem => ({
    ...open,
    clientUnit: open.clientUnit.slice(),
    unitTaken: open.unitTaken.slice(),
    neighbourhoodLeft: open.neighbourhoodLeft.slice(),
    municipalityLeft: open.municipalityLeft.slice(),
    groupLeft: open.groupLeft?.slice(),
  });

  it('takes the same pairs as greedy by units, also on an open problem partly used up', () => {
    const instances = withTiersAndGroups(
      instanceArbitrary({ maxClients: 14, maxUnits: 10, density: 0.35, withFixed: true }),
    );
    fc.assert(
      fc.property(instances, fc.array(fc.nat(), { maxLength: 6 }), (instance, used) => {
        const { compact } = toCompactInstance(instance);
        const open = openProblem(compact);
        const { clientPriority } = priorityTiers(compact, open);
        const classes = priorityClasses(clientPriority, open);
        const arcs = clientArcs(compact, open);
        // Used up after the arcs were built, as the capacity groups' repairs do: some units
        // taken, some caps and group room lowered.
        const later = copy(open);
        for (const x of used) {
          if (compact.unitCount > 0) later.unitTaken[x % compact.unitCount] = 1;
          const n = x % Math.max(1, compact.neighbourhoodCount);
          if ((later.neighbourhoodLeft[n] ?? 0) > 0) later.neighbourhoodLeft[n]! -= 1;
          const g = x % Math.max(1, later.groupLeft?.length ?? 1);
          if ((later.groupLeft?.[g] ?? 0) > 0) later.groupLeft![g]! -= 1;
        }
        for (const state of [open, later]) {
          const byUnits = greedyAssign(compact, copy(state), clientPriority);
          const byClients = greedyByClasses(compact, copy(state), classes, arcs);
          expect(Array.from(byClients)).toEqual(Array.from(byUnits));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('solveCompactGreedy with the exact solve cache', () => {
  it('gives the same solution as without it, on instances with tiers, groups and fixed pairs', () => {
    const instances = withTiersAndGroups(
      instanceArbitrary({ maxClients: 14, maxUnits: 10, density: 0.35, withFixed: true }),
    );
    fc.assert(
      fc.property(instances, (instance) => {
        const { compact } = toCompactInstance(instance);
        const cache: ExactFlowCache = {};
        solveCompactOptimal(compact, { cache });
        const plain = solveCompactGreedy(compact);
        const shared = solveCompactGreedy(compact, cache);
        expect(Array.from(shared.clientUnit)).toEqual(Array.from(plain.clientUnit));
        expect(shared.objectiveMicro).toBe(plain.objectiveMicro);
        expect(shared.assigned).toBe(plain.assigned);
      }),
      { numRuns: 300 },
    );
  });
});
