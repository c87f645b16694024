import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regions, municipalities and neighbourhoods (CBS codes), organisations and their API tokens.
 * Organisations reference the region they work in, so the reference tables come first.
 */
export class ReferenceAndIdentity1763800000000 implements MigrationInterface {
  name = 'ReferenceAndIdentity1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE regions (
        code text NOT NULL,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_regions PRIMARY KEY (code),
        CONSTRAINT ck_regions_code CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
        CONSTRAINT ck_regions_name CHECK (length(btrim(name)) BETWEEN 1 AND 200)
      )`);
    await queryRunner.query(`
      CREATE TABLE municipalities (
        code text NOT NULL,
        name text NOT NULL,
        region_code text NOT NULL,
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_municipalities PRIMARY KEY (code),
        CONSTRAINT fk_municipalities_region FOREIGN KEY (region_code) REFERENCES regions (code),
        CONSTRAINT ck_municipalities_code CHECK (code ~ '^GM[0-9]{4}$'),
        CONSTRAINT ck_municipalities_name CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        CONSTRAINT ck_municipalities_in_nl CHECK (lat BETWEEN 50.7 AND 53.7 AND lon BETWEEN 3.2 AND 7.3)
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_municipalities_region ON municipalities (region_code)`,
    );
    await queryRunner.query(`
      CREATE TABLE neighbourhoods (
        code text NOT NULL,
        name text NOT NULL,
        municipality_code text NOT NULL,
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_neighbourhoods PRIMARY KEY (code),
        CONSTRAINT fk_neighbourhoods_municipality FOREIGN KEY (municipality_code)
          REFERENCES municipalities (code),
        CONSTRAINT ck_neighbourhoods_code CHECK (code ~ '^BU[0-9]{8}$'),
        -- A CBS buurtcode embeds its gemeentecode: BU0983 0101 lies in GM0983.
        CONSTRAINT ck_neighbourhoods_code_in_municipality
          CHECK (substr(code, 3, 4) = substr(municipality_code, 3, 4)),
        CONSTRAINT ck_neighbourhoods_name CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        CONSTRAINT ck_neighbourhoods_in_nl CHECK (lat BETWEEN 50.7 AND 53.7 AND lon BETWEEN 3.2 AND 7.3)
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_neighbourhoods_municipality ON neighbourhoods (municipality_code)`,
    );

    await queryRunner.query(`
      CREATE TABLE organisations (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL,
        region_code text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organisations PRIMARY KEY (id),
        CONSTRAINT uq_organisations_id_kind UNIQUE (id, kind),
        CONSTRAINT fk_organisations_region FOREIGN KEY (region_code) REFERENCES regions (code),
        CONSTRAINT ck_organisations_kind CHECK (kind IN
          ('platform', 'matchingspunt', 'corporatie', 'zorgaanbieder', 'welzijnsaanbieder', 'gemeente')),
        CONSTRAINT ck_organisations_region CHECK ((kind = 'platform') = (region_code IS NULL)),
        CONSTRAINT ck_organisations_name CHECK (length(btrim(name)) BETWEEN 1 AND 200)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_organisations_region_name
         ON organisations (coalesce(region_code, ''), lower(name))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_organisations_single_platform ON organisations (kind)
         WHERE kind = 'platform'`,
    );
    await queryRunner.query(`
      CREATE TABLE organisation_municipalities (
        organisation_id uuid NOT NULL,
        organisation_kind text NOT NULL,
        municipality_code text NOT NULL,
        CONSTRAINT pk_organisation_municipalities PRIMARY KEY (organisation_id, municipality_code),
        CONSTRAINT fk_organisation_municipalities_organisation
          FOREIGN KEY (organisation_id, organisation_kind) REFERENCES organisations (id, kind)
          ON DELETE CASCADE,
        CONSTRAINT fk_organisation_municipalities_municipality
          FOREIGN KEY (municipality_code) REFERENCES municipalities (code),
        CONSTRAINT ck_organisation_municipalities_kind
          CHECK (organisation_kind IN ('matchingspunt', 'gemeente'))
      )`);
    // A municipality is served by one matchingspunt; a gemeente organisation is one municipality.
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_organisation_municipalities_one_point
         ON organisation_municipalities (municipality_code) WHERE organisation_kind = 'matchingspunt'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_organisation_municipalities_one_gemeente
         ON organisation_municipalities (organisation_id) WHERE organisation_kind = 'gemeente'`,
    );

    await queryRunner.query(`
      CREATE TABLE api_tokens (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        organisation_kind text NOT NULL,
        role text NOT NULL,
        label text NOT NULL,
        token_hash text NOT NULL,
        token_prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        last_used_at timestamptz,
        CONSTRAINT pk_api_tokens PRIMARY KEY (id),
        CONSTRAINT uq_api_tokens_hash UNIQUE (token_hash),
        CONSTRAINT fk_api_tokens_organisation
          FOREIGN KEY (organisation_id, organisation_kind) REFERENCES organisations (id, kind),
        CONSTRAINT ck_api_tokens_hash CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_api_tokens_label CHECK (length(btrim(label)) BETWEEN 1 AND 100),
        CONSTRAINT ck_api_tokens_role_fits_kind CHECK (
          (role = 'admin' AND organisation_kind = 'platform') OR
          (role = 'matcher' AND organisation_kind = 'matchingspunt') OR
          (role = 'corporation' AND organisation_kind = 'corporatie') OR
          (role = 'provider' AND organisation_kind IN ('zorgaanbieder', 'welzijnsaanbieder')) OR
          (role = 'viewer' AND organisation_kind = 'gemeente'))
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_api_tokens_organisation ON api_tokens (organisation_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE api_tokens`);
    await queryRunner.query(`DROP TABLE organisation_municipalities`);
    await queryRunner.query(`DROP TABLE organisations`);
    await queryRunner.query(`DROP TABLE neighbourhoods`);
    await queryRunner.query(`DROP TABLE municipalities`);
    await queryRunner.query(`DROP TABLE regions`);
  }
}
