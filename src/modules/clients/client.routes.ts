import { apiEndpoint, type Endpoint } from '../../shared/http/endpoint';
import { etag, parseIfMatch } from '../../shared/http/if-match';
import { pageSchema, toPageRequest } from '../../shared/http/pagination';
import {
  clientParamsSchema,
  clientSchema,
  createClientSchema,
  listClientsQuerySchema,
  patchClientSchema,
  urgencyDecisionSchema,
} from './client.schemas';
import type { ClientService } from './client.service';

const tags = ['Clients'];

export function clientEndpoints(clients: ClientService): Endpoint[] {
  return [
    apiEndpoint({
      method: 'post',
      path: '/api/v1/clients',
      roles: ['provider'],
      summary: 'Register a client ready for uitstroom (provider): a pseudonymised profile',
      description:
        'No name, BSN, birth date, diagnosis or free text: `externalRef` is your own case ' +
        'reference (a BSN is refused). Anchors are rounded to 2 decimals (≈1 km). A client ' +
        'without consent is stored as waiting but never matched (`matchable: false`). ' +
        'Sending the same externalRef again answers 409 with `existingId`.',
      tags,
      body: createClientSchema,
      errors: [409],
      responses: { 201: { description: 'Registered.', schema: clientSchema } },
      handle: async ({ actor, body }) => {
        const client = await clients.create(actor, body);
        return {
          status: 201,
          body: client,
          headers: { ETag: etag(client.version), Location: `/api/v1/clients/${client.id}` },
        };
      },
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/clients',
      roles: ['provider', 'matcher', 'admin'],
      summary:
        'List clients (provider: its own; matcher: belonging to its municipalities; admin: all)',
      description: 'Reads by another organisation than the registering provider are audited.',
      tags,
      query: listClientsQuerySchema,
      responses: { 200: { description: 'A page.', schema: pageSchema(clientSchema) } },
      handle: async ({ actor, query }) => {
        const { limit: _limit, cursor: _cursor, ...filter } = query;
        return {
          status: 200,
          body: await clients.list(actor, filter, toPageRequest(query)),
          contentType: 'application/json',
        };
      },
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/clients/{id}',
      roles: ['provider', 'matcher', 'admin'],
      summary: 'Get a client',
      tags,
      params: clientParamsSchema,
      responses: { 200: { description: 'The client; ETag is its version.', schema: clientSchema } },
      handle: async ({ actor, params }) => {
        const client = await clients.get(actor, params.id);
        return { status: 200, body: client, headers: { ETag: etag(client.version) } };
      },
    }),
    apiEndpoint({
      method: 'patch',
      path: '/api/v1/clients/{id}',
      roles: ['provider'],
      summary: "Change a waiting client's profile (provider); optional If-Match",
      tags,
      params: clientParamsSchema,
      body: patchClientSchema,
      errors: [409, 412],
      responses: { 200: { description: 'The client as it is now.', schema: clientSchema } },
      handle: async ({ actor, params, body, req }) => {
        const client = await clients.update(
          actor,
          params.id,
          body,
          parseIfMatch(req.headers['if-match']),
        );
        return { status: 200, body: client, headers: { ETag: etag(client.version) } };
      },
    }),
    apiEndpoint({
      method: 'post',
      path: '/api/v1/clients/{id}/urgency',
      roles: ['matcher'],
      summary: "Confirm or decline a client's urgency (matcher of its municipality)",
      description:
        'A provider requests urgency with `urgencyReason`; a matcher of a municipality the client ' +
        'belongs to confirms it (`confirm: true`, optionally with its own reason) or declines it ' +
        '(`confirm: false`, which also clears the request). Confirmed urgency puts the client in ' +
        'the urgent tier of the matching. Another matcher gets 404.',
      tags,
      params: clientParamsSchema,
      body: urgencyDecisionSchema,
      errors: [409],
      responses: { 200: { description: 'The client as it is now.', schema: clientSchema } },
      handle: async ({ actor, params, body }) => {
        const client = await clients.decideUrgency(actor, params.id, body);
        return { status: 200, body: client, headers: { ETag: etag(client.version) } };
      },
    }),
    apiEndpoint({
      method: 'post',
      path: '/api/v1/clients/{id}/unpark',
      roles: ['matcher'],
      summary: 'Lift a parking (matcher of the client’s municipality)',
      description:
        'A parked client (`parkedUntil` later than today: set by its provider, or by the ' +
        'region’s reason consequence after repeated declines, see `parkedBy`) is matchable again ' +
        'at once, and a run follows. Audited as `client.unparked`. A client that is not parked ' +
        'is answered as it is. Another matcher gets 404.',
      tags,
      params: clientParamsSchema,
      responses: { 200: { description: 'The client as it is now.', schema: clientSchema } },
      handle: async ({ actor, params }) => {
        const client = await clients.unpark(actor, params.id);
        return { status: 200, body: client, headers: { ETag: etag(client.version) } };
      },
    }),
    apiEndpoint({
      method: 'post',
      path: '/api/v1/clients/{id}/withdraw',
      roles: ['provider'],
      summary: 'Withdraw a client (provider); withdrawing again changes nothing',
      tags,
      params: clientParamsSchema,
      errors: [409],
      responses: { 200: { description: 'The withdrawn client.', schema: clientSchema } },
      handle: async ({ actor, params }) => ({
        status: 200,
        body: await clients.withdraw(actor, params.id),
      }),
    }),
  ];
}
