import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines per workflow step and the consequences a region attaches to decline reasons
 * (docs/workflow.md, "Deadlines" and "Reason consequences").
 *
 * - Policy: a step may be due at once (0 working days, e.g. a test policy), and the placement step
 *   after both sides accepted has a deadline of its own (`placement_days`, default 20).
 * - Proposals: each side's deadline after approval (`deadline` is the earliest open one), when the
 *   step's reminder is due and when it was sent (once per step).
 * - Clients (`parked_until` exists): when a reason consequence parked the client (`parked_at`;
 *   declines before it no longer count), for which reason and after how many declines, so the
 *   why-not can say so.
 */
export class DeadlinesAndParking1764600000000 implements MigrationInterface {
  name = 'DeadlinesAndParking1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE region_policies
        DROP CONSTRAINT ck_region_policies_deadlines,
        ADD COLUMN placement_days integer NOT NULL DEFAULT 20,
        ADD CONSTRAINT ck_region_policies_deadlines CHECK (
          matcher_days BETWEEN 0 AND 90 AND corporation_days BETWEEN 0 AND 90 AND
          provider_days BETWEEN 0 AND 90 AND placement_days BETWEEN 0 AND 180)`);

    await q.query(`
      ALTER TABLE proposals
        ADD COLUMN corporation_deadline timestamptz,
        ADD COLUMN provider_deadline timestamptz,
        ADD COLUMN remind_at timestamptz,
        ADD COLUMN reminded_at timestamptz,
        -- After approval each side has its deadline, and the proposal's is the earliest open one.
        ADD CONSTRAINT ck_proposals_side_deadlines CHECK (
          (corporation_deadline IS NULL) = (provider_deadline IS NULL)
          AND (corporation_deadline IS NULL OR approved_at IS NOT NULL)
          AND (status <> 'approved' OR deadline IS NULL OR corporation_deadline IS NOT NULL)),
        ADD CONSTRAINT ck_proposals_reminder CHECK (
          (remind_at IS NULL OR (deadline IS NOT NULL AND remind_at <= deadline))
          AND (reminded_at IS NULL OR remind_at IS NOT NULL))`);
    // The safety-net sweep's two questions: which open steps are past their deadline, which
    // reminders are due and unsent.
    await q.query(
      `CREATE INDEX ix_proposals_open_deadline ON proposals (deadline)
         WHERE status IN ('proposed', 'approved', 'accepted') AND deadline IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_proposals_open_reminder ON proposals (remind_at)
         WHERE status IN ('proposed', 'approved', 'accepted') AND remind_at IS NOT NULL
           AND reminded_at IS NULL`,
    );

    await q.query(`
      ALTER TABLE clients
        ADD COLUMN parked_at timestamptz,
        ADD COLUMN parked_reason text,
        ADD COLUMN parked_declines smallint,
        -- Parked by a reason consequence: the reason code and how many declines, for the why-not;
        -- a parking by hand (the provider's parkedUntil) has neither.
        ADD CONSTRAINT ck_clients_parked_by_consequence CHECK (
          (parked_reason IS NULL) = (parked_declines IS NULL)
          AND (parked_reason IS NULL OR (parked_until IS NOT NULL AND parked_at IS NOT NULL))
          AND (parked_reason IS NULL OR parked_reason ~ '^[a-z_]{1,40}$')
          AND (parked_declines IS NULL OR parked_declines BETWEEN 1 AND 100))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE clients
        DROP CONSTRAINT ck_clients_parked_by_consequence, DROP COLUMN parked_declines,
        DROP COLUMN parked_reason, DROP COLUMN parked_at`);
    await q.query(`DROP INDEX ix_proposals_open_reminder`);
    await q.query(`DROP INDEX ix_proposals_open_deadline`);
    await q.query(`
      ALTER TABLE proposals
        DROP CONSTRAINT ck_proposals_reminder, DROP CONSTRAINT ck_proposals_side_deadlines,
        DROP COLUMN reminded_at, DROP COLUMN remind_at, DROP COLUMN provider_deadline,
        DROP COLUMN corporation_deadline`);
    await q.query(`
      ALTER TABLE region_policies
        DROP CONSTRAINT ck_region_policies_deadlines,
        DROP COLUMN placement_days,
        ADD CONSTRAINT ck_region_policies_deadlines CHECK (
          matcher_days BETWEEN 1 AND 90 AND corporation_days BETWEEN 1 AND 90 AND
          provider_days BETWEEN 1 AND 90)`);
  }
}
