import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 in the running service: a proposal records the provider that would deliver the
 * support (the client's own or another contracted one), so a provider's capacity in a
 * municipality counts exactly the clients it supports there; and a run keeps its passed-over
 * report (client ids and reason codes only) beside its stats.
 */
export class MatchingPriorities1764400000000 implements MigrationInterface {
  name = 'MatchingPriorities1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // Proposals from before this migration have none: the client's own provider counts for them.
    await q.query(`ALTER TABLE proposals ADD COLUMN support_provider_id uuid`);
    await q.query(`
      ALTER TABLE proposals ADD CONSTRAINT fk_proposals_support_provider
        FOREIGN KEY (support_provider_id) REFERENCES organisations (id)`);
    await q.query(`
      ALTER TABLE matching_runs ADD COLUMN passed_over jsonb,
        ADD CONSTRAINT ck_matching_runs_passed_over CHECK (
          passed_over IS NULL OR jsonb_typeof(passed_over) = 'array')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE matching_runs DROP CONSTRAINT ck_matching_runs_passed_over,
        DROP COLUMN passed_over`);
    await q.query(`ALTER TABLE proposals DROP CONSTRAINT fk_proposals_support_provider`);
    await q.query(`ALTER TABLE proposals DROP COLUMN support_provider_id`);
  }
}
