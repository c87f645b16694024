import type { Actor } from '../../shared/auth/actor';
import { currentRequestContext } from '../../shared/context/request-context';
import type { Db } from '../../shared/database/db';
import { type Params, prepared } from '../../shared/database/prepared';

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
  // Parallel arrays, not a JSON document: a page of reads logs twenty rows per request, and
  // unnest() costs PostgreSQL (and Node) a fraction of jsonb_to_recordset().
  await db.query(
    prepared(`INSERT INTO audit_events (organisation_id, token_id, request_id, action, entity_type, entity_id, details)
     SELECT $1, $2, $3, e.action, e.entity_type, e.entity_id, coalesce(e.details, '{}')
       FROM unnest($4::text[], $5::text[], $6::text[], $7::jsonb[])
         AS e(action, entity_type, entity_id, details)`),
    [
      actor?.organisationId ?? null,
      actor?.tokenId ?? null,
      requestId,
      events.map((event) => event.action),
      events.map((event) => event.entityType),
      events.map((event) => event.entityId),
      events.map((event) => (event.details === undefined ? null : JSON.stringify(event.details))),
    ],
  );
}

/**
 * The audit insert as a data-modifying CTE, for a read that must log what it returns in the same
 * statement (so no answer leaves without its audit rows, at no extra round trip): one `action`
 * row for each row of the SQL `rows`, whose two columns are the entity's id and the details
 * (jsonb). Its values are added to the statement's `params`.
 */
export function auditCte(
  actor: Actor,
  event: { action: string; entityType: string; rows: string },
  params: Params,
): string {
  return `INSERT INTO audit_events (organisation_id, token_id, request_id, action, entity_type, entity_id, details)
          SELECT ${params.add(actor.organisationId)}, ${params.add(actor.tokenId)},
                 ${params.add(currentRequestContext()?.requestId ?? null)},
                 ${params.add(event.action)}, ${params.add(event.entityType)}, r.entity_id::text, r.details
            FROM (${event.rows}) AS r(entity_id, details)`;
}

export interface AuditRow {
  id: string;
  occurredAt: string;
  organisationId: string | null;
  tokenId: string | null;
  requestId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details: Record<string, unknown>;
}

/** Everything, or what concerns a matcher's municipalities (its units, clients and proposals). */
export type AuditScope = { kind: 'all' } | { kind: 'municipalities'; codes: readonly string[] };

/** Oldest first, by id (the trail is append-only, so ids only grow). */
export async function listAudit(
  db: Db,
  scope: AuditScope,
  filter: { entityType?: string | undefined; entityId?: string | undefined },
  page: { limit: number; afterId?: string },
): Promise<AuditRow[]> {
  const scoped =
    scope.kind === 'all'
      ? 'true'
      : `((a.entity_type = 'proposal' AND EXISTS (
             SELECT 1 FROM proposals p JOIN units u ON u.id = p.unit_id
              WHERE p.id::text = a.entity_id AND u.municipality_code = ANY($5::text[])))
          OR (a.entity_type = 'placement' AND EXISTS (
             SELECT 1 FROM placements pl
              WHERE pl.id::text = a.entity_id AND pl.municipality_code = ANY($5::text[])))
          OR (a.entity_type = 'unit' AND EXISTS (
             SELECT 1 FROM units u WHERE u.id::text = a.entity_id AND u.municipality_code = ANY($5::text[])))
          OR (a.entity_type = 'client' AND EXISTS (
             SELECT 1 FROM clients c
              WHERE c.id::text = a.entity_id AND c.municipality_of_belonging = ANY($5::text[]))))`;
  return db.query<AuditRow[]>(
    `SELECT a.id::text AS id, to_json(a.occurred_at)#>>'{}' AS "occurredAt",
            a.organisation_id AS "organisationId", a.token_id AS "tokenId", a.request_id AS "requestId",
            a.action, a.entity_type AS "entityType", a.entity_id AS "entityId", a.details
       FROM audit_events a
      WHERE ($1::text IS NULL OR a.entity_type = $1) AND ($2::text IS NULL OR a.entity_id = $2)
        AND ($3::bigint IS NULL OR a.id > $3::bigint) AND ${scoped}
      ORDER BY a.id LIMIT $4`,
    [
      filter.entityType ?? null,
      filter.entityId ?? null,
      page.afterId ?? null,
      page.limit + 1,
      ...(scope.kind === 'all' ? [] : [scope.codes]),
    ],
  );
}
