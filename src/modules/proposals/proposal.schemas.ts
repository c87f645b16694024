import { z } from 'zod';

import { freeTextSchema, isoDateSchema } from '../../shared/domain/codes';
import {
  SCORE_CRITERIA,
  STIMULUS_LEVELS,
  SUPPORT_INTENSITIES,
  UNIT_TYPES,
} from '../../shared/domain/vocabulary';
import { pageQuerySchema } from '../../shared/http/pagination';
import { CALLER_REASON_CODES, DECISION_REASONS } from './proposal.reasons';

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

/** What every party that may see a proposal sees. */
const proposalBase = {
  id: z.uuid(),
  status: z.enum(PROPOSAL_STATUSES),
  version: z.number().int(),
  unitId: z.uuid(),
  clientId: z.uuid(),
  regionCode: z.string(),
  deadline: z.string().nullable().meta({
    description:
      'When the open step expires (Dutch working days from the policy): the matcher’s, the earliest undecided side’s, or the placement’s. Kept as it was once the proposal closed.',
  }),
  corporationDeadline: z
    .string()
    .nullable()
    .meta({ description: 'After approval: by when the corporation accepts or declines.' }),
  providerDeadline: z
    .string()
    .nullable()
    .meta({ description: 'After approval: by when the provider accepts or declines.' }),
  approvedAt: z.string().nullable(),
  corporationDecision: z.enum(['accepted', 'declined']).nullable(),
  providerDecision: z.enum(['accepted', 'declined']).nullable(),
  reason: z
    .string()
    .nullable()
    .meta({ description: 'Why it ended (rejected, declined, cancelled, expired).' }),
  leaseStart: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** The matcher's (and admin's) view: everything, score and hard rules included. */
export const proposalSchema = z
  .object({
    ...proposalBase,
    view: z.literal('matcher'),
    origin: z.enum(['run', 'manual']),
    runId: z.uuid().nullable(),
    score: z.number(),
    breakdown: breakdownSchema,
    rules: z.array(ruleResultSchema).meta({ description: 'Every hard rule and its result.' }),
    overriddenRules: z
      .array(z.string())
      .meta({ description: 'Hard rules a manual proposal broke on purpose (four-eyes).' }),
    awaitingSecondMatcher: z.boolean(),
    policyVersion: z.number().int(),
  })
  .meta({ id: 'Proposal' });
export type Proposal = z.infer<typeof proposalSchema>;

/**
 * The corporation's view of an approved proposal for its unit: only what it needs to decide on
 * the household — never target group, anchors, wait or the score breakdown.
 */
export const corporationProposalSchema = z
  .object({
    ...proposalBase,
    view: z.literal('corporation'),
    client: z.object({
      household: z.object({ adults: z.number().int(), children: z.number().int() }),
      needs: z.object({ groundFloorOrLift: z.boolean(), wheelchair: z.boolean() }),
      support: z
        .object({
          intensity: z.enum(SUPPORT_INTENSITIES),
          providerId: z.uuid().meta({ description: 'The organisation that delivers the support.' }),
        })
        .nullable()
        .meta({
          description:
            'The support arrangement, only when the client consented to share it (`matching_with_support`).',
        }),
    }),
  })
  .meta({ id: 'CorporationProposal' });
export type CorporationProposal = z.infer<typeof corporationProposalSchema>;

/** The provider's view of its client's approved proposal: the home's details. */
export const providerProposalSchema = z
  .object({
    ...proposalBase,
    view: z.literal('provider'),
    unit: z.object({
      type: z.enum(UNIT_TYPES),
      address: z.object({
        street: z.string(),
        houseNumber: z.string(),
        postcode: z.string(),
        municipalityCode: z.string(),
      }),
      neighbourhoodCode: z.string(),
      rent: z.number(),
      serviceCosts: z.number(),
      bedrooms: z.number().int(),
      floor: z.number().int(),
      hasLift: z.boolean(),
      wheelchairAccessible: z.boolean(),
      stimulus: z.enum(STIMULUS_LEVELS),
      furnished: z.boolean(),
      availableFrom: z.string(),
    }),
  })
  .meta({ id: 'ProviderProposal' });
export type ProviderProposal = z.infer<typeof providerProposalSchema>;

export const proposalViewSchema = z
  .discriminatedUnion('view', [proposalSchema, corporationProposalSchema, providerProposalSchema])
  .meta({ id: 'ProposalView' });
export type ProposalViewBody = z.infer<typeof proposalViewSchema>;

/**
 * The matcher's view in a list: everything but `rules`, the hard rules' results with their
 * sentences (about 3.7 kB a proposal), which `GET /proposals/{id}` gives.
 */
export const proposalListItemSchema = proposalSchema
  .omit({ rules: true })
  .meta({ id: 'ProposalListItem' });
export type ProposalListItem = z.infer<typeof proposalListItemSchema>;

export const proposalListViewSchema = z
  .discriminatedUnion('view', [
    proposalListItemSchema,
    corporationProposalSchema,
    providerProposalSchema,
  ])
  .meta({ id: 'ProposalListView' });
export type ProposalListViewBody = z.infer<typeof proposalListViewSchema>;

const noteSchema = freeTextSchema(500).meta({
  description: 'Required with reason `other`, refused with any other reason. No client details.',
});

export const decisionBodySchema = z.strictObject({
  reason: z.enum(CALLER_REASON_CODES).meta({
    description: 'A code from `GET /api/v1/reference/reasons`, from the list of your party.',
  }),
  note: noteSchema.optional(),
});
export type DecisionBody = z.infer<typeof decisionBodySchema>;

export const placementBodySchema = z.strictObject({ leaseStart: isoDateSchema });

export const createProposalSchema = z.strictObject({
  unitId: z.uuid(),
  clientId: z.uuid(),
  justification: freeTextSchema(500).meta({
    description: 'Why this pair, in a few words; no client details.',
  }),
  override: z
    .boolean()
    .default(false)
    .meta({ description: 'Required to propose a pair that breaks a hard rule.' }),
});
export type CreateProposalInput = z.infer<typeof createProposalSchema>;

const reasonListSchema = z.array(z.object({ code: z.string(), description: z.string() }));
export const reasonsSchema = z
  .object({
    corporation: reasonListSchema,
    provider: reasonListSchema,
    matcher: reasonListSchema,
    system: reasonListSchema,
  })
  .meta({ id: 'DecisionReasons' });
export const reasonsBody = DECISION_REASONS;

export const listProposalsQuerySchema = pageQuerySchema.extend({
  status: z.enum(PROPOSAL_STATUSES).optional(),
  regionCode: z.string().max(40).optional(),
  unitId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  runId: z.uuid().optional(),
  corporationId: z.uuid().optional().meta({ description: "The home's corporation." }),
  providerId: z.uuid().optional().meta({ description: "The client's registering provider." }),
});
export type ProposalFilter = Pick<
  z.output<typeof listProposalsQuerySchema>,
  'status' | 'regionCode' | 'unitId' | 'clientId' | 'runId' | 'corporationId' | 'providerId'
>;

export const proposalParamsSchema = z.object({ id: z.uuid() });
