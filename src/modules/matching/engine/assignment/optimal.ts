import type {
  CompactAssignmentInstance,
  CompactAssignmentSolution,
  CompactTierTotals,
} from './assignment.types';
import { solveWithGroupPrices } from './capacity-groups';
import { openProblem } from './fixed-pairs';
import { solveExactFlow, type ExactFlowCache, type FlowMethod } from './exact-flow';
import type { Certificate } from './min-cost-flow';
import { solutionOf, totalsOf } from './solution-totals';
import { priorityTiers } from './tiers';

export interface OptimalSolveOptions {
  /**
   * Check the flow's optimality certificate, a non-negative reduced cost on every residual arc,
   * and throw if it fails: `final` once at the end of each flow solve (one pass over the pairs),
   * `each-step` after every unit (O(pairs) per unit: for tests on small instances).
   */
  certificate?: Certificate;
  /**
   * With capacity groups: at most this many priced flow solves (capacity-groups.ts). A count,
   * not a time limit, so the same instance always gives the same answer.
   */
  maxRounds?: number;
  /**
   * `unit-by-unit` solves every flow with the unit-by-unit method on (hi, lo) costs, never by
   * priority classes (exact-flow.ts): for comparisons (tests, the benchmark's old figures).
   */
  flow?: FlowMethod;
  /**
   * Where the solve keeps the priority classes and client arcs it builds (or finds them), so a
   * later greedy baseline on the same instance (`solveCompactGreedy`) need not build its own.
   */
  cache?: ExactFlowCache;
}

/**
 * The optimal assignment (docs/solver.md): most clients housed, then most urgent clients, then
 * the most days waited, then the highest total score, respecting caps and capacity groups.
 * Without capacity groups it is one exact min-cost flow. With them, `optimality` says whether
 * the solution is proven optimal and gives the bound it was measured against.
 */
export function solveCompactOptimal(
  instance: CompactAssignmentInstance,
  options: OptimalSolveOptions = {},
): CompactAssignmentSolution {
  const open = openProblem(instance);
  const tiers = priorityTiers(instance, open);
  if (open.groupLeft === undefined) {
    const flow = solveExactFlow(
      instance,
      open,
      { clientPriority: tiers.clientPriority },
      tiers.maxPriority,
      options.certificate,
      cacheFor(options),
    );
    const solution = solutionOf(instance, open, flow.clientPair);
    const bound: CompactTierTotals = totalsOf(instance, open, flow.clientPair);
    solution.optimality = { exact: true, bound, iterations: 1 };
    return solution;
  }
  const priced = solveWithGroupPrices(instance, open, tiers, options, cacheFor(options));
  const solution = solutionOf(instance, open, priced.clientPair);
  solution.optimality = priced.optimality;
  return solution;
}

function cacheFor(options: OptimalSolveOptions): ExactFlowCache {
  const cache = options.cache ?? {};
  cache.method = options.flow;
  return cache;
}
