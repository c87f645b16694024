import request from 'supertest';

import { bearer, createOrganisation, type TestOrganisation } from '../support/factories';
import { createMatchingWorld, type MatchingWorld } from '../support/matching';
import { createTestApp, type TestApp } from '../support/test-app';
import { registerClient } from '../support/workflow';

jest.setTimeout(120_000);

/** What every answer carries, whatever it is. */
const EVERY_ANSWER: Record<string, RegExp> = {
  'strict-transport-security': /^max-age=\d{7,}; includeSubDomains/,
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^DENY$/,
  'referrer-policy': /^no-referrer$/,
  'content-security-policy': /frame-ancestors 'none'/,
};
/** The console's page: its own origin only, no inline script. */
const CONSOLE_CSP = /default-src 'self';.*script-src 'self';.*object-src 'none'/;

type Kind = 'api' | 'console' | 'public';
interface Sample {
  name: string;
  status: number;
  kind: Kind;
  send: (ctx: Context) => request.Test;
}
interface Context {
  app: TestApp['app'];
  world: MatchingWorld;
  admin: TestOrganisation;
  otherProvider: TestOrganisation;
  clientId: string;
}

/**
 * One request for each kind of answer: every route family, success and each error class, the
 * documents, the console, the queue board, a CSV. `api`: personal data or credentials may be in
 * it, so `Cache-Control: no-store`; `console`: the strict CSP.
 */
const SAMPLES: Sample[] = [
  { name: 'health', status: 200, kind: 'public', send: (c) => request(c.app).get('/healthz') },
  { name: 'readiness', status: 200, kind: 'public', send: (c) => request(c.app).get('/readyz') },
  { name: 'metrics', status: 200, kind: 'public', send: (c) => request(c.app).get('/metrics') },
  {
    name: 'openapi',
    status: 200,
    kind: 'public',
    send: (c) => request(c.app).get('/openapi.json'),
  },
  { name: 'docs redirect', status: 301, kind: 'public', send: (c) => request(c.app).get('/docs') },
  { name: 'docs page', status: 200, kind: 'public', send: (c) => request(c.app).get('/docs/') },
  {
    name: 'docs asset',
    status: 200,
    kind: 'public',
    send: (c) => request(c.app).get('/docs/swagger-ui.css'),
  },
  {
    name: 'unknown path',
    status: 404,
    kind: 'public',
    send: (c) => request(c.app).get('/nowhere'),
  },
  {
    name: 'console missing asset',
    status: 404,
    kind: 'console',
    send: (c) => request(c.app).get('/console/assets/missing.js'),
  },
  {
    name: 'me',
    status: 200,
    kind: 'api',
    send: (c) => request(c.app).get('/api/v1/me').set(bearer(c.world.provider.token)),
  },
  {
    name: 'client profile',
    status: 200,
    kind: 'api',
    send: (c) =>
      request(c.app).get(`/api/v1/clients/${c.clientId}`).set(bearer(c.world.provider.token)),
  },
  {
    name: 'client list',
    status: 200,
    kind: 'api',
    send: (c) => request(c.app).get('/api/v1/clients').set(bearer(c.world.matcher.token)),
  },
  {
    name: 'subject-access export',
    status: 200,
    kind: 'api',
    send: (c) =>
      request(c.app)
        .get(`/api/v1/clients/${c.clientId}/export`)
        .set(bearer(c.world.provider.token)),
  },
  {
    name: 'CSV report',
    status: 200,
    kind: 'api',
    send: (c) =>
      request(c.app).get('/api/v1/reports/waiting.csv').set(bearer(c.world.matcher.token)),
  },
  {
    name: 'new token',
    status: 201,
    kind: 'api',
    send: (c) =>
      request(c.app)
        .post(`/api/v1/organisations/${c.world.corporation.id}/tokens`)
        .set(bearer(c.admin.token))
        .send({ role: 'corporation', label: 'koppeling' }),
  },
  { name: 'no token', status: 401, kind: 'api', send: (c) => request(c.app).get('/api/v1/me') },
  {
    name: 'role refused',
    status: 403,
    kind: 'api',
    send: (c) => request(c.app).get('/api/v1/clients').set(bearer(c.world.corporation.token)),
  },
  {
    name: 'another organisation’s record',
    status: 404,
    kind: 'api',
    send: (c) =>
      request(c.app).get(`/api/v1/clients/${c.clientId}`).set(bearer(c.otherProvider.token)),
  },
  {
    name: 'unknown API path',
    status: 404,
    kind: 'api',
    send: (c) => request(c.app).get('/api/v1/nowhere').set(bearer(c.world.provider.token)),
  },
  {
    name: 'method not routed',
    status: 404,
    kind: 'api',
    send: (c) => request(c.app).delete('/api/v1/me').set(bearer(c.world.provider.token)),
  },
  {
    name: 'malformed JSON',
    status: 400,
    kind: 'api',
    send: (c) =>
      request(c.app)
        .post('/api/v1/clients')
        .set(bearer(c.world.provider.token))
        .set('Content-Type', 'application/json')
        .send('{"maxRent":'),
  },
  {
    name: 'wrong content type',
    status: 415,
    kind: 'api',
    send: (c) =>
      request(c.app)
        .post('/api/v1/clients')
        .set(bearer(c.world.provider.token))
        .set('Content-Type', 'text/plain')
        .send('x'),
  },
  {
    name: 'invalid body',
    status: 422,
    kind: 'api',
    send: (c) =>
      request(c.app).post('/api/v1/clients').set(bearer(c.world.provider.token)).send({}),
  },
  {
    name: 'database error',
    status: 500,
    kind: 'api',
    send: (c) =>
      request(c.app)
        .post('/api/v1/contingents')
        .set(bearer(c.world.corporation.token))
        .send({ municipalityCode: c.world.region.municipalities[0]!.code, year: 2027, pledged: 1 }),
  },
  {
    name: 'queue board',
    status: 200,
    kind: 'api',
    send: (c) => request(c.app).get('/admin/queues/api/queues').set(bearer(c.admin.token)),
  },
];

describe('security headers', () => {
  let t: TestApp;
  let context: Context;

  beforeAll(async () => {
    t = await createTestApp();
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    context = {
      app: t.app,
      world,
      admin: await createOrganisation(t.runtime.dataSource, 'platform'),
      otherProvider: await createOrganisation(t.runtime.dataSource, 'zorgaanbieder', {
        regionCode: world.region.code,
      }),
      clientId: await registerClient(t.app, world),
    };
    await t.runtime.dataSource.query(`
      CREATE FUNCTION test_refuse_pledge() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = 'ck_test_refused'; END $$;
      CREATE TRIGGER test_refuse_pledge BEFORE INSERT ON contingent_pledges
        FOR EACH ROW EXECUTE FUNCTION test_refuse_pledge();`);
  });
  afterAll(async () => {
    await t.runtime.dataSource.query(`
      DROP TRIGGER test_refuse_pledge ON contingent_pledges;
      DROP FUNCTION test_refuse_pledge();`);
    await t.close();
  });

  it('when each kind of answer is fetched, then it carries the headers its kind requires', async () => {
    const wrong: string[] = [];
    const check = (name: string, kind: Kind, response: request.Response) => {
      const headers = response.headers as Record<string, string | undefined>;
      for (const [header, pattern] of Object.entries(EVERY_ANSWER)) {
        if (!pattern.test(headers[header] ?? ''))
          wrong.push(`${name}: ${header} = ${headers[header]}`);
      }
      if (headers['x-powered-by'] !== undefined) wrong.push(`${name}: x-powered-by`);
      if (kind === 'api' && headers['cache-control'] !== 'no-store') {
        wrong.push(`${name}: cache-control = ${headers['cache-control']}`);
      }
      if (kind === 'console' && !CONSOLE_CSP.test(headers['content-security-policy'] ?? '')) {
        wrong.push(`${name}: console csp = ${headers['content-security-policy']}`);
      }
    };
    for (const sample of SAMPLES) {
      const response = await sample.send(context);
      if (response.status !== sample.status) {
        wrong.push(`${sample.name}: status ${response.status}, expected ${sample.status}`);
      }
      check(sample.name, sample.kind, response);
    }
    // The console's page, built or not (503 problem when not built), is the console's.
    const page = await request(t.app).get('/console/');
    expect([200, 503]).toContain(page.status);
    check('console page', 'console', page);
    expect(wrong).toEqual([]);
  });

  it('when a list and a versioned record are read, then only the record has an ETag: its version', async () => {
    const provider = bearer(context.world.provider.token);
    const list = await request(t.app).get('/api/v1/clients?limit=5').set(provider);
    expect(list.status).toBe(200);
    expect(list.headers.etag).toBeUndefined();
    const record = await request(t.app).get(`/api/v1/clients/${context.clientId}`).set(provider);
    expect(record.status).toBe(200);
    expect(record.headers.etag).toBe(`"${(record.body as { version: number }).version}"`);
    const again = await request(t.app)
      .get(`/api/v1/clients/${context.clientId}`)
      .set(provider)
      .set('If-None-Match', record.headers.etag as string);
    expect(again.status).toBe(304);
  });

  it('when a caller is rate limited, then the 429 carries the same headers', async () => {
    const limited = await createTestApp({ overrides: { RATE_LIMIT_POINTS: '2' } });
    try {
      const caller = await createOrganisation(t.runtime.dataSource, 'corporatie', {
        regionCode: context.world.region.code,
      });
      const token = bearer(caller.token);
      let response: request.Response | undefined;
      for (let n = 0; n < 5; n++)
        response = await request(limited.app).get('/api/v1/me').set(token);
      expect(response?.status).toBe(429);
      const headers = response!.headers as Record<string, string | undefined>;
      for (const [header, pattern] of Object.entries(EVERY_ANSWER)) {
        expect({ header, value: headers[header] }).toEqual({
          header,
          value: expect.stringMatching(pattern),
        });
      }
      expect(headers['cache-control']).toBe('no-store');
      expect(headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
