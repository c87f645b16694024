import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The region change log: which transactions wrote something a region's matching snapshot reads.
 * Candidates and "why not" keep a region's snapshot in the API process and must know, per
 * request, whether a fresh read would still give the same.
 *
 * An earlier version kept one version row per region, bumped by these triggers; every writing
 * transaction then held that row locked from its first write to its commit, so a region's writes
 * queued behind each other. Here each writing transaction inserts its own row per region it
 * touches, keyed by its transaction id (`pg_current_xact_id()`, the top-level id, also inside a
 * savepoint): distinct transactions insert distinct keys, so no writer ever waits for another.
 * A second write of the same transaction to the same region finds its own key (`ON CONFLICT DO
 * NOTHING`). There is no foreign key, so no lock on `regions` either.
 *
 * The check (`matching_region_unchanged_since`). A kept snapshot records the
 * `pg_current_snapshot()` of the REPEATABLE READ transaction that read it, S. A request checks,
 * in its own statement (snapshot C, taken after S), that no change row of the region is visible
 * in C whose transaction was not visible in S:
 * - A transaction W that wrote to the region and is committed as of C inserted its row in the
 *   same transaction as its writes (statement triggers), so its row is visible in C. If W's id is
 *   visible in S, W committed before S and all its writes are in the kept snapshot; otherwise the
 *   check finds its row and the snapshot is read again.
 * - A transaction still running at C, or aborted: neither its row nor its writes are visible in
 *   C, so a fresh read at C would not see them either; the kept snapshot does not have them (it
 *   was taken earlier). Correct, and nobody waits for it.
 * - Every transaction committed as of S is committed as of C (C is later), so what S saw, C sees.
 * So when the check passes, the region's rows as of C are those of S: the answer is what a fresh
 * read at C gives. A writer that commits between the check and the answer is the race every read
 * has anyway: the answer is as of the check.
 * The index is used by `xid >= pg_snapshot_xmin(S)`: a row below S's xmin belongs to a
 * transaction that had ended before S, so it is visible in S if committed and the check skips it.
 * The function is STABLE, so its query runs in the calling statement's snapshot (C).
 *
 * Pruning. Rows older than an hour are deleted by a worker job. A kept snapshot never needs a row
 * below its xmin, and lives at most `MATCHING_SNAPSHOT_MAX_AGE_SECONDS` (default 10 minutes), so a
 * row it needs belongs to a transaction that ended after S; it is pruned only if that transaction
 * began more than an hour ago, i.e. stayed open for 50 minutes. Even that cannot give a wrong
 * answer: the prune records the greatest id it deleted (`matching_region_changes_pruned`) in its
 * own transaction, and the check fails whenever that id is not below S's xmin.
 */

/** Tables whose rows feed a region's snapshot, and the regions a set of their rows touches. */
export const TOUCHES: Record<string, (rows: string) => string> = {
  units: (rows) =>
    `SELECT unnest(matching_snapshot_regions_of(ARRAY(SELECT municipality_code FROM ${rows})))`,
  // A client's own region, and, for its proposals' coverage counts, the regions of the providers
  // covering the municipalities of the units proposed to it.
  clients: (rows) =>
    `SELECT unnest(matching_snapshot_regions_of(ARRAY(
       SELECT municipality_of_belonging FROM ${rows}
        UNION SELECT u.municipality_code FROM proposals p JOIN units u ON u.id = p.unit_id
               WHERE p.client_id IN (SELECT id FROM ${rows}))))`,
  client_municipalities: clientChild,
  client_avoided_neighbourhoods: clientChild,
  client_avoided_corporations: clientChild,
  client_anchors: clientChild,
  placements: clientChild,
  proposals: (rows) =>
    `SELECT region_code FROM ${rows}
      UNION SELECT unnest(matching_snapshot_regions_of(ARRAY(
              SELECT u.municipality_code FROM ${rows} r JOIN units u ON u.id = r.unit_id)))`,
  provider_coverage: (rows) =>
    `SELECT o.region_code FROM ${rows} r JOIN organisations o ON o.id = r.provider_id`,
  organisations: (rows) => `SELECT region_code FROM ${rows} WHERE region_code IS NOT NULL`,
  region_policies: (rows) => `SELECT region_code FROM ${rows}`,
  region_policy_municipality_caps: (rows) => `SELECT region_code FROM ${rows}`,
  contingent_pledges: (rows) =>
    `SELECT m.region_code FROM ${rows} r JOIN municipalities m ON m.code = r.municipality_code`,
};

/** Every snapshot reads every municipality and neighbourhood: a change to one touches all. */
const TOUCH_ALL = ['municipalities', 'neighbourhoods'];

function clientChild(rows: string): string {
  return `SELECT m.region_code FROM ${rows} r JOIN clients c ON c.id = r.client_id
            JOIN municipalities m ON m.code = c.municipality_of_belonging`;
}

/** The function the triggers call to log the regions touched (as created here). */
export const REGION_CHANGED_FUNCTION = `
      CREATE FUNCTION matching_region_changed(touched text[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO matching_region_changes (region_code, xid)
        SELECT DISTINCT t.code, pg_current_xact_id()
          FROM unnest(touched) AS t(code) JOIN regions r ON r.code = t.code
        ON CONFLICT (region_code, xid) DO NOTHING;
      END $$`;

/** The trigger function that logs every region (as created here). */
export function touchAllFunction(create = 'CREATE'): string {
  return `
      ${create} FUNCTION matching_snapshot_touch_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM matching_region_changed(ARRAY(SELECT code FROM regions));
        RETURN NULL;
      END $$`;
}

/** The trigger function that logs the regions a statement on `table` touched (as created here). */
export function touchFunction(
  table: string,
  touches: (rows: string) => string,
  create = 'CREATE',
): string {
  return `
        ${create} FUNCTION matching_snapshot_touch_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          touched text[] := '{}';
        BEGIN
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            touched := touched || ARRAY(${touches('new_rows')});
          END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            touched := touched || ARRAY(${touches('old_rows')});
          END IF;
          PERFORM matching_region_changed(touched);
          RETURN NULL;
        END $$`;
}

export class RegionChangeLog1765900000000 implements MigrationInterface {
  name = 'RegionChangeLog1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE matching_region_changes (
        region_code text NOT NULL,
        xid xid8 NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_matching_region_changes PRIMARY KEY (region_code, xid)
      )`);
    await q.query(
      `CREATE INDEX ix_matching_region_changes_created_at ON matching_region_changes (created_at)`,
    );
    await q.query(`
      CREATE TABLE matching_region_changes_pruned (
        singleton boolean PRIMARY KEY DEFAULT true CONSTRAINT ck_matching_region_changes_pruned_singleton CHECK (singleton),
        max_xid xid8 NOT NULL
      )`);
    await q.query(`INSERT INTO matching_region_changes_pruned (max_xid) VALUES ('0'::xid8)`);
    // The functions are PL/pgSQL, not SQL: PL/pgSQL keeps its statements' plans for the session,
    // a SQL function that cannot be inlined plans its query at every call (measured: 5 ms of a
    // client update's trigger, against 0.5 ms; docs/performance.md).
    await q.query(REGION_CHANGED_FUNCTION);
    // True when no transaction that wrote to the region is visible now but was not in `since`;
    // null without a snapshot. STABLE: its queries see the calling statement's snapshot.
    await q.query(`
      CREATE FUNCTION matching_region_unchanged_since(region text, since pg_snapshot)
        RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      BEGIN
        IF since IS NULL THEN
          RETURN NULL;
        END IF;
        RETURN (SELECT max_xid FROM matching_region_changes_pruned) < pg_snapshot_xmin(since)
          AND NOT EXISTS (
            SELECT 1 FROM matching_region_changes ch
             WHERE ch.region_code = region
               AND ch.xid >= pg_snapshot_xmin(since)
               AND NOT pg_visible_in_snapshot(ch.xid, since));
      END $$`);
    // The regions of these municipalities, and of the providers covering them (a provider's
    // coverage counts the intensive-support proposals there, whichever region they are in).
    await q.query(`
      CREATE FUNCTION matching_snapshot_regions_of(codes text[]) RETURNS text[] LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN ARRAY(
          SELECT region_code FROM municipalities WHERE code = ANY(codes)
          UNION SELECT o.region_code FROM provider_coverage pc JOIN organisations o ON o.id = pc.provider_id
                 WHERE pc.municipality_code = ANY(codes) AND o.region_code IS NOT NULL);
      END $$`);
    await q.query(touchAllFunction());
    for (const [table, touches] of Object.entries(TOUCHES)) {
      await q.query(touchFunction(table, touches));
      const run = `FOR EACH STATEMENT EXECUTE FUNCTION matching_snapshot_touch_${table}()`;
      await q.query(`CREATE TRIGGER tr_${table}_snapshot_insert AFTER INSERT ON ${table}
                       REFERENCING NEW TABLE AS new_rows ${run}`);
      await q.query(`CREATE TRIGGER tr_${table}_snapshot_update AFTER UPDATE ON ${table}
                       REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows ${run}`);
      await q.query(`CREATE TRIGGER tr_${table}_snapshot_delete AFTER DELETE ON ${table}
                       REFERENCING OLD TABLE AS old_rows ${run}`);
      await q.query(`CREATE TRIGGER tr_${table}_snapshot_truncate AFTER TRUNCATE ON ${table}
                       FOR EACH STATEMENT EXECUTE FUNCTION matching_snapshot_touch_all()`);
    }
    for (const table of TOUCH_ALL) {
      await q.query(`CREATE TRIGGER tr_${table}_snapshot AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
                       ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION matching_snapshot_touch_all()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TOUCH_ALL) await q.query(`DROP TRIGGER tr_${table}_snapshot ON ${table}`);
    for (const table of Object.keys(TOUCHES)) {
      for (const op of ['insert', 'update', 'delete', 'truncate']) {
        await q.query(`DROP TRIGGER tr_${table}_snapshot_${op} ON ${table}`);
      }
      await q.query(`DROP FUNCTION matching_snapshot_touch_${table}()`);
    }
    await q.query(`DROP FUNCTION matching_snapshot_touch_all()`);
    await q.query(`DROP FUNCTION matching_snapshot_regions_of(text[])`);
    await q.query(`DROP FUNCTION matching_region_unchanged_since(text, pg_snapshot)`);
    await q.query(`DROP FUNCTION matching_region_changed(text[])`);
    await q.query(`DROP TABLE matching_region_changes_pruned`);
    await q.query(`DROP TABLE matching_region_changes`);
  }
}
