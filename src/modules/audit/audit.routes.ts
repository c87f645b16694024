import { apiEndpoint, type Endpoint } from '../../shared/http/endpoint';
import { pageSchema, toPageRequest } from '../../shared/http/pagination';
import { auditEventSchema, listAuditQuerySchema } from './audit.schemas';
import type { AuditService } from './audit.service';

export function auditEndpoints(audit: AuditService): Endpoint[] {
  return [
    apiEndpoint({
      method: 'get',
      path: '/api/v1/audit',
      roles: ['admin', 'matcher'],
      summary: 'Who did what when: the append-only audit trail',
      description:
        'Oldest first, keyset-paged. An admin sees everything; a matcher what concerns the units, ' +
        "clients and proposals of its point's municipalities. Filter by `entityType` and `entityId`.",
      tags: ['Audit'],
      query: listAuditQuerySchema,
      responses: { 200: { description: 'A page.', schema: pageSchema(auditEventSchema) } },
      handle: async ({ actor, query }) => {
        const { limit: _limit, cursor: _cursor, ...filter } = query;
        return { status: 200, body: await audit.list(actor, filter, toPageRequest(query)) };
      },
    }),
  ];
}
