import { z } from 'zod';

import { apiEndpoint, type Endpoint } from '../../shared/http/endpoint';
import { etag, parseIfMatch, requireIfMatch } from '../../shared/http/if-match';
import { pageSchema } from '../../shared/http/pagination';
import {
  policyPatchSchema,
  policyQuerySchema,
  policyReplaceSchema,
  policySchema,
} from './policy.schemas';
import type { PolicyService } from './policy.service';
import {
  bulkBodySchema,
  bulkResultSchema,
  createMunicipalitySchema,
  createNeighbourhoodSchema,
  createRegionSchema,
  municipalitiesQuerySchema,
  municipalityParamsSchema,
  municipalitySchema,
  neighbourhoodParamsSchema,
  neighbourhoodSchema,
  neighbourhoodsQuerySchema,
  regionParamsSchema,
  regionSchema,
} from './reference.schemas';
import type { ReferenceService } from './reference.service';

const tags = ['Reference data'];
const all = <T>(items: T[]) => ({ items, nextCursor: null });

const BULK_DESCRIPTION =
  'Loads a reference list in one transaction: a JSON array of records, or CSV with a header row ' +
  'naming the same fields (`,` or `;` separated). New codes are created, changed ones updated, ' +
  'identical ones left alone, so loading the same list twice changes nothing. Any invalid record ' +
  '→ 422 naming each (`rows[i]` for JSON, `lines[n]` for CSV where the header is line 1) and nothing is written.';

export function referenceEndpoints(reference: ReferenceService, policy: PolicyService): Endpoint[] {
  return [
    apiEndpoint({
      method: 'post',
      path: '/api/v1/regions',
      roles: ['admin'],
      summary: 'Create a region (admin); it starts with the default policy as version 1',
      tags,
      body: createRegionSchema,
      errors: [409],
      responses: { 201: { description: 'Created.', schema: regionSchema } },
      handle: async ({ actor, body }) => ({
        status: 201,
        body: await reference.createRegion(actor, body),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/regions',
      summary: 'List regions',
      tags,
      responses: { 200: { description: 'All regions.', schema: pageSchema(regionSchema) } },
      handle: async () => ({ status: 200, body: all(await reference.listRegions()) }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/regions/{code}',
      summary: 'Get a region',
      tags,
      params: regionParamsSchema,
      responses: { 200: { description: 'The region.', schema: regionSchema } },
      handle: async ({ params }) => ({ status: 200, body: await reference.getRegion(params.code) }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/regions/{code}/policy',
      summary: "The region's matching policy (newest, or `?version=`); ETag is the version",
      tags: ['Region policy'],
      params: regionParamsSchema,
      query: policyQuerySchema,
      responses: { 200: { description: 'The policy.', schema: policySchema } },
      handle: async ({ actor, params, query }) => {
        const current = await policy.getPolicy(actor, params.code, query.version);
        return { status: 200, body: current, headers: { ETag: etag(current.version) } };
      },
    }),
    apiEndpoint({
      method: 'put',
      path: '/api/v1/regions/{code}/policy',
      roles: ['admin'],
      summary: 'Replace the whole policy (admin; If-Match required): a new immutable version',
      description:
        'Send every field (`municipalityCaps` may be left out: no caps) and `If-Match` with the ' +
        'ETag you read: without it 428, with a stale one 412. Sending the current policy again ' +
        'creates no new version. To change a few fields, use PATCH.',
      tags: ['Region policy'],
      params: regionParamsSchema,
      body: policyReplaceSchema,
      errors: [412, 428],
      responses: { 200: { description: 'The policy now in force.', schema: policySchema } },
      handle: async ({ actor, params, body, req }) => {
        const expected = requireIfMatch(req.headers['if-match']);
        const written = await policy.putPolicy(actor, params.code, body, expected);
        return { status: 200, body: written, headers: { ETag: etag(written.version) } };
      },
    }),
    apiEndpoint({
      method: 'patch',
      path: '/api/v1/regions/{code}/policy',
      roles: ['admin'],
      summary: 'Change named fields of the policy (admin): a new immutable version',
      description:
        'Only the fields sent change, at any depth (`{"weights": {"wait": 0.3}}`); ' +
        '`municipalityCaps` is replaced whole. The resulting policy is validated as a whole. ' +
        'Optional `If-Match`: a stale version is refused (412).',
      tags: ['Region policy'],
      params: regionParamsSchema,
      body: policyPatchSchema,
      errors: [412],
      responses: { 200: { description: 'The policy now in force.', schema: policySchema } },
      handle: async ({ actor, params, body, req }) => {
        const expected = parseIfMatch(req.headers['if-match']);
        const written = await policy.patchPolicy(actor, params.code, body, expected);
        return { status: 200, body: written, headers: { ETag: etag(written.version) } };
      },
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/regions/{code}/policy/versions',
      summary: 'Every version of the policy, newest first',
      tags: ['Region policy'],
      params: regionParamsSchema,
      responses: { 200: { description: 'Versions.', schema: pageSchema(policySchema) } },
      handle: async ({ actor, params }) => ({
        status: 200,
        body: all(await policy.listVersions(actor, params.code)),
      }),
    }),

    apiEndpoint({
      method: 'post',
      path: '/api/v1/municipalities',
      roles: ['admin'],
      summary: 'Add a municipality (admin)',
      tags,
      body: createMunicipalitySchema,
      errors: [409],
      responses: { 201: { description: 'Created.', schema: municipalitySchema } },
      handle: async ({ actor, body }) => ({
        status: 201,
        body: await reference.createMunicipality(actor, body),
      }),
    }),
    apiEndpoint({
      method: 'post',
      path: '/api/v1/municipalities/import',
      roles: ['admin'],
      summary: 'Bulk-load municipalities from JSON or CSV (admin)',
      description: BULK_DESCRIPTION,
      tags,
      body: bulkBodySchema,
      bodyContentType: ['application/json', 'text/csv'],
      bodyDocs: { 'application/json': z.array(createMunicipalitySchema), 'text/csv': z.string() },
      responses: { 200: { description: 'Loaded.', schema: bulkResultSchema } },
      handle: async ({ actor, body }) => ({
        status: 200,
        body: await reference.bulkLoadMunicipalities(actor, body),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/municipalities',
      summary: 'List municipalities',
      tags,
      query: municipalitiesQuerySchema,
      responses: { 200: { description: 'All matching.', schema: pageSchema(municipalitySchema) } },
      handle: async ({ query }) => ({
        status: 200,
        body: all(await reference.listMunicipalities(query)),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/municipalities/{code}',
      summary: 'Get a municipality',
      tags,
      params: municipalityParamsSchema,
      responses: { 200: { description: 'The municipality.', schema: municipalitySchema } },
      handle: async ({ params }) => ({
        status: 200,
        body: await reference.getMunicipality(params.code),
      }),
    }),

    apiEndpoint({
      method: 'post',
      path: '/api/v1/neighbourhoods',
      roles: ['admin'],
      summary: 'Add a neighbourhood (admin)',
      tags,
      body: createNeighbourhoodSchema,
      errors: [409],
      responses: { 201: { description: 'Created.', schema: neighbourhoodSchema } },
      handle: async ({ actor, body }) => ({
        status: 201,
        body: await reference.createNeighbourhood(actor, body),
      }),
    }),
    apiEndpoint({
      method: 'post',
      path: '/api/v1/neighbourhoods/import',
      roles: ['admin'],
      summary: 'Bulk-load neighbourhoods from JSON or CSV (admin)',
      description: BULK_DESCRIPTION,
      tags,
      body: bulkBodySchema,
      bodyContentType: ['application/json', 'text/csv'],
      bodyDocs: { 'application/json': z.array(createNeighbourhoodSchema), 'text/csv': z.string() },
      responses: { 200: { description: 'Loaded.', schema: bulkResultSchema } },
      handle: async ({ actor, body }) => ({
        status: 200,
        body: await reference.bulkLoadNeighbourhoods(actor, body),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/neighbourhoods',
      summary: 'List neighbourhoods',
      tags,
      query: neighbourhoodsQuerySchema,
      responses: { 200: { description: 'All matching.', schema: pageSchema(neighbourhoodSchema) } },
      handle: async ({ query }) => ({
        status: 200,
        body: all(await reference.listNeighbourhoods(query)),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/neighbourhoods/{code}',
      summary: 'Get a neighbourhood',
      tags,
      params: neighbourhoodParamsSchema,
      responses: { 200: { description: 'The neighbourhood.', schema: neighbourhoodSchema } },
      handle: async ({ params }) => ({
        status: 200,
        body: await reference.getNeighbourhood(params.code),
      }),
    }),
  ];
}
