import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for policy information (docs/reports.md): the report counts by registration date,
 * lease start and decision date, and the data-subject export reads a client's proposals and
 * decisions.
 */
export class ReportIndexes1764900000000 implements MigrationInterface {
  name = 'ReportIndexes1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_clients_created_at ON clients (created_at)`);
    await q.query(
      `CREATE INDEX ix_proposals_lease_start ON proposals (lease_start) WHERE lease_start IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_proposal_decisions_decided_at ON proposal_decisions (decided_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_proposal_decisions_decided_at`);
    await q.query(`DROP INDEX ix_proposals_lease_start`);
    await q.query(`DROP INDEX ix_clients_created_at`);
  }
}
