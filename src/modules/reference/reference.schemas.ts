import { z } from 'zod';

import {
  latSchema,
  lonSchema,
  municipalityCodeSchema,
  nameSchema,
  neighbourhoodCodeSchema,
  regionCodeSchema,
} from '../../shared/domain/codes';

export const createRegionSchema = z
  .strictObject({ code: regionCodeSchema, name: nameSchema })
  .meta({ id: 'CreateRegion' });
export type CreateRegionInput = z.output<typeof createRegionSchema>;

export const regionSchema = z
  .object({ code: z.string(), name: z.string(), createdAt: z.string() })
  .meta({ id: 'Region' });

export const createMunicipalitySchema = z
  .strictObject({
    code: municipalityCodeSchema,
    name: nameSchema,
    regionCode: regionCodeSchema,
    lat: latSchema,
    lon: lonSchema,
  })
  .meta({ id: 'CreateMunicipality', description: 'A CBS gemeente with its approximate centroid.' });
export type CreateMunicipalityInput = z.output<typeof createMunicipalitySchema>;

export const municipalitySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    regionCode: z.string(),
    lat: z.number(),
    lon: z.number(),
    createdAt: z.string(),
  })
  .meta({ id: 'Municipality' });

export const createNeighbourhoodSchema = z
  .strictObject({
    code: neighbourhoodCodeSchema,
    name: nameSchema,
    municipalityCode: municipalityCodeSchema,
    lat: latSchema,
    lon: lonSchema,
  })
  .meta({ id: 'CreateNeighbourhood', description: 'A CBS buurt with its approximate centroid.' });
export type CreateNeighbourhoodInput = z.output<typeof createNeighbourhoodSchema>;

export const neighbourhoodSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    municipalityCode: z.string(),
    lat: z.number(),
    lon: z.number(),
    createdAt: z.string(),
  })
  .meta({ id: 'Neighbourhood' });

export const regionParamsSchema = z.object({ code: regionCodeSchema });
export const municipalityParamsSchema = z.object({ code: municipalityCodeSchema });
export const neighbourhoodParamsSchema = z.object({ code: neighbourhoodCodeSchema });

export const municipalitiesQuerySchema = z.object({ regionCode: regionCodeSchema.optional() });
export const neighbourhoodsQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  municipalityCode: municipalityCodeSchema.optional(),
});

/** A bulk load: a JSON array of records, or CSV text with a header row of the same field names. */
export const bulkBodySchema = z.union([z.string(), z.array(z.unknown()).max(20_000)]);

export const bulkResultSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .meta({ id: 'BulkResult' });
export type BulkResult = z.output<typeof bulkResultSchema>;
