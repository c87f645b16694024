import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry: region policies (versioned, immutable), units, pseudonymised clients, support
 * coverage, contingent pledges and the append-only audit trail. Every rule the services check
 * is backed here by a constraint, a foreign key, a unique index or a trigger.
 */
export class Registry1763800100000 implements MigrationInterface {
  name = 'Registry1763800100000';

  async up(q: QueryRunner): Promise<void> {
    // Lets units reference (neighbourhood, municipality) together: the pair must agree.
    await q.query(
      `ALTER TABLE neighbourhoods ADD CONSTRAINT uq_neighbourhoods_code_municipality
         UNIQUE (code, municipality_code)`,
    );

    await q.query(`
      CREATE TABLE region_policies (
        region_code text NOT NULL,
        version integer NOT NULL,
        weight_location numeric(6,4) NOT NULL,
        weight_spreiding numeric(6,4) NOT NULL,
        weight_prikkelarm numeric(6,4) NOT NULL,
        weight_begeleiding numeric(6,4) NOT NULL,
        weight_wait numeric(6,4) NOT NULL,
        neighbourhood_cap integer NOT NULL,
        cap_window_months integer NOT NULL,
        max_distance_km numeric(6,2) NOT NULL,
        planning_horizon_days integer NOT NULL,
        matcher_days integer NOT NULL,
        corporation_days integer NOT NULL,
        provider_days integer NOT NULL,
        retention_months integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by_token_id uuid,
        CONSTRAINT pk_region_policies PRIMARY KEY (region_code, version),
        CONSTRAINT fk_region_policies_region FOREIGN KEY (region_code) REFERENCES regions (code),
        CONSTRAINT fk_region_policies_token FOREIGN KEY (created_by_token_id) REFERENCES api_tokens (id),
        CONSTRAINT ck_region_policies_version CHECK (version >= 1),
        CONSTRAINT ck_region_policies_weights CHECK (
          weight_location >= 0 AND weight_spreiding >= 0 AND weight_prikkelarm >= 0 AND
          weight_begeleiding >= 0 AND weight_wait >= 0 AND
          weight_location + weight_spreiding + weight_prikkelarm + weight_begeleiding + weight_wait > 0),
        CONSTRAINT ck_region_policies_neighbourhood_cap CHECK (neighbourhood_cap BETWEEN 0 AND 1000),
        CONSTRAINT ck_region_policies_cap_window CHECK (cap_window_months BETWEEN 1 AND 120),
        CONSTRAINT ck_region_policies_distance CHECK (max_distance_km > 0 AND max_distance_km <= 300),
        CONSTRAINT ck_region_policies_horizon CHECK (planning_horizon_days BETWEEN 0 AND 730),
        CONSTRAINT ck_region_policies_deadlines CHECK (
          matcher_days BETWEEN 1 AND 90 AND corporation_days BETWEEN 1 AND 90 AND
          provider_days BETWEEN 1 AND 90),
        CONSTRAINT ck_region_policies_retention CHECK (retention_months BETWEEN 1 AND 240)
      )`);
    await q.query(`
      CREATE TABLE region_policy_municipality_caps (
        region_code text NOT NULL,
        version integer NOT NULL,
        municipality_code text NOT NULL,
        cap integer NOT NULL,
        CONSTRAINT pk_region_policy_municipality_caps PRIMARY KEY (region_code, version, municipality_code),
        CONSTRAINT fk_region_policy_municipality_caps_policy FOREIGN KEY (region_code, version)
          REFERENCES region_policies (region_code, version),
        CONSTRAINT fk_region_policy_municipality_caps_municipality FOREIGN KEY (municipality_code)
          REFERENCES municipalities (code),
        CONSTRAINT ck_region_policy_municipality_caps_cap CHECK (cap BETWEEN 0 AND 100000)
      )`);
    // A policy version, once written, is history: proposals cite it.
    await q.query(`
      CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of ['region_policies', 'region_policy_municipality_caps']) {
      await q.query(
        `CREATE TRIGGER tr_${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
           FOR EACH ROW EXECUTE FUNCTION forbid_change()`,
      );
    }

    await q.query(`
      CREATE TABLE skaeve_huis_clusters (
        corporation_id uuid NOT NULL,
        cluster_id text NOT NULL,
        municipality_code text NOT NULL,
        unit_count integer NOT NULL DEFAULT 0,
        CONSTRAINT pk_skaeve_huis_clusters PRIMARY KEY (corporation_id, cluster_id),
        CONSTRAINT uq_skaeve_huis_clusters_municipality UNIQUE (corporation_id, cluster_id, municipality_code),
        CONSTRAINT fk_skaeve_huis_clusters_corporation FOREIGN KEY (corporation_id) REFERENCES organisations (id),
        CONSTRAINT fk_skaeve_huis_clusters_municipality FOREIGN KEY (municipality_code)
          REFERENCES municipalities (code),
        -- Skaeve Huse come in clusters of at most six (seed 002, L1559-1566).
        CONSTRAINT ck_skaeve_huis_clusters_size CHECK (unit_count BETWEEN 0 AND 6)
      )`);

    await q.query(`
      CREATE TABLE units (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        corporation_id uuid NOT NULL,
        corporation_kind text NOT NULL DEFAULT 'corporatie',
        external_ref text NOT NULL,
        type text NOT NULL,
        status text NOT NULL DEFAULT 'available',
        street text NOT NULL,
        house_number text NOT NULL,
        postcode text NOT NULL,
        municipality_code text NOT NULL,
        neighbourhood_code text NOT NULL,
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        rent numeric(8,2) NOT NULL,
        bedrooms integer NOT NULL,
        floor integer NOT NULL,
        has_lift boolean NOT NULL,
        wheelchair_accessible boolean NOT NULL,
        stimulus text NOT NULL,
        furnished boolean NOT NULL,
        available_from date NOT NULL,
        contingent_year integer,
        omklap_review_after_months integer,
        doorstroom_max_stay_months integer,
        cluster_id text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        CONSTRAINT pk_units PRIMARY KEY (id),
        CONSTRAINT uq_units_corporation_external_ref UNIQUE (corporation_id, external_ref),
        CONSTRAINT fk_units_corporation FOREIGN KEY (corporation_id, corporation_kind)
          REFERENCES organisations (id, kind),
        CONSTRAINT fk_units_neighbourhood FOREIGN KEY (neighbourhood_code, municipality_code)
          REFERENCES neighbourhoods (code, municipality_code),
        CONSTRAINT fk_units_cluster FOREIGN KEY (corporation_id, cluster_id, municipality_code)
          REFERENCES skaeve_huis_clusters (corporation_id, cluster_id, municipality_code),
        CONSTRAINT ck_units_corporation_kind CHECK (corporation_kind = 'corporatie'),
        CONSTRAINT ck_units_external_ref CHECK (external_ref ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
        CONSTRAINT ck_units_type CHECK (type IN ('contingent', 'omklap', 'skaeve_huis', 'doorstroom')),
        CONSTRAINT ck_units_status CHECK (status IN ('available', 'proposed', 'let', 'withdrawn')),
        CONSTRAINT ck_units_withdrawn CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)),
        CONSTRAINT ck_units_street CHECK (length(btrim(street)) BETWEEN 1 AND 200),
        CONSTRAINT ck_units_house_number CHECK (house_number ~ '^[1-9][0-9]{0,4}([ -]?[A-Za-z0-9]{1,6})?$'),
        CONSTRAINT ck_units_postcode CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$' AND right(postcode, 2) NOT IN ('SA', 'SD', 'SS')),
        CONSTRAINT ck_units_in_nl CHECK (lat BETWEEN 50.7 AND 53.7 AND lon BETWEEN 3.2 AND 7.3),
        CONSTRAINT ck_units_rent CHECK (rent > 0 AND rent < 5000),
        CONSTRAINT ck_units_bedrooms CHECK (bedrooms BETWEEN 0 AND 10),
        CONSTRAINT ck_units_floor CHECK (floor BETWEEN -1 AND 60),
        CONSTRAINT ck_units_stimulus CHECK (stimulus IN ('low', 'medium', 'high')),
        CONSTRAINT ck_units_contingent CHECK (
          (type = 'contingent') = (contingent_year IS NOT NULL) AND
          (contingent_year IS NULL OR contingent_year BETWEEN 2000 AND 2100)),
        CONSTRAINT ck_units_omklap CHECK (
          (type = 'omklap') = (omklap_review_after_months IS NOT NULL) AND
          (omklap_review_after_months IS NULL OR omklap_review_after_months BETWEEN 1 AND 60)),
        CONSTRAINT ck_units_doorstroom CHECK (
          (type = 'doorstroom') = (doorstroom_max_stay_months IS NOT NULL) AND
          (doorstroom_max_stay_months IS NULL OR doorstroom_max_stay_months BETWEEN 1 AND 60)),
        CONSTRAINT ck_units_cluster CHECK ((type = 'skaeve_huis') = (cluster_id IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_units_corporation_created ON units (corporation_id, created_at, id)`,
    );
    await q.query(`CREATE INDEX ix_units_municipality_status ON units (municipality_code, status)`);
    await q.query(`CREATE INDEX ix_units_neighbourhood ON units (neighbourhood_code)`);
    // Keeps skaeve_huis_clusters.unit_count equal to the cluster's units that are not withdrawn,
    // by increments: concurrent inserts serialise on the cluster row and the check catches a 7th.
    await q.query(`
      CREATE FUNCTION units_count_cluster() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.cluster_id IS NOT NULL AND OLD.status <> 'withdrawn' THEN
          UPDATE skaeve_huis_clusters SET unit_count = unit_count - 1
           WHERE corporation_id = OLD.corporation_id AND cluster_id = OLD.cluster_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.cluster_id IS NOT NULL AND NEW.status <> 'withdrawn' THEN
          UPDATE skaeve_huis_clusters SET unit_count = unit_count + 1
           WHERE corporation_id = NEW.corporation_id AND cluster_id = NEW.cluster_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_units_count_cluster AFTER INSERT OR DELETE OR UPDATE OF cluster_id, status
        ON units FOR EACH ROW EXECUTE FUNCTION units_count_cluster()`);

    await q.query(`
      CREATE TABLE clients (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        provider_id uuid NOT NULL,
        provider_kind text NOT NULL,
        external_ref text NOT NULL,
        status text NOT NULL DEFAULT 'waiting',
        target_group text NOT NULL,
        adults integer NOT NULL,
        children integer NOT NULL,
        max_rent numeric(8,2) NOT NULL,
        municipality_of_belonging text NOT NULL,
        stimulus_need text NOT NULL,
        support_intensity text NOT NULL,
        support_provider_id uuid,
        support_provider_kind text,
        needs_ground_floor_or_lift boolean NOT NULL,
        needs_wheelchair boolean NOT NULL,
        routes text[] NOT NULL,
        ready_since date NOT NULL,
        urgent boolean NOT NULL,
        consent_given_on date,
        consent_scope text,
        parked_until date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        anonymised_at timestamptz,
        CONSTRAINT pk_clients PRIMARY KEY (id),
        CONSTRAINT uq_clients_provider_external_ref UNIQUE (provider_id, external_ref),
        CONSTRAINT fk_clients_provider FOREIGN KEY (provider_id, provider_kind)
          REFERENCES organisations (id, kind),
        CONSTRAINT fk_clients_support_provider FOREIGN KEY (support_provider_id, support_provider_kind)
          REFERENCES organisations (id, kind),
        CONSTRAINT fk_clients_municipality FOREIGN KEY (municipality_of_belonging)
          REFERENCES municipalities (code),
        CONSTRAINT ck_clients_provider_kind CHECK (provider_kind IN ('zorgaanbieder', 'welzijnsaanbieder')),
        CONSTRAINT ck_clients_support_provider_kind CHECK (
          (support_provider_id IS NULL) = (support_provider_kind IS NULL) AND
          (support_provider_kind IS NULL OR support_provider_kind IN ('zorgaanbieder', 'welzijnsaanbieder'))),
        CONSTRAINT ck_clients_external_ref CHECK (
          external_ref ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$' OR anonymised_at IS NOT NULL),
        CONSTRAINT ck_clients_status CHECK (status IN ('waiting', 'proposed', 'placed', 'withdrawn')),
        CONSTRAINT ck_clients_closed CHECK ((status IN ('placed', 'withdrawn')) = (closed_at IS NOT NULL)),
        CONSTRAINT ck_clients_anonymised CHECK (anonymised_at IS NULL OR closed_at IS NOT NULL),
        CONSTRAINT ck_clients_target_group CHECK (target_group IN ('bw', 'mo', 'vo', 'other')),
        CONSTRAINT ck_clients_household CHECK (adults BETWEEN 1 AND 10 AND children BETWEEN 0 AND 15),
        CONSTRAINT ck_clients_max_rent CHECK (max_rent > 0 AND max_rent < 5000),
        CONSTRAINT ck_clients_stimulus_need CHECK (stimulus_need IN ('required', 'preferred', 'none')),
        CONSTRAINT ck_clients_support_intensity CHECK (support_intensity IN ('light', 'regular', 'intensive')),
        CONSTRAINT ck_clients_routes CHECK (
          cardinality(routes) BETWEEN 1 AND 4 AND
          routes <@ ARRAY['contingent', 'omklap', 'skaeve_huis', 'doorstroom']::text[]),
        CONSTRAINT ck_clients_consent CHECK (
          (consent_given_on IS NULL) = (consent_scope IS NULL) AND
          (consent_scope IS NULL OR consent_scope IN ('matching', 'matching_with_support')))
      )`);
    await q.query(
      `CREATE INDEX ix_clients_provider_created ON clients (provider_id, created_at, id)`,
    );
    await q.query(
      `CREATE INDEX ix_clients_municipality_status ON clients (municipality_of_belonging, status)`,
    );
    await q.query(`
      CREATE TABLE client_municipalities (
        client_id uuid NOT NULL,
        municipality_code text NOT NULL,
        relation text NOT NULL,
        rank integer NOT NULL,
        -- One row per client and municipality: preferred and avoided cannot overlap.
        CONSTRAINT pk_client_municipalities PRIMARY KEY (client_id, municipality_code),
        CONSTRAINT uq_client_municipalities_rank UNIQUE (client_id, relation, rank),
        CONSTRAINT fk_client_municipalities_client FOREIGN KEY (client_id) REFERENCES clients (id)
          ON DELETE CASCADE,
        CONSTRAINT fk_client_municipalities_municipality FOREIGN KEY (municipality_code)
          REFERENCES municipalities (code),
        CONSTRAINT ck_client_municipalities_relation CHECK (relation IN ('preferred', 'avoided')),
        CONSTRAINT ck_client_municipalities_rank CHECK (rank BETWEEN 0 AND 49)
      )`);
    await q.query(`
      CREATE TABLE client_anchors (
        client_id uuid NOT NULL,
        position integer NOT NULL,
        kind text NOT NULL,
        -- Two decimals (about 1 km): coarse by type, never an address.
        lat numeric(4,2) NOT NULL,
        lon numeric(4,2) NOT NULL,
        CONSTRAINT pk_client_anchors PRIMARY KEY (client_id, position),
        CONSTRAINT fk_client_anchors_client FOREIGN KEY (client_id) REFERENCES clients (id)
          ON DELETE CASCADE,
        CONSTRAINT ck_client_anchors_position CHECK (position BETWEEN 0 AND 9),
        CONSTRAINT ck_client_anchors_kind CHECK (kind IN ('family', 'work', 'daytime', 'support', 'other')),
        CONSTRAINT ck_client_anchors_in_nl CHECK (lat BETWEEN 50.7 AND 53.7 AND lon BETWEEN 3.2 AND 7.3)
      )`);

    await q.query(`
      CREATE TABLE provider_coverage (
        provider_id uuid NOT NULL,
        provider_kind text NOT NULL,
        municipality_code text NOT NULL,
        capacity integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_provider_coverage PRIMARY KEY (provider_id, municipality_code),
        CONSTRAINT fk_provider_coverage_provider FOREIGN KEY (provider_id, provider_kind)
          REFERENCES organisations (id, kind) ON DELETE CASCADE,
        CONSTRAINT fk_provider_coverage_municipality FOREIGN KEY (municipality_code)
          REFERENCES municipalities (code),
        CONSTRAINT ck_provider_coverage_kind CHECK (provider_kind IN ('zorgaanbieder', 'welzijnsaanbieder')),
        CONSTRAINT ck_provider_coverage_capacity CHECK (capacity BETWEEN 0 AND 100000)
      )`);

    await q.query(`
      CREATE TABLE contingent_pledges (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        corporation_id uuid NOT NULL,
        corporation_kind text NOT NULL DEFAULT 'corporatie',
        municipality_code text NOT NULL,
        year integer NOT NULL,
        pledged integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_contingent_pledges PRIMARY KEY (id),
        CONSTRAINT uq_contingent_pledges_corporation_municipality_year
          UNIQUE (corporation_id, municipality_code, year),
        CONSTRAINT fk_contingent_pledges_corporation FOREIGN KEY (corporation_id, corporation_kind)
          REFERENCES organisations (id, kind),
        CONSTRAINT fk_contingent_pledges_municipality FOREIGN KEY (municipality_code)
          REFERENCES municipalities (code),
        CONSTRAINT ck_contingent_pledges_kind CHECK (corporation_kind = 'corporatie'),
        CONSTRAINT ck_contingent_pledges_year CHECK (year BETWEEN 2000 AND 2100),
        CONSTRAINT ck_contingent_pledges_pledged CHECK (pledged BETWEEN 0 AND 100000)
      )`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        organisation_id uuid,
        token_id uuid,
        request_id text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT pk_audit_events PRIMARY KEY (id),
        CONSTRAINT ck_audit_events_action CHECK (action ~ '^[a-z_]+\\.[a-z_]+$')
      )`);
    await q.query(
      `CREATE INDEX ix_audit_events_entity ON audit_events (entity_type, entity_id, id)`,
    );
    await q.query(
      `CREATE TRIGGER tr_audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
         FOR EACH ROW EXECUTE FUNCTION forbid_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP TABLE contingent_pledges`);
    await q.query(`DROP TABLE provider_coverage`);
    await q.query(`DROP TABLE client_anchors`);
    await q.query(`DROP TABLE client_municipalities`);
    await q.query(`DROP TABLE clients`);
    await q.query(`DROP TRIGGER tr_units_count_cluster ON units`);
    await q.query(`DROP FUNCTION units_count_cluster()`);
    await q.query(`DROP TABLE units`);
    await q.query(`DROP TABLE skaeve_huis_clusters`);
    await q.query(`DROP TABLE region_policy_municipality_caps`);
    await q.query(`DROP TABLE region_policies`);
    await q.query(`DROP FUNCTION forbid_change()`);
    await q.query(`ALTER TABLE neighbourhoods DROP CONSTRAINT uq_neighbourhoods_code_municipality`);
  }
}
