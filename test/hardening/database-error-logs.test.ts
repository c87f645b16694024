import request from 'supertest';

import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
} from '../support/factories';
import { expectProblem } from '../support/problem';
import { clientBody } from '../support/registry-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The database refuses a write the service did not expect (a trigger stands in for any such
 * fault, quoting the value in its message as PostgreSQL's own messages do). The 500's log line
 * must say what failed — code, constraint, query — and hold none of the values sent.
 */
describe('database errors in the logs', () => {
  let t: TestApp;
  let region: TestRegion;
  let provider: TestOrganisation;
  let admin: TestOrganisation;

  beforeAll(async () => {
    t = await createTestApp({ captureLogs: true });
    const ds = t.runtime.dataSource;
    region = await createRegion(ds);
    provider = await createOrganisation(ds, 'zorgaanbieder', { regionCode: region.code });
    admin = await createOrganisation(ds, 'platform');
    await t.runtime.dataSource.query(`
      CREATE FUNCTION test_refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = 'ck_test_refused',
          MESSAGE = format('refused row %s', row_to_json(NEW)),
          DETAIL = format('Failing row contains %s.', row_to_json(NEW));
      END $$;
      CREATE TRIGGER test_refuse_client BEFORE INSERT ON clients
        FOR EACH ROW EXECUTE FUNCTION test_refuse_write();
      CREATE TRIGGER test_refuse_token BEFORE INSERT ON api_tokens
        FOR EACH ROW EXECUTE FUNCTION test_refuse_write();`);
  });
  afterAll(async () => {
    await t.runtime.dataSource.query(`
      DROP TRIGGER test_refuse_client ON clients;
      DROP TRIGGER test_refuse_token ON api_tokens;
      DROP FUNCTION test_refuse_write();`);
    await t.close();
  });

  it('when a client insert and a token insert fail in the database, then the log names code, constraint and query, and no registered value', async () => {
    const logsBefore = t.logLines.length;

    const client = clientBody(region, {
      externalRef: 'ZDB-LOG-4242',
      maxRent: 612.34,
      household: { adults: 2, children: 3 },
      readySince: '2026-03-17',
      consent: { givenOn: '2026-04-21', scope: 'matching_with_support' },
    });
    expectProblem(
      await request(t.app).post('/api/v1/clients').set(bearer(provider.token)).send(client),
      500,
    );
    expectProblem(
      await request(t.app)
        .post(`/api/v1/organisations/${provider.id}/tokens`)
        .set(bearer(admin.token))
        .send({ role: 'provider', label: 'koppeling-logtest' }),
      500,
    );

    const lines = t.logLines.slice(logsBefore);
    const failures = lines.filter((line) => line.msg === 'request failed');
    expect(failures).toHaveLength(2);
    for (const failure of failures) {
      expect(failure.err).toEqual({
        type: 'DatabaseError',
        code: '23514',
        constraint: 'ck_test_refused',
        routine: expect.any(String),
        query: expect.stringMatching(/^insert (clients|api_tokens)#[0-9a-f]{8}$/),
      });
    }
    const text = JSON.stringify(lines);
    for (const value of [
      'ZDB-LOG-4242',
      '612.34',
      '2026-03-17',
      '2026-04-21',
      'matching_with_support',
      'koppeling-logtest',
    ]) {
      expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
    }
    // A new token's hash is 64 hex digits; nothing of that shape may appear.
    expect(text).not.toMatch(/[0-9a-f]{64}/);
  });
});
