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

/**
 * Records events in the caller's transaction, so an event exists if and only if the change that
 * caused it commits. The audience is the given organisations plus the matchingspunt serving the
 * municipality.
 */
export async function emitEvents(db: Db, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `INSERT INTO domain_events (type, subject_type, subject_id, region_code, organisation_ids, data)
     SELECT e.type, e.subject_type, e.subject_id, e.region_code,
            ARRAY(SELECT DISTINCT x FROM unnest(
              e.organisation_ids || ARRAY(
                SELECT om.organisation_id FROM organisation_municipalities om
                 WHERE om.municipality_code = e.municipality_code
                   AND om.organisation_kind = 'matchingspunt')) AS x ORDER BY x),
            e.data
       FROM jsonb_to_recordset($1::jsonb) AS e(type text, subject_type text, subject_id uuid,
            region_code text, municipality_code text, organisation_ids uuid[], data jsonb)`,
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
    ],
  );
}
