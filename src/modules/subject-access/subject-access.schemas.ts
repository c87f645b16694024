import { z } from 'zod';

import { clientSchema } from '../clients';

const decisionSchema = z.object({
  action: z.string(),
  party: z.string(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  decidedAt: z.string(),
});

const proposalSchema = z.object({
  id: z.uuid(),
  status: z.string(),
  origin: z.string(),
  unit: z.object({
    id: z.uuid(),
    type: z.string(),
    municipalityCode: z.string(),
    neighbourhoodCode: z.string(),
  }),
  score: z.number(),
  breakdown: z.record(z.string(), z.number()),
  rules: z.array(z.unknown()),
  policyVersion: z.number().int(),
  reason: z.string().nullable(),
  leaseStart: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  decisions: z.array(decisionSchema),
});

const auditRowSchema = z.object({
  occurredAt: z.string(),
  action: z.string(),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  organisationKind: z.string().nullable(),
  tokenId: z.uuid().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const clientExportSchema = z
  .object({
    exportedAt: z.string(),
    client: clientSchema,
    proposals: z.array(proposalSchema).meta({
      description: 'Every proposal for the client, with its decisions (party, reason, note).',
    }),
    accessLog: z.array(auditRowSchema).meta({
      description: 'Every read of the profile by another organisation (`client.read`).',
    }),
    history: z.array(auditRowSchema).meta({
      description: 'Every other change recorded about the client (created, updated, …).',
    }),
  })
  .meta({ id: 'ClientDataExport' });
export type ClientExport = z.output<typeof clientExportSchema>;

export const clientExportParamsSchema = z.object({ id: z.uuid() });
