import type { Db } from '../../shared/database/db';
import type { PageAfter } from '../../shared/http/pagination';
import type { Webhook, WebhookDelivery } from './webhook.schemas';

// UPDATE and DELETE … RETURNING are wrapped in a CTE: TypeORM hands back [rows, count] for a
// bare UPDATE or DELETE, but plain rows for a SELECT.
const WEBHOOK_COLUMNS = `
  w.id, w.organisation_id AS "organisationId", w.url, w.event_types AS "eventTypes", w.active,
  to_json(w.secret_rotated_at)#>>'{}' AS "secretRotatedAt",
  to_json(w.created_at)#>>'{}' AS "createdAt", to_json(w.updated_at)#>>'{}' AS "updatedAt"`;

export async function insertWebhook(
  db: Db,
  row: {
    id: string;
    organisationId: string;
    url: string;
    eventTypes: readonly string[];
    active: boolean;
    secretCiphertext: string;
  },
): Promise<Webhook> {
  const rows = await db.query<Webhook[]>(
    `INSERT INTO webhooks AS w (id, organisation_id, url, event_types, active, secret_ciphertext)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${WEBHOOK_COLUMNS}`,
    [row.id, row.organisationId, row.url, row.eventTypes, row.active, row.secretCiphertext],
  );
  const [created] = rows;
  if (!created) throw new Error('INSERT … RETURNING gave no row');
  return created;
}

/** Locks the organisation's row, so two concurrent registrations cannot both pass the limit. */
export async function countWebhooksLocked(db: Db, organisationId: string): Promise<number> {
  await db.query(`SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE`, [organisationId]);
  const rows = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM webhooks WHERE organisation_id = $1`,
    [organisationId],
  );
  return rows[0]?.n ?? 0;
}

export async function findWebhook(
  db: Db,
  organisationId: string,
  id: string,
): Promise<Webhook | undefined> {
  const rows = await db.query<Webhook[]>(
    `SELECT ${WEBHOOK_COLUMNS} FROM webhooks w WHERE w.id = $1 AND w.organisation_id = $2`,
    [id, organisationId],
  );
  return rows[0];
}

export async function listWebhooks(db: Db, organisationId: string): Promise<Webhook[]> {
  return db.query<Webhook[]>(
    `SELECT ${WEBHOOK_COLUMNS} FROM webhooks w WHERE w.organisation_id = $1
      ORDER BY w.created_at, w.id`,
    [organisationId],
  );
}

export async function updateWebhook(
  db: Db,
  organisationId: string,
  id: string,
  patch: {
    url?: string | undefined;
    eventTypes?: readonly string[] | undefined;
    active?: boolean | undefined;
  },
): Promise<Webhook | undefined> {
  const rows = await db.query<Webhook[]>(
    `WITH changed AS (
       UPDATE webhooks w SET url = coalesce($3, w.url),
              event_types = coalesce($4::text[], w.event_types),
              active = coalesce($5, w.active), updated_at = now()
        WHERE w.id = $1 AND w.organisation_id = $2 RETURNING ${WEBHOOK_COLUMNS})
     SELECT * FROM changed`,
    [id, organisationId, patch.url ?? null, patch.eventTypes ?? null, patch.active ?? null],
  );
  return rows[0];
}

export async function replaceSecret(
  db: Db,
  organisationId: string,
  id: string,
  secretCiphertext: string,
): Promise<Webhook | undefined> {
  const rows = await db.query<Webhook[]>(
    `WITH changed AS (
       UPDATE webhooks w SET secret_ciphertext = $3, secret_rotated_at = now(), updated_at = now()
        WHERE w.id = $1 AND w.organisation_id = $2 RETURNING ${WEBHOOK_COLUMNS})
     SELECT * FROM changed`,
    [id, organisationId, secretCiphertext],
  );
  return rows[0];
}

/** Its delivery log goes with it (and so do queued deliveries: their jobs find nothing to send). */
export async function deleteWebhook(db: Db, organisationId: string, id: string): Promise<boolean> {
  const rows = await db.query<{ id: string }[]>(
    `WITH gone AS (DELETE FROM webhooks WHERE id = $1 AND organisation_id = $2 RETURNING id)
     SELECT id FROM gone`,
    [id, organisationId],
  );
  return rows.length > 0;
}

/** The delivery log, oldest first by (createdAt, id), `limit + 1` rows. */
export async function listDeliveries(
  db: Db,
  webhookId: string,
  filter: { status?: string | undefined },
  page: { limit: number; after?: PageAfter | undefined },
): Promise<WebhookDelivery[]> {
  return db.query<WebhookDelivery[]>(
    `SELECT d.id, e.public_id AS "eventId", e.type AS "eventType", d.status, d.attempts,
            d.last_status_code AS "lastStatusCode", d.last_error AS "lastError",
            to_json(d.last_attempt_at)#>>'{}' AS "lastAttemptAt",
            to_json(d.delivered_at)#>>'{}' AS "deliveredAt",
            to_json(d.created_at)#>>'{}' AS "createdAt"
       FROM webhook_deliveries d JOIN domain_events e ON e.id = d.event_id
      WHERE d.webhook_id = $1 AND ($2::text IS NULL OR d.status = $2)
        AND ($3::timestamptz IS NULL OR (d.created_at, d.id) > ($3::timestamptz, $4::uuid))
      ORDER BY d.created_at, d.id LIMIT $5`,
    [
      webhookId,
      filter.status ?? null,
      page.after?.createdAt ?? null,
      page.after?.id ?? null,
      page.limit + 1,
    ],
  );
}

/** Everything one delivery attempt needs, or undefined when the delivery (or its webhook) is gone. */
export interface PendingDelivery {
  deliveryId: string;
  status: string;
  webhookId: string;
  url: string;
  active: boolean;
  secretCiphertext: string;
  eventId: string;
  eventType: string;
  occurredAt: string;
  subjectType: string;
  subjectId: string;
  regionCode: string;
  data: Record<string, unknown>;
}

export async function findDelivery(
  db: Db,
  deliveryId: string,
): Promise<PendingDelivery | undefined> {
  const rows = await db.query<PendingDelivery[]>(
    `SELECT d.id AS "deliveryId", d.status, w.id AS "webhookId", w.url, w.active,
            w.secret_ciphertext AS "secretCiphertext", e.public_id AS "eventId",
            e.type AS "eventType", to_json(e.occurred_at)#>>'{}' AS "occurredAt",
            e.subject_type AS "subjectType", e.subject_id AS "subjectId",
            e.region_code AS "regionCode", e.data
       FROM webhook_deliveries d
       JOIN webhooks w ON w.id = d.webhook_id
       JOIN domain_events e ON e.id = d.event_id
      WHERE d.id = $1`,
    [deliveryId],
  );
  return rows[0];
}

export type AttemptOutcome =
  | { kind: 'delivered'; statusCode: number }
  | { kind: 'retrying' | 'failed'; statusCode: number | null; error: string };

/** Records one attempt; a delivery already final (a duplicate job's) is left as it is. */
export async function recordAttempt(
  db: Db,
  deliveryId: string,
  outcome: AttemptOutcome,
): Promise<void> {
  await db.query(
    `UPDATE webhook_deliveries
        SET attempts = attempts + 1, status = $2, last_status_code = $3, last_error = $4,
            last_attempt_at = now(),
            delivered_at = CASE WHEN $2 = 'delivered' THEN now() END
      WHERE id = $1 AND status IN ('pending', 'retrying')`,
    [
      deliveryId,
      outcome.kind,
      outcome.statusCode,
      outcome.kind === 'delivered' ? null : outcome.error.slice(0, 500),
    ],
  );
}

export async function cancelDelivery(db: Db, deliveryId: string, reason: string): Promise<void> {
  await db.query(
    `UPDATE webhook_deliveries SET status = 'cancelled', last_error = $2
      WHERE id = $1 AND status IN ('pending', 'retrying')`,
    [deliveryId, reason],
  );
}
