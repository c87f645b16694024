import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks: an organisation's endpoints with the event types each wants, and a delivery log with
 * one row per (webhook, event), so a repeated job can never send a logically new delivery.
 * Events get a public id (a uuid) for receivers to de-duplicate by: the internal sequence would
 * tell one organisation how many events others were sent.
 */
export class Webhooks1764700000000 implements MigrationInterface {
  name = 'Webhooks1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE domain_events ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid()`,
    );
    await q.query(
      `ALTER TABLE domain_events ADD CONSTRAINT uq_domain_events_public_id UNIQUE (public_id)`,
    );
    await q.query(`
      CREATE TABLE webhooks (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        url text NOT NULL,
        event_types text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        secret_ciphertext text NOT NULL,
        secret_rotated_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_webhooks PRIMARY KEY (id),
        CONSTRAINT fk_webhooks_organisation FOREIGN KEY (organisation_id)
          REFERENCES organisations (id),
        CONSTRAINT ck_webhooks_url CHECK (url ~ '^https?://' AND char_length(url) <= 2048),
        CONSTRAINT ck_webhooks_event_types CHECK (
          cardinality(event_types) BETWEEN 1 AND 50
          AND array_position(event_types, NULL) IS NULL),
        CONSTRAINT ck_webhooks_secret CHECK (secret_ciphertext ~ '^v1\\.')
      )`);
    await q.query(
      `CREATE INDEX ix_webhooks_organisation ON webhooks (organisation_id, created_at, id)`,
    );
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL,
        event_id bigint NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_status_code integer,
        last_error text,
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_webhook_deliveries PRIMARY KEY (id),
        CONSTRAINT uq_webhook_deliveries_webhook_event UNIQUE (webhook_id, event_id),
        CONSTRAINT fk_webhook_deliveries_webhook FOREIGN KEY (webhook_id)
          REFERENCES webhooks (id) ON DELETE CASCADE,
        CONSTRAINT fk_webhook_deliveries_event FOREIGN KEY (event_id)
          REFERENCES domain_events (id) ON DELETE CASCADE,
        CONSTRAINT ck_webhook_deliveries_status CHECK (
          status IN ('pending', 'retrying', 'delivered', 'failed', 'cancelled')),
        CONSTRAINT ck_webhook_deliveries_attempts CHECK (attempts >= 0),
        CONSTRAINT ck_webhook_deliveries_status_code CHECK (
          last_status_code IS NULL OR last_status_code BETWEEN 100 AND 599),
        CONSTRAINT ck_webhook_deliveries_error CHECK (char_length(last_error) <= 500),
        CONSTRAINT ck_webhook_deliveries_delivered CHECK (
          (status = 'delivered') = (delivered_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_webhook_deliveries_log ON webhook_deliveries (webhook_id, created_at, id)`,
    );
    await q.query(`CREATE INDEX ix_webhook_deliveries_event ON webhook_deliveries (event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhooks`);
    await q.query(`ALTER TABLE domain_events DROP COLUMN public_id`);
  }
}
