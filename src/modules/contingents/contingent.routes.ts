import { apiEndpoint, type Endpoint } from '../../shared/http/endpoint';
import { pageSchema } from '../../shared/http/pagination';
import {
  contingentParamsSchema,
  contingentSchema,
  createContingentSchema,
  listContingentsQuerySchema,
  patchContingentSchema,
} from './contingent.schemas';
import type { ContingentService } from './contingent.service';

const tags = ['Contingents'];

export function contingentEndpoints(contingents: ContingentService): Endpoint[] {
  return [
    apiEndpoint({
      method: 'post',
      path: '/api/v1/contingents',
      roles: ['corporation'],
      summary: 'Pledge contingent homes for a municipality and year (corporation)',
      tags,
      body: createContingentSchema,
      errors: [409],
      responses: { 201: { description: 'Pledged.', schema: contingentSchema } },
      handle: async ({ actor, body }) => ({
        status: 201,
        body: await contingents.create(actor, body),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/contingents',
      roles: ['corporation', 'matcher', 'viewer', 'admin'],
      summary:
        'Pledges with placed so far (corporation: own; matcher, gemeente: their municipalities)',
      tags,
      query: listContingentsQuerySchema,
      responses: { 200: { description: 'Pledges.', schema: pageSchema(contingentSchema) } },
      handle: async ({ actor, query }) => ({
        status: 200,
        body: { items: await contingents.list(actor, query), nextCursor: null },
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/contingents/{id}',
      roles: ['corporation', 'matcher', 'viewer', 'admin'],
      summary: 'Get a pledge',
      tags,
      params: contingentParamsSchema,
      responses: { 200: { description: 'The pledge.', schema: contingentSchema } },
      handle: async ({ actor, params }) => ({
        status: 200,
        body: await contingents.get(actor, params.id),
      }),
    }),
    apiEndpoint({
      method: 'patch',
      path: '/api/v1/contingents/{id}',
      roles: ['corporation'],
      summary: 'Revise the number pledged (corporation)',
      tags,
      params: contingentParamsSchema,
      body: patchContingentSchema,
      responses: { 200: { description: 'The pledge now.', schema: contingentSchema } },
      handle: async ({ actor, params, body }) => ({
        status: 200,
        body: await contingents.revise(actor, params.id, body.pledged),
      }),
    }),
  ];
}
