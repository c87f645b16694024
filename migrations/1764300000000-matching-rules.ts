import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13's registry fields: the policy's matching rules (one JSON document per policy version,
 * defaults filled in by the service), the client's pets, rent-benefit flags, avoided
 * neighbourhoods and corporations, urgency requested by a provider and confirmed by a matcher,
 * and the date it must have moved by; the unit's service costs, self-containment, pets and
 * senior-only label. No personal data: flags and codes only.
 */
export class MatchingRules1764300000000 implements MigrationInterface {
  name = 'MatchingRules1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // Existing versions keep '{}' and so read back with today's defaults.
    await q.query(`
      ALTER TABLE region_policies
        ADD COLUMN matching_rules jsonb NOT NULL DEFAULT '{}',
        ADD CONSTRAINT ck_region_policies_matching_rules CHECK (
          jsonb_typeof(matching_rules) = 'object'
          AND (NOT matching_rules ? 'minDistanceKmFromAvoided'
               OR (matching_rules->>'minDistanceKmFromAvoided')::numeric BETWEEN 0 AND 100)
          AND (NOT matching_rules ? 'maxWaitDays'
               OR (matching_rules->>'maxWaitDays')::numeric BETWEEN 1 AND 3650)
          AND (NOT matching_rules ? 'clusterCap'
               OR (matching_rules->>'clusterCap')::numeric BETWEEN 0 AND 6))`);

    await q.query(`
      ALTER TABLE clients
        ADD COLUMN pets boolean NOT NULL DEFAULT false,
        ADD COLUMN huurtoeslag_eligible boolean NOT NULL DEFAULT false,
        ADD COLUMN under_23 boolean NOT NULL DEFAULT false,
        ADD COLUMN must_move_by date,
        ADD COLUMN urgency_reason text,
        ADD COLUMN urgency_confirmed_at timestamptz,
        ADD COLUMN urgency_confirmed_by uuid,
        ADD COLUMN urgency_confirmed_by_kind text`);
    // Urgency set before this migration was never confirmed by anyone on record: keep it as
    // confirmed, with reason "other" and no matcher, so no client silently loses its priority.
    await q.query(`
      UPDATE clients SET urgency_reason = 'other', urgency_confirmed_at = updated_at
       WHERE urgent`);
    await q.query(`
      ALTER TABLE clients
        ADD CONSTRAINT ck_clients_urgency_reason CHECK (urgency_reason IN
          ('safety', 'health', 'stay_ending', 'eviction', 'shelter_capacity', 'other')),
        ADD CONSTRAINT ck_clients_urgent_confirmed CHECK (urgent = (urgency_confirmed_at IS NOT NULL)),
        ADD CONSTRAINT ck_clients_urgency_confirmed_reason CHECK (
          urgency_confirmed_at IS NULL OR urgency_reason IS NOT NULL),
        ADD CONSTRAINT ck_clients_urgency_confirmer CHECK (
          (urgency_confirmed_by IS NULL) = (urgency_confirmed_by_kind IS NULL)
          AND (urgency_confirmed_by IS NULL OR urgency_confirmed_at IS NOT NULL)
          AND (urgency_confirmed_by_kind IS NULL OR urgency_confirmed_by_kind = 'matchingspunt')),
        ADD CONSTRAINT fk_clients_urgency_confirmed_by
          FOREIGN KEY (urgency_confirmed_by, urgency_confirmed_by_kind) REFERENCES organisations (id, kind),
        ADD CONSTRAINT ck_clients_must_move_by CHECK (must_move_by IS NULL OR must_move_by >= DATE '2000-01-01')`);

    await q.query(`
      CREATE TABLE client_avoided_neighbourhoods (
        client_id uuid NOT NULL,
        neighbourhood_code text NOT NULL,
        CONSTRAINT pk_client_avoided_neighbourhoods PRIMARY KEY (client_id, neighbourhood_code),
        CONSTRAINT fk_client_avoided_neighbourhoods_client FOREIGN KEY (client_id)
          REFERENCES clients (id) ON DELETE CASCADE,
        CONSTRAINT fk_client_avoided_neighbourhoods_neighbourhood FOREIGN KEY (neighbourhood_code)
          REFERENCES neighbourhoods (code)
      )`);
    await q.query(`
      CREATE TABLE client_avoided_corporations (
        client_id uuid NOT NULL,
        corporation_id uuid NOT NULL,
        corporation_kind text NOT NULL DEFAULT 'corporatie',
        CONSTRAINT pk_client_avoided_corporations PRIMARY KEY (client_id, corporation_id),
        CONSTRAINT fk_client_avoided_corporations_client FOREIGN KEY (client_id)
          REFERENCES clients (id) ON DELETE CASCADE,
        CONSTRAINT fk_client_avoided_corporations_corporation
          FOREIGN KEY (corporation_id, corporation_kind) REFERENCES organisations (id, kind),
        CONSTRAINT ck_client_avoided_corporations_kind CHECK (corporation_kind = 'corporatie')
      )`);

    await q.query(`
      ALTER TABLE units
        ADD COLUMN service_costs numeric(7,2) NOT NULL DEFAULT 0,
        ADD COLUMN self_contained boolean NOT NULL DEFAULT true,
        ADD COLUMN pets_allowed boolean NOT NULL DEFAULT true,
        ADD COLUMN senior_only boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT ck_units_service_costs CHECK (service_costs >= 0 AND service_costs < 1000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE units DROP CONSTRAINT ck_units_service_costs,
        DROP COLUMN senior_only, DROP COLUMN pets_allowed, DROP COLUMN self_contained,
        DROP COLUMN service_costs`);
    await q.query(`DROP TABLE client_avoided_corporations`);
    await q.query(`DROP TABLE client_avoided_neighbourhoods`);
    await q.query(`
      ALTER TABLE clients
        DROP CONSTRAINT ck_clients_must_move_by,
        DROP CONSTRAINT fk_clients_urgency_confirmed_by,
        DROP CONSTRAINT ck_clients_urgency_confirmer,
        DROP CONSTRAINT ck_clients_urgency_confirmed_reason,
        DROP CONSTRAINT ck_clients_urgent_confirmed,
        DROP CONSTRAINT ck_clients_urgency_reason,
        DROP COLUMN urgency_confirmed_by_kind, DROP COLUMN urgency_confirmed_by,
        DROP COLUMN urgency_confirmed_at, DROP COLUMN urgency_reason, DROP COLUMN must_move_by,
        DROP COLUMN under_23, DROP COLUMN huurtoeslag_eligible, DROP COLUMN pets`);
    await q.query(`
      ALTER TABLE region_policies DROP CONSTRAINT ck_region_policies_matching_rules,
        DROP COLUMN matching_rules`);
  }
}
