import request from 'supertest';

import { bearer, createOrganisation, createRegion, uniqueSuffix } from '../support/factories';
import { expectProblem } from '../support/problem';
import { createTestApp, type TestApp } from '../support/test-app';

describe('the error contract', () => {
  let t: TestApp;
  let adminToken: string;
  let regionCode: string;

  beforeAll(async () => {
    t = await createTestApp();
    regionCode = (await createRegion(t.runtime.dataSource)).code;
    adminToken = (await createOrganisation(t.runtime.dataSource, 'platform')).token;
  });
  afterAll(() => t.close());

  it('when no token is sent, then 401 problem+json with a WWW-Authenticate challenge', async () => {
    const response = await request(t.app).get('/api/v1/organisations');
    expectProblem(response, 401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('when an unknown or malformed token is sent, then 401', async () => {
    expectProblem(await request(t.app).get('/api/v1/organisations').set(bearer('mpt_nope')), 401);
    expectProblem(
      await request(t.app).get('/api/v1/organisations').set('Authorization', 'Basic Zm9vOmJhcg=='),
      401,
    );
  });

  it('when the JSON is malformed, then 400 and nothing is stored', async () => {
    const response = await request(t.app)
      .post('/api/v1/organisations')
      .set(bearer(adminToken))
      .set('Content-Type', 'application/json')
      .send('{"name": "Half');
    expectProblem(response, 400);
    expect(response.body.code).toBe('malformed_json');
  });

  it('when the body fails validation, then 422 lists every bad field with its path', async () => {
    const response = await request(t.app)
      .post('/api/v1/organisations')
      .set(bearer(adminToken))
      .send({
        name: '',
        kind: 'bakkerij',
        regionCode: 'Not A Code',
        municipalityCodes: ['GM1', 'x'],
        extra: true,
      });
    expectProblem(response, 422);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      [
        'extra',
        'kind',
        'municipalityCodes[0]',
        'municipalityCodes[1]',
        'name',
        'regionCode',
      ].sort(),
    );
  });

  it('when the body is not JSON at all, then 415', async () => {
    const response = await request(t.app)
      .post('/api/v1/organisations')
      .set(bearer(adminToken))
      .set('Content-Type', 'text/plain')
      .send('name=x');
    expectProblem(response, 415);
  });

  it('when a query parameter is invalid, then 400 naming it', async () => {
    const response = await request(t.app)
      .get('/api/v1/organisations?limit=0&kind=bakkerij')
      .set(bearer(adminToken));
    expectProblem(response, 400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'kind',
      'limit',
    ]);
  });

  it('when a route does not exist, then 404 problem+json, inside and outside the API', async () => {
    expectProblem(await request(t.app).get('/api/v1/nothing-here').set(bearer(adminToken)), 404);
    expectProblem(await request(t.app).get('/nothing-here'), 404);
    expectProblem(
      await request(t.app).get('/api/v1/organisations/not-a-uuid').set(bearer(adminToken)),
      404,
    );
  });

  it('when the body is 2 MB, then 413 and nothing is stored', async () => {
    const before = await t.runtime.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM organisations`,
    );
    const response = await request(t.app)
      .post('/api/v1/organisations')
      .set(bearer(adminToken))
      .send({ name: 'x'.repeat(2 * 1024 * 1024), kind: 'corporatie', regionCode });
    expectProblem(response, 413);
    const after = await t.runtime.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM organisations`,
    );
    expect(after).toEqual(before);
  });

  it('when a caller sends its own well-formed request id, then responses and problems carry it', async () => {
    const response = await request(t.app)
      .get('/api/v1/organisations')
      .set('X-Request-Id', 'trace-12345678');
    expect(response.headers['x-request-id']).toBe('trace-12345678');
    expect(response.body.requestId).toBe('trace-12345678');
    const forged = await request(t.app)
      .get('/healthz')
      .set('X-Request-Id', 'not acceptable; has spaces');
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('rate limiting', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({
      overrides: {
        RATE_LIMIT_POINTS: '3',
        RATE_LIMIT_WINDOW_SECONDS: '60',
        // Counters of its own: other tests in this worker call from the same IP.
        REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? ''}:rate-${uniqueSuffix()}`,
      },
    });
    token = (await createOrganisation(t.runtime.dataSource, 'platform')).token;
  });
  afterAll(() => t.close());

  it('when a token exceeds its limit, then 429 problem+json with Retry-After, and other callers are unaffected', async () => {
    for (let i = 0; i < 3; i++) {
      await request(t.app).get('/api/v1/organisations').set(bearer(token)).expect(200);
    }
    const limited = await request(t.app).get('/api/v1/organisations').set(bearer(token));
    expectProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);

    const other = (await createOrganisation(t.runtime.dataSource, 'platform')).token;
    await request(t.app).get('/api/v1/organisations').set(bearer(other)).expect(200);
  });
});
