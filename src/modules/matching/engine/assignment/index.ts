export { AssignmentErrorCode, InstanceError } from './assignment.errors';
export { solveGreedy, solveOptimal, type SolveOptions } from './assignment.solver';
export {
  MICRO_POINTS,
  NO_CAP,
  type AssignmentInstance,
  type AssignmentSolution,
  type CompactAssignmentInstance,
  type CompactAssignmentSolution,
  type CompactOptimality,
  type CompactTierTotals,
  type TierTotals,
} from './assignment.types';
export {
  toAssignmentSolution,
  toCompactInstance,
  toMicroPoints,
  type IndexedAssignmentInstance,
} from './compact-instance';
export { checkCompactInstance } from './compact-instance.check';
export { solveCompactGreedy } from './greedy';
export { parseInstance } from './instance.schema';
export {
  generateAssignmentInstance,
  NATIONAL_SHAPE,
  PRIORITY_SHAPE,
  REGION_SHAPE,
  withPriorities,
  type AssignmentInstanceShape,
  type PriorityShape,
} from './instance.generator';
export { solveCompactOptimal, type OptimalSolveOptions } from './optimal';
export { formatSolution } from './solution.format';
