import type { DataSource } from 'typeorm';

import { type Actor, requireRole } from '../../shared/auth/actor';
import { rootDb } from '../../shared/database/db';
import { BadRequestError } from '../../shared/errors/app-error';
import { type Page, type PageRequest, toPage, TRAIL_ID } from '../../shared/http/pagination';
import { listAudit } from './audit.repository';
import type { AuditEvent } from './audit.schemas';

/**
 * Reads the audit trail: an admin all of it, a matcher what concerns the units, clients and
 * proposals of its point's municipalities.
 */
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    actor: Actor,
    filter: { entityType?: string | undefined; entityId?: string | undefined },
    page: PageRequest,
  ): Promise<Page<AuditEvent>> {
    requireRole(actor, 'admin', 'matcher');
    const after = page.after && TRAIL_ID.exec(page.after.id);
    if (page.after && !after) {
      // A cursor of another list: valid, but not one this list handed out.
      throw new BadRequestError('The cursor is not one this list handed out.', [
        { path: 'cursor', message: 'not a cursor of the audit trail' },
      ]);
    }
    const rows = await listAudit(
      rootDb(this.dataSource),
      actor.role === 'admin'
        ? { kind: 'all' }
        : { kind: 'municipalities', codes: actor.municipalityCodes },
      filter,
      {
        limit: page.limit,
        ...(after?.[1] ? { after: { id: after[1], position: Number(after[2] ?? 0) } } : {}),
      },
    );
    // The cursor codec pages by (createdAt, id); here the id alone orders the trail (a logged
    // read's client: `<read id>.<position>`).
    const result = toPage(
      rows.map((row) => ({ ...row, createdAt: row.occurredAt })),
      page.limit,
    );
    return {
      items: result.items.map(({ createdAt: _createdAt, ...row }) => row),
      nextCursor: result.nextCursor,
    };
  }
}
