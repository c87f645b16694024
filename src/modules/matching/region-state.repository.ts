import { beforeCommit, type Db } from '../../shared/database/db';
import { Params, prepared } from '../../shared/database/prepared';
import { MATCHING_TOPICS } from './matching.jobs';

/**
 * Records, in the caller's transaction, that something that matters to matching changed in these
 * regions (named directly, or through municipalities in them): an outbox message per region asks
 * for a run. Commit and request are one; Redis need not be up. The region's change counter is
 * not touched here but by the relay (`countRegionChange`): a row every writer of a region updated
 * would stay locked from each write to its commit, the commit's WAL flush included, and the
 * region's writers would commit one at a time.
 */
export async function requestMatchingRun(
  db: Db,
  where: { regionCodes?: readonly string[]; municipalityCodes?: readonly string[] },
): Promise<void> {
  const params = new Params();
  const topic = params.add(MATCHING_TOPICS.regionChanged);
  const municipalities = params.oneOf(where.municipalityCodes ?? [], 'text');
  const regions = params.oneOf(where.regionCodes ?? [], 'text');
  await db.query(
    prepared(`INSERT INTO outbox (topic, payload)
     SELECT ${topic}, jsonb_build_object('regionCode', region_code)
       FROM (SELECT region_code FROM municipalities WHERE code ${municipalities}
             UNION SELECT code FROM regions WHERE code ${regions}) AS regions
      ORDER BY region_code`),
    params.values,
  );
}

/**
 * Counts a change of the region, as the relay hands its message on: committed before the run's
 * job exists, and after the change itself committed (the message is relayed only then). So a
 * run whose snapshot sees a count sees the changes counted; one that missed a change read a lower
 * count, and the region stays due (`regionRunDue`). A message relayed twice counts twice, which
 * costs at most a run that finds nothing new.
 */
export async function countRegionChange(db: Db, regionCode: string): Promise<void> {
  await db.query(
    prepared(`INSERT INTO matching_region_state (region_code, change_seq, changed_at)
     SELECT code, 1, now() FROM regions WHERE code = $1
     ON CONFLICT (region_code) DO UPDATE
       SET change_seq = matching_region_state.change_seq + 1, changed_at = now()`),
    [regionCode],
  );
}

/** True when the region changed since the last run that finished. */
export async function regionRunDue(db: Db, regionCode: string): Promise<boolean> {
  const rows = await db.query<{ due: boolean }[]>(
    `SELECT change_seq > served_seq AS due FROM matching_region_state WHERE region_code = $1`,
    [regionCode],
  );
  return rows[0]?.due ?? false;
}

/**
 * A run has seen every change up to `seq`; made just before commit (`beforeCommit`), so the row
 * the relay counts on is held for as short as can be.
 */
export async function markRegionServed(db: Db, regionCode: string, seq: number): Promise<void> {
  await beforeCommit(db, () =>
    db.query(
      `UPDATE matching_region_state SET served_seq = greatest(served_seq, $2), served_at = now()
        WHERE region_code = $1`,
      [regionCode, seq],
    ),
  );
}

/**
 * How long the region change log keeps a row: well above the longest a kept snapshot lives
 * (`MATCHING_SNAPSHOT_MAX_AGE_SECONDS`, at most half of it).
 */
export const REGION_CHANGES_KEPT_SECONDS = 3600;

/**
 * Deletes the change log's rows older than `keptSeconds` and records the greatest transaction id
 * deleted, in one transaction: a kept snapshot whose xmin is not above it no longer holds
 * (migration `1765900000000-region-change-log`). Returns the number of rows deleted.
 */
export async function pruneRegionChanges(
  db: Db,
  keptSeconds = REGION_CHANGES_KEPT_SECONDS,
): Promise<number> {
  const rows = await db.query<{ deleted: number }[]>(
    `WITH gone AS (
       DELETE FROM matching_region_changes
        WHERE created_at < now() - make_interval(secs => $1)
       RETURNING xid
     ), mark AS (
       UPDATE matching_region_changes_pruned
          SET max_xid = greatest(max_xid, (SELECT max(xid) FROM gone))
        WHERE EXISTS (SELECT 1 FROM gone)
     )
     SELECT count(*)::int AS deleted FROM gone`,
    [keptSeconds],
  );
  return rows[0]?.deleted ?? 0;
}
