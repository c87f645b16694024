import fc from 'fast-check';

import { toCompactInstance } from './compact-instance';
import { openProblem } from './fixed-pairs';
import { solveTieredFlow } from './min-cost-flow';
import { priorityClasses, solveByPriorityClasses } from './priority-flow';
import { totalsOf } from './solution-totals';
import {
  generatedTieredInstance,
  instanceArbitrary,
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
