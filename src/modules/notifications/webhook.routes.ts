import { apiEndpoint, type Endpoint } from '../../shared/http/endpoint';
import { pageSchema, toPageRequest } from '../../shared/http/pagination';
import type { WebhookUrlPolicy } from './webhook-address';
import {
  createWebhookSchema,
  listDeliveriesQuerySchema,
  patchWebhookSchema,
  webhookDeliverySchema,
  webhookParamsSchema,
  webhookSchema,
  webhookWithSecretSchema,
  webhookBodies,
} from './webhook.schemas';
import { WEBHOOK_ROLES, type WebhookService } from './webhook.service';

const tags = ['Webhooks'];
const ownOnly =
  "An organisation's own webhooks only; another organisation's answers 404. " +
  'See docs/notifications.md for the events, the signature and retries.';

export function webhookEndpoints(
  webhooks: WebhookService,
  urlPolicy: WebhookUrlPolicy,
): Endpoint[] {
  const bodies = webhookBodies(urlPolicy);
  const roles = WEBHOOK_ROLES;
  return [
    apiEndpoint({
      method: 'post',
      path: '/api/v1/webhooks',
      roles,
      summary: 'Register a webhook for your organisation; the signing secret is shown once',
      description: ownOnly,
      tags,
      body: bodies.create,
      bodyDocs: { 'application/json': createWebhookSchema },
      errors: [409],
      responses: { 201: { description: 'Registered.', schema: webhookWithSecretSchema } },
      handle: async ({ actor, body }) => ({
        status: 201,
        body: await webhooks.create(actor, body),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/webhooks',
      roles,
      summary: "Your organisation's webhooks",
      description: ownOnly,
      tags,
      responses: { 200: { description: 'All of them.', schema: pageSchema(webhookSchema) } },
      handle: async ({ actor }) => ({
        status: 200,
        body: { items: await webhooks.list(actor), nextCursor: null },
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/webhooks/{id}',
      roles,
      summary: 'Get a webhook (never its secret)',
      description: ownOnly,
      tags,
      params: webhookParamsSchema,
      responses: { 200: { description: 'The webhook.', schema: webhookSchema } },
      handle: async ({ actor, params }) => ({
        status: 200,
        body: await webhooks.get(actor, params.id),
      }),
    }),
    apiEndpoint({
      method: 'patch',
      path: '/api/v1/webhooks/{id}',
      roles,
      summary: 'Change the URL or event types, or (de)activate',
      description: `${ownOnly} Deactivating stops deliveries at once, retries included.`,
      tags,
      params: webhookParamsSchema,
      body: bodies.patch,
      bodyDocs: { 'application/json': patchWebhookSchema },
      responses: { 200: { description: 'The webhook now.', schema: webhookSchema } },
      handle: async ({ actor, params, body }) => ({
        status: 200,
        body: await webhooks.update(actor, params.id, body),
      }),
    }),
    apiEndpoint({
      method: 'delete',
      path: '/api/v1/webhooks/{id}',
      roles,
      summary: 'Delete a webhook and its delivery log',
      description: `${ownOnly} Deliveries not yet sent are dropped.`,
      tags,
      params: webhookParamsSchema,
      responses: { 204: { description: 'Deleted.' } },
      handle: async ({ actor, params }) => {
        await webhooks.remove(actor, params.id);
        return { status: 204 };
      },
    }),
    apiEndpoint({
      method: 'post',
      path: '/api/v1/webhooks/{id}/secret',
      roles,
      summary: 'Rotate the signing secret; the new one is shown once',
      description: `${ownOnly} Every attempt from now on, retries included, is signed with the new secret.`,
      tags,
      params: webhookParamsSchema,
      responses: { 200: { description: 'Rotated.', schema: webhookWithSecretSchema } },
      handle: async ({ actor, params }) => ({
        status: 200,
        body: await webhooks.rotateSecret(actor, params.id),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/webhooks/{id}/deliveries',
      roles,
      summary: "A webhook's delivery log: status, attempts, last answer, oldest first",
      description: ownOnly,
      tags,
      params: webhookParamsSchema,
      query: listDeliveriesQuerySchema,
      responses: {
        200: { description: 'A page.', schema: pageSchema(webhookDeliverySchema) },
      },
      handle: async ({ actor, params, query }) => ({
        status: 200,
        body: await webhooks.deliveries(
          actor,
          params.id,
          { status: query.status },
          toPageRequest(query),
        ),
      }),
    }),
  ];
}
