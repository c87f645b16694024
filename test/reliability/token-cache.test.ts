import { Client } from 'pg';
import request from 'supertest';

import { ACTOR_CHANGES_CHANNEL } from '../../src/modules/identity';
import { bearer, createOrganisation, createRegion, type TestRegion } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/** Waits (briefly) until `condition` holds. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('token cache: a revoked token is refused at once, whoever revokes it', () => {
  let t: TestApp;
  let region: TestRegion;
  let other: Client;

  beforeAll(async () => {
    t = await createTestApp();
    region = await createRegion(t.runtime.dataSource, { municipalities: 1 });
    other = new Client({ connectionString: t.runtime.config.DATABASE_URL });
    await other.connect();
    await t.runtime.changes.ready();
  });
  afterAll(async () => {
    await other.end();
    await t.close();
  });

  const me = (token: string) => request(t.app).get('/api/v1/me').set(bearer(token));

  /** Resolves once this process has heard a notification with this payload (the cache first). */
  const heard = (payload: string) =>
    new Promise<void>((resolve) => {
      const unsubscribe = t.runtime.changes.subscribe(ACTOR_CHANGES_CHANNEL, {
        onChange: (received) => {
          if (received !== payload) return;
          unsubscribe();
          resolve();
        },
        onReset: () => undefined,
      });
    });

  /** Waits out the notifications of the test's own set-up (they arrive in commit order). */
  const settled = async () => {
    const marker = heard('test-marker');
    await other.query(`SELECT pg_notify($1, 'test-marker')`, [ACTOR_CHANGES_CHANNEL]);
    await marker;
  };

  it('when an admin revokes a cached token through the API, then the next request with it is 401', async () => {
    const admin = await createOrganisation(t.runtime.dataSource, 'platform');
    const corporation = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: region.code,
    });
    await me(corporation.token).expect(200);
    await me(corporation.token).expect(200);
    await request(t.app)
      .delete(`/api/v1/organisations/${corporation.id}/tokens/${corporation.tokenId}`)
      .set(bearer(admin.token))
      .expect(204);
    await me(corporation.token).expect(401);
  });

  it('when a cached token is revoked by SQL on another connection, then the request after the notification is 401', async () => {
    const corporation = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: region.code,
    });
    await settled();
    await me(corporation.token).expect(200);
    await me(corporation.token).expect(200);
    const revoked = heard('api_tokens');
    await other.query(`UPDATE api_tokens SET revoked_at = now() WHERE id = $1`, [
      corporation.tokenId,
    ]);
    await revoked;
    await me(corporation.token).expect(401);
  });

  it('when the listener connection is terminated, then the cache is not trusted until it is back, and is empty then', async () => {
    const corporation = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: region.code,
    });
    await settled();
    await me(corporation.token).expect(200);
    // A change that bypasses the triggers (replica mode) is not heard: the cache still answers,
    // which shows the request above was cached.
    await other.query(`SET session_replication_role = replica`);
    await other.query(`UPDATE api_tokens SET revoked_at = now() WHERE id = $1`, [
      corporation.tokenId,
    ]);
    await other.query(`SET session_replication_role = DEFAULT`);
    await me(corporation.token).expect(200);

    await other.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'matchpunt-test listener'`,
    );
    await until(() => !t.runtime.changes.isLive(ACTOR_CHANGES_CHANNEL), 'the listener is down');
    await me(corporation.token).expect(401);

    await t.runtime.changes.ready();
    expect(t.runtime.changes.isLive(ACTOR_CHANGES_CHANNEL)).toBe(true);
    await me(corporation.token).expect(401);
  });
});
