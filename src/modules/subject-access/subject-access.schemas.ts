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

const placementSchema = z.object({
  id: z.uuid(),
  proposalId: z.uuid(),
  unitId: z.uuid(),
  unitType: z.string(),
  municipalityCode: z.string(),
  leaseStart: z.string(),
  status: z.string(),
  tenant: z.string(),
  reviewDate: z.string().nullable(),
  endDate: z.string().nullable(),
  movingOnSince: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  events: z.array(
    z.object({
      type: z.string(),
      date: z.string(),
      organisationId: z.uuid().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  checkins: z.array(
    z.object({
      months: z.number().int(),
      dueDate: z.string(),
      status: z.string(),
      stablyHoused: z.boolean().nullable(),
      recordedOn: z.string().nullable(),
    }),
  ),
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
    placements: z.array(placementSchema).meta({
      description: 'Every tenancy after a placement, with its history and follow-up check-ins.',
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
