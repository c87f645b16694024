import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each client's five lists as the API shows them, kept by PostgreSQL in `client_lists`, one row
 * per client, for the client list to read instead of aggregating them from four tables per page.
 *
 * The lists stay in their own tables, where foreign keys hold every municipality, neighbourhood and
 * corporation named, and the matching snapshot, a client's own read and the data subject's export
 * read them there. `client_lists` is derived from them and from nothing else: statement triggers
 * on each of the four tables rewrite, for every client a statement touched, the lists that table
 * holds, in the same transaction as the write, so no reader ever sees one without the other. A
 * deleted client's row goes with it (`ON DELETE CASCADE`), an anonymised client's lists are
 * deleted and so become empty here, and a truncated table empties its lists for every client.
 *
 * Every client here at the migration gets its row; a client registered later gets it from the
 * first write to one of its lists, so one who never had any has none, and the reader takes an
 * absent row as five empty lists. A row's lists not yet written are empty (the default), which is
 * right: had the client any element in them, that element's insert would have written the row.
 *
 * The order is the API's: municipalities by rank, anchors by position, avoided neighbourhoods
 * and corporations by code and id (as text); the same order as the lists' shared read.
 */

/** A list's column, and its JSON built from its table for the client `c.id`. */
const LISTS: Record<string, string> = {
  preferred_municipalities: `(SELECT json_agg(m.municipality_code ORDER BY m.rank, m.municipality_code)
      FROM client_municipalities m WHERE m.client_id = c.id AND m.relation = 'preferred')`,
  avoid_municipalities: `(SELECT json_agg(m.municipality_code ORDER BY m.rank, m.municipality_code)
      FROM client_municipalities m WHERE m.client_id = c.id AND m.relation = 'avoided')`,
  anchors: `(SELECT json_agg(json_build_object('kind', a.kind, 'lat', a.lat::float8, 'lon', a.lon::float8)
                             ORDER BY a.position, a.kind)
      FROM client_anchors a WHERE a.client_id = c.id)`,
  avoid_neighbourhoods: `(SELECT json_agg(n.neighbourhood_code ORDER BY n.neighbourhood_code)
      FROM client_avoided_neighbourhoods n WHERE n.client_id = c.id)`,
  avoid_corporations: `(SELECT json_agg(k.corporation_id::text ORDER BY k.corporation_id::text)
      FROM client_avoided_corporations k WHERE k.client_id = c.id)`,
};

/** The tables of a client's lists, and the lists each holds. */
const TABLES: Record<string, string[]> = {
  client_municipalities: ['preferred_municipalities', 'avoid_municipalities'],
  client_anchors: ['anchors'],
  client_avoided_neighbourhoods: ['avoid_neighbourhoods'],
  client_avoided_corporations: ['avoid_corporations'],
};

/** Writes `columns` of the clients whose ids `ids` holds, from their tables (existing clients only). */
const refresh = (columns: string[], ids: string) => `
  INSERT INTO client_lists AS l (client_id, ${columns.join(', ')})
  SELECT c.id, ${columns.map((column) => `coalesce(${LISTS[column]}, '[]')`).join(', ')}
    FROM clients c WHERE c.id = ANY(${ids})
  ON CONFLICT (client_id) DO UPDATE
    SET ${columns.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`;

export class ClientLists1766300000000 implements MigrationInterface {
  name = 'ClientLists1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE client_lists (
        client_id uuid NOT NULL,
        ${Object.keys(LISTS)
          .map((column) => `${column} json NOT NULL DEFAULT '[]'`)
          .join(',\n        ')},
        CONSTRAINT pk_client_lists PRIMARY KEY (client_id),
        CONSTRAINT fk_client_lists_client FOREIGN KEY (client_id)
          REFERENCES clients (id) ON DELETE CASCADE
      )`);
    for (const [table, columns] of Object.entries(TABLES)) {
      await q.query(`
        CREATE FUNCTION client_lists_from_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          ids uuid[] := '{}';
        BEGIN
          IF TG_OP = 'TRUNCATE' THEN
            UPDATE client_lists SET ${columns.map((column) => `${column} = '[]'`).join(', ')};
            RETURN NULL;
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            ids := ids || ARRAY(SELECT DISTINCT client_id FROM new_rows);
          END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            ids := ids || ARRAY(SELECT DISTINCT client_id FROM old_rows);
          END IF;
          ${refresh(columns, 'ids')};
          RETURN NULL;
        END $$`);
      const run = `FOR EACH STATEMENT EXECUTE FUNCTION client_lists_from_${table}()`;
      await q.query(`CREATE TRIGGER tr_${table}_lists_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows ${run}`);
      await q.query(`CREATE TRIGGER tr_${table}_lists_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows ${run}`);
      await q.query(`CREATE TRIGGER tr_${table}_lists_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows ${run}`);
      await q.query(`CREATE TRIGGER tr_${table}_lists_truncate AFTER TRUNCATE ON ${table} ${run}`);
    }
    await q.query(refresh(Object.keys(LISTS), 'ARRAY(SELECT id FROM clients)'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE client_lists`);
    for (const table of Object.keys(TABLES)) {
      for (const event of ['insert', 'update', 'delete', 'truncate']) {
        await q.query(`DROP TRIGGER tr_${table}_lists_${event} ON ${table}`);
      }
      await q.query(`DROP FUNCTION client_lists_from_${table}()`);
    }
  }
}
