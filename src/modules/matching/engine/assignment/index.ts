export { AssignmentErrorCode, InstanceError } from './assignment.errors';
export { solveGreedy, solveOptimal, type SolveOptions } from './assignment.solver';
export {
  MICRO_POINTS,
  NO_CAP,
  type AssignmentInstance,
  type AssignmentSolution,
  type CompactAssignmentInstance,
  type CompactAssignmentSolution,
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
  REGION_SHAPE,
  type AssignmentInstanceShape,
} from './instance.generator';
export { solveCompactOptimal, type OptimalSolveOptions } from './min-cost-flow';
export { formatSolution } from './solution.format';
