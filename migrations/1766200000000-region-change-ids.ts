import type { MigrationInterface, QueryRunner } from 'typeorm';

import {
  REGION_CHANGED_FUNCTION,
  TOUCHES,
  touchAllFunction,
  touchFunction,
} from './1765900000000-region-change-log';

/**
 * The region change log also says which units and clients a transaction wrote, so a kept region
 * snapshot that no longer holds can be brought up to date by reading those rows again instead of
 * the whole region (`loadRegionDelta`).
 *
 * A change row now carries the ids of the units (`unit_ids`) and clients (`client_ids`) whose
 * matching rows the transaction wrote in the region: a unit's own row; a client's own row, its
 * municipalities, avoided areas and corporations, anchors and placements (a placement moving on
 * changes the client's routes). Writes to anything else a snapshot reads (proposals, coverage,
 * policy, pledges) carry no ids: the delta reads those parts whole, they are small. `whole` says
 * the ids are not enough and the region must be read in full: a write to municipalities or
 * neighbourhoods (every snapshot reads them all), a truncation, or more than `IDS_KEPT` ids in
 * one transaction (a large import), where reading the region is cheaper than carrying the ids.
 *
 * Why the ids suffice. Take a kept snapshot S and a later snapshot C. A unit's row in a fresh read
 * at C differs from S's only if a transaction visible in C but not in S wrote it; that transaction
 * ran the units trigger, which logged the unit's id under the regions of its old and new rows. So
 * a unit in the region at S or at C whose id is in no such change row of the region has the same
 * row, and the same inclusion, at C as at S. The same holds for a client, through every table its
 * row in the snapshot is read from. Rows logged before this migration have no ids and are marked
 * `whole`.
 *
 * A transaction's second write to a region updates its own row (`ON CONFLICT`), adding the new ids;
 * distinct transactions still write distinct rows, so no writer waits for another. The update is
 * skipped when the row already has the ids.
 */
const IDS_KEPT = 1000;

/** The tables whose rows carry unit or client ids, and the column that holds the id. */
const ID_TABLES: Record<string, { kind: 'units' | 'clients'; column: string }> = {
  units: { kind: 'units', column: 'id' },
  clients: { kind: 'clients', column: 'id' },
  client_municipalities: { kind: 'clients', column: 'client_id' },
  client_avoided_neighbourhoods: { kind: 'clients', column: 'client_id' },
  client_avoided_corporations: { kind: 'clients', column: 'client_id' },
  client_anchors: { kind: 'clients', column: 'client_id' },
  placements: { kind: 'clients', column: 'client_id' },
};

/** True when the merged row must be read whole (`m`: the row kept, `EXCLUDED`: the one offered). */
const MERGED_WHOLE = `(m.whole OR EXCLUDED.whole
  OR cardinality(m.unit_ids) + cardinality(m.client_ids)
     + cardinality(EXCLUDED.unit_ids) + cardinality(EXCLUDED.client_ids) > ${IDS_KEPT})`;

const merged = (column: string) =>
  `CASE WHEN ${MERGED_WHOLE} THEN '{}'
        ELSE ARRAY(SELECT DISTINCT i FROM unnest(m.${column} || EXCLUDED.${column}) AS i) END`;

export class RegionChangeIds1766200000000 implements MigrationInterface {
  name = 'RegionChangeIds1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE matching_region_changes
        ADD COLUMN unit_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN client_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN whole boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT ck_matching_region_changes_whole CHECK (
          NOT whole OR (cardinality(unit_ids) = 0 AND cardinality(client_ids) = 0))`);
    await q.query(`UPDATE matching_region_changes SET whole = true`);
    await q.query(`DROP FUNCTION matching_region_changed(text[])`);
    await q.query(`
      CREATE FUNCTION matching_region_changed(
        touched text[], changed_units uuid[] DEFAULT '{}', changed_clients uuid[] DEFAULT '{}',
        all_changed boolean DEFAULT false
      ) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        read_whole boolean := all_changed
          OR cardinality(changed_units) + cardinality(changed_clients) > ${IDS_KEPT};
      BEGIN
        INSERT INTO matching_region_changes AS m (region_code, xid, unit_ids, client_ids, whole)
        SELECT DISTINCT t.code, pg_current_xact_id(),
               CASE WHEN read_whole THEN '{}' ELSE ARRAY(SELECT DISTINCT i FROM unnest(changed_units) AS i) END,
               CASE WHEN read_whole THEN '{}' ELSE ARRAY(SELECT DISTINCT i FROM unnest(changed_clients) AS i) END,
               read_whole
          FROM unnest(touched) AS t(code) JOIN regions r ON r.code = t.code
        ON CONFLICT (region_code, xid) DO UPDATE
          SET unit_ids = ${merged('unit_ids')}, client_ids = ${merged('client_ids')},
              whole = ${MERGED_WHOLE}
         WHERE NOT (m.whole OR (NOT EXCLUDED.whole AND m.unit_ids @> EXCLUDED.unit_ids
                                AND m.client_ids @> EXCLUDED.client_ids));
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION matching_snapshot_touch_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM matching_region_changed(ARRAY(SELECT code FROM regions), all_changed => true);
        RETURN NULL;
      END $$`);
    for (const [table, { kind, column }] of Object.entries(ID_TABLES)) {
      const touches = TOUCHES[table];
      if (!touches) throw new Error(`no region change trigger on ${table}`);
      await q.query(`
        CREATE OR REPLACE FUNCTION matching_snapshot_touch_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          touched text[] := '{}';
          ids uuid[] := '{}';
        BEGIN
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            touched := touched || ARRAY(${touches('new_rows')});
            ids := ids || ARRAY(SELECT ${column} FROM new_rows);
          END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            touched := touched || ARRAY(${touches('old_rows')});
            ids := ids || ARRAY(SELECT ${column} FROM old_rows);
          END IF;
          PERFORM matching_region_changed(touched, changed_${kind} => ids);
          RETURN NULL;
        END $$`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of Object.keys(ID_TABLES)) {
      const touches = TOUCHES[table];
      if (touches) await q.query(touchFunction(table, touches, 'CREATE OR REPLACE'));
    }
    await q.query(touchAllFunction('CREATE OR REPLACE'));
    await q.query(`DROP FUNCTION matching_region_changed(text[], uuid[], uuid[], boolean)`);
    await q.query(REGION_CHANGED_FUNCTION);
    await q.query(`
      ALTER TABLE matching_region_changes
        DROP COLUMN whole, DROP COLUMN client_ids, DROP COLUMN unit_ids`);
  }
}
