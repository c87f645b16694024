import { z } from 'zod';

import { municipalityCodeSchema } from '../../shared/domain/codes';
import { deepPartial, requireEveryField } from '../../shared/schema/schema-shapes';
import {
  DEFAULT_RENT_LIMITS,
  MATCHING_POLICY_DEFAULTS,
  MAX_CLUSTER_SIZE,
} from '../../shared/domain/matching-policy';
import { UNIT_TYPES } from '../../shared/domain/vocabulary';

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
const euro = z.number().gt(0).lt(5000).multipleOf(0.01, 'at most two decimals');
const penalty = z.number().min(0).max(0.5);
const d = MATCHING_POLICY_DEFAULTS;

const rentLimitsSchema = z
  .strictObject({
    kwaliteitskortingsgrens: euro,
    aftoppingsgrensLow: euro.meta({ description: 'Households of one or two persons.' }),
    aftoppingsgrensHigh: euro.meta({ description: 'Households of three or more persons.' }),
    liberalisatiegrens: euro,
  })
  .refine(
    (l) =>
      l.kwaliteitskortingsgrens <= l.aftoppingsgrensLow &&
      l.aftoppingsgrensLow <= l.aftoppingsgrensHigh &&
      l.aftoppingsgrensHigh <= l.liberalisatiegrens,
    'kwaliteitskortingsgrens ≤ aftoppingsgrensLow ≤ aftoppingsgrensHigh ≤ liberalisatiegrens',
  );

/**
 * The matching rules of issue 13, stored together per policy version; docs/matching.md gives the
 * reasoning for every default. A version written before they existed reads back with these
 * defaults.
 */
export const matchingRulesSchema = z.object({
  maxWaitDays: z.number().int().min(1).max(3650).default(d.maxWaitDays).meta({
    description: 'A client waiting longer than this many days counts as urgent.',
  }),
  mustMoveUrgentDays: z.number().int().min(0).max(365).default(d.mustMoveUrgentDays).meta({
    description: 'A client whose mustMoveBy lies within this many days counts as urgent.',
  }),
  minDistanceKmFromAvoided: z.number().min(0).max(100).default(d.minDistanceKmFromAvoided).meta({
    description:
      'Homes closer than this to an avoided municipality or neighbourhood (its nearest neighbourhood centroid or centre) are refused.',
  }),
  requireOwnProvider: z.boolean().default(d.requireOwnProvider).meta({
    description:
      "Only the client's own provider may give the support; otherwise any contracted provider that can deliver it there (the own one preferred).",
  }),
  capExemptTypes: z
    .array(z.enum(UNIT_TYPES))
    .max(UNIT_TYPES.length)
    .refine((types) => new Set(types).size === types.length, 'each unit type once')
    .default([...d.capExemptTypes])
    .meta({ description: 'Unit types neither stopped by nor counted in the area caps.' }),
  clusterCap: z.number().int().min(0).max(MAX_CLUSTER_SIZE).default(d.clusterCap).meta({
    description: 'Placements plus open proposals a Skaeve Huse cluster may hold.',
  }),
  maxDistanceKmByType: z
    .partialRecord(z.enum(UNIT_TYPES), z.number().gt(0).max(300))
    .default({ ...d.maxDistanceKmByType })
    .meta({
      description: 'Acceptable distance from the network per unit type; others use maxDistanceKm.',
    }),
  rentLimits: z
    .record(z.string().regex(/^20\d\d$/, 'a year such as 2026'), rentLimitsSchema)
    .refine((limits) => Object.keys(limits).length > 0, 'at least one year')
    .default(
      structuredClone(DEFAULT_RENT_LIMITS) as Record<string, z.output<typeof rentLimitsSchema>>,
    )
    .meta({
      description:
        'Dutch rent limits per year: a run uses its own year, else the last year before it.',
    }),
  scarcity: z
    .strictObject({
      wheelchair: penalty.default(d.scarcity.wheelchair),
      lowStimulus: penalty.default(d.scarcity.lowStimulus),
      extraBedroom: penalty.default(d.scarcity.extraBedroom),
    })
    .default({ ...d.scarcity })
    .meta({ description: 'Fit taken off for a scarce feature the client does not need.' }),
  fairShares: z.record(municipalityCodeSchema, z.number().min(0).max(1_000_000)).default({}).meta({
    description:
      "Configured fair shares per municipality (any scale); empty: each municipality's part of the year's contingent pledges.",
  }),
  doorstroomLeadMonths: z.number().int().min(0).max(24).default(d.doorstroomLeadMonths).meta({
    description:
      'Months before a doorstroom stay ends that the client becomes matchable again for a permanent home, as urgent (reason stay_ending); never for another doorstroom home.',
  }),
});
export type MatchingRules = z.output<typeof matchingRulesSchema>;

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
      .refine(
        (w) => [w.location, w.spreiding, w.prikkelarm, w.begeleiding].some((value) => value > 0),
        'at least one fit weight (location, spreiding, prikkelarm, begeleiding) above 0',
      )
      .meta({
        description:
          'Relative weights of the fit criteria; they need not sum to 1. `wait` is kept for older versions and not used: waiting is a priority tier.',
      }),
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
    ...matchingRulesSchema.shape,
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
    ...matchingRulesSchema.shape,
    createdAt: z.string(),
  })
  .meta({ id: 'RegionPolicy' });
export type Policy = z.output<typeof policySchema>;

export const policyQuerySchema = z.object({
  version: z.coerce.number().int().min(1).optional(),
});

/** A region's first policy: every field at its default. */
export function defaultPolicyInput(): PolicyInput {
  return policyInputSchema.parse({});
}
