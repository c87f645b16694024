import type { Actor } from '../../shared/auth/actor';
import { currentRequestContext } from '../../shared/context/request-context';
import type { Db } from '../../shared/database/db';

export interface AuditEvent {
  /** `<entity>.<verb>`, e.g. `unit.created`, `client.read`. */
  action: string;
  entityType: string;
  entityId: string;
  /** Ids and codes only: never profile contents. */
  details?: Record<string, unknown>;
}

/**
 * Appends to the audit trail (append-only: a trigger refuses UPDATE and DELETE). Written in the
 * caller's transaction, so an action and its audit line commit or fail together.
 */
export async function recordAudit(
  db: Db,
  actor: Actor | null,
  events: AuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const requestId = currentRequestContext()?.requestId ?? null;
  await db.query(
    `INSERT INTO audit_events (organisation_id, token_id, request_id, action, entity_type, entity_id, details)
     SELECT $1, $2, $3, e.action, e.entity_type, e.entity_id, e.details
       FROM jsonb_to_recordset($4::jsonb)
         AS e(action text, entity_type text, entity_id text, details jsonb)`,
    [
      actor?.organisationId ?? null,
      actor?.tokenId ?? null,
      requestId,
      JSON.stringify(
        events.map((event) => ({
          action: event.action,
          entity_type: event.entityType,
          entity_id: event.entityId,
          details: event.details ?? {},
        })),
      ),
    ],
  );
}
