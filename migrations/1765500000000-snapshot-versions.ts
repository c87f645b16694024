import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A region's snapshot version: `matching_region_state.snapshot_seq` takes a new value from one
 * sequence in the same transaction as every write that can change what the matching snapshot of
 * that region reads. Triggers do it, so no write path can forget; a cached snapshot whose version
 * is still the region's current one is exactly what a fresh read would give.
 *
 * The values come from a sequence, not `+ 1`, so a version is never reused: not after the state
 * row is deleted, nor across regions. Statement-level triggers bump each touched region once per
 * statement, in region order (two transactions touching the same regions lock them in the same
 * order).
 */

/** Tables whose rows feed a region's snapshot, and the regions a set of their rows touches. */
const TOUCHES: Record<string, (rows: string) => string> = {
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

export class SnapshotVersions1765500000000 implements MigrationInterface {
  name = 'SnapshotVersions1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE matching_snapshot_seq`);
    await q.query(`ALTER TABLE matching_region_state ADD COLUMN snapshot_seq bigint`);
    await q.query(
      `INSERT INTO matching_region_state (region_code) SELECT code FROM regions
         ON CONFLICT (region_code) DO NOTHING`,
    );
    await q.query(
      `UPDATE matching_region_state SET snapshot_seq = nextval('matching_snapshot_seq')`,
    );
    await q.query(
      `ALTER TABLE matching_region_state
         ALTER COLUMN snapshot_seq SET DEFAULT nextval('matching_snapshot_seq'),
         ALTER COLUMN snapshot_seq SET NOT NULL`,
    );
    await q.query(`
      CREATE FUNCTION matching_snapshot_bump(touched text[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO matching_region_state AS s (region_code)
        SELECT DISTINCT t.code FROM unnest(touched) AS t(code) JOIN regions r ON r.code = t.code
         ORDER BY t.code
        ON CONFLICT (region_code) DO UPDATE SET snapshot_seq = nextval('matching_snapshot_seq')
      $$`);
    // The regions of these municipalities, and of the providers covering them (a provider's
    // coverage counts the intensive-support proposals there, whichever region they are in).
    await q.query(`
      CREATE FUNCTION matching_snapshot_regions_of(codes text[]) RETURNS text[] LANGUAGE sql STABLE AS $$
        SELECT ARRAY(
          SELECT region_code FROM municipalities WHERE code = ANY(codes)
          UNION SELECT o.region_code FROM provider_coverage pc JOIN organisations o ON o.id = pc.provider_id
                 WHERE pc.municipality_code = ANY(codes) AND o.region_code IS NOT NULL)
      $$`);
    await q.query(`
      CREATE FUNCTION matching_snapshot_touch_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM matching_snapshot_bump(ARRAY(SELECT code FROM regions));
        RETURN NULL;
      END $$`);
    for (const [table, touches] of Object.entries(TOUCHES)) {
      await q.query(`
        CREATE FUNCTION matching_snapshot_touch_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          touched text[] := '{}';
        BEGIN
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            touched := touched || ARRAY(${touches('new_rows')});
          END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            touched := touched || ARRAY(${touches('old_rows')});
          END IF;
          PERFORM matching_snapshot_bump(touched);
          RETURN NULL;
        END $$`);
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
    await q.query(`DROP FUNCTION matching_snapshot_bump(text[])`);
    await q.query(`ALTER TABLE matching_region_state DROP COLUMN snapshot_seq`);
    await q.query(`DROP SEQUENCE matching_snapshot_seq`);
  }
}
