import { z } from 'zod';

import { ORGANISATION_KINDS, ROLES } from '../../shared/auth/actor';
import {
  freeTextSchema,
  municipalityCodeSchema,
  nameSchema,
  regionCodeSchema,
} from '../../shared/domain/codes';
import { pageQuerySchema } from '../../shared/http/pagination';

const CREATABLE_KINDS = ORGANISATION_KINDS.filter((kind) => kind !== 'platform');

export const createOrganisationSchema = z
  .strictObject({
    name: nameSchema,
    kind: z.enum(CREATABLE_KINDS),
    regionCode: regionCodeSchema,
    municipalityCodes: z.array(municipalityCodeSchema).max(100).optional(),
  })
  .meta({ id: 'CreateOrganisation' });
export type CreateOrganisationInput = z.output<typeof createOrganisationSchema>;

export const organisationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    regionCode: z.string().nullable(),
    municipalityCodes: z.array(z.string()),
    createdAt: z.string(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.output<typeof organisationSchema>;

/** Who the bearer token is: its role and its organisation (the console's sign-in reads it). */
export const meSchema = z
  .object({
    tokenId: z.uuid(),
    role: z.enum(ROLES),
    organisation: organisationSchema,
  })
  .meta({ id: 'Me' });
export type Me = z.output<typeof meSchema>;

export const listOrganisationsQuerySchema = pageQuerySchema.extend({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  regionCode: regionCodeSchema.optional(),
});

export const organisationIdParamsSchema = z.object({ id: z.uuid() });
export const tokenParamsSchema = z.object({ id: z.uuid(), tokenId: z.uuid() });

export const createTokenSchema = z
  .strictObject({
    role: z.enum(ROLES),
    label: freeTextSchema(100).meta({ example: 'koppeling woonruimteverdeling' }),
  })
  .meta({ id: 'CreateToken' });
export type CreateTokenInput = z.output<typeof createTokenSchema>;

export const tokenSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    role: z.enum(ROLES),
    label: z.string(),
    prefix: z.string().meta({ description: 'The first characters, to recognise a token by.' }),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'Token' });
export type Token = z.output<typeof tokenSchema>;

export const createdTokenSchema = tokenSchema
  .extend({
    token: z.string().meta({ description: 'The secret; shown only in this response.' }),
  })
  .meta({ id: 'CreatedToken' });
export type CreatedToken = z.output<typeof createdTokenSchema>;
