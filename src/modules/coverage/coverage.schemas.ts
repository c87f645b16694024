import { z } from 'zod';

import { municipalityCodeSchema } from '../../shared/domain/codes';

export const coverageInputSchema = z
  .array(
    z.strictObject({
      municipalityCode: municipalityCodeSchema,
      capacity: z
        .number()
        .int()
        .min(0)
        .max(100_000)
        .meta({ description: 'How many clients the provider can take on there.' }),
    }),
  )
  .max(500)
  .refine(
    (rows) => new Set(rows.map((row) => row.municipalityCode)).size === rows.length,
    'each municipality once',
  )
  .meta({
    id: 'CoverageInput',
    description: 'The whole set: municipalities left out are no longer covered.',
  });
export type CoverageInput = z.output<typeof coverageInputSchema>;

export const coverageSchema = z
  .object({
    organisationId: z.uuid(),
    items: z.array(z.object({ municipalityCode: z.string(), capacity: z.number().int() })),
  })
  .meta({ id: 'Coverage' });
export type Coverage = z.output<typeof coverageSchema>;
