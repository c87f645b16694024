import { z } from 'zod';

import { pageQuerySchema } from '../../shared/http/pagination';
import { DOMAIN_EVENT_TYPES } from './domain-events';
import { type WebhookUrlPolicy, webhookUrlProblem } from './webhook-address';

const eventTypesSchema = z
  .array(z.enum(DOMAIN_EVENT_TYPES))
  .min(1)
  .max(DOMAIN_EVENT_TYPES.length)
  .refine((types) => new Set(types).size === types.length, 'each event type once')
  .meta({ description: 'The event types to deliver; see docs/notifications.md for each.' });

const urlSchema = z
  .string()
  .max(2048)
  .meta({
    description:
      'Where events are POSTed: https, no credentials, not a loopback, private or link-local ' +
      'address (a deployment may allow http and private addresses for testing).',
    example: 'https://hooks.example.org/matchpunt',
  });

const activeSchema = z.boolean();

function createBody(url: z.ZodType<string>) {
  return z.strictObject({
    url,
    eventTypes: eventTypesSchema,
    active: activeSchema.optional().meta({ description: 'Default true.' }),
  });
}

function patchBody(url: z.ZodType<string>) {
  return z
    .strictObject({
      url: url.optional(),
      eventTypes: eventTypesSchema.optional(),
      active: activeSchema
        .optional()
        .meta({ description: 'false stops deliveries, including retries of earlier events.' }),
    })
    .refine((body) => Object.keys(body).length > 0, 'give at least one of url, eventTypes, active');
}

/** The documented bodies; requests are parsed by `webhookBodies`, with the deployment's URL rules. */
export const createWebhookSchema = createBody(urlSchema).meta({ id: 'CreateWebhook' });
export type CreateWebhookInput = z.output<typeof createWebhookSchema>;
export const patchWebhookSchema = patchBody(urlSchema).meta({ id: 'PatchWebhook' });
export type PatchWebhookInput = z.output<typeof patchWebhookSchema>;

/**
 * The bodies with the deployment's URL rules on the `url` field itself, so a request with
 * several bad fields hears of every one at once.
 */
export function webhookBodies(policy: WebhookUrlPolicy) {
  const url = urlSchema.superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value, policy);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
  return { create: createBody(url), patch: patchBody(url) };
}

export const webhookSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    active: z.boolean(),
    secretRotatedAt: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.output<typeof webhookSchema>;

export const webhookWithSecretSchema = webhookSchema
  .extend({
    secret: z.string().meta({
      description:
        'The signing secret: shown only in this answer. Keep it; verify every delivery with it.',
    }),
  })
  .meta({ id: 'WebhookWithSecret' });
export type WebhookWithSecret = z.output<typeof webhookWithSecretSchema>;

export const WEBHOOK_DELIVERY_STATUSES = [
  'pending',
  'retrying',
  'delivered',
  'failed',
  'cancelled',
] as const;

export const webhookDeliverySchema = z
  .object({
    id: z.uuid(),
    eventId: z.uuid().meta({ description: 'The `id` in the delivered body.' }),
    eventType: z.string(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES).meta({
      description:
        'pending: not tried yet; retrying: failed, another attempt follows; delivered: a 2xx ' +
        'came back; failed: every attempt failed; cancelled: the webhook was deactivated first.',
    }),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.output<typeof webhookDeliverySchema>;

export const webhookParamsSchema = z.object({ id: z.uuid() });
export const listDeliveriesQuerySchema = pageQuerySchema.extend({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
});
