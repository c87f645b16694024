import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenancy after a placement (docs/workflow.md, "Placements and follow-up"): one placement per
 * placed proposal, with its lifecycle by unit type (omklap: provider's lease → review → flipped,
 * extended or terugklap; doorstroom: an end date and moving on), an append-only history of its
 * events, and the follow-up check-ins due 3, 6 and 12 months after the lease start. Placements
 * made before this migration get their row and check-ins here.
 */
export class Placements1764650000000 implements MigrationInterface {
  name = 'Placements1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE placements (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        client_id uuid NOT NULL,
        corporation_id uuid NOT NULL,
        provider_id uuid NOT NULL,
        region_code text NOT NULL,
        municipality_code text NOT NULL,
        unit_type text NOT NULL,
        lease_start date NOT NULL,
        status text NOT NULL DEFAULT 'active',
        tenant text NOT NULL,
        review_date date,
        review_notified_date date,
        end_date date,
        moving_on_since date,
        ended_on date,
        end_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_placements PRIMARY KEY (id),
        CONSTRAINT uq_placements_proposal UNIQUE (proposal_id),
        CONSTRAINT fk_placements_proposal FOREIGN KEY (proposal_id) REFERENCES proposals (id),
        CONSTRAINT fk_placements_unit FOREIGN KEY (unit_id) REFERENCES units (id),
        CONSTRAINT fk_placements_client FOREIGN KEY (client_id) REFERENCES clients (id),
        CONSTRAINT fk_placements_corporation FOREIGN KEY (corporation_id) REFERENCES organisations (id),
        CONSTRAINT fk_placements_provider FOREIGN KEY (provider_id) REFERENCES organisations (id),
        CONSTRAINT fk_placements_region FOREIGN KEY (region_code) REFERENCES regions (code),
        CONSTRAINT fk_placements_municipality FOREIGN KEY (municipality_code)
          REFERENCES municipalities (code),
        CONSTRAINT ck_placements_unit_type CHECK (
          unit_type IN ('contingent', 'omklap', 'skaeve_huis', 'doorstroom')),
        CONSTRAINT ck_placements_status CHECK (
          status IN ('active', 'flipped', 'terugklap', 'moving_on', 'ended')),
        CONSTRAINT ck_placements_lease_start CHECK (lease_start >= DATE '2000-01-01'),
        CONSTRAINT ck_placements_version CHECK (version >= 1),
        -- Omklap: a review date after the lease start; only omklap flips, reverts or is reviewed.
        CONSTRAINT ck_placements_omklap CHECK (
          (unit_type = 'omklap') = (review_date IS NOT NULL)
          AND (review_date IS NULL OR review_date > lease_start)
          AND (review_notified_date IS NULL OR unit_type = 'omklap')
          AND (status NOT IN ('flipped', 'terugklap') OR unit_type = 'omklap')),
        -- Doorstroom: an end date after the lease start; only doorstroom moves on.
        CONSTRAINT ck_placements_doorstroom CHECK (
          (unit_type = 'doorstroom') = (end_date IS NOT NULL)
          AND (end_date IS NULL OR end_date > lease_start)
          AND (status <> 'moving_on' OR moving_on_since IS NOT NULL)
          AND (moving_on_since IS NULL OR unit_type = 'doorstroom')),
        -- Who holds the lease: the provider while an omklap is not (or no longer) flipped.
        CONSTRAINT ck_placements_tenant CHECK (
          tenant IN ('provider', 'client')
          AND (unit_type = 'omklap' OR tenant = 'client')
          AND (unit_type <> 'omklap' OR status NOT IN ('active', 'terugklap') OR tenant = 'provider')
          AND (status <> 'flipped' OR tenant = 'client')),
        CONSTRAINT ck_placements_ended CHECK (
          (status = 'ended') = (ended_on IS NOT NULL)
          AND (ended_on IS NULL) = (end_reason IS NULL)
          AND (ended_on IS NULL OR ended_on >= lease_start)
          AND (end_reason IS NULL OR end_reason IN ('ended', 'moved_on', 'returned_to_waiting'))
          AND (end_reason <> 'moved_on' OR unit_type = 'doorstroom')
          AND (end_reason <> 'returned_to_waiting' OR unit_type = 'omklap'))
      )`);
    // A unit has one tenancy at a time, and so has a client (a doorstroom one ends when the next
    // placement is made, in the same transaction).
    await q.query(
      `CREATE UNIQUE INDEX uq_placements_open_unit ON placements (unit_id) WHERE status <> 'ended'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_placements_open_client ON placements (client_id) WHERE status <> 'ended'`,
    );
    await q.query(
      `CREATE INDEX ix_placements_municipality ON placements (municipality_code, created_at, id)`,
    );
    await q.query(`CREATE INDEX ix_placements_corporation ON placements (corporation_id)`);
    await q.query(`CREATE INDEX ix_placements_provider ON placements (provider_id)`);
    await q.query(
      `CREATE INDEX ix_placements_follow_up ON placements (unit_type, status) WHERE status <> 'ended'`,
    );

    await q.query(`
      CREATE TABLE placement_events (
        id bigint GENERATED ALWAYS AS IDENTITY,
        placement_id uuid NOT NULL,
        type text NOT NULL,
        date date NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        organisation_id uuid,
        token_id uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_placement_events PRIMARY KEY (id),
        CONSTRAINT fk_placement_events_placement FOREIGN KEY (placement_id) REFERENCES placements (id),
        CONSTRAINT fk_placement_events_organisation FOREIGN KEY (organisation_id)
          REFERENCES organisations (id),
        CONSTRAINT fk_placement_events_token FOREIGN KEY (token_id) REFERENCES api_tokens (id),
        CONSTRAINT ck_placement_events_type CHECK (type IN ('placed', 'omklap_flipped',
          'omklap_extended', 'terugklap', 'returned_to_waiting', 'checkin', 'ended',
          'doorstroom_moving_on', 'moved_on')),
        CONSTRAINT ck_placement_events_date CHECK (date >= DATE '2000-01-01'),
        CONSTRAINT ck_placement_events_details CHECK (
          jsonb_typeof(details) = 'object' AND octet_length(details::text) <= 1024)
      )`);
    await q.query(
      `CREATE INDEX ix_placement_events_placement ON placement_events (placement_id, id)`,
    );
    await q.query(
      `CREATE TRIGGER tr_placement_events_append_only BEFORE UPDATE OR DELETE ON placement_events
         FOR EACH ROW EXECUTE FUNCTION forbid_change()`,
    );

    await q.query(`
      CREATE TABLE placement_checkins (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        placement_id uuid NOT NULL,
        months integer NOT NULL,
        due_date date NOT NULL,
        status text NOT NULL DEFAULT 'open',
        stably_housed boolean,
        recorded_on date,
        recorded_by uuid,
        due_notified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_placement_checkins PRIMARY KEY (id),
        CONSTRAINT uq_placement_checkins_months UNIQUE (placement_id, months),
        CONSTRAINT fk_placement_checkins_placement FOREIGN KEY (placement_id) REFERENCES placements (id),
        CONSTRAINT fk_placement_checkins_recorded_by FOREIGN KEY (recorded_by)
          REFERENCES organisations (id),
        CONSTRAINT ck_placement_checkins_months CHECK (months IN (3, 6, 12)),
        CONSTRAINT ck_placement_checkins_status CHECK (status IN ('open', 'done', 'cancelled')),
        CONSTRAINT ck_placement_checkins_done CHECK (
          (status = 'done') = (stably_housed IS NOT NULL)
          AND (stably_housed IS NULL) = (recorded_on IS NULL)
          AND (recorded_on IS NULL) = (recorded_by IS NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_placement_checkins_open ON placement_checkins (due_date) WHERE status = 'open'`,
    );
    // A check-in is recorded once: a done or cancelled one never changes again.
    await q.query(`
      CREATE FUNCTION forbid_closed_checkin_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.status <> 'open' THEN
          RAISE EXCEPTION 'a % check-in is not changed', OLD.status USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER tr_placement_checkins_once BEFORE UPDATE OR DELETE ON placement_checkins
         FOR EACH ROW EXECUTE FUNCTION forbid_closed_checkin_change()`,
    );

    // Placements made before this migration: their row, history and check-ins.
    await q.query(`
      INSERT INTO placements (proposal_id, unit_id, client_id, corporation_id, provider_id,
                              region_code, municipality_code, unit_type, lease_start, tenant,
                              review_date, end_date, created_at)
      SELECT p.id, p.unit_id, p.client_id, u.corporation_id, c.provider_id, p.region_code,
             u.municipality_code, u.type, p.lease_start,
             CASE WHEN u.type = 'omklap' THEN 'provider' ELSE 'client' END,
             CASE WHEN u.type = 'omklap'
                  THEN p.lease_start + make_interval(months => u.omklap_review_after_months) END,
             CASE WHEN u.type = 'doorstroom'
                  THEN p.lease_start + make_interval(months => u.doorstroom_max_stay_months) END,
             coalesce(p.placed_at, p.updated_at)
        FROM proposals p JOIN units u ON u.id = p.unit_id JOIN clients c ON c.id = p.client_id
       WHERE p.status = 'placed'`);
    await q.query(`
      INSERT INTO placement_events (placement_id, type, date)
      SELECT id, 'placed', lease_start FROM placements`);
    await q.query(`
      INSERT INTO placement_checkins (placement_id, months, due_date)
      SELECT pl.id, m.months, pl.lease_start + make_interval(months => m.months)
        FROM placements pl CROSS JOIN (VALUES (3), (6), (12)) AS m(months)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE placement_checkins`);
    await q.query(`DROP FUNCTION forbid_closed_checkin_change()`);
    await q.query(`DROP TABLE placement_events`);
    await q.query(`DROP TABLE placements`);
  }
}
