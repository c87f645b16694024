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
import type { OutboxDispatcher } from '../src/shared/outbox/outbox-relay';
import type { JobProducer } from '../src/shared/queue/job-producer';

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
): Record<string, OutboxDispatcher> {
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
    // name the step (proposal and version), so relaying the message twice adds nothing.
    [PROPOSAL_TOPICS.deadlineSet]: async (row) => {
      const step = deadlineSetPayload.parse(row.payload);
      const payload = { proposalId: step.proposalId, version: step.version };
      const delayUntil = (at: string) => Math.max(0, Date.parse(at) - Date.now());
      await jobs.enqueue(expireProposalJob, payload, {
        jobId: `expire-${step.proposalId}-${step.version}`,
        delay: delayUntil(step.deadline),
      });
      if (step.remindAt !== null) {
        await jobs.enqueue(remindDeadlineJob, payload, {
          jobId: `remind-${step.proposalId}-${step.version}`,
          delay: delayUntil(step.remindAt),
        });
      }
    },
  };
}
