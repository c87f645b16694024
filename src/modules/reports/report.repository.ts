import type { Db } from '../../shared/database/db';
import type { ReportRow } from './report.tables';

/**
 * The report's SQL: one grouped query per table over indexed columns, counted in the database.
 * Dates are calendar dates in the Netherlands: a timestamp counts on the Dutch date it fell on.
 * Person flows are counted in the client's municipality of belonging (woonplaatsbeginsel);
 * homes, pledges and loads in the home's municipality.
 */

export interface ReportScope {
  regionCode: string;
  municipalityCodes: readonly string[];
}

export interface ReportPeriod {
  from: string;
  to: string;
  /** The end of the period, or today if that is earlier: what "now" is for stocks. */
  asOf: string;
}

const LOCAL = (column: string) => `(${column} AT TIME ZONE 'Europe/Amsterdam')::date`;

/** Clients registered by the end of the period, ready by then and not yet placed or withdrawn. */
export async function waiting(db: Db, scope: ReportScope, period: ReportPeriod) {
  return db.query<ReportRow[]>(
    `SELECT c.municipality_of_belonging AS "municipalityCode", c.target_group AS "targetGroup",
            count(*) FILTER (WHERE c.ready_since > $2::date - interval '3 months')::int AS "under3Months",
            count(*) FILTER (WHERE c.ready_since <= $2::date - interval '3 months'
                               AND c.ready_since > $2::date - interval '6 months')::int AS "months3To6",
            count(*) FILTER (WHERE c.ready_since <= $2::date - interval '6 months'
                               AND c.ready_since > $2::date - interval '12 months')::int AS "months6To12",
            count(*) FILTER (WHERE c.ready_since <= $2::date - interval '12 months')::int AS "over12Months",
            count(*)::int AS total
       FROM clients c
      WHERE c.municipality_of_belonging = ANY($1::text[])
        AND c.created_at < ($2::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'
        AND c.ready_since <= $2::date
        AND (c.closed_at IS NULL OR ${LOCAL('c.closed_at')} > $2::date)
      GROUP BY 1, 2`,
    [scope.municipalityCodes, period.asOf],
  );
}

export async function instroom(db: Db, scope: ReportScope, period: ReportPeriod) {
  return db.query<ReportRow[]>(
    `SELECT c.municipality_of_belonging AS "municipalityCode", c.target_group AS "targetGroup",
            count(*)::int AS registered
       FROM clients c
      WHERE c.municipality_of_belonging = ANY($1::text[])
        AND c.created_at >= $2::timestamp AT TIME ZONE 'Europe/Amsterdam'
        AND c.created_at < ($3::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'
      GROUP BY 1, 2`,
    [scope.municipalityCodes, period.from, period.to],
  );
}

/** Placed proposals whose lease started in the period: uitstroom by unit type, and the wait. */
export async function placements(db: Db, scope: ReportScope, period: ReportPeriod) {
  return db.query<ReportRow[]>(
    `SELECT c.municipality_of_belonging AS "municipalityCode", c.target_group AS "targetGroup",
            count(*) FILTER (WHERE u.type = 'contingent')::int AS contingent,
            count(*) FILTER (WHERE u.type = 'omklap')::int AS omklap,
            count(*) FILTER (WHERE u.type = 'skaeve_huis')::int AS "skaeveHuis",
            count(*) FILTER (WHERE u.type = 'doorstroom')::int AS doorstroom,
            count(*)::int AS total
       FROM proposals p JOIN clients c ON c.id = p.client_id JOIN units u ON u.id = p.unit_id
      WHERE p.status = 'placed' AND p.lease_start BETWEEN $2::date AND $3::date
        AND c.municipality_of_belonging = ANY($1::text[])
      GROUP BY 1, 2`,
    [scope.municipalityCodes, period.from, period.to],
  );
}

/** Percentiles are `percentile_disc`: a day count some placement really had. */
export async function timeToPlacement(db: Db, scope: ReportScope, period: ReportPeriod) {
  return db.query<ReportRow[]>(
    `SELECT c.municipality_of_belonging AS "municipalityCode", c.target_group AS "targetGroup",
            count(*)::int AS placed,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY p.lease_start - c.ready_since) AS "medianDays",
            percentile_disc(0.9) WITHIN GROUP (ORDER BY p.lease_start - c.ready_since) AS "p90Days"
       FROM proposals p JOIN clients c ON c.id = p.client_id
      WHERE p.status = 'placed' AND p.lease_start BETWEEN $2::date AND $3::date
        AND c.municipality_of_belonging = ANY($1::text[])
      GROUP BY 1, 2`,
    [scope.municipalityCodes, period.from, period.to],
  );
}

/** Lifecycle events of tenancies dated in the period (`placement_events.date`). */
export async function placementChanges(db: Db, scope: ReportScope, period: ReportPeriod) {
  return db.query<ReportRow[]>(
    `SELECT c.municipality_of_belonging AS "municipalityCode", c.target_group AS "targetGroup",
            count(*) FILTER (WHERE e.type = 'omklap_flipped')::int AS "omklapFlipped",
            count(*) FILTER (WHERE e.type = 'omklap_extended')::int AS "omklapExtended",
            count(*) FILTER (WHERE e.type = 'terugklap')::int AS terugklap,
            count(*) FILTER (WHERE e.type = 'returned_to_waiting')::int AS "returnedToWaiting",
            count(*) FILTER (WHERE e.type = 'doorstroom_moving_on')::int AS "doorstroomMovingOn",
            count(*) FILTER (WHERE e.type = 'moved_on')::int AS "doorstroomMovedOn",
            count(*) FILTER (WHERE e.type = 'ended')::int AS ended
       FROM placement_events e
       JOIN placements pl ON pl.id = e.placement_id JOIN clients c ON c.id = pl.client_id
      WHERE e.date BETWEEN $2::date AND $3::date
        AND e.type IN ('omklap_flipped', 'omklap_extended', 'terugklap', 'returned_to_waiting',
                       'doorstroom_moving_on', 'moved_on', 'ended')
        AND c.municipality_of_belonging = ANY($1::text[])
      GROUP BY 1, 2`,
    [scope.municipalityCodes, period.from, period.to],
  );
}

/** Check-ins due in the period (not cancelled: the tenancy ended first), by months after the lease start. */
export async function followUp(db: Db, scope: ReportScope, period: ReportPeriod) {
  return db.query<ReportRow[]>(
    `SELECT c.municipality_of_belonging AS "municipalityCode", c.target_group AS "targetGroup",
            k.months,
            count(*) FILTER (WHERE k.status = 'done' AND k.stably_housed)::int AS "stablyHoused",
            count(*) FILTER (WHERE k.status = 'done' AND NOT k.stably_housed)::int AS "notStablyHoused",
            count(*) FILTER (WHERE k.status = 'open')::int AS "notRecorded",
            count(*)::int AS due
       FROM placement_checkins k
       JOIN placements pl ON pl.id = k.placement_id JOIN clients c ON c.id = pl.client_id
      WHERE k.due_date BETWEEN $2::date AND $3::date AND k.status <> 'cancelled'
        AND c.municipality_of_belonging = ANY($1::text[])
      GROUP BY 1, 2, 3`,
    [scope.municipalityCodes, period.from, period.to],
  );
}

/** Proposals made in the period, by the state they are in now. */
export async function proposalOutcomes(db: Db, scope: ReportScope, period: ReportPeriod) {
  return db.query<ReportRow[]>(
    `SELECT c.municipality_of_belonging AS "municipalityCode", c.target_group AS "targetGroup",
            count(*) FILTER (WHERE p.status = 'proposed')::int AS proposed,
            count(*) FILTER (WHERE p.status = 'approved')::int AS approved,
            count(*) FILTER (WHERE p.status = 'accepted')::int AS accepted,
            count(*) FILTER (WHERE p.status = 'placed')::int AS placed,
            count(*) FILTER (WHERE p.status = 'rejected')::int AS rejected,
            count(*) FILTER (WHERE p.status = 'declined')::int AS declined,
            count(*) FILTER (WHERE p.status = 'cancelled')::int AS cancelled,
            count(*) FILTER (WHERE p.status = 'expired')::int AS expired,
            count(*)::int AS total
       FROM proposals p JOIN clients c ON c.id = p.client_id
      WHERE p.region_code = $4
        AND p.created_at >= $2::timestamp AT TIME ZONE 'Europe/Amsterdam'
        AND p.created_at < ($3::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'
        AND c.municipality_of_belonging = ANY($1::text[])
      GROUP BY 1, 2`,
    [scope.municipalityCodes, period.from, period.to, scope.regionCode],
  );
}

/** Every decision that ended a proposal in the period, by action, party and reason. */
export async function declines(db: Db, scope: ReportScope, period: ReportPeriod) {
  return db.query<ReportRow[]>(
    `SELECT c.municipality_of_belonging AS "municipalityCode", c.target_group AS "targetGroup",
            d.action, d.party, d.reason, count(*)::int AS count
       FROM proposal_decisions d
       JOIN proposals p ON p.id = d.proposal_id JOIN clients c ON c.id = p.client_id
      WHERE d.action IN ('reject', 'decline', 'cancel', 'expire')
        AND d.decided_at >= $2::timestamp AT TIME ZONE 'Europe/Amsterdam'
        AND d.decided_at < ($3::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'
        AND c.municipality_of_belonging = ANY($1::text[])
      GROUP BY 1, 2, 3, 4, 5
      ORDER BY 1, 2, 3, 4, 5`,
    [scope.municipalityCodes, period.from, period.to],
  );
}

/**
 * Pledges of the years the period touches, each with the homes placed against it: contingent
 * homes of the pledge's corporation, municipality and year that were let through a placement
 * (a home let twice counts once; a tenancy that ended still counts: the home was delivered).
 */
export async function contingents(db: Db, scope: ReportScope, period: ReportPeriod) {
  return db.query<ReportRow[]>(
    `SELECT k.year, k.municipality_code AS "municipalityCode", k.corporation_id AS "corporationId",
            o.name AS "corporationName", k.pledged,
            (SELECT count(DISTINCT u.id)::int FROM proposals p JOIN units u ON u.id = p.unit_id
              WHERE p.status = 'placed' AND u.type = 'contingent'
                AND u.corporation_id = k.corporation_id AND u.municipality_code = k.municipality_code
                AND u.contingent_year = k.year) AS placed
       FROM contingent_pledges k JOIN organisations o ON o.id = k.corporation_id
      WHERE k.municipality_code = ANY($1::text[])
        AND k.year BETWEEN extract(year FROM $2::date) AND extract(year FROM $3::date)
      ORDER BY k.year, k.municipality_code, o.name, k.corporation_id`,
    [scope.municipalityCodes, period.from, period.to],
  );
}

/**
 * The load the matcher's caps count, now: open proposals and placements within the cap window,
 * of homes whose type is not cap-exempt, per neighbourhood (every neighbourhood, also at 0).
 */
export async function neighbourhoodLoad(
  db: Db,
  scope: ReportScope,
  policy: { neighbourhoodCap: number; capWindowMonths: number; capExemptTypes: readonly string[] },
  now: Date,
) {
  return db.query<ReportRow[]>(
    `SELECT n.municipality_code AS "municipalityCode", n.code AS "neighbourhoodCode",
            coalesce(l.load, 0)::int AS load, $2::int AS cap
       FROM neighbourhoods n
       LEFT JOIN (
         SELECT u.neighbourhood_code, count(*) AS load
           FROM proposals p JOIN units u ON u.id = p.unit_id
          WHERE p.region_code = $6 AND u.municipality_code = ANY($1::text[])
            AND NOT (u.type = ANY($5::text[]))
            AND (p.status IN ('proposed', 'approved', 'accepted')
                 OR (p.status = 'placed' AND p.placed_at >= $3::timestamptz - make_interval(months => $4)))
          GROUP BY 1) l ON l.neighbourhood_code = n.code
      WHERE n.municipality_code = ANY($1::text[])
      ORDER BY 1, 2`,
    [
      scope.municipalityCodes,
      policy.neighbourhoodCap,
      now.toISOString(),
      policy.capWindowMonths,
      policy.capExemptTypes,
      scope.regionCode,
    ],
  );
}

/** Finished, real (not dry) runs of the region in the period: optimal against greedy. */
export async function runs(db: Db, scope: ReportScope, period: ReportPeriod) {
  return db.query<ReportRow[]>(
    `SELECT $1::text AS "regionCode", count(*)::int AS runs,
            coalesce(sum((r.stats->>'assigned')::int), 0)::int AS assigned,
            coalesce(sum((r.stats->>'greedyAssigned')::int), 0)::int AS "greedyAssigned",
            round(coalesce(sum((r.stats->>'objective')::numeric), 0), 4)::float8 AS objective,
            round(coalesce(sum((r.stats->>'greedyObjective')::numeric), 0), 4)::float8 AS "greedyObjective"
       FROM matching_runs r
      WHERE r.region_code = $1 AND r.status = 'done' AND NOT r.dry_run AND r.stats IS NOT NULL
        AND r.finished_at >= $2::timestamp AT TIME ZONE 'Europe/Amsterdam'
        AND r.finished_at < ($3::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'`,
    [scope.regionCode, period.from, period.to],
  );
}
