import fc from 'fast-check';

import { toAssignmentSolution, toCompactInstance } from './compact-instance';
import { openProblem } from './fixed-pairs';
import { solveTieredFlow } from './min-cost-flow';
import { priorityClasses, solveByPriorityClasses, solveWithinGroups } from './priority-flow';
import { solutionOf, totalsOf } from './solution-totals';
import {
  generatedTieredInstance,
  instanceArbitrary,
  violations,
  withTiersAndGroups,
} from './testing/instance.arbitrary';
import { bruteForceOptimum } from './testing/reference-solvers';
import { priorityTiers } from './tiers';
import type { AssignmentInstance, CompactAssignmentInstance } from './assignment.types';

/*
 * The class-by-class method (priority-flow.ts) on its own, whatever exact-flow.ts would pick:
 * against brute force on small instances, against the unit-by-unit flow on (hi, lo) costs on
 * larger ones (both exact, so their tier totals must agree), with locked pairs as the capacity
 * groups' lock rounds use them, and with its certificate checked after every search.
 */

const small = instanceArbitrary({ maxClients: 6, maxUnits: 6, density: 0.45, withFixed: true });
const larger = instanceArbitrary({ maxClients: 40, maxUnits: 30, density: 0.12, withFixed: true });

function byClasses(compact: CompactAssignmentInstance, locked?: Uint8Array) {
  const open = openProblem(compact);
  const tiers = priorityTiers(compact, open);
  const worth = { clientPriority: tiers.clientPriority, pairLocked: locked };
  const flow = solveByPriorityClasses(
    compact,
    open,
    worth,
    priorityClasses(tiers.clientPriority, open),
    'each-step',
  );
  return { open, tiers, worth, flow, totals: totalsOf(compact, open, flow.clientPair) };
}

const tiersOf = (t: {
  assigned: number;
  urgent: number;
  waitDays: number;
  objectiveMicro: number;
}) => [t.assigned, t.urgent, t.waitDays, t.objectiveMicro];

/** Fewer distinct waits, so classes hold several clients and compete within a class. */
function coarse(instance: AssignmentInstance): AssignmentInstance {
  return {
    ...instance,
    clients: instance.clients.map((c) => ({ ...c, waitDays: (c.waitDays ?? 0) % 3 })),
  };
}

describe('priority classes', () => {
  it('match brute force on small instances with caps and fixed pairs', () => {
    fc.assert(
      fc.property(withTiersAndGroups(small, { groups: false }), fc.boolean(), (instance, few) => {
        const tiered = few ? coarse(instance) : instance;
        const { compact } = toCompactInstance(tiered);
        expect(tiersOf(byClasses(compact).totals)).toEqual(tiersOf(bruteForceOptimum(tiered)));
      }),
      { numRuns: 400 },
    );
  });

  it('agree with the unit-by-unit flow on larger instances, with and without locked pairs', () => {
    fc.assert(
      fc.property(
        withTiersAndGroups(larger, { groups: false }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (instance, few, seed) => {
          const { compact } = toCompactInstance(few ? coarse(instance) : instance);
          const locked = new Uint8Array(compact.pairClient.length).map((_, p) =>
            (p * 2_654_435_761 + seed) % 7 === 0 ? 1 : 0,
          );
          for (const lock of [undefined, locked]) {
            const ours = byClasses(compact, lock);
            const theirs = solveTieredFlow(compact, ours.open, ours.worth, ours.tiers.maxPriority);
            const expected = totalsOf(compact, ours.open, theirs.clientPair);
            expect(tiersOf(ours.totals)).toEqual(tiersOf(expected));
            for (const p of ours.flow.clientPair) if (p >= 0) expect(lock?.[p] ?? 0).toBe(0);
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('agree with the unit-by-unit flow on a generated instance of the benchmark kind', () => {
    const instance = generatedTieredInstance();
    const { compact } = toCompactInstance(instance);
    const { totals, open, worth, tiers } = byClasses(compact);
    const theirs = solveTieredFlow(compact, open, worth, tiers.maxPriority, 'final');
    expect(tiersOf(totals)).toEqual(tiersOf(totalsOf(compact, open, theirs.clientPair)));
  });
});

/*
 * The flow within the capacity groups (solveWithinGroups): not proven optimal, so what must hold
 * is that it is feasible (every group, cap and fixed pair respected), never better than brute
 * force, and a shortest-path flow in what it leaves open (its certificate after every search).
 */
describe('the flow within capacity groups', () => {
  function withinGroups(instance: AssignmentInstance) {
    const indexed = toCompactInstance(instance);
    const { compact } = indexed;
    const open = openProblem(compact);
    const tiers = priorityTiers(compact, open);
    const flow = solveWithinGroups(
      compact,
      open,
      priorityClasses(tiers.clientPriority, open),
      open.groupLeft ?? new Int32Array(0),
      undefined,
      'each-step',
    );
    const solution = toAssignmentSolution(indexed, solutionOf(compact, open, flow.clientPair), 0);
    return { solution, totals: totalsOf(compact, open, flow.clientPair) };
  }

  it('respects every group and cap, and never beats brute force', () => {
    fc.assert(
      fc.property(withTiersAndGroups(small), fc.boolean(), (instance, few) => {
        const tiered = few ? coarse(instance) : instance;
        const { solution, totals } = withinGroups(tiered);
        expect(violations(tiered, solution)).toEqual([]);
        const best = tiersOf(bruteForceOptimum(tiered));
        expect(compareTiers(tiersOf(totals), best)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });

  it('respects every group on larger instances with tight groups', () => {
    fc.assert(
      fc.property(withTiersAndGroups(larger), (instance) => {
        expect(violations(instance, withinGroups(instance).solution)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('does not take a path that enters a group with one place left twice', () => {
    // c2 (provider P, waited longest) holds u1 in M2, c1 (provider Q) holds u0 in M1. For c0 (P)
    // the only path is c0 → u0, c1 → u1, c2 → u2: c0 and c2 would both enter P@M1 (room 1).
    const instance: AssignmentInstance = {
      clients: [
        { id: 'c0', waitDays: 1 },
        { id: 'c1', waitDays: 2 },
        { id: 'c2', waitDays: 3 },
      ],
      units: [
        { id: 'u0', neighbourhood: 'n0', municipality: 'M1' },
        { id: 'u1', neighbourhood: 'n1', municipality: 'M2' },
        { id: 'u2', neighbourhood: 'n2', municipality: 'M1' },
      ],
      caps: {},
      groups: { 'P@M1': 1, 'P@M2': 1 },
      pairs: [
        { client: 'c0', unit: 'u0', score: 0.5, group: 'P@M1' },
        { client: 'c1', unit: 'u0', score: 0.9 },
        { client: 'c1', unit: 'u1', score: 0.1 },
        { client: 'c2', unit: 'u1', score: 0.9, group: 'P@M2' },
        { client: 'c2', unit: 'u2', score: 0.1, group: 'P@M1' },
      ],
    };
    const { solution } = withinGroups(instance);
    expect(violations(instance, solution)).toEqual([]);
    expect(solution.assignment).toEqual([
      { client: 'c1', unit: 'u0' },
      { client: 'c2', unit: 'u1' },
    ]);
  });
});

function compareTiers(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  }
  return 0;
}
