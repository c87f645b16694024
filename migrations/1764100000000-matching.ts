import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The background matcher: the transactional outbox, the per-region change counter that runs are
 * measured against, matching runs (with the database rule "one running run per region"), dry-run
 * previews, and proposals (at most one open proposal per unit and per client).
 */
export class Matching1764100000000 implements MigrationInterface {
  name = 'Matching1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // Written in the same transaction as the change it announces; a relay moves each row to its
    // queue. `payload` carries ids only.
    await q.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY,
        topic text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        CONSTRAINT pk_outbox PRIMARY KEY (id),
        CONSTRAINT ck_outbox_topic CHECK (topic ~ '^[a-z_]+\\.[a-z_]+$'),
        CONSTRAINT ck_outbox_payload CHECK (jsonb_typeof(payload) = 'object'),
        CONSTRAINT ck_outbox_attempts CHECK (attempts >= 0)
      )`);
    await q.query(
      `CREATE INDEX ix_outbox_pending ON outbox (available_at, id) WHERE dispatched_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX ix_outbox_dispatched ON outbox (dispatched_at) WHERE dispatched_at IS NOT NULL`,
    );
    // Wakes the relay at commit, so it need not poll fast; polling stays as the safety net.
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_outbox_notify AFTER INSERT ON outbox
        FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);

    // change_seq counts the changes that matter to the region's matching; served_seq is the last
    // one a finished run had in its snapshot. A run is due while change_seq > served_seq.
    await q.query(`
      CREATE TABLE matching_region_state (
        region_code text NOT NULL,
        change_seq bigint NOT NULL DEFAULT 0,
        served_seq bigint NOT NULL DEFAULT 0,
        changed_at timestamptz,
        served_at timestamptz,
        CONSTRAINT pk_matching_region_state PRIMARY KEY (region_code),
        CONSTRAINT fk_matching_region_state_region FOREIGN KEY (region_code) REFERENCES regions (code),
        CONSTRAINT ck_matching_region_state_seq CHECK (served_seq >= 0 AND served_seq <= change_seq)
      )`);

    await q.query(`
      CREATE TABLE matching_runs (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        region_code text NOT NULL,
        status text NOT NULL DEFAULT 'queued',
        trigger text NOT NULL,
        dry_run boolean NOT NULL DEFAULT false,
        policy_overrides jsonb,
        policy_version integer,
        job_id text,
        attempts integer NOT NULL DEFAULT 0,
        snapshot_seq bigint,
        stats jsonb,
        error text,
        requested_by_token_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        CONSTRAINT pk_matching_runs PRIMARY KEY (id),
        CONSTRAINT fk_matching_runs_region FOREIGN KEY (region_code) REFERENCES regions (code),
        CONSTRAINT fk_matching_runs_token FOREIGN KEY (requested_by_token_id) REFERENCES api_tokens (id),
        CONSTRAINT ck_matching_runs_status CHECK (status IN ('queued', 'running', 'done', 'failed')),
        CONSTRAINT ck_matching_runs_trigger CHECK (trigger IN ('change', 'request', 'nightly')),
        CONSTRAINT ck_matching_runs_finished CHECK ((status IN ('done', 'failed')) = (finished_at IS NOT NULL)),
        CONSTRAINT ck_matching_runs_failed CHECK (status <> 'failed' OR error IS NOT NULL),
        CONSTRAINT ck_matching_runs_dry_overrides CHECK (policy_overrides IS NULL OR dry_run)
      )`);
    // One run per region at a time (the run also holds an advisory lock on its region, which the
    // database releases should the worker die; this index is the rule in the data itself).
    await q.query(
      `CREATE UNIQUE INDEX uq_matching_runs_one_running ON matching_runs (region_code)
         WHERE status = 'running' AND NOT dry_run`,
    );
    // A job that is retried after a crash finds its run again instead of starting another.
    await q.query(
      `CREATE UNIQUE INDEX uq_matching_runs_job ON matching_runs (job_id) WHERE job_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_matching_runs_region_created ON matching_runs (region_code, created_at, id)`,
    );

    await q.query(`
      CREATE TABLE proposals (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL,
        client_id uuid NOT NULL,
        region_code text NOT NULL,
        status text NOT NULL DEFAULT 'proposed',
        version integer NOT NULL DEFAULT 1,
        origin text NOT NULL DEFAULT 'run',
        run_id uuid,
        score double precision NOT NULL,
        breakdown jsonb NOT NULL,
        rules jsonb NOT NULL,
        policy_version integer NOT NULL,
        deadline timestamptz,
        approved_at timestamptz,
        corporation_decision text,
        corporation_decided_at timestamptz,
        provider_decision text,
        provider_decided_at timestamptz,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        placed_at timestamptz,
        CONSTRAINT pk_proposals PRIMARY KEY (id),
        CONSTRAINT fk_proposals_unit FOREIGN KEY (unit_id) REFERENCES units (id),
        CONSTRAINT fk_proposals_client FOREIGN KEY (client_id) REFERENCES clients (id),
        CONSTRAINT fk_proposals_region FOREIGN KEY (region_code) REFERENCES regions (code),
        CONSTRAINT fk_proposals_run FOREIGN KEY (run_id) REFERENCES matching_runs (id),
        CONSTRAINT fk_proposals_policy FOREIGN KEY (region_code, policy_version)
          REFERENCES region_policies (region_code, version),
        CONSTRAINT ck_proposals_status CHECK (status IN
          ('proposed', 'approved', 'accepted', 'rejected', 'declined', 'placed', 'cancelled', 'expired')),
        -- A reason is a code from the documented list, never free text about a person.
        CONSTRAINT ck_proposals_reason CHECK (reason IS NULL OR reason ~ '^[a-z_]{1,40}$'),
        CONSTRAINT ck_proposals_origin CHECK (origin IN ('run', 'manual')),
        CONSTRAINT ck_proposals_run CHECK ((origin = 'run') = (run_id IS NOT NULL)),
        CONSTRAINT ck_proposals_version CHECK (version >= 1),
        CONSTRAINT ck_proposals_score CHECK (score >= 0 AND score <= 1),
        CONSTRAINT ck_proposals_breakdown CHECK (jsonb_typeof(breakdown) = 'object'),
        CONSTRAINT ck_proposals_rules CHECK (jsonb_typeof(rules) = 'array'),
        CONSTRAINT ck_proposals_decisions CHECK (
          (corporation_decision IS NULL OR corporation_decision IN ('accepted', 'declined')) AND
          (provider_decision IS NULL OR provider_decision IN ('accepted', 'declined')) AND
          (corporation_decision IS NULL) = (corporation_decided_at IS NULL) AND
          (provider_decision IS NULL) = (provider_decided_at IS NULL)),
        CONSTRAINT ck_proposals_closed CHECK (
          (status IN ('rejected', 'declined', 'placed', 'cancelled', 'expired')) = (closed_at IS NOT NULL)),
        CONSTRAINT ck_proposals_placed CHECK ((status = 'placed') = (placed_at IS NOT NULL)),
        -- A corporation or provider only ever deals with a proposal a matcher approved.
        CONSTRAINT ck_proposals_approved CHECK (
          status NOT IN ('approved', 'accepted', 'placed') OR approved_at IS NOT NULL)
      )`);
    // The heart of "exactly once": at most one open proposal per unit and per client, whoever
    // (a run, a retried run, a matcher) tries to write a second.
    await q.query(
      `CREATE UNIQUE INDEX uq_proposals_open_unit ON proposals (unit_id)
         WHERE status IN ('proposed', 'approved', 'accepted')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_proposals_open_client ON proposals (client_id)
         WHERE status IN ('proposed', 'approved', 'accepted')`,
    );
    await q.query(`CREATE INDEX ix_proposals_region_status ON proposals (region_code, status)`);
    await q.query(`CREATE INDEX ix_proposals_created ON proposals (created_at, id)`);
    await q.query(`CREATE INDEX ix_proposals_client ON proposals (client_id)`);
    await q.query(`CREATE INDEX ix_proposals_run ON proposals (run_id)`);

    // What a dry run would have proposed: never offered to anyone, never touching a unit or client.
    await q.query(`
      CREATE TABLE matching_run_previews (
        run_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        client_id uuid NOT NULL,
        score double precision NOT NULL,
        breakdown jsonb NOT NULL,
        CONSTRAINT pk_matching_run_previews PRIMARY KEY (run_id, unit_id),
        CONSTRAINT uq_matching_run_previews_client UNIQUE (run_id, client_id),
        CONSTRAINT fk_matching_run_previews_run FOREIGN KEY (run_id) REFERENCES matching_runs (id)
          ON DELETE CASCADE,
        CONSTRAINT fk_matching_run_previews_unit FOREIGN KEY (unit_id) REFERENCES units (id),
        CONSTRAINT fk_matching_run_previews_client FOREIGN KEY (client_id) REFERENCES clients (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE matching_run_previews`);
    await q.query(`DROP TABLE proposals`);
    await q.query(`DROP TABLE matching_runs`);
    await q.query(`DROP TABLE matching_region_state`);
    await q.query(`DROP TRIGGER tr_outbox_notify ON outbox`);
    await q.query(`DROP FUNCTION outbox_notify()`);
    await q.query(`DROP TABLE outbox`);
  }
}
