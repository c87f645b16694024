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

const tierTotalsSchema = z.object({
  assigned: z.number().int(),
  urgent: z.number().int(),
  waitDays: z.number().int(),
  fit: z.number(),
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
    urgentHoused: z
      .number()
      .int()
      .meta({ description: 'Urgent clients among the new pairs (tier 2).' }),
    waitDaysHoused: z
      .number()
      .int()
      .meta({ description: 'Days waited by the clients of the new pairs, in total (tier 3).' }),
    fit: z.number().meta({ description: 'Their total normalised fit (tier 4).' }),
    greedyAssigned: z.number().int(),
    greedyObjective: z.number(),
    greedyUrgentHoused: z.number().int(),
    greedyWaitDaysHoused: z.number().int(),
    greedyFit: z.number(),
    optimality: z
      .object({
        exact: z.boolean(),
        bound: tierTotalsSchema.nullable(),
        gap: z
          .object({ tier: z.enum(['assigned', 'urgent', 'waitDays', 'fit']), amount: z.number() })
          .nullable(),
      })
      .meta({
        description:
          'What the solver proves about the new pairs: exact, or the bound per tier and the first tier where it is higher.',
      }),
    passedOver: z.number().int().meta({
      description: 'Clients in the passed-over report (`GET /matching/runs/{id}/passed-over`).',
    }),
    perMunicipality: z.record(z.string(), z.number().int()),
    millis: z.number().meta({ description: 'The whole run.' }),
    phases: z.object({
      load: z.number(),
      score: z.number(),
      solve: z.number(),
      report: z.number().optional().meta({
        description:
          "Engine time after the exact solve: the greedy baseline, the new pairs' rule results, the passed-over report, and handing the result back from the engine thread (a dry run with overrides: also the comparison under the current policy). Absent on runs stored before it was measured.",
      }),
      store: z.number(),
    }),
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

export const PASSED_OVER_REASONS = ['cap', 'capacity', 'rule', 'fit'] as const;

export const passedOverEntrySchema = z.object({
  clientId: z.uuid(),
  reasons: z.array(z.enum(PASSED_OVER_REASONS)).meta({
    description:
      '`cap`: a home of its stayed empty, its area cap full; `capacity`: the provider group it needed was full; `rule`: the homes given to clients who waited less are closed to it by a hard rule; `fit`: none of these.',
  }),
  fullCaps: z.array(z.string()).meta({ description: 'Full cap areas: BU…, GM…, cluster:<id>.' }),
  fullGroups: z.array(z.object({ providerId: z.uuid(), municipalityCode: z.string() })),
  passedOverBy: z.array(
    z.object({ clientId: z.uuid(), unitId: z.uuid(), rule: z.string().nullable() }),
  ),
});
export type PassedOverItem = z.infer<typeof passedOverEntrySchema>;

export const passedOverSchema = z
  .object({ runId: z.uuid(), items: z.array(passedOverEntrySchema) })
  .meta({ id: 'MatchingRunPassedOver' });
export type PassedOverList = z.infer<typeof passedOverSchema>;

export const capBlockedQuerySchema = z.object({ regionCode: z.string().min(1).max(40) });

export const capBlockedSchema = z
  .object({
    regionCode: z.string(),
    policyVersion: z.number().int(),
    items: z.array(
      z.object({
        clientId: z.uuid(),
        units: z.array(z.object({ unitId: z.uuid(), caps: z.array(z.string()) })),
      }),
    ),
  })
  .meta({ id: 'CapBlockedClients' });
export type CapBlockedList = z.infer<typeof capBlockedSchema>;
