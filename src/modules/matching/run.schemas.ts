import { z } from 'zod';

import { municipalityCodeSchema } from '../../shared/domain/codes';
import { SCORE_CRITERIA } from '../../shared/domain/vocabulary';
import { pageQuerySchema } from '../../shared/http/pagination';

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const RUN_TRIGGERS = ['change', 'request', 'nightly'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

const weight = z.number().min(0).max(100);

export const policyOverridesSchema = z
  .strictObject({
    weights: z
      .strictObject(
        Object.fromEntries(
          SCORE_CRITERIA.map((criterion) => [criterion, weight.optional()]),
        ) as Record<(typeof SCORE_CRITERIA)[number], z.ZodOptional<typeof weight>>,
      )
      .optional(),
    neighbourhoodCap: z.number().int().min(0).max(1000).optional(),
    municipalityCaps: z
      .record(municipalityCodeSchema, z.number().int().min(0).max(100_000))
      .optional(),
    maxDistanceKm: z.number().gt(0).max(300).optional(),
    planningHorizonDays: z.number().int().min(0).max(730).optional(),
  })
  .meta({ description: 'What-if changes to the region policy (dry runs only).' });

export const createRunSchema = z
  .strictObject({
    regionCode: z.string().min(1).max(40),
    dryRun: z.boolean().default(false),
    policy: policyOverridesSchema.optional(),
  })
  .refine((body) => body.policy === undefined || body.dryRun, {
    path: ['policy'],
    message: 'policy overrides are for dry runs only (dryRun: true)',
  });
export type CreateRunInput = z.output<typeof createRunSchema>;

const outcomeSchema = z.object({
  assigned: z.number().int(),
  objective: z.number(),
  perMunicipality: z.record(z.string(), z.number().int()),
});

export const runStatsSchema = z
  .object({
    clients: z.number().int().meta({ description: 'Clients open to matching (waiting).' }),
    units: z.number().int().meta({ description: 'Units open to matching (available).' }),
    fixedPairs: z.number().int().meta({ description: 'Open proposals kept as they are.' }),
    pairs: z.number().int().meta({ description: 'Allowed pairs scored.' }),
    proposalsCreated: z.number().int(),
    assigned: z.number().int().meta({ description: 'New pairs in the optimal assignment.' }),
    objective: z.number().meta({ description: 'Their total score.' }),
    greedyAssigned: z.number().int(),
    greedyObjective: z.number(),
    perMunicipality: z.record(z.string(), z.number().int()),
    millis: z.number().meta({ description: 'The whole run.' }),
    phases: z.object({ load: z.number(), score: z.number(), solve: z.number(), store: z.number() }),
    comparison: z.object({ current: outcomeSchema, whatIf: outcomeSchema }).optional().meta({
      description: 'Dry runs: the same snapshot under the current policy and the changed one.',
    }),
  })
  .meta({ id: 'MatchingRunStats' });
export type RunStats = z.infer<typeof runStatsSchema>;

export const runSchema = z
  .object({
    id: z.uuid(),
    regionCode: z.string(),
    status: z.enum(RUN_STATUSES),
    trigger: z.enum(RUN_TRIGGERS),
    dryRun: z.boolean(),
    policyOverrides: policyOverridesSchema.nullable(),
    policyVersion: z.number().int().nullable(),
    attempts: z.number().int(),
    stats: runStatsSchema.nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'MatchingRun' });
export type Run = z.infer<typeof runSchema>;

export const listRunsQuerySchema = pageQuerySchema.extend({
  regionCode: z.string().max(40).optional(),
  status: z.enum(RUN_STATUSES).optional(),
});
export type RunFilter = Pick<z.output<typeof listRunsQuerySchema>, 'regionCode' | 'status'>;

export const runParamsSchema = z.object({ id: z.uuid() });

export const previewPairSchema = z.object({
  unitId: z.uuid(),
  clientId: z.uuid(),
  score: z.number(),
  breakdown: z.record(z.string(), z.number()),
});
export const runPreviewSchema = z
  .object({ runId: z.uuid(), items: z.array(previewPairSchema) })
  .meta({ id: 'MatchingRunPreview' });
export type RunPreview = z.infer<typeof runPreviewSchema>;
