import type { Actor } from '../../shared/auth/actor';
import { currentRequestContext } from '../../shared/context/request-context';
import type { Db } from '../../shared/database/db';
import { allOf, Params, prepared } from '../../shared/database/prepared';
import { UUID_ID } from '../../shared/http/pagination';

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
  /**
   * The row's place in the trail: the audit row's id, or for one client of a logged read
   * `<read id>.<position>` (1-based position among the clients that request showed).
   */
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

/** A place in the trail: an audit row's id, with `position` 0; or a logged read's client. */
interface TrailPosition {
  id: string;
  position: number;
}

/**
 * Oldest first: the audit rows and, expanded to one row per client, the logged reads, merged by
 * id (both take theirs from one sequence, and the trail is append-only, so ids only grow), a
 * read's clients in the order it showed them.
 */
export async function listAudit(
  db: Db,
  scope: AuditScope,
  filter: { entityType?: string | undefined; entityId?: string | undefined },
  page: { limit: number; after?: TrailPosition },
): Promise<AuditRow[]> {
  const params = new Params();
  const limit = params.add(page.limit + 1);
  const afterId = page.after ? params.add(page.after.id) : undefined;
  const codes = scope.kind === 'all' ? undefined : params.add(scope.codes);
  const inScope =
    codes === undefined
      ? null
      : `((a.entity_type = 'proposal' AND EXISTS (
             SELECT 1 FROM proposals p JOIN units u ON u.id = p.unit_id
              WHERE p.id::text = a.entity_id AND u.municipality_code = ANY(${codes}::text[])))
          OR (a.entity_type = 'placement' AND EXISTS (
             SELECT 1 FROM placements pl
              WHERE pl.id::text = a.entity_id AND pl.municipality_code = ANY(${codes}::text[])))
          OR (a.entity_type = 'unit' AND EXISTS (
             SELECT 1 FROM units u WHERE u.id::text = a.entity_id AND u.municipality_code = ANY(${codes}::text[])))
          OR (a.entity_type = 'client' AND EXISTS (
             SELECT 1 FROM clients c
              WHERE c.id::text = a.entity_id AND c.municipality_of_belonging = ANY(${codes}::text[]))))`;
  const events = `SELECT a.id, 0::bigint AS position, a.occurred_at, a.organisation_id, a.token_id,
            a.request_id, a.action, a.entity_type, a.entity_id, a.details
       FROM audit_events a
      WHERE ${allOf([
        params.equal('a.entity_type', filter.entityType),
        params.equal('a.entity_id', filter.entityId),
        afterId ? `a.id > ${afterId}::bigint` : null,
        inScope,
      ])}
      ORDER BY a.id LIMIT ${limit}`;
  // Logged reads are of clients, by id: another entity type, or an id that is no client's, has
  // none.
  const readsApply =
    (filter.entityType === undefined || filter.entityType === 'client') &&
    (filter.entityId === undefined || UUID_ID.test(filter.entityId));
  const reads = readsApply
    ? logReadsSql(filter.entityId, page.after, afterId, limit, params, codes)
    : undefined;
  return db.query<AuditRow[]>(
    `SELECT CASE WHEN t.position = 0 THEN t.id::text ELSE t.id || '.' || t.position END AS id,
            to_json(t.occurred_at)#>>'{}' AS "occurredAt",
            t.organisation_id AS "organisationId", t.token_id AS "tokenId", t.request_id AS "requestId",
            t.action, t.entity_type AS "entityType", t.entity_id AS "entityId", t.details
       FROM ((${events})${reads ? ` UNION ALL (${reads})` : ''})
         AS t(id, position, occurred_at, organisation_id, token_id, request_id, action, entity_type, entity_id, details)
      ORDER BY t.id, t.position LIMIT ${limit}`,
    params.values,
  );
}

/** The logged reads' part of `listAudit`: one row per client a read showed. */
function logReadsSql(
  entityId: string | undefined,
  after: TrailPosition | undefined,
  afterId: string | undefined,
  limit: string,
  params: Params,
  codes: string | undefined,
): string {
  const client = entityId === undefined ? undefined : params.add(entityId);
  return `SELECT r.id, x.position, r.occurred_at, r.organisation_id, r.token_id,
            r.request_id, 'client.read', 'client', x.client_id::text, '{}'::jsonb
       FROM client_reads r
            CROSS JOIN LATERAL unnest(r.client_ids) WITH ORDINALITY AS x(client_id, position)
      WHERE ${allOf([
        client ? `r.client_ids @> ARRAY[${client}::uuid] AND x.client_id = ${client}::uuid` : null,
        afterId
          ? `r.id >= ${afterId}::bigint AND (r.id > ${afterId}::bigint OR x.position > ${params.add(after?.position)})`
          : null,
        codes === undefined
          ? null
          : `EXISTS (SELECT 1 FROM clients c WHERE c.id = x.client_id
                        AND c.municipality_of_belonging = ANY(${codes}::text[]))`,
      ])}
      ORDER BY r.id, x.position LIMIT ${limit}`;
}
