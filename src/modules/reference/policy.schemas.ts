import { z } from 'zod';

import { municipalityCodeSchema } from '../../shared/domain/codes';
import { deepPartial, requireEveryField } from '../../shared/schema/schema-shapes';

/**
 * Defaults for every policy field. None of the policy documents gives numbers (docs/domain-overview.md): these
 * are starting points a region is expected to tune.
 */
export const DEFAULT_POLICY = {
  weights: { location: 0.3, spreiding: 0.2, prikkelarm: 0.15, begeleiding: 0.15, wait: 0.2 },
  neighbourhoodCap: 3,
  municipalityCaps: {} as Record<string, number>,
  capWindowMonths: 12,
  maxDistanceKm: 15,
  planningHorizonDays: 90,
  deadlines: { matcherDays: 5, corporationDays: 10, providerDays: 10 },
  retentionMonths: 24,
} as const;

/** Four decimals, as stored: what is read back is what was sent. */
const weight = z.number().min(0).max(100).multipleOf(0.0001);
const days = z.number().int().min(1).max(90);

export const policyInputSchema = z
  .strictObject({
    weights: z
      .strictObject({
        location: weight.default(DEFAULT_POLICY.weights.location),
        spreiding: weight.default(DEFAULT_POLICY.weights.spreiding),
        prikkelarm: weight.default(DEFAULT_POLICY.weights.prikkelarm),
        begeleiding: weight.default(DEFAULT_POLICY.weights.begeleiding),
        wait: weight.default(DEFAULT_POLICY.weights.wait),
      })
      .default({ ...DEFAULT_POLICY.weights })
      .refine((w) => Object.values(w).some((value) => value > 0), 'at least one weight above 0')
      .meta({ description: 'Relative weights of the soft scores; they need not sum to 1.' }),
    neighbourhoodCap: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(DEFAULT_POLICY.neighbourhoodCap)
      .meta({
        description:
          'Placements plus open proposals a neighbourhood may hold within the cap window.',
      }),
    municipalityCaps: z
      .record(municipalityCodeSchema, z.number().int().min(0).max(100_000))
      .default({})
      .meta({
        description: 'Optional caps per municipality, same counting as the neighbourhood cap.',
      }),
    capWindowMonths: z.number().int().min(1).max(120).default(DEFAULT_POLICY.capWindowMonths),
    maxDistanceKm: z
      .number()
      .gt(0)
      .max(300)
      .multipleOf(0.01)
      .default(DEFAULT_POLICY.maxDistanceKm)
      .meta({
        description: 'How far from an anchor or the municipality of belonging a unit may be.',
      }),
    planningHorizonDays: z
      .number()
      .int()
      .min(0)
      .max(730)
      .default(DEFAULT_POLICY.planningHorizonDays)
      .meta({
        description: 'A unit is considered when its availableFrom lies within this many days.',
      }),
    deadlines: z
      .strictObject({
        matcherDays: days.default(DEFAULT_POLICY.deadlines.matcherDays),
        corporationDays: days.default(DEFAULT_POLICY.deadlines.corporationDays),
        providerDays: days.default(DEFAULT_POLICY.deadlines.providerDays),
      })
      .default({ ...DEFAULT_POLICY.deadlines }),
    retentionMonths: z
      .number()
      .int()
      .min(1)
      .max(240)
      .default(DEFAULT_POLICY.retentionMonths)
      .meta({ description: 'Months after closing that a client record is anonymised.' }),
  })
  .meta({
    id: 'RegionPolicyInput',
    description: 'A policy, with the default of every field (a new region starts with them).',
  });
export type PolicyInput = z.output<typeof policyInputSchema>;

/**
 * `PUT`: the whole policy. Every field that has a default must be sent (an empty body no longer
 * resets the policy); `municipalityCaps` left out means no caps. Derived from
 * `policyInputSchema`, so a field added there is required here without a second edit.
 */
export const policyReplaceSchema = requireEveryField(policyInputSchema).meta({
  id: 'RegionPolicyReplace',
  description: 'The whole policy: every field (municipalityCaps may be left out: none).',
}) as z.ZodType<PolicyInput>;

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends Record<string, unknown> ? DeepPartial<T[K]> : T[K];
};
export type PolicyPatch = DeepPartial<PolicyInput>;

/**
 * `PATCH`: only the fields to change, at any depth (`{ "weights": { "wait": 0.3 } }`); a map
 * such as `municipalityCaps` is replaced whole. The result is checked as a whole policy.
 */
export const policyPatchSchema = deepPartial(policyInputSchema).meta({
  id: 'RegionPolicyPatch',
  description:
    'Only the fields to change, at any depth; municipalityCaps is replaced whole. ' +
    'The policy that results must be valid as a whole.',
}) as z.ZodType<PolicyPatch>;

export const policySchema = z
  .object({
    regionCode: z.string(),
    version: z.number().int(),
    weights: z.object({
      location: z.number(),
      spreiding: z.number(),
      prikkelarm: z.number(),
      begeleiding: z.number(),
      wait: z.number(),
    }),
    neighbourhoodCap: z.number().int(),
    municipalityCaps: z.record(z.string(), z.number().int()),
    capWindowMonths: z.number().int(),
    maxDistanceKm: z.number(),
    planningHorizonDays: z.number().int(),
    deadlines: z.object({
      matcherDays: z.number().int(),
      corporationDays: z.number().int(),
      providerDays: z.number().int(),
    }),
    retentionMonths: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'RegionPolicy' });
export type Policy = z.output<typeof policySchema>;

export const policyQuerySchema = z.object({
  version: z.coerce.number().int().min(1).optional(),
});
