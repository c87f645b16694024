import { MATCHING_TOPICS, regionChangedRunJob, requestedRunJob } from '../src/modules/matching';
import {
  deliverWebhookJob,
  NOTIFICATION_TOPICS,
  webhookDeliveryJobOptions,
} from '../src/modules/notifications';
import {
  deadlineSetPayload,
  expireProposalJob,
  PROPOSAL_TOPICS,
  remindDeadlineJob,
} from '../src/modules/proposals';
import type { OutboxTopicDispatcher } from '../src/shared/outbox/outbox-relay';
import type { JobProducer, PlannedJob } from '../src/shared/queue/job-producer';

/**
 * Outbox topic → queue. Each message becomes one job whose id derives from the message, so a
 * message relayed twice (a crash between the queue add and the commit) is still one job.
 */
export function outboxDispatchers(
  jobs: JobProducer,
  options: {
    debounceMs: number;
    webhooks: { WEBHOOK_MAX_ATTEMPTS: number; WEBHOOK_BACKOFF_MS: number };
  },
): Record<string, OutboxTopicDispatcher> {
  return {
    [MATCHING_TOPICS.regionChanged]: async (row) => {
      const regionCode = String(row.payload.regionCode);
      await jobs.enqueue(
        regionChangedRunJob,
        { regionCode },
        // The delay is the debounce: changes arriving meanwhile are covered by the one run.
        { jobId: `region-${regionCode}-${row.id}`, delay: options.debounceMs },
      );
    },
    [MATCHING_TOPICS.runRequested]: async (row) => {
      const runId = String(row.payload.runId);
      await jobs.enqueue(requestedRunJob, { runId }, { jobId: `run-${runId}` });
    },
    [NOTIFICATION_TOPICS.webhookDelivery]: async (row) => {
      const deliveryId = String(row.payload.deliveryId);
      await jobs.enqueue(
        deliverWebhookJob,
        { deliveryId },
        webhookDeliveryJobOptions(deliveryId, options.webhooks),
      );
    },
    // A step opened: its expiry job, and its reminder's, delayed until they are due. The job ids
    // name the step (proposal and version), so relaying the message twice adds nothing. A run
    // opens a step per proposal, thousands at once nationally: they go to the queue in bulk.
    [PROPOSAL_TOPICS.deadlineSet]: {
      batch: async (rows) => {
        const now = Date.now();
        const delayUntil = (at: string) => Math.max(0, Date.parse(at) - now);
        const planned: PlannedJob[] = [];
        for (const row of rows) {
          const step = deadlineSetPayload.parse(row.payload);
          const payload = { proposalId: step.proposalId, version: step.version };
          planned.push({
            definition: expireProposalJob,
            payload,
            options: {
              jobId: `expire-${step.proposalId}-${step.version}`,
              delay: delayUntil(step.deadline),
            },
          });
          if (step.remindAt !== null) {
            planned.push({
              definition: remindDeadlineJob,
              payload,
              options: {
                jobId: `remind-${step.proposalId}-${step.version}`,
                delay: delayUntil(step.remindAt),
              },
            });
          }
        }
        await jobs.enqueueMany(planned);
      },
    },
  };
}
