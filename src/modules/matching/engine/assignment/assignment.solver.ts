import type {
  AssignmentInstance,
  AssignmentSolution,
  CompactAssignmentInstance,
  CompactAssignmentSolution,
} from './assignment.types';
import { toAssignmentSolution, toCompactInstance } from './compact-instance';
import { solveCompactGreedy } from './greedy';
import { solveCompactOptimal } from './optimal';

export interface SolveOptions {
  /**
   * Milliseconds from some fixed point, e.g. `performance.now`. The engine reads no clock of its
   * own, so without one `stats.millis` is 0 and the output is a pure function of the input.
   */
  clock?: () => number;
}

/**
 * The optimal assignment of a valid instance (see `parseInstance`): most clients housed, then the
 * most urgent clients, then the most days waited, then the highest total score (docs/solver.md),
 * ties broken by id order. `stats.millis` times the solve itself, without
 * the conversion to and from the compact form.
 */
export function solveOptimal(
  instance: AssignmentInstance,
  options: SolveOptions = {},
): AssignmentSolution {
  return solveWith(solveCompactOptimal, instance, options);
}

/** The greedy baseline (best remaining pair first), in the same form. */
export function solveGreedy(
  instance: AssignmentInstance,
  options: SolveOptions = {},
): AssignmentSolution {
  return solveWith(solveCompactGreedy, instance, options);
}

function solveWith(
  solve: (compact: CompactAssignmentInstance) => CompactAssignmentSolution,
  instance: AssignmentInstance,
  { clock }: SolveOptions,
): AssignmentSolution {
  const indexed = toCompactInstance(instance);
  const started = clock?.() ?? 0;
  const solution = solve(indexed.compact);
  const millis = clock === undefined ? 0 : Math.round((clock() - started) * 10) / 10;
  return toAssignmentSolution(indexed, solution, millis);
}
