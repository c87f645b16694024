import { z } from 'zod';

import { defineJob } from '../../shared/queue/job-definition';

export const NOTIFICATIONS_QUEUE = 'notifications';

/**
 * One delivery of one event to one webhook. Attempts and backoff come from the configuration
 * when the relay enqueues it (`webhookDeliveryJobOptions`); the delivery row, unique per
 * (webhook, event), is what makes a repeated job harmless.
 */
export const deliverWebhookJob = defineJob({
  queue: NOTIFICATIONS_QUEUE,
  name: 'deliver-webhook',
  payload: z.strictObject({ deliveryId: z.uuid() }),
});

/**
 * Nightly: delete the events, and their delivery log, older than `NOTIFICATION_RETENTION_DAYS`
 * (`pruneEvents`), so the two tables hold a bounded stretch of time.
 */
export const notificationsPruneJob = defineJob({
  queue: NOTIFICATIONS_QUEUE,
  name: 'notifications-prune',
  payload: z.strictObject({}),
  options: { attempts: 3 },
  schedule: { pattern: '45 3 * * *', tz: 'Europe/Amsterdam', payload: {} },
});

export const NOTIFICATION_JOBS = [deliverWebhookJob, notificationsPruneJob];

export function webhookDeliveryJobOptions(
  deliveryId: string,
  config: { WEBHOOK_MAX_ATTEMPTS: number; WEBHOOK_BACKOFF_MS: number },
) {
  return {
    jobId: `webhook-delivery-${deliveryId}`,
    attempts: config.WEBHOOK_MAX_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.WEBHOOK_BACKOFF_MS },
  } as const;
}
