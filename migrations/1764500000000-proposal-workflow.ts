import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The proposal workflow: who created and approved a proposal (four-eyes for a manual override),
 * the hard rules a manual proposal overrode, the lease start of a placement, and one row per
 * decision (approve, reject, accept, decline, placement, cancel, create) with its reason code and,
 * only for reason `other` or a manual proposal's justification, a short bounded note.
 */
export class ProposalWorkflow1764500000000 implements MigrationInterface {
  name = 'ProposalWorkflow1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE proposals
        ADD COLUMN created_by_token_id uuid,
        ADD COLUMN approved_by_token_id uuid,
        ADD COLUMN overridden_rules text[] NOT NULL DEFAULT '{}',
        ADD COLUMN lease_start date,
        ADD CONSTRAINT fk_proposals_created_by_token FOREIGN KEY (created_by_token_id)
          REFERENCES api_tokens (id),
        ADD CONSTRAINT fk_proposals_approved_by_token FOREIGN KEY (approved_by_token_id)
          REFERENCES api_tokens (id),
        ADD CONSTRAINT ck_proposals_overridden_rules CHECK (
          cardinality(overridden_rules) <= 40
          AND array_to_string(overridden_rules, ',') ~ '^([A-Z0-9_]{1,40}(,[A-Z0-9_]{1,40})*)?$'
          AND (cardinality(overridden_rules) = 0 OR origin = 'manual')),
        ADD CONSTRAINT ck_proposals_manual_creator CHECK (
          origin <> 'manual' OR created_by_token_id IS NOT NULL),
        -- Four-eyes: an override is approved by another credential than the one that made it.
        ADD CONSTRAINT ck_proposals_four_eyes CHECK (
          cardinality(overridden_rules) = 0 OR approved_by_token_id IS NULL
          OR approved_by_token_id <> created_by_token_id),
        ADD CONSTRAINT ck_proposals_lease_start CHECK (
          (status = 'placed') = (lease_start IS NOT NULL)
          AND (lease_start IS NULL OR lease_start >= DATE '2000-01-01'))`);

    await q.query(`
      CREATE TABLE proposal_decisions (
        id bigint GENERATED ALWAYS AS IDENTITY,
        proposal_id uuid NOT NULL,
        action text NOT NULL,
        party text NOT NULL,
        reason text,
        note text,
        organisation_id uuid,
        token_id uuid,
        decided_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_proposal_decisions PRIMARY KEY (id),
        CONSTRAINT fk_proposal_decisions_proposal FOREIGN KEY (proposal_id) REFERENCES proposals (id),
        CONSTRAINT fk_proposal_decisions_organisation FOREIGN KEY (organisation_id)
          REFERENCES organisations (id),
        CONSTRAINT fk_proposal_decisions_token FOREIGN KEY (token_id) REFERENCES api_tokens (id),
        CONSTRAINT ck_proposal_decisions_action CHECK (action IN
          ('create', 'approve', 'reject', 'accept', 'decline', 'placement', 'cancel', 'expire')),
        CONSTRAINT ck_proposal_decisions_party CHECK (party IN
          ('matcher', 'corporation', 'provider', 'system')),
        CONSTRAINT ck_proposal_decisions_reason CHECK (reason IS NULL OR reason ~ '^[a-z_]{1,40}$'),
        -- The one free-text field about a decision: only with reason "other" or as a manual
        -- proposal's justification, and short. Never a client profile (docs/workflow.md).
        CONSTRAINT ck_proposal_decisions_note CHECK (
          note IS NULL OR (length(note) BETWEEN 1 AND 500 AND (reason = 'other' OR action = 'create')))
      )`);
    await q.query(
      `CREATE INDEX ix_proposal_decisions_proposal ON proposal_decisions (proposal_id, id)`,
    );
    // Decisions are history, as the audit trail is.
    await q.query(
      `CREATE TRIGGER tr_proposal_decisions_append_only BEFORE UPDATE OR DELETE ON proposal_decisions
         FOR EACH ROW EXECUTE FUNCTION forbid_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE proposal_decisions`);
    await q.query(`
      ALTER TABLE proposals
        DROP CONSTRAINT ck_proposals_lease_start,
        DROP CONSTRAINT ck_proposals_four_eyes,
        DROP CONSTRAINT ck_proposals_manual_creator,
        DROP CONSTRAINT ck_proposals_overridden_rules,
        DROP CONSTRAINT fk_proposals_approved_by_token,
        DROP CONSTRAINT fk_proposals_created_by_token,
        DROP COLUMN lease_start, DROP COLUMN overridden_rules,
        DROP COLUMN approved_by_token_id, DROP COLUMN created_by_token_id`);
  }
}
