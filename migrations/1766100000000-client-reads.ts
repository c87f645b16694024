import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log of client profiles as one row per read request: the organisation, credential,
 * request and moment once, and the clients the answer showed as an array.
 *
 * Until now a page of twenty clients wrote twenty `client.read` rows to `audit_events`, each with
 * its own tuple, its own entry in the entity index and its own WAL records: most of what a client
 * list costs PostgreSQL. Here the page is one row. The data subject's export still finds every
 * read of one client by its id: `client_ids @> ARRAY[id]` is answered by the GIN index, whose
 * pending list takes a new row's ids in one append and merges them into the index in bulk. A
 * vacuum does that merge; by default an insert-only table is vacuumed after inserts of a fifth of
 * its size, so on a large log the pending list (4 MB) would fill first and the request that fills
 * it would merge it. Vacuumed after every thousand inserts instead, the merge stays in autovacuum.
 *
 * The ids come from the audit trail's own sequence, so the trail and the access log share one
 * order: the audit listing merges both by id. `client.read` rows written to `audit_events` before
 * this migration stay there (the trail is append-only) and are read with the rest; reads through
 * a proposal (a corporation's view of the household) keep their per-proposal row in
 * `audit_events`, because each carries the proposal it came through.
 */
export class ClientReads1766100000000 implements MigrationInterface {
  name = 'ClientReads1766100000000';

  async up(q: QueryRunner): Promise<void> {
    const [sequence] = (await q.query(
      `SELECT pg_get_serial_sequence('audit_events', 'id') AS name`,
    )) as { name: string }[];
    if (!sequence) throw new Error('audit_events has no identity sequence');
    await q.query(`
      CREATE TABLE client_reads (
        id bigint NOT NULL DEFAULT nextval('${sequence.name}'::regclass),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        organisation_id uuid NOT NULL,
        token_id uuid,
        request_id text,
        client_ids uuid[] NOT NULL,
        CONSTRAINT pk_client_reads PRIMARY KEY (id),
        CONSTRAINT ck_client_reads_client_ids CHECK (
          array_ndims(client_ids) = 1 AND cardinality(client_ids) BETWEEN 1 AND 500
          AND array_position(client_ids, NULL) IS NULL)
      ) WITH (autovacuum_vacuum_insert_threshold = 1000, autovacuum_vacuum_insert_scale_factor = 0)`);
    await q.query(`CREATE INDEX ix_client_reads_clients ON client_reads USING gin (client_ids)`);
    await q.query(
      `CREATE TRIGGER tr_client_reads_append_only BEFORE UPDATE OR DELETE ON client_reads
         FOR EACH ROW EXECUTE FUNCTION forbid_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE client_reads`);
  }
}
