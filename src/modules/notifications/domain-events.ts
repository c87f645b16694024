import type { Db } from '../../shared/database/db';

/** What organisations are told about; `<subject>.<what happened>`. */
export const DOMAIN_EVENT_TYPES = [
  'proposal.created',
  'proposal.approved',
  'proposal.rejected',
  'proposal.accepted',
  'proposal.declined',
  'proposal.placed',
  'proposal.cancelled',
  'proposal.expired',
  'proposal.deadline_near',
  'placement.review_due',
  'placement.omklap_flipped',
  'placement.omklap_extended',
  'placement.terugklap',
  'placement.ended',
  'placement.doorstroom_due',
  'checkin.due',
  'checkin.recorded',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

export interface DomainEvent {
  type: DomainEventType;
  subjectType: 'proposal' | 'placement' | 'checkin';
  subjectId: string;
  regionCode: string;
  /** The municipality it happens in: its matchingspunt is told of everything there. */
  municipalityCode: string;
  /** Further organisations it concerns (the unit's corporation, the client's provider). */
  organisationIds: readonly string[];
  /** Ids, codes and dates only: never a client's profile. */
  data?: Record<string, unknown>;
}

/** Outbox topics this module writes; the worker's relay turns each into a delivery job. */
export const NOTIFICATION_TOPICS = { webhookDelivery: 'notifications.webhook_delivery' } as const;

/**
 * Records events in the caller's transaction, so an event exists if and only if the change that
 * caused it commits. The audience is the given organisations plus the matchingspunt serving the
 * municipality. In the same statement, each event fans out to one delivery per active webhook of
 * an organisation in its audience that asked for its type, and each delivery to an outbox message
 * (the worker's relay makes it a delivery job): no event is delivered that did not commit, and
 * none that committed is lost when Redis is away.
 */
export async function emitEvents(db: Db, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `WITH recorded AS (
       INSERT INTO domain_events (type, subject_type, subject_id, region_code, organisation_ids, data)
       SELECT e.type, e.subject_type, e.subject_id, e.region_code,
              ARRAY(SELECT DISTINCT x FROM unnest(
                e.organisation_ids || ARRAY(
                  SELECT om.organisation_id FROM organisation_municipalities om
                   WHERE om.municipality_code = e.municipality_code
                     AND om.organisation_kind = 'matchingspunt')) AS x ORDER BY x),
              e.data
         FROM jsonb_to_recordset($1::jsonb) AS e(type text, subject_type text, subject_id uuid,
              region_code text, municipality_code text, organisation_ids uuid[], data jsonb)
       RETURNING id, type, organisation_ids),
     deliveries AS (
       INSERT INTO webhook_deliveries (webhook_id, event_id)
       SELECT w.id, r.id FROM recorded r
         JOIN webhooks w ON w.organisation_id = ANY(r.organisation_ids)
                        AND w.active AND r.type = ANY(w.event_types)
       ON CONFLICT ON CONSTRAINT uq_webhook_deliveries_webhook_event DO NOTHING
       RETURNING id)
     INSERT INTO outbox (topic, payload)
     SELECT $2, jsonb_build_object('deliveryId', d.id) FROM deliveries d`,
    [
      JSON.stringify(
        events.map((event) => ({
          type: event.type,
          subject_type: event.subjectType,
          subject_id: event.subjectId,
          region_code: event.regionCode,
          municipality_code: event.municipalityCode,
          organisation_ids: [...new Set(event.organisationIds)],
          data: event.data ?? {},
        })),
      ),
      NOTIFICATION_TOPICS.webhookDelivery,
    ],
  );
}

/** Events deleted by one statement of `pruneEvents`, so no statement holds many row locks long. */
const PRUNE_BATCH = 5_000;

/**
 * Deletes the events that occurred more than `keptDays` days ago, with their deliveries (the
 * delivery log), and returns how many of each. An event is kept while any of its deliveries may
 * still be sent (`pending` or `retrying`): a delivery is never lost to age. Events are taken
 * oldest first by their id (ids rise with time), a batch per statement, each its own transaction.
 */
export async function pruneEvents(
  db: Db,
  keptDays: number,
): Promise<{ events: number; deliveries: number }> {
  const pruned = { events: 0, deliveries: 0 };
  for (;;) {
    const rows = await db.query<{ events: number; deliveries: number }[]>(
      `WITH gone AS (
         DELETE FROM domain_events
          WHERE id IN (
            SELECT e.id FROM domain_events e
             WHERE e.occurred_at < now() - make_interval(days => $1)
               AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d
                                WHERE d.event_id = e.id AND d.status IN ('pending', 'retrying'))
             ORDER BY e.id
             LIMIT $2)
         RETURNING id)
       SELECT (SELECT count(*) FROM gone)::int AS events,
              (SELECT count(*) FROM webhook_deliveries d
                WHERE d.event_id IN (SELECT id FROM gone))::int AS deliveries`,
      [keptDays, PRUNE_BATCH],
    );
    const batch = rows[0] ?? { events: 0, deliveries: 0 };
    pruned.events += batch.events;
    pruned.deliveries += batch.deliveries;
    if (batch.events < PRUNE_BATCH) return pruned;
  }
}
