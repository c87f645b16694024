import type { Db } from '../../shared/database/db';
import type { PageRequest } from '../../shared/http/pagination';
import type { PlacementFacts, PlacementScope } from './placement.access';
import type { PlacementEventType, PlacementStatus } from './placement.lifecycle';
import {
  CHECKIN_MONTHS,
  CHECKIN_OVERDUE_AFTER_DAYS,
  type Checkin,
  type CheckinFilter,
  type Placement,
  type PlacementFilter,
} from './placement.schemas';

/** A placement as stored, with the facts the access policy needs. */
export interface StoredPlacement
  extends Omit<Placement, 'events' | 'checkins' | 'reviewDue'>, PlacementFacts {
  reviewNotifiedDate: string | null;
}

const date = (column: string, alias: string) => `to_char(${column}, 'YYYY-MM-DD') AS "${alias}"`;

const SELECT = `
  SELECT pl.id, pl.proposal_id AS "proposalId", pl.unit_id AS "unitId", pl.client_id AS "clientId",
         pl.corporation_id AS "corporationId", pl.provider_id AS "providerId",
         c.support_provider_id AS "supportProviderId", pl.region_code AS "regionCode",
         pl.municipality_code AS "municipalityCode", pl.unit_type AS "unitType",
         ${date('pl.lease_start', 'leaseStart')}, pl.status, pl.tenant,
         ${date('pl.review_date', 'reviewDate')}, ${date('pl.review_notified_date', 'reviewNotifiedDate')},
         ${date('pl.end_date', 'endDate')}, ${date('pl.moving_on_since', 'movingOnSince')},
         ${date('pl.ended_on', 'endedOn')}, pl.end_reason AS "endReason", pl.version,
         to_json(pl.created_at)#>>'{}' AS "createdAt", to_json(pl.updated_at)#>>'{}' AS "updatedAt"
    FROM placements pl JOIN clients c ON c.id = pl.client_id`;

function scopeClause(scope: PlacementScope, at: number): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'true', params: [] };
    case 'none':
      return { sql: 'false', params: [] };
    case 'municipalities':
      return { sql: `pl.municipality_code = ANY($${at}::text[])`, params: [scope.codes] };
    case 'corporation':
      return { sql: `pl.corporation_id = $${at}`, params: [scope.organisationId] };
    case 'provider':
      return {
        sql: `(pl.provider_id = $${at} OR c.support_provider_id = $${at})`,
        params: [scope.organisationId],
      };
  }
}

/** One placement, whoever asks (the access policy decides next); `lock` takes its row lock. */
export async function findPlacement(
  db: Db,
  id: string,
  options: { lock?: boolean } = {},
): Promise<StoredPlacement | undefined> {
  const rows = await db.query<StoredPlacement[]>(
    `${SELECT} WHERE pl.id = $1${options.lock ? ' FOR UPDATE OF pl' : ''}`,
    [id],
  );
  return rows[0];
}

export async function listPlacements(
  db: Db,
  scope: PlacementScope,
  filter: PlacementFilter,
  page: PageRequest,
  today: string,
): Promise<StoredPlacement[]> {
  const where = scopeClause(scope, 10);
  return db.query<StoredPlacement[]>(
    `${SELECT}
      WHERE ($1::text IS NULL OR pl.status = $1) AND ($2::text IS NULL OR pl.unit_type = $2)
        AND ($3::boolean IS NULL
             OR $3 = (pl.unit_type = 'omklap' AND pl.status = 'active' AND pl.review_date <= $4::date))
        AND ($5::uuid IS NULL OR pl.unit_id = $5) AND ($6::uuid IS NULL OR pl.client_id = $6)
        AND ($7::timestamptz IS NULL OR (pl.created_at, pl.id) > ($7::timestamptz, $8::uuid))
        AND ${where.sql}
      ORDER BY pl.created_at, pl.id LIMIT $9`,
    [
      filter.status ?? null,
      filter.unitType ?? null,
      filter.reviewDue ?? null,
      today,
      filter.unitId ?? null,
      filter.clientId ?? null,
      page.after?.createdAt ?? null,
      page.after?.id ?? null,
      page.limit + 1,
      ...where.params,
    ],
  );
}

export interface PlacementEventRow {
  type: string;
  date: string;
  organisationId: string | null;
  details: Record<string, unknown>;
  recordedAt: string;
}

/** The placement's history, oldest first; without check-ins for those who may not see them. */
export async function findEvents(
  db: Db,
  placementId: string,
  options: { withCheckins: boolean },
): Promise<PlacementEventRow[]> {
  return db.query<PlacementEventRow[]>(
    `SELECT type, ${date('date', 'date')}, organisation_id AS "organisationId", details,
            to_json(recorded_at)#>>'{}' AS "recordedAt"
       FROM placement_events WHERE placement_id = $1 AND ($2 OR type <> 'checkin') ORDER BY id`,
    [placementId, options.withCheckins],
  );
}

/** The status a check-in is listed with: open ones by their due date. */
const CHECKIN_STATUS = `
  CASE WHEN ck.status <> 'open' THEN ck.status
       WHEN ck.due_date > $1::date THEN 'upcoming'
       WHEN ck.due_date + ${CHECKIN_OVERDUE_AFTER_DAYS} < $1::date THEN 'overdue'
       ELSE 'due' END`;

const SELECT_CHECKINS = `
  SELECT ck.id, ck.placement_id AS "placementId", pl.client_id AS "clientId", pl.unit_id AS "unitId",
         ck.months, ${date('ck.due_date', 'dueDate')}, ${CHECKIN_STATUS} AS status,
         ck.stably_housed AS "stablyHoused", ${date('ck.recorded_on', 'recordedOn')},
         to_json(ck.created_at)#>>'{}' AS "createdAt", ck.created_at
    FROM placement_checkins ck JOIN placements pl ON pl.id = ck.placement_id
    JOIN clients c ON c.id = pl.client_id`;

const CHECKIN_COLUMNS = `x.id, x."placementId", x."clientId", x."unitId", x.months, x."dueDate",
  x.status, x."stablyHoused", x."recordedOn", x."createdAt"`;

export async function checkinsOf(db: Db, placementId: string, today: string): Promise<Checkin[]> {
  return db.query<Checkin[]>(
    `SELECT ${CHECKIN_COLUMNS} FROM (${SELECT_CHECKINS} WHERE ck.placement_id = $2) x
      ORDER BY x.months`,
    [today, placementId],
  );
}

export async function listCheckins(
  db: Db,
  scope: PlacementScope,
  filter: CheckinFilter,
  page: PageRequest,
  today: string,
): Promise<Checkin[]> {
  const where = scopeClause(scope, 7);
  return db.query<Checkin[]>(
    `SELECT ${CHECKIN_COLUMNS} FROM (
       ${SELECT_CHECKINS}
        WHERE ($3::uuid IS NULL OR ck.placement_id = $3)
          AND ($4::timestamptz IS NULL OR (ck.created_at, ck.id) > ($4::timestamptz, $5::uuid))
          AND ${where.sql}) x
      WHERE ($2::text IS NULL OR x.status = $2)
      ORDER BY x.created_at, x.id LIMIT $6`,
    [
      today,
      filter.status ?? null,
      filter.placementId ?? null,
      page.after?.createdAt ?? null,
      page.after?.id ?? null,
      page.limit + 1,
      ...where.params,
    ],
  );
}

export interface NewPlacement {
  proposalId: string;
  unitId: string;
  clientId: string;
  leaseStart: string;
}

/**
 * The placement of a placed proposal, with its review or end date from the unit's terms and its
 * three follow-up check-ins. Returns its id.
 */
export async function insertPlacement(db: Db, input: NewPlacement): Promise<string> {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO placements (proposal_id, unit_id, client_id, corporation_id, provider_id,
                             region_code, municipality_code, unit_type, lease_start, tenant,
                             review_date, end_date)
     SELECT $1, u.id, c.id, u.corporation_id, c.provider_id, m.region_code, u.municipality_code,
            u.type, $4::date, CASE WHEN u.type = 'omklap' THEN 'provider' ELSE 'client' END,
            CASE WHEN u.type = 'omklap'
                 THEN $4::date + make_interval(months => u.omklap_review_after_months) END,
            CASE WHEN u.type = 'doorstroom'
                 THEN $4::date + make_interval(months => u.doorstroom_max_stay_months) END
       FROM units u JOIN municipalities m ON m.code = u.municipality_code, clients c
      WHERE u.id = $2 AND c.id = $3
     RETURNING id`,
    [input.proposalId, input.unitId, input.clientId, input.leaseStart],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('a placement of a locked unit and client was not written');
  await db.query(
    `INSERT INTO placement_checkins (placement_id, months, due_date)
     SELECT $1, m, $2::date + make_interval(months => m) FROM unnest($3::int[]) AS m`,
    [id, input.leaseStart, CHECKIN_MONTHS],
  );
  return id;
}

/** The client's open doorstroom placement, locked: it ends when the client is placed again. */
export async function findOpenDoorstroomOf(
  db: Db,
  clientId: string,
): Promise<StoredPlacement | undefined> {
  const rows = await db.query<StoredPlacement[]>(
    `${SELECT} WHERE pl.client_id = $1 AND pl.unit_type = 'doorstroom' AND pl.status <> 'ended'
       FOR UPDATE OF pl`,
    [clientId],
  );
  return rows[0];
}

export interface PlacementChange {
  status: PlacementStatus;
  tenant?: 'provider' | 'client';
  reviewDate?: string;
  movingOnSince?: string;
  endedOn?: string;
  endReason?: 'ended' | 'moved_on' | 'returned_to_waiting';
}

export async function updatePlacement(db: Db, id: string, change: PlacementChange): Promise<void> {
  await db.query(
    `UPDATE placements SET status = $2, tenant = coalesce($3, tenant),
            review_date = coalesce($4::date, review_date),
            moving_on_since = coalesce($5::date, moving_on_since),
            ended_on = $6::date, end_reason = $7,
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [
      id,
      change.status,
      change.tenant ?? null,
      change.reviewDate ?? null,
      change.movingOnSince ?? null,
      change.endedOn ?? null,
      change.endReason ?? null,
    ],
  );
}

export interface EventRow {
  placementId: string;
  type: PlacementEventType | 'placed' | 'doorstroom_moving_on' | 'moved_on';
  date: string;
  details?: Record<string, unknown>;
  organisationId: string | null;
  tokenId: string | null;
}

export async function insertEvent(db: Db, row: EventRow): Promise<void> {
  await db.query(
    `INSERT INTO placement_events (placement_id, type, date, details, organisation_id, token_id)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      row.placementId,
      row.type,
      row.date,
      JSON.stringify(row.details ?? {}),
      row.organisationId,
      row.tokenId,
    ],
  );
}

/** The tenancy is over: the unit is offered again and the follow-up not yet done is cancelled. */
export async function releaseUnit(db: Db, placementId: string, unitId: string): Promise<void> {
  await db.query(
    `UPDATE units SET status = 'available', version = version + 1, updated_at = now()
      WHERE id = $1 AND status = 'let'`,
    [unitId],
  );
  await db.query(
    `UPDATE placement_checkins SET status = 'cancelled', updated_at = now()
      WHERE placement_id = $1 AND status = 'open'`,
    [placementId],
  );
}

/** A placed client is `waiting` again (matchable). */
export async function returnClient(db: Db, clientId: string): Promise<boolean> {
  const rows = await db.query<{ id: string }[]>(
    `WITH returned AS (
       UPDATE clients SET status = 'waiting', closed_at = NULL, version = version + 1,
              updated_at = now()
        WHERE id = $1 AND status = 'placed' AND anonymised_at IS NULL RETURNING id)
     SELECT id FROM returned`,
    [clientId],
  );
  return rows.length > 0;
}

/**
 * A client moving on from a doorstroom home: `waiting` again, urgent with reason `stay_ending`
 * (unless a matcher confirmed another urgency already), and due to move by the stay's end.
 */
export async function moveOnClient(db: Db, clientId: string, endDate: string): Promise<boolean> {
  const rows = await db.query<{ id: string }[]>(
    `WITH moved AS (
     UPDATE clients SET status = 'waiting', closed_at = NULL,
            urgency_reason = CASE WHEN urgent THEN urgency_reason ELSE 'stay_ending' END,
            urgency_confirmed_at = CASE WHEN urgent THEN urgency_confirmed_at ELSE now() END,
            urgency_confirmed_by = CASE WHEN urgent THEN urgency_confirmed_by END,
            urgency_confirmed_by_kind = CASE WHEN urgent THEN urgency_confirmed_by_kind END,
            urgent = true,
            must_move_by = least(must_move_by, $2::date),
            version = version + 1, updated_at = now()
      WHERE id = $1 AND status = 'placed' AND anonymised_at IS NULL RETURNING id)
     SELECT id FROM moved`,
    [clientId, endDate],
  );
  return rows.length > 0;
}

/** The open check-in to record on `date`: the one asked for, or the earliest due. Locked. */
export async function findCheckinToRecord(
  db: Db,
  placementId: string,
  date: string,
  months: number | undefined,
): Promise<{ id: string; months: number } | undefined> {
  const rows = await db.query<{ id: string; months: number }[]>(
    `SELECT id, months FROM placement_checkins
      WHERE placement_id = $1 AND status = 'open' AND due_date <= $2::date
        AND ($3::int IS NULL OR months = $3)
      ORDER BY months LIMIT 1 FOR UPDATE`,
    [placementId, date, months ?? null],
  );
  return rows[0];
}

export async function recordCheckin(
  db: Db,
  checkinId: string,
  stablyHoused: boolean,
  date: string,
  organisationId: string,
): Promise<void> {
  await db.query(
    `UPDATE placement_checkins SET status = 'done', stably_housed = $2, recorded_on = $3,
            recorded_by = $4, updated_at = now()
      WHERE id = $1 AND status = 'open'`,
    [checkinId, stablyHoused, date, organisationId],
  );
}

/** What the follow-up job tells about a placement. */
export interface DuePlacement {
  id: string;
  unitId: string;
  clientId: string;
  regionCode: string;
  municipalityCode: string;
  corporationId: string;
  providerId: string;
  supportProviderId: string | null;
}

const DUE_COLUMNS = `pl.id, pl.unit_id AS "unitId", pl.client_id AS "clientId",
  pl.region_code AS "regionCode", pl.municipality_code AS "municipalityCode",
  pl.corporation_id AS "corporationId", pl.provider_id AS "providerId",
  (SELECT c.support_provider_id FROM clients c WHERE c.id = pl.client_id) AS "supportProviderId"`;

/**
 * Open check-ins whose due date came and that were not announced yet: marked announced, returned
 * once. A second sweep at the same moment waits on the row locks and then finds them marked.
 */
export async function claimDueCheckins(
  db: Db,
  today: string,
): Promise<(DuePlacement & { checkinId: string; months: number; dueDate: string })[]> {
  return db.query(
    `WITH claimed AS (
       UPDATE placement_checkins ck SET due_notified_at = now(), updated_at = now()
         FROM placements pl
        WHERE pl.id = ck.placement_id AND ck.status = 'open' AND ck.due_notified_at IS NULL
          AND ck.due_date <= $1::date AND pl.status <> 'ended'
        RETURNING ${DUE_COLUMNS}, ck.id AS "checkinId", ck.months,
                  ${date('ck.due_date', 'dueDate')})
     SELECT * FROM claimed`,
    [today],
  );
}

/** Omklap placements not flipped whose (latest) review date came and was not announced yet. */
export async function claimDueReviews(
  db: Db,
  today: string,
): Promise<(DuePlacement & { reviewDate: string })[]> {
  return db.query(
    `WITH claimed AS (
       UPDATE placements pl SET review_notified_date = review_date
        WHERE pl.unit_type = 'omklap' AND pl.status = 'active' AND pl.review_date <= $1::date
          AND pl.review_notified_date IS DISTINCT FROM pl.review_date
        RETURNING ${DUE_COLUMNS}, ${date('pl.review_date', 'reviewDate')})
     SELECT * FROM claimed`,
    [today],
  );
}

/**
 * Active doorstroom placements whose moment to move on came: the end date less the region's
 * `doorstroomLeadMonths` (its latest policy; `defaultLeadMonths` when it sets none). Locked;
 * rows another sweep holds are skipped (it handles them).
 */
export async function lockDueDoorstroom(
  db: Db,
  today: string,
  defaultLeadMonths: number,
): Promise<(DuePlacement & { endDate: string })[]> {
  return db.query(
    `SELECT ${DUE_COLUMNS}, ${date('pl.end_date', 'endDate')}
       FROM placements pl
      WHERE pl.unit_type = 'doorstroom' AND pl.status = 'active'
        AND pl.end_date - make_interval(months => coalesce(
              (SELECT (rp.matching_rules->>'doorstroomLeadMonths')::int FROM region_policies rp
                WHERE rp.region_code = pl.region_code ORDER BY rp.version DESC LIMIT 1),
              $2)) <= $1::date
      ORDER BY pl.id FOR UPDATE OF pl SKIP LOCKED`,
    [today, defaultLeadMonths],
  );
}
