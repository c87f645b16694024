import { anonymiseClosedClientsJob, CLIENT_JOBS, ClientService } from '../src/modules/clients';
import {
  CandidateService,
  MATCHING_JOBS,
  nightlyRunsJob,
  pruneRegionChanges,
  regionChangedRunJob,
  regionChangesPruneJob,
  requestedRunJob,
  requestMatchingRun,
  type RunExecutor,
} from '../src/modules/matching';
import { PLACEMENT_JOBS, PlacementService, placementFollowUpJob } from '../src/modules/placements';
import {
  deadlineDueJob,
  deadlineSweepJob,
  PROPOSAL_JOBS,
  ProposalService,
} from '../src/modules/proposals';
import {
  deliverWebhookJob,
  NOTIFICATION_JOBS,
  notificationsPruneJob,
  pruneEvents,
  WebhookDeliverer,
  WebhookSecretBox,
  webhookUrlPolicy,
} from '../src/modules/notifications';
import type { Runtime } from '../src/runtime';
import { handleJob, type JobDefinition, type JobHandler } from '../src/shared/queue/job-definition';
import { systemClock } from '../src/shared/time/clock';

/** Every job any module declares; the worker refuses to start unless each has one handler. */
export const DECLARED_JOBS: readonly JobDefinition[] = [
  ...CLIENT_JOBS,
  ...MATCHING_JOBS,
  ...PLACEMENT_JOBS,
  ...PROPOSAL_JOBS,
  ...NOTIFICATION_JOBS,
];

export function jobHandlers(runtime: Runtime, runExecutor: RunExecutor): JobHandler[] {
  const clients = new ClientService(runtime.dataSource, systemClock);
  const placements = new PlacementService(runtime.dataSource, systemClock, requestMatchingRun);
  const proposals = new ProposalService(
    runtime.dataSource,
    new CandidateService(runtime.dataSource, systemClock, {
      regions: runtime.config.MATCHING_SNAPSHOT_CACHE_REGIONS,
      maxAgeMs: runtime.config.MATCHING_SNAPSHOT_MAX_AGE_SECONDS * 1000,
    }),
    requestMatchingRun,
  );
  const webhooks = new WebhookDeliverer({
    dataSource: runtime.dataSource,
    secrets: new WebhookSecretBox(runtime.config.WEBHOOK_SECRET_KEY),
    urlPolicy: webhookUrlPolicy(runtime.config),
    timeoutMs: runtime.config.WEBHOOK_TIMEOUT_MS,
    clock: systemClock,
    logger: runtime.logger,
  });
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
    handleJob(regionChangesPruneJob, async () => ({
      deleted: await pruneRegionChanges(runtime.dataSource.manager),
    })),
    handleJob(placementFollowUpJob, async () => {
      const result = await placements.followUp();
      runtime.logger.info(result, 'placement follow-up done');
      return result;
    }),
    handleJob(deadlineDueJob, (payload) => proposals.onDeadlineDue(payload.dueAt)),
    handleJob(deadlineSweepJob, () => proposals.sweepDeadlines()),
    handleJob(deliverWebhookJob, (payload, job) => webhooks.deliver(payload.deliveryId, job)),
    handleJob(notificationsPruneJob, async () => {
      const pruned = await pruneEvents(
        runtime.dataSource.manager,
        runtime.config.NOTIFICATION_RETENTION_DAYS,
      );
      runtime.logger.info(pruned, 'old events and deliveries pruned');
      return pruned;
    }),
  ];
}
