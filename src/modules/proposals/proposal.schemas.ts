import { z } from 'zod';

import { SCORE_CRITERIA } from '../../shared/domain/vocabulary';
import { pageQuerySchema } from '../../shared/http/pagination';

export const PROPOSAL_STATUSES = [
  'proposed',
  'approved',
  'accepted',
  'rejected',
  'declined',
  'placed',
  'cancelled',
  'expired',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Statuses in which a proposal holds its unit and client. */
export const OPEN_STATUSES: readonly ProposalStatus[] = ['proposed', 'approved', 'accepted'];

const breakdownSchema = z.object(
  Object.fromEntries(
    SCORE_CRITERIA.map((criterion) => [criterion, z.number().min(0).max(1)]),
  ) as Record<(typeof SCORE_CRITERIA)[number], z.ZodNumber>,
);

export const ruleResultSchema = z.object({
  code: z.string().meta({ example: 'RENT_ABOVE_MAX' }),
  passed: z.boolean(),
  message: z.string(),
});

export const proposalSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(PROPOSAL_STATUSES),
    version: z.number().int(),
    unitId: z.uuid(),
    clientId: z.uuid(),
    regionCode: z.string(),
    origin: z.enum(['run', 'manual']),
    runId: z.uuid().nullable(),
    score: z.number(),
    breakdown: breakdownSchema,
    rules: z.array(ruleResultSchema).meta({ description: 'Every hard rule and its result.' }),
    policyVersion: z.number().int(),
    deadline: z.string().nullable(),
    approvedAt: z.string().nullable(),
    corporationDecision: z.enum(['accepted', 'declined']).nullable(),
    providerDecision: z.enum(['accepted', 'declined']).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Proposal' });
export type Proposal = z.infer<typeof proposalSchema>;

export const listProposalsQuerySchema = pageQuerySchema.extend({
  status: z.enum(PROPOSAL_STATUSES).optional(),
  regionCode: z.string().max(40).optional(),
  unitId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  runId: z.uuid().optional(),
});
export type ProposalFilter = Pick<
  z.output<typeof listProposalsQuerySchema>,
  'status' | 'regionCode' | 'unitId' | 'clientId' | 'runId'
>;

export const proposalParamsSchema = z.object({ id: z.uuid() });
