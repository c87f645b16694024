import type { Db } from '../database/db';

export interface OutboxMessage {
  /** `<module>.<event>`, e.g. `matching.region_changed`; the relay dispatches by topic. */
  topic: string;
  /** Ids and codes only, never personal data. */
  payload: Record<string, unknown>;
  /** Not before this moment (a deadline, a reminder); default now. */
  availableAt?: Date;
}

/**
 * Appends messages to the outbox in the caller's transaction: they are sent if and only if the
 * change that caused them commits, whether or not Redis is up at that moment.
 */
export async function writeOutbox(db: Db, messages: OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await db.query(
    `INSERT INTO outbox (topic, payload, available_at)
     SELECT m.topic, m.payload, coalesce(m.available_at, now())
       FROM jsonb_to_recordset($1::jsonb) AS m(topic text, payload jsonb, available_at timestamptz)`,
    [
      JSON.stringify(
        messages.map((message) => ({
          topic: message.topic,
          payload: message.payload,
          available_at: message.availableAt?.toISOString() ?? null,
        })),
      ),
    ],
  );
}

/** Messages not yet handed to their queue (the relay's backlog). */
export async function outboxBacklog(db: Db): Promise<number> {
  const rows = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`,
  );
  return rows[0]?.n ?? 0;
}
