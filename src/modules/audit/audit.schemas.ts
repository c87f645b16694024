import { z } from 'zod';

import { pageQuerySchema } from '../../shared/http/pagination';

export const auditEventSchema = z
  .object({
    id: z.string().meta({
      description:
        'Grows with every row: the order of the trail. For a client shown by a logged read ' +
        '(`client.read`), `<read id>.<position>`: one read request, its clients in the order shown.',
    }),
    occurredAt: z.string(),
    organisationId: z.uuid().nullable().meta({ description: 'null: the service itself.' }),
    tokenId: z.uuid().nullable(),
    requestId: z.string().nullable(),
    action: z.string().meta({ example: 'proposal.approved' }),
    entityType: z.string().meta({ example: 'proposal' }),
    entityId: z.string(),
    details: z
      .record(z.string(), z.unknown())
      .meta({ description: 'Ids, codes and changed field names; never a client profile.' }),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const listAuditQuerySchema = pageQuerySchema.extend({
  entityType: z
    .string()
    .regex(/^[a-z_]{1,40}$/, 'an entity type such as proposal, unit, client, organisation, token')
    .optional(),
  entityId: z.string().min(1).max(100).optional(),
});
