import { z } from 'zod';

import { apiEndpoint, type Endpoint } from '../../shared/http/endpoint';
import { pageSchema, toPageRequest } from '../../shared/http/pagination';
import { ruleResultSchema } from '../proposals';
import type { CandidateService } from './candidate.service';
import {
  capBlockedQuerySchema,
  capBlockedSchema,
  createRunSchema,
  listRunsQuerySchema,
  passedOverSchema,
  runParamsSchema,
  runPreviewSchema,
  runSchema,
} from './run.schemas';
import type { RunService } from './run.service';

const tags = ['Matching'];

const breakdownSchema = z.object({
  location: z.number(),
  spreiding: z.number(),
  prikkelarm: z.number(),
  begeleiding: z.number(),
  wait: z.number(),
});

const candidateListSchema = z
  .object({
    unitId: z.uuid(),
    unitStatus: z.string(),
    policyVersion: z.number().int(),
    items: z.array(
      z.object({
        clientId: z.uuid(),
        urgent: z
          .boolean()
          .meta({ description: 'Tier 2: confirmed, waited past maxWaitDays, or must move soon.' }),
        waitDays: z.number().int().meta({ description: 'Tier 3: whole days since readySince.' }),
        fit: z.number().meta({
          description: 'Tier 4: the fit normalised per client over the region, as a run weighs it.',
        }),
        score: z.number().meta({
          description:
            'The fit a matcher reads (location, spreiding, prikkelarm, begeleiding, less scarcity).',
        }),
        breakdown: breakdownSchema,
        policyVersion: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'CandidateList' });

const whyNotSchema = z
  .object({
    unitId: z.uuid(),
    clientId: z.uuid(),
    allowed: z.boolean(),
    rules: z.array(ruleResultSchema),
    breakdown: breakdownSchema,
    score: z.number(),
    policyVersion: z.number().int(),
    supportProviderId: z.uuid().nullable(),
    penalties: z.object({
      wheelchair: z.number(),
      lowStimulus: z.number(),
      extraBedroom: z.number(),
    }),
    urgent: z.boolean(),
    waitDays: z.number().int(),
    unitStatus: z.string(),
    clientStatus: z.string(),
  })
  .meta({ id: 'PairEvaluation' });

export function matchingEndpoints(runs: RunService, candidates: CandidateService): Endpoint[] {
  return [
    apiEndpoint({
      method: 'post',
      path: '/api/v1/matching/runs',
      roles: ['matcher', 'admin'],
      summary: 'Request a matching run for a region (matcher: its own region; admin)',
      description:
        'Queued at once (202) and run by the background worker. `dryRun: true` with optional ' +
        '`policy` overrides computes a preview: it stores only the run and its would-be proposals ' +
        '(`GET /matching/runs/{id}/preview`), offers nothing and changes no unit or client.',
      tags,
      body: createRunSchema,
      responses: { 202: { description: 'Queued.', schema: runSchema } },
      handle: async ({ actor, body }) => {
        const run = await runs.request(actor, body);
        return { status: 202, body: run, headers: { Location: `/api/v1/matching/runs/${run.id}` } };
      },
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/matching/runs',
      roles: ['matcher', 'admin'],
      summary: 'List matching runs, oldest first',
      tags,
      query: listRunsQuerySchema,
      responses: { 200: { description: 'A page.', schema: pageSchema(runSchema) } },
      handle: async ({ actor, query }) => {
        const { limit: _limit, cursor: _cursor, ...filter } = query;
        return {
          status: 200,
          body: await runs.list(actor, filter, toPageRequest(query)),
          contentType: 'application/json',
        };
      },
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/matching/runs/{id}',
      roles: ['matcher', 'admin'],
      summary: 'Get a matching run: status, stats (optimal against greedy), phase timings, error',
      tags,
      params: runParamsSchema,
      responses: { 200: { description: 'The run.', schema: runSchema } },
      handle: async ({ actor, params }) => ({
        status: 200,
        body: await runs.get(actor, params.id),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/matching/runs/{id}/preview',
      roles: ['matcher', 'admin'],
      summary: "A dry run's would-be proposals, best first (never offered to anyone)",
      tags,
      params: runParamsSchema,
      responses: { 200: { description: 'The preview.', schema: runPreviewSchema } },
      handle: async ({ actor, params }) => ({
        status: 200,
        body: await runs.preview(actor, params.id),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/matching/runs/{id}/passed-over',
      roles: ['matcher', 'admin'],
      summary:
        "A run's passed-over report: clients with an eligible home left unhoused while someone who waited less, not urgent, was",
      description:
        'Client and unit ids and reason codes only (`cap`, `capacity`, `rule`, `fit`); for a ' +
        'matcher only the clients belonging to its municipalities. Empty until the run is done.',
      tags,
      params: runParamsSchema,
      responses: { 200: { description: 'The report.', schema: passedOverSchema } },
      handle: async ({ actor, params }) => ({
        status: 200,
        body: await runs.passedOver(actor, params.id),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/matching/cap-blocked',
      roles: ['matcher', 'admin'],
      summary:
        'Waiting clients blocked only by a cap: no allowed home now, one if no area cap were reached',
      description:
        'Computed now from the same snapshot a run reads. Per client the homes a cap closes and ' +
        'the caps (NEIGHBOURHOOD_CAP_REACHED, MUNICIPALITY_CAP_REACHED, CLUSTER_CAP_REACHED); ids ' +
        'and codes only; for a matcher only the clients belonging to its municipalities.',
      tags,
      query: capBlockedQuerySchema,
      responses: { 200: { description: 'The clients.', schema: capBlockedSchema } },
      handle: async ({ actor, query }) => ({
        status: 200,
        body: await candidates.capBlocked(actor, query.regionCode),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/units/{id}/candidates',
      roles: ['matcher', 'admin'],
      summary: 'Eligible waiting clients for a unit, ranked, with score and breakdown (matcher)',
      description:
        'Computed from the same snapshot a matching run reads: only pairs that pass every hard ' +
        'rule, ranked by the tiers of a run: urgent first, then the longer wait, then the ' +
        'normalised fit, then readySince and id.',
      tags: ['Units', ...tags],
      params: z.object({ id: z.uuid() }),
      query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
      responses: { 200: { description: 'The candidates.', schema: candidateListSchema } },
      handle: async ({ actor, params, query }) => ({
        status: 200,
        body: await candidates.candidates(actor, params.id, query.limit),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/units/{id}/candidates/{clientId}',
      roles: ['matcher', 'admin'],
      summary: 'Why (not): every hard rule for one pair with its sentence, and the soft scores',
      tags: ['Units', ...tags],
      params: z.object({ id: z.uuid(), clientId: z.uuid() }),
      responses: { 200: { description: 'The evaluation.', schema: whyNotSchema } },
      handle: async ({ actor, params }) => ({
        status: 200,
        body: await candidates.whyNot(actor, params.id, params.clientId),
      }),
    }),
  ];
}
