import { anonymiseClosedClientsJob, CLIENT_JOBS, ClientService } from '../src/modules/clients';
import {
  MATCHING_JOBS,
  nightlyRunsJob,
  regionChangedRunJob,
  requestedRunJob,
  requestMatchingRun,
  type RunExecutor,
} from '../src/modules/matching';
import { PLACEMENT_JOBS, PlacementService, placementFollowUpJob } from '../src/modules/placements';
import type { Runtime } from '../src/runtime';
import { handleJob, type JobDefinition, type JobHandler } from '../src/shared/queue/job-definition';
import { systemClock } from '../src/shared/time/clock';

/** Every job any module declares; the worker refuses to start unless each has one handler. */
export const DECLARED_JOBS: readonly JobDefinition[] = [
  ...CLIENT_JOBS,
  ...MATCHING_JOBS,
  ...PLACEMENT_JOBS,
];

export function jobHandlers(runtime: Runtime, runExecutor: RunExecutor): JobHandler[] {
  const clients = new ClientService(runtime.dataSource, systemClock);
  const placements = new PlacementService(runtime.dataSource, systemClock, requestMatchingRun);
  return [
    handleJob(anonymiseClosedClientsJob, async () => {
      const anonymised = await clients.anonymiseClosed();
      runtime.logger.info({ anonymised }, 'closed client records anonymised');
      return { anonymised };
    }),
    handleJob(regionChangedRunJob, (payload, job) =>
      runExecutor.onRegionChanged(payload.regionCode, job),
    ),
    handleJob(requestedRunJob, (payload, job) => runExecutor.onRunRequested(payload.runId, job)),
    handleJob(nightlyRunsJob, async () => ({ requested: await runExecutor.requestNightlyRuns() })),
    handleJob(placementFollowUpJob, async () => {
      const result = await placements.followUp();
      runtime.logger.info(result, 'placement follow-up done');
      return result;
    }),
  ];
}
