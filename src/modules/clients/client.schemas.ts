import { z } from 'zod';

import {
  externalRefFilterSchema,
  externalRefSchema,
  isoDateSchema,
  latSchema,
  lonSchema,
  moneySchema,
  municipalityCodeSchema,
  neighbourhoodCodeSchema,
} from '../../shared/domain/codes';
import { URGENCY_REASONS } from '../../shared/domain/matching-policy';
import {
  ANCHOR_KINDS,
  CLIENT_STATUSES,
  STIMULUS_NEEDS,
  SUPPORT_INTENSITIES,
  TARGET_GROUPS,
  UNIT_TYPES,
} from '../../shared/domain/vocabulary';
import { pageQuerySchema } from '../../shared/http/pagination';

export const CONSENT_SCOPES = ['matching', 'matching_with_support'] as const;

/** About 1 km: anchors are a neighbourhood, never an address. */
const coarse = (degrees: number) => Math.round(degrees * 100) / 100;

const uniqueCodes = (max: number) =>
  z
    .array(municipalityCodeSchema)
    .max(max)
    .refine((codes) => new Set(codes).size === codes.length, 'each municipality once');

export const clientFields = {
  externalRef: externalRefSchema,
  targetGroup: z.enum(TARGET_GROUPS),
  household: z.strictObject({
    adults: z.number().int().min(1, 'at least one adult').max(10),
    children: z.number().int().min(0).max(15),
  }),
  maxRent: moneySchema.meta({ description: 'Monthly rent in euro the household can afford.' }),
  municipalityOfBelonging: municipalityCodeSchema.meta({ description: 'Woonplaatsbeginsel.' }),
  preferredMunicipalities: uniqueCodes(20)
    .default([])
    .meta({ description: 'In order of preference.' }),
  anchors: z
    .array(
      z.strictObject({
        kind: z.enum(ANCHOR_KINDS),
        lat: latSchema.transform(coarse),
        lon: lonSchema.transform(coarse),
      }),
    )
    .max(5)
    .default([])
    .meta({
      description: 'Network anchors (family, work, day activity…); rounded to 2 decimals (≈1 km).',
    }),
  avoidMunicipalities: uniqueCodes(50).default([]).meta({
    description:
      'Never offered a home here, nor within the policy distance of it (for VO a safety exclusion zone).',
  }),
  avoidNeighbourhoods: z
    .array(neighbourhoodCodeSchema)
    .max(50)
    .refine((codes) => new Set(codes).size === codes.length, 'each neighbourhood once')
    .default([])
    .meta({
      description: 'Neighbourhoods never to get a home in, nor within the policy distance of.',
    }),
  avoidCorporations: z
    .array(z.uuid())
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'each corporation once')
    .default([])
    .meta({
      description: 'Corporations whose homes the client must not get (e.g. old rent arrears).',
    }),
  pets: z.boolean().default(false).meta({ description: 'Moves with a pet.' }),
  huurtoeslagEligible: z.boolean().default(false).meta({
    description:
      'The household depends on huurtoeslag: the rent that counts stays within the aftoppingsgrens (passend toewijzen).',
  }),
  under23: z.boolean().default(false).meta({
    description:
      'The main tenant is under 23 (a flag, never a birth date): huurtoeslag only up to the kwaliteitskortingsgrens.',
  }),
  mustMoveBy: isoDateSchema
    .nullable()
    .default(null)
    .meta({ description: 'The date by which the client must have moved (e.g. a stay ends).' }),
  stimulusNeed: z.enum(STIMULUS_NEEDS),
  support: z.strictObject({
    intensity: z.enum(SUPPORT_INTENSITIES),
    providerId: z
      .uuid()
      .optional()
      .meta({ description: 'Who gives the support; default: the registering provider.' }),
  }),
  needs: z
    .strictObject({ groundFloorOrLift: z.boolean(), wheelchair: z.boolean() })
    .default({ groundFloorOrLift: false, wheelchair: false }),
  routes: z
    .array(z.enum(UNIT_TYPES))
    .min(1, 'at least one unit type')
    .max(4)
    .refine((routes) => new Set(routes).size === routes.length, 'each unit type once')
    .meta({
      description: 'Unit types this client may get; `skaeve_huis` is the Skaeve Huse indication.',
    }),
  readySince: isoDateSchema.meta({ description: 'Ready for uitstroom since: the wait clock.' }),
  urgencyReason: z.enum(URGENCY_REASONS).nullable().default(null).meta({
    description:
      "The provider's request for urgency, by reason code; a matcher confirms it (POST /clients/{id}/urgency). Changing it withdraws a confirmation.",
  }),
  urgent: z
    .literal(false, 'urgency is confirmed by a matcher; request it with urgencyReason')
    .optional()
    .meta({
      description: 'Deprecated: only `false` is accepted. Request urgency with urgencyReason.',
    }),
  consent: z
    .strictObject({ givenOn: isoDateSchema, scope: z.enum(CONSENT_SCOPES) })
    .nullable()
    .default(null)
    .meta({
      description:
        'Consent to share the profile with a corporation: `matching` (household and move-in needs) ' +
        'or `matching_with_support` (also the support arrangement). Without it the client is ' +
        'stored but never matched.',
    }),
  parkedUntil: isoDateSchema
    .nullable()
    .default(null)
    .meta({ description: 'Not matchable until this date (e.g. a hospital stay).' }),
};

function preferredNotAvoided(
  client: { preferredMunicipalities: string[]; avoidMunicipalities: string[] },
  ctx: z.RefinementCtx,
): void {
  const preferred = new Set(client.preferredMunicipalities);
  client.avoidMunicipalities.forEach((code, index) => {
    if (preferred.has(code)) {
      ctx.addIssue({
        code: 'custom',
        path: ['avoidMunicipalities', index],
        message: `${code} is also a preferred municipality`,
      });
    }
  });
}

export const createClientSchema = z
  .strictObject(clientFields)
  .superRefine(preferredNotAvoided)
  .meta({
    id: 'CreateClient',
    description: 'A pseudonymised profile: no name, BSN, birth date, diagnosis or notes.',
  });
export type CreateClientInput = z.output<typeof createClientSchema>;

/** Absent means unchanged: the create schema's defaults must not fill in a PATCH. */
const withoutDefault = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;

export const patchClientSchema = z
  .strictObject(
    Object.fromEntries(
      Object.entries(clientFields).map(([key, schema]) => [key, withoutDefault(schema).optional()]),
    ) as {
      [K in keyof typeof clientFields]: z.ZodOptional<
        (typeof clientFields)[K] extends z.ZodDefault<infer Inner>
          ? Inner
          : (typeof clientFields)[K]
      >;
    },
  )
  .meta({
    id: 'PatchClient',
    description: 'Only the fields to change. externalRef identifies the client and stays as it is.',
  });
export type PatchClientInput = z.output<typeof patchClientSchema>;

export const NOT_MATCHABLE_REASONS = ['not_waiting', 'no_consent', 'parked'] as const;

export const clientSchema = z
  .object({
    id: z.uuid(),
    providerId: z.uuid(),
    externalRef: z.string(),
    status: z.enum(CLIENT_STATUSES),
    targetGroup: z.enum(TARGET_GROUPS),
    household: z.object({ adults: z.number().int(), children: z.number().int() }),
    maxRent: z.number(),
    municipalityOfBelonging: z.string(),
    preferredMunicipalities: z.array(z.string()),
    anchors: z.array(z.object({ kind: z.enum(ANCHOR_KINDS), lat: z.number(), lon: z.number() })),
    avoidMunicipalities: z.array(z.string()),
    avoidNeighbourhoods: z.array(z.string()),
    avoidCorporations: z.array(z.uuid()),
    pets: z.boolean(),
    huurtoeslagEligible: z.boolean(),
    under23: z.boolean(),
    mustMoveBy: z.string().nullable(),
    stimulusNeed: z.enum(STIMULUS_NEEDS),
    support: z.object({ intensity: z.enum(SUPPORT_INTENSITIES), providerId: z.uuid().nullable() }),
    needs: z.object({ groundFloorOrLift: z.boolean(), wheelchair: z.boolean() }),
    routes: z.array(z.enum(UNIT_TYPES)),
    readySince: z.string(),
    urgencyReason: z.enum(URGENCY_REASONS).nullable(),
    urgent: z.boolean().meta({ description: 'Urgency confirmed by a matcher.' }),
    urgencyConfirmedBy: z
      .uuid()
      .nullable()
      .meta({ description: 'The matchingspunt that confirmed the urgency.' }),
    urgencyConfirmedAt: z.string().nullable(),
    consent: z.object({ givenOn: z.string(), scope: z.enum(CONSENT_SCOPES) }).nullable(),
    parkedUntil: z.string().nullable(),
    parkedBy: z
      .object({ reason: z.string(), declines: z.number().int(), parkedAt: z.string() })
      .nullable()
      .meta({
        description:
          "Set when the region's reason consequence parked the client (docs/workflow.md): the decline reason, how many declines, when. Null for a parking by hand.",
      }),
    matchable: z
      .boolean()
      .meta({ description: 'Whether the matcher may consider this client today.' }),
    notMatchableReasons: z.array(z.enum(NOT_MATCHABLE_REASONS)),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'Client' });
export type Client = z.output<typeof clientSchema>;

export const clientParamsSchema = z.object({ id: z.uuid() });

export const urgencyDecisionSchema = z
  .strictObject({
    confirm: z
      .boolean()
      .meta({ description: 'true confirms the urgency, false declines or withdraws it.' }),
    reason: z
      .enum(URGENCY_REASONS)
      .optional()
      .meta({ description: "Defaults to the provider's requested reason." }),
  })
  .meta({ id: 'UrgencyDecision' });
export type UrgencyDecision = z.output<typeof urgencyDecisionSchema>;

export const listClientsQuerySchema = pageQuerySchema.extend({
  status: z.enum(CLIENT_STATUSES).optional(),
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  municipalityOfBelonging: municipalityCodeSchema.optional(),
  externalRef: externalRefFilterSchema.optional(),
});
export type ClientFilter = Omit<z.output<typeof listClientsQuerySchema>, 'limit' | 'cursor'>;
