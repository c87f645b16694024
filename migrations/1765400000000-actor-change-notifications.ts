import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every committed change that can alter who a token acts as (its revocation, its organisation's
 * kind, region or municipalities) sends a notification on `actor_changes`, whoever makes it: the
 * API, a script or SQL by hand. The API's token cache listens and forgets what it knew
 * (docs/reliability.md, "Token cache"). Statement-level, so a bulk change sends one; a new token
 * changes no cached actor and sends none, nor does `last_used_at`.
 */
export class ActorChangeNotifications1765400000000 implements MigrationInterface {
  name = 'ActorChangeNotifications1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_actor_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('actor_changes', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_api_tokens_actor_change
        AFTER UPDATE OF id, organisation_id, organisation_kind, role, token_hash, revoked_at
           OR DELETE ON api_tokens
        FOR EACH STATEMENT EXECUTE FUNCTION notify_actor_change()`);
    await q.query(`
      CREATE TRIGGER tr_api_tokens_actor_change_truncate AFTER TRUNCATE ON api_tokens
        FOR EACH STATEMENT EXECUTE FUNCTION notify_actor_change()`);
    await q.query(`
      CREATE TRIGGER tr_organisations_actor_change
        AFTER UPDATE OF id, kind, region_code OR DELETE OR TRUNCATE ON organisations
        FOR EACH STATEMENT EXECUTE FUNCTION notify_actor_change()`);
    await q.query(`
      CREATE TRIGGER tr_organisation_municipalities_actor_change
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation_municipalities
        FOR EACH STATEMENT EXECUTE FUNCTION notify_actor_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TRIGGER tr_organisation_municipalities_actor_change ON organisation_municipalities`,
    );
    await q.query(`DROP TRIGGER tr_organisations_actor_change ON organisations`);
    await q.query(`DROP TRIGGER tr_api_tokens_actor_change_truncate ON api_tokens`);
    await q.query(`DROP TRIGGER tr_api_tokens_actor_change ON api_tokens`);
    await q.query(`DROP FUNCTION notify_actor_change()`);
  }
}
