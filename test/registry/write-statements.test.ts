/**
 * The writes' statements are prepared once per connection, as the reads' are: a home's
 * registration, a client's registration and a client's change parse and plan none of their
 * statements again at each call, and a statement that looks up one value keeps one plan
 * (docs/performance.md, "The writes' statements"). The API on a pool of two connections (the least
 * it takes): the test reads the prepared statements of both, holding both at once.
 */
import request from 'supertest';

import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
} from '../support/factories';
import { type PreparedStatement, preparedStatements } from '../support/prepared-statements';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

// Enough calls that one of the two connections runs a statement more than five times whichever
// way the requests fall on them, so PostgreSQL has chosen between its custom and generic plans.
const CALLS = 12;

describe("the writes' statements", () => {
  let t: TestApp;
  let region: TestRegion;
  let corporation: TestOrganisation;
  let provider: TestOrganisation;

  beforeAll(async () => {
    t = await createTestApp({ overrides: { DATABASE_POOL_SIZE: '2' } });
    region = await createRegion(t.runtime.dataSource, { municipalities: 2, neighbourhoods: 1 });
    corporation = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: region.code,
    });
    provider = await createOrganisation(t.runtime.dataSource, 'zorgaanbieder', {
      regionCode: region.code,
    });
  });
  afterAll(() => t.close());

  /** The statements the pool's connections have prepared whose text matches `pattern`. */
  async function prepared(pattern: string): Promise<PreparedStatement[]> {
    const runners = [0, 1].map(() => t.runtime.dataSource.createQueryRunner());
    try {
      const found = await Promise.all(runners.map((runner) => preparedStatements(runner, pattern)));
      return found.flat();
    } finally {
      await Promise.all(runners.map((runner) => runner.release()));
    }
  }

  const calls = (statements: PreparedStatement[]) =>
    statements.reduce((sum, s) => sum + s.generic + s.custom, 0);

  it("a home's registration runs each of its statements by name, and its one-value look-ups keep one plan", async () => {
    for (let i = 0; i < CALLS; i++) {
      await request(t.app)
        .post('/api/v1/units')
        .set(bearer(corporation.token))
        .send(unitBody(region))
        .expect(201);
    }
    expect(calls(await prepared('%INSERT INTO units%'))).toBe(CALLS);
    // One value each (the home's external reference, municipality and neighbourhood, the run's
    // municipality): `= $n`, which PostgreSQL plans once, not `= ANY($n)`, planned at every call.
    for (const statement of [
      '%u.external_ref = $2::text%',
      '%FROM municipalities WHERE code = $1::text%',
      '%FROM neighbourhoods WHERE code = $1::text%',
      '%FROM municipalities WHERE code = $2::text%UNION%',
    ]) {
      const found = await prepared(statement);
      expect([statement, calls(found)]).toEqual([statement, CALLS]);
      expect([statement, found.some((s) => s.generic > 0)]).toEqual([statement, true]);
    }
  });

  it("a client's registration runs each of its statements by name, and its corporation check keeps one plan", async () => {
    const avoided = region.municipalities[1]!;
    for (let i = 0; i < CALLS; i++) {
      await request(t.app)
        .post('/api/v1/clients')
        .set(bearer(provider.token))
        .send(
          clientBody(region, {
            avoidNeighbourhoods: [avoided.neighbourhoods[0]],
            avoidCorporations: [corporation.id],
          }),
        )
        .expect(201);
    }
    for (const statement of [
      '%SELECT id FROM clients WHERE provider_id = $1 AND external_ref = $2%',
      '%INSERT INTO clients (%',
      '%INSERT INTO client_municipalities (%',
      '%INSERT INTO client_anchors (%',
      '%INSERT INTO client_avoided_neighbourhoods (%',
      '%INSERT INTO client_avoided_corporations (%',
      '%FROM unnest($1::float8[], $2::float8[])%',
    ]) {
      expect([statement, calls(await prepared(statement))]).toEqual([statement, CALLS]);
    }
    // One avoided corporation: `= $1`, which PostgreSQL plans once, not `= ANY($1)`.
    const corporationCheck = await prepared('%FROM organisations WHERE id = $1::uuid%');
    expect(calls(corporationCheck)).toBe(CALLS);
    expect(corporationCheck.some((s) => s.generic > 0)).toBe(true);
  });

  it("a client's change runs by name too, and reads the client's lists with one plan", async () => {
    const created = await request(t.app)
      .post('/api/v1/clients')
      .set(bearer(provider.token))
      .send(clientBody(region))
      .expect(201);
    const path = `/api/v1/clients/${String(created.body.id)}`;
    const before = await prepared('%FROM client_municipalities WHERE client_id = $1::uuid%');
    const requestsBefore = await prepared('%INSERT INTO outbox (topic, payload)%');
    for (let i = 0; i < CALLS; i++) {
      await request(t.app)
        .patch(path)
        .set(bearer(provider.token))
        .set('If-Match', `"${i + 1}"`)
        .send({ maxRent: 600 + i })
        .expect(200);
    }
    const lists = await prepared('%FROM client_municipalities WHERE client_id = $1::uuid%');
    expect(calls(lists) - calls(before)).toBe(CALLS);
    expect(lists.some((s) => s.generic > 0)).toBe(true);
    const requests = await prepared('%INSERT INTO outbox (topic, payload)%');
    expect(calls(requests) - calls(requestsBefore)).toBe(CALLS);
  });
});
