import fc from 'fast-check';

import type { AssignmentInstance } from './assignment.types';
import { toCompactInstance } from './compact-instance';
import { openProblem } from './fixed-pairs';
import { greedyAssign } from './greedy';
import { solveTieredFlow } from './min-cost-flow';
import { mostHoused } from './most-housed';
import { clientArcs } from './priority-flow';
import { instanceArbitrary } from './testing/instance.arbitrary';
import { bruteForceOptimum } from './testing/reference-solvers';

/*
 * The most clients housed at all (most-housed.ts), which bounds the first tier: against brute
 * force on small instances and against the exact flow on larger ones, started from nobody housed
 * and from greedy's assignment.
 */

const small = instanceArbitrary({ maxClients: 6, maxUnits: 6, density: 0.45, withFixed: true });
const larger = instanceArbitrary({ maxClients: 40, maxUnits: 30, density: 0.12, withFixed: true });

function fromBothStarts(instance: AssignmentInstance): number[] {
  const { compact } = toCompactInstance(instance);
  const open = openProblem(compact);
  const arcs = clientArcs(compact, open);
  const nobody = new Int32Array(compact.clientCount).fill(-1);
  const ones = new Float64Array(compact.clientCount).fill(1);
  const greedy = greedyAssign(compact, openProblem(compact), ones);
  return [mostHoused(compact, open, arcs, nobody), mostHoused(compact, open, arcs, greedy)];
}

describe('the most clients housed', () => {
  it('match brute force on small instances with caps and fixed pairs', () => {
    fc.assert(
      fc.property(small, (instance) => {
        const fixed = instance.fixed?.length ?? 0;
        const best = bruteForceOptimum(instance).assigned - fixed;
        expect(fromBothStarts(instance)).toEqual([best, best]);
      }),
      { numRuns: 400 },
    );
  });

  it('match the exact flow on larger instances', () => {
    fc.assert(
      fc.property(larger, (instance) => {
        const { compact } = toCompactInstance(instance);
        const open = openProblem(compact);
        const ones = new Float64Array(compact.clientCount);
        open.clientUnit.forEach((u, c) => (ones[c] = u < 0 ? 1 : 0));
        const flow = solveTieredFlow(compact, open, { clientPriority: ones }, 1);
        const best = flow.clientPair.filter((p) => p >= 0).length;
        expect(fromBothStarts(instance)).toEqual([best, best]);
      }),
      { numRuns: 150 },
    );
  });
});
