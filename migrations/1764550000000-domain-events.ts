import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The events organisations are told about (a proposal approved, a deadline near, a review due): one
 * row per event, written in the transaction that causes it, with the organisations it concerns.
 * Webhooks deliver from here; payloads hold ids and codes, never a client's profile.
 */
export class DomainEvents1764550000000 implements MigrationInterface {
  name = 'DomainEvents1764550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE domain_events (
        id bigint GENERATED ALWAYS AS IDENTITY,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        region_code text NOT NULL,
        organisation_ids uuid[] NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT pk_domain_events PRIMARY KEY (id),
        CONSTRAINT ck_domain_events_type CHECK (type ~ '^[a-z]+\\.[a-z_]{1,40}$'),
        CONSTRAINT ck_domain_events_subject_type CHECK (subject_type ~ '^[a-z_]{1,30}$'),
        CONSTRAINT ck_domain_events_audience CHECK (cardinality(organisation_ids) BETWEEN 1 AND 50),
        CONSTRAINT ck_domain_events_data CHECK (
          jsonb_typeof(data) = 'object' AND octet_length(data::text) <= 4096)
      )`);
    await q.query(
      `CREATE INDEX ix_domain_events_subject ON domain_events (subject_type, subject_id, id)`,
    );
    await q.query(
      `CREATE INDEX ix_domain_events_audience ON domain_events USING gin (organisation_ids)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE domain_events`);
  }
}
