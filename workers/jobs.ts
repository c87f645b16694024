import { anonymiseClosedClientsJob, CLIENT_JOBS, ClientService } from '../src/modules/clients';
import {
  MATCHING_JOBS,
  nightlyRunsJob,
  regionChangedRunJob,
  requestedRunJob,
  type RunExecutor,
} from '../src/modules/matching';
import {
  deliverWebhookJob,
  NOTIFICATION_JOBS,
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
  ...NOTIFICATION_JOBS,
];

export function jobHandlers(runtime: Runtime, runExecutor: RunExecutor): JobHandler[] {
  const clients = new ClientService(runtime.dataSource, systemClock);
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
    handleJob(deliverWebhookJob, (payload, job) => webhooks.deliver(payload.deliveryId, job)),
  ];
}
