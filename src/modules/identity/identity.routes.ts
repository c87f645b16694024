import { apiEndpoint, type Endpoint } from '../../shared/http/endpoint';
import { pageSchema, toPageRequest } from '../../shared/http/pagination';
import {
  createOrganisationSchema,
  createTokenSchema,
  createdTokenSchema,
  listOrganisationsQuerySchema,
  meSchema,
  organisationIdParamsSchema,
  organisationSchema,
  tokenParamsSchema,
  tokenSchema,
} from './identity.schemas';
import type { IdentityService } from './identity.service';

const tags = ['Organisations'];

export function identityEndpoints(identity: IdentityService): Endpoint[] {
  return [
    apiEndpoint({
      method: 'get',
      path: '/api/v1/me',
      summary: 'Who the token is: its role and its organisation',
      tags,
      responses: { 200: { description: 'The caller.', schema: meSchema } },
      handle: async ({ actor }) => ({ status: 200, body: await identity.me(actor) }),
    }),
    apiEndpoint({
      method: 'post',
      path: '/api/v1/organisations',
      roles: ['admin'],
      summary: 'Create an organisation (admin)',
      tags,
      body: createOrganisationSchema,
      responses: { 201: { description: 'Created.', schema: organisationSchema } },
      errors: [409],
      handle: async ({ actor, body }) => ({
        status: 201,
        body: await identity.createOrganisation(actor, body),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/organisations',
      summary: 'List organisations (admin: all; others: their own)',
      tags,
      query: listOrganisationsQuerySchema,
      responses: { 200: { description: 'A page.', schema: pageSchema(organisationSchema) } },
      handle: async ({ actor, query }) => ({
        status: 200,
        body: await identity.listOrganisations(
          actor,
          { kind: query.kind, regionCode: query.regionCode },
          toPageRequest(query),
        ),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/organisations/{id}',
      summary: 'Get an organisation',
      tags,
      params: organisationIdParamsSchema,
      responses: { 200: { description: 'The organisation.', schema: organisationSchema } },
      handle: async ({ actor, params }) => ({
        status: 200,
        body: await identity.getOrganisation(actor, params.id),
      }),
    }),
    apiEndpoint({
      method: 'post',
      path: '/api/v1/organisations/{id}/tokens',
      roles: ['admin'],
      summary: 'Create an API token for an organisation (admin); the secret is shown only here',
      tags,
      params: organisationIdParamsSchema,
      body: createTokenSchema,
      responses: { 201: { description: 'Created.', schema: createdTokenSchema } },
      handle: async ({ actor, params, body }) => ({
        status: 201,
        body: await identity.createToken(actor, params.id, body),
        headers: { 'Cache-Control': 'no-store' },
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/organisations/{id}/tokens',
      roles: ['admin'],
      summary: "List an organisation's tokens, without secrets (admin)",
      tags,
      params: organisationIdParamsSchema,
      responses: { 200: { description: 'Tokens.', schema: tokenSchema.array() } },
      handle: async ({ actor, params }) => ({
        status: 200,
        body: await identity.listTokens(actor, params.id),
      }),
    }),
    apiEndpoint({
      method: 'delete',
      path: '/api/v1/organisations/{id}/tokens/{tokenId}',
      roles: ['admin'],
      summary: 'Revoke a token (admin); idempotent',
      tags,
      params: tokenParamsSchema,
      responses: { 204: { description: 'Revoked.' } },
      handle: async ({ actor, params }) => {
        await identity.revokeToken(actor, params.id, params.tokenId);
        return { status: 204 };
      },
    }),
  ];
}
