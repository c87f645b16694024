import { z } from 'zod';

import {
  externalRefFilterSchema,
  externalRefSchema,
  houseNumberSchema,
  isoDateSchema,
  latSchema,
  lonSchema,
  moneySchema,
  municipalityCodeSchema,
  neighbourhoodCodeSchema,
  streetSchema,
} from '../../shared/domain/codes';
import { STIMULUS_LEVELS, UNIT_STATUSES, UNIT_TYPES } from '../../shared/domain/vocabulary';
import { pageQuerySchema } from '../../shared/http/pagination';

/** Skaeve Huse come in clusters of at most six (seed 002, L1559-1566). */
export { MAX_CLUSTER_SIZE } from '../../shared/domain/matching-policy';

/** `5911ab`, `5911 AB` and ` 5911AB ` all become `5911 AB`; SA, SD and SS are never issued. */
export const postcodeSchema = z
  .string()
  .transform((value) =>
    value
      .trim()
      .toUpperCase()
      .replace(/^(\d{4})\s*([A-Z]{2})$/, '$1 $2'),
  )
  .pipe(
    z
      .string()
      .regex(/^[1-9]\d{3} [A-Z]{2}$/, 'a Dutch postcode such as 5911 AB')
      .refine((postcode) => !/ S[ADS]$/.test(postcode), 'SA, SD and SS are not used in postcodes'),
  )
  .meta({ example: '5911 AB' });

export const clusterIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, 'letters, digits and . _ / - only')
  .meta({ description: 'Skaeve Huse cluster (at most 6 units, one municipality).' });

export const unitFields = {
  externalRef: externalRefSchema,
  type: z.enum(UNIT_TYPES),
  address: z.strictObject({
    street: streetSchema,
    houseNumber: houseNumberSchema,
    postcode: postcodeSchema,
    municipalityCode: municipalityCodeSchema,
  }),
  neighbourhoodCode: neighbourhoodCodeSchema,
  location: z.strictObject({ lat: latSchema, lon: lonSchema }),
  rent: moneySchema.meta({ description: 'Monthly bare rent (kale huur) in euro.' }),
  serviceCosts: z
    .number()
    .min(0)
    .lt(1000)
    .multipleOf(0.01, 'at most two decimals')
    .default(0)
    .meta({
      description:
        'Monthly service costs that count for huurtoeslag, apart from the bare rent; the household pays both.',
    }),
  selfContained: z
    .boolean()
    .default(true)
    .meta({ description: 'Own front door, kitchen and toilet (zelfstandige woonruimte).' }),
  petsAllowed: z.boolean().default(true),
  seniorOnly: z.boolean().default(false).meta({
    description:
      'Labelled for seniors only: never proposed by the engine (it knows no ages), only by hand.',
  }),
  bedrooms: z.number().int().min(0).max(10).meta({ description: '0 is a studio.' }),
  floor: z.number().int().min(-1).max(60).meta({ description: '0 is the ground floor.' }),
  hasLift: z.boolean(),
  wheelchairAccessible: z.boolean(),
  stimulus: z.enum(STIMULUS_LEVELS),
  furnished: z.boolean(),
  availableFrom: isoDateSchema,
  contingentYear: z
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .meta({ description: 'contingent only.' }),
  omklap: z
    .strictObject({ reviewAfterMonths: z.number().int().min(1).max(60) })
    .optional()
    .meta({ description: 'omklap only: when the provider-held lease is reviewed for flipping.' }),
  doorstroom: z
    .strictObject({ maxStayMonths: z.number().int().min(1).max(60) })
    .optional()
    .meta({ description: 'doorstroom only: the longest stay.' }),
  clusterId: clusterIdSchema.optional(),
};

type UnitShape = {
  type: (typeof UNIT_TYPES)[number];
  contingentYear?: number | undefined;
  omklap?: unknown;
  doorstroom?: unknown;
  clusterId?: string | undefined;
};

/** The fields each type must have and the others must not (docs/api-contract.md, "Units"). */
const TYPE_FIELDS: Record<string, { field: keyof UnitShape; type: string; what: string }> = {
  contingentYear: { field: 'contingentYear', type: 'contingent', what: 'the contingent year' },
  omklap: { field: 'omklap', type: 'omklap', what: 'omklap.reviewAfterMonths' },
  doorstroom: { field: 'doorstroom', type: 'doorstroom', what: 'doorstroom.maxStayMonths' },
  clusterId: { field: 'clusterId', type: 'skaeve_huis', what: 'the cluster' },
};

export function checkTypeFields(unit: UnitShape, ctx: z.RefinementCtx): void {
  for (const { field, type, what } of Object.values(TYPE_FIELDS)) {
    const present = unit[field] !== undefined;
    if (unit.type === type && !present) {
      ctx.addIssue({ code: 'custom', path: [field], message: `a ${type} unit needs ${what}` });
    } else if (unit.type !== type && present) {
      ctx.addIssue({ code: 'custom', path: [field], message: `only for ${type} units` });
    }
  }
}

export const createUnitSchema = z
  .strictObject(unitFields)
  .superRefine(checkTypeFields)
  .meta({ id: 'CreateUnit' });
export type CreateUnitInput = z.output<typeof createUnitSchema>;

/** Every field but the identity (externalRef, type) may change while the unit is available. */
export const patchUnitSchema = z
  .strictObject({
    externalRef: unitFields.externalRef
      .optional()
      .meta({ description: 'Fixed: may only repeat the current value.' }),
    type: unitFields.type
      .optional()
      .meta({ description: 'Fixed: may only repeat the current value.' }),
    address: unitFields.address.partial().optional(),
    neighbourhoodCode: unitFields.neighbourhoodCode.optional(),
    location: unitFields.location.optional(),
    rent: unitFields.rent.optional(),
    serviceCosts: unitFields.serviceCosts.unwrap().optional(),
    selfContained: unitFields.selfContained.unwrap().optional(),
    petsAllowed: unitFields.petsAllowed.unwrap().optional(),
    seniorOnly: unitFields.seniorOnly.unwrap().optional(),
    bedrooms: unitFields.bedrooms.optional(),
    floor: unitFields.floor.optional(),
    hasLift: unitFields.hasLift.optional(),
    wheelchairAccessible: unitFields.wheelchairAccessible.optional(),
    stimulus: unitFields.stimulus.optional(),
    furnished: unitFields.furnished.optional(),
    availableFrom: unitFields.availableFrom.optional(),
    contingentYear: unitFields.contingentYear,
    omklap: unitFields.omklap,
    doorstroom: unitFields.doorstroom,
    clusterId: unitFields.clusterId,
  })
  .meta({
    id: 'PatchUnit',
    description:
      'Only the fields to change. externalRef and type identify the unit and stay as they are.',
  });
export type PatchUnitInput = z.output<typeof patchUnitSchema>;

export const unitSchema = z
  .object({
    id: z.uuid(),
    corporationId: z.uuid(),
    externalRef: z.string(),
    type: z.enum(UNIT_TYPES),
    status: z.enum(UNIT_STATUSES),
    address: z.object({
      street: z.string(),
      houseNumber: z.string(),
      postcode: z.string(),
      municipalityCode: z.string(),
    }),
    neighbourhoodCode: z.string(),
    location: z.object({ lat: z.number(), lon: z.number() }),
    rent: z.number(),
    serviceCosts: z.number(),
    selfContained: z.boolean(),
    petsAllowed: z.boolean(),
    seniorOnly: z.boolean(),
    bedrooms: z.number().int(),
    floor: z.number().int(),
    hasLift: z.boolean(),
    wheelchairAccessible: z.boolean(),
    stimulus: z.enum(STIMULUS_LEVELS),
    furnished: z.boolean(),
    availableFrom: z.string(),
    contingentYear: z.number().int().nullable(),
    omklap: z.object({ reviewAfterMonths: z.number().int() }).nullable(),
    doorstroom: z.object({ maxStayMonths: z.number().int() }).nullable(),
    clusterId: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    withdrawnAt: z.string().nullable(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.output<typeof unitSchema>;

export const unitParamsSchema = z.object({ id: z.uuid() });

export const listUnitsQuerySchema = pageQuerySchema.extend({
  status: z.enum(UNIT_STATUSES).optional(),
  type: z.enum(UNIT_TYPES).optional(),
  municipalityCode: municipalityCodeSchema.optional(),
  neighbourhoodCode: neighbourhoodCodeSchema.optional(),
  externalRef: externalRefFilterSchema.optional(),
});
export type UnitFilter = Omit<z.output<typeof listUnitsQuerySchema>, 'limit' | 'cursor'>;

export const importResultSchema = z
  .object({
    created: z.number().int().meta({ description: 'Rows stored as new units.' }),
    unchanged: z
      .number()
      .int()
      .meta({ description: 'Rows identical to a unit already registered.' }),
    total: z.number().int(),
  })
  .meta({ id: 'UnitImportResult' });
export type ImportResult = z.output<typeof importResultSchema>;
