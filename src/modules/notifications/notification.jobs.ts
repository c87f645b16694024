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

export const NOTIFICATION_JOBS = [deliverWebhookJob];

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
