export { CandidateService } from './candidate.service';
export { EngineThreadPool } from './engine-thread.pool';
export {
  MATCHING_JOBS,
  MATCHING_QUEUE,
  MATCHING_TOPICS,
  nightlyRunsJob,
  regionChangedRunJob,
  regionChangesPruneJob,
  requestedRunJob,
} from './matching.jobs';
export { getMatchingMetrics, registerMatchingMetricSources } from './matching.metrics';
export { matchingEndpoints } from './matching.routes';
export { type RegionOutcome, regionOutcome } from './region-outcome';
export {
  countRegionChange,
  pruneRegionChanges,
  requestMatchingRun,
} from './region-state.repository';
export { type RegionMatcher, RunExecutor } from './run.executor';
export type { Run, RunStats } from './run.schemas';
export { RunService } from './run.service';
export {
  inSnapshot,
  loadRegionSnapshot,
  type PolicyOverrides,
  type RegionSnapshot,
} from './snapshot.loader';
