import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A policy weight may be up to 100 (the API has always said 0–100), but numeric(6,4) stops at
 * 99.9999, so a weight of 100 failed in the database. Four decimals stay: the API refuses more.
 * Widening rewrites no row's value; the append-only trigger fires on row changes only.
 */
export class PolicyWeightRange1764000000000 implements MigrationInterface {
  name = 'PolicyWeightRange1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE region_policies
        ALTER COLUMN weight_location TYPE numeric(7,4),
        ALTER COLUMN weight_spreiding TYPE numeric(7,4),
        ALTER COLUMN weight_prikkelarm TYPE numeric(7,4),
        ALTER COLUMN weight_begeleiding TYPE numeric(7,4),
        ALTER COLUMN weight_wait TYPE numeric(7,4)`);
  }

  /** Fails, as it should, while a stored weight is 100: history is not rewritten to fit. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE region_policies
        ALTER COLUMN weight_location TYPE numeric(6,4),
        ALTER COLUMN weight_spreiding TYPE numeric(6,4),
        ALTER COLUMN weight_prikkelarm TYPE numeric(6,4),
        ALTER COLUMN weight_begeleiding TYPE numeric(6,4),
        ALTER COLUMN weight_wait TYPE numeric(6,4)`);
  }
}
