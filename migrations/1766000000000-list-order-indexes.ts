import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order the client and unit lists page in, `(created_at, id)`, as an index: a matcher's page
 * covers most of the region's rows, and with this index PostgreSQL walks them in page order and
 * stops after a page instead of reading and sorting every row of the matcher's municipalities.
 * Anonymised clients are never listed.
 */
export class ListOrderIndexes1766000000000 implements MigrationInterface {
  name = 'ListOrderIndexes1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_clients_listed ON clients (created_at, id) WHERE anonymised_at IS NULL`,
    );
    await q.query(`CREATE INDEX ix_units_created ON units (created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_units_created`);
    await q.query(`DROP INDEX ix_clients_listed`);
  }
}
