import { z } from 'zod';

import { municipalityCodeSchema } from '../../shared/domain/codes';

export const createContingentSchema = z
  .strictObject({
    municipalityCode: municipalityCodeSchema,
    year: z.number().int().min(2000).max(2100),
    pledged: z.number().int().min(0).max(100_000).meta({
      description: 'Homes the corporation pledged for uitstroom that year (prestatieafspraken).',
    }),
  })
  .meta({ id: 'CreateContingent' });
export type CreateContingentInput = z.output<typeof createContingentSchema>;

export const patchContingentSchema = z
  .strictObject({ pledged: createContingentSchema.shape.pledged })
  .meta({ id: 'PatchContingent' });

export const contingentSchema = z
  .object({
    id: z.uuid(),
    corporationId: z.uuid(),
    municipalityCode: z.string(),
    year: z.number().int(),
    pledged: z.number().int(),
    placed: z.number().int().meta({
      description: 'Contingent homes of this corporation, municipality and year that are let.',
    }),
    remaining: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Contingent' });
export type Contingent = z.output<typeof contingentSchema>;

export const contingentParamsSchema = z.object({ id: z.uuid() });
export const listContingentsQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  municipalityCode: municipalityCodeSchema.optional(),
});
export type ContingentFilter = z.output<typeof listContingentsQuerySchema>;
