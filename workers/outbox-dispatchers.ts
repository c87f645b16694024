import {
  countRegionChange,
  MATCHING_TOPICS,
  regionChangedRunJob,
  requestedRunJob,
} from '../src/modules/matching';
import {
  deliverWebhookJob,
  NOTIFICATION_TOPICS,
  webhookDeliveryJobOptions,
} from '../src/modules/notifications';
import { deadlineDueJob, deadlineSetPayload, PROPOSAL_TOPICS } from '../src/modules/proposals';
import type { Db } from '../src/shared/database/db';
import type { OutboxTopicDispatcher } from '../src/shared/outbox/outbox-relay';
import type { JobProducer, PlannedJob } from '../src/shared/queue/job-producer';

/**
 * Outbox topic → queue. Each message becomes one job whose id derives from the message, so a
 * message relayed twice (a crash between the queue add and the commit) is still one job.
 */
export function outboxDispatchers(
  jobs: JobProducer,
  /** Outside the relay's transaction: what is written here commits at once. */
  db: Db,
  options: {
    debounceMs: number;
    webhooks: { WEBHOOK_MAX_ATTEMPTS: number; WEBHOOK_BACKOFF_MS: number };
  },
): Record<string, OutboxTopicDispatcher> {
  return {
    [MATCHING_TOPICS.regionChanged]: async (row) => {
      const regionCode = String(row.payload.regionCode);
      // Counted before the job exists, so a run the job starts finds the region due.
      await countRegionChange(db, regionCode);
      await jobs.enqueue(
        regionChangedRunJob,
        { regionCode },
        {
          jobId: `region-${regionCode}-${row.id}`,
          // The delay is the debounce: changes arriving meanwhile are covered by the one run.
          delay: options.debounceMs,
          // At most one waiting job per region, and one more while it runs. A change made while
          // a job waits is covered by its run, which has not started; one made during a run
          // keeps a job for after it (created when the run ends, with the same delay). Without
          // this, writes that never stop would queue a job each and runs would follow each other
          // back to back; now a region runs at most once per debounce plus a run.
          deduplication: { id: `region-changed-${regionCode}`, keepLastIfActive: true },
        },
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
    // Steps opened (a run's proposals, or one step): a wake-up at their deadline and one at their
    // reminder, delayed until due. The job ids name the message, so relaying it twice adds
    // nothing; a run's thousands of steps share one message, and messages go out in bulk.
    [PROPOSAL_TOPICS.deadlineSet]: {
      batch: async (rows) => {
        const now = Date.now();
        const wakeUp = (rowId: string, what: string, dueAt: string): PlannedJob => ({
          definition: deadlineDueJob,
          payload: { dueAt },
          options: { jobId: `due-${rowId}-${what}`, delay: Math.max(0, Date.parse(dueAt) - now) },
        });
        const planned: PlannedJob[] = [];
        for (const row of rows) {
          const step = deadlineSetPayload.parse(row.payload);
          planned.push(wakeUp(row.id, 'deadline', step.deadline));
          if (step.remindAt !== null) planned.push(wakeUp(row.id, 'reminder', step.remindAt));
        }
        await jobs.enqueueMany(planned);
      },
    },
  };
}
