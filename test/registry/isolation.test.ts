import request from 'supertest';

import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
} from '../support/factories';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

type ActorName =
  | 'admin'
  | 'matcherA'
  | 'matcherB'
  | 'corporationA'
  | 'corporationB'
  | 'providerA'
  | 'providerB'
  | 'viewerA'
  | 'outsider';
type RecordName =
  'unitA' | 'clientA' | 'contingentA' | 'corporationB' | 'providerA' | 'tokenB' | 'region';

interface Row {
  as: ActorName;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** `{unitA}` and the like are replaced by the ids made in beforeAll. */
  path: string;
  body?: unknown;
  expect: number;
}

const ALL: ActorName[] = [
  'admin',
  'matcherA',
  'matcherB',
  'corporationA',
  'corporationB',
  'providerA',
  'providerB',
  'viewerA',
  'outsider',
];
const rows = (
  method: Row['method'],
  path: string,
  expected: Partial<Record<ActorName, number>>,
  body?: unknown,
): Row[] =>
  Object.entries(expected).map(([as, status]) => ({
    as: as as ActorName,
    method,
    path,
    body,
    expect: status,
  }));
const except = (status: number, ...others: ActorName[]) =>
  Object.fromEntries(ALL.filter((name) => !others.includes(name)).map((name) => [name, status]));

/**
 * A: region 1, municipality 1 (matcherA's point, viewerA's gemeente); B: municipality 2.
 * The outsider is a corporation in another region. Each row: who, what, and the answer.
 * 404 = another organisation's record (exactly as a missing one); 403 = a role that may not.
 */
const TABLE: Row[] = [
  // Units: corporations see their own, matchers their point's municipalities, admins all.
  ...rows('get', '/api/v1/units/{unitA}', {
    corporationA: 200,
    corporationB: 404,
    outsider: 404,
    matcherA: 200,
    matcherB: 404,
    admin: 200,
    providerA: 403,
    viewerA: 403,
  }),
  ...rows(
    'patch',
    '/api/v1/units/{unitA}',
    {
      ...except(403, 'corporationA', 'corporationB', 'outsider'),
      corporationB: 404,
      outsider: 404,
    },
    { rent: 500 },
  ),
  ...rows('post', '/api/v1/units/{unitA}/withdraw', {
    ...except(403, 'corporationA', 'corporationB', 'outsider'),
    corporationB: 404,
    outsider: 404,
  }),
  ...rows('post', '/api/v1/units', except(403, 'corporationA', 'corporationB', 'outsider'), {}),
  ...rows(
    'post',
    '/api/v1/units/import',
    except(403, 'corporationA', 'corporationB', 'outsider'),
    {},
  ),
  ...rows('get', '/api/v1/units', {
    providerA: 403,
    viewerA: 403,
    corporationB: 200,
    matcherB: 200,
  }),

  // Clients: providers see their own, matchers those belonging to their municipalities.
  ...rows('get', '/api/v1/clients/{clientA}', {
    providerA: 200,
    providerB: 404,
    matcherA: 200,
    matcherB: 404,
    admin: 200,
    corporationA: 403,
    viewerA: 403,
    outsider: 403,
  }),
  ...rows(
    'patch',
    '/api/v1/clients/{clientA}',
    { ...except(403, 'providerA', 'providerB'), providerB: 404 },
    { maxRent: 500 },
  ),
  ...rows('post', '/api/v1/clients/{clientA}/withdraw', {
    ...except(403, 'providerA', 'providerB'),
    providerB: 404,
  }),
  ...rows('post', '/api/v1/clients', except(403, 'providerA', 'providerB'), {}),
  ...rows('get', '/api/v1/clients', {
    corporationA: 403,
    viewerA: 403,
    providerB: 200,
    matcherB: 200,
  }),

  // Organisations: each sees itself; only the admin manages organisations and tokens.
  ...rows('get', '/api/v1/organisations/{corporationB}', {
    ...except(404, 'corporationB', 'admin'),
    corporationB: 200,
    admin: 200,
  }),
  ...rows('post', '/api/v1/organisations', except(403, 'admin'), {
    name: 'x',
    kind: 'corporatie',
    regionCode: 'x',
  }),
  ...rows('post', '/api/v1/organisations/{corporationB}/tokens', except(403, 'admin'), {
    role: 'corporation',
    label: 'x',
  }),
  ...rows('get', '/api/v1/organisations/{corporationB}/tokens', except(403, 'admin')),
  ...rows('delete', '/api/v1/organisations/{corporationB}/tokens/{tokenB}', except(403, 'admin')),

  // Support coverage: the provider itself, matchers of its region and admins read; only it writes.
  ...rows('get', '/api/v1/organisations/{providerA}/coverage', {
    providerA: 200,
    providerB: 404,
    matcherA: 200,
    matcherB: 200,
    admin: 200,
    corporationA: 404,
    viewerA: 404,
    outsider: 404,
  }),
  ...rows(
    'put',
    '/api/v1/organisations/{providerA}/coverage',
    {
      providerB: 404,
      corporationA: 403,
      matcherA: 403,
      viewerA: 403,
      outsider: 403,
    },
    [],
  ),

  // Contingent pledges: the corporation; matchers and gemeenten of the municipality; admins.
  ...rows('get', '/api/v1/contingents/{contingentA}', {
    corporationA: 200,
    corporationB: 404,
    outsider: 404,
    matcherA: 200,
    matcherB: 404,
    viewerA: 200,
    admin: 200,
    providerA: 403,
  }),
  ...rows(
    'patch',
    '/api/v1/contingents/{contingentA}',
    {
      ...except(403, 'corporationA', 'corporationB', 'outsider'),
      corporationB: 404,
      outsider: 404,
    },
    { pledged: 1 },
  ),
  ...rows('post', '/api/v1/contingents', except(403, 'corporationA', 'corporationB', 'outsider'), {
    municipalityCode: 'GM0000',
    year: 2026,
    pledged: 1,
  }),

  // Region policy: read inside the region, written by the admin only.
  ...rows('get', '/api/v1/regions/{region}/policy', { ...except(200, 'outsider'), outsider: 404 }),
  ...rows('put', '/api/v1/regions/{region}/policy', except(403, 'admin'), {}),

  // Reference data: read by all, written by the admin only.
  ...rows('post', '/api/v1/regions', except(403, 'admin'), { code: 'zz', name: 'x' }),
  ...rows('post', '/api/v1/municipalities', except(403, 'admin'), {
    code: 'GM0000',
    name: 'x',
    regionCode: 'zz',
    lat: 52,
    lon: 5,
  }),
  ...rows('post', '/api/v1/neighbourhoods/import', except(403, 'admin'), []),
  ...rows('get', '/api/v1/municipalities', except(200)),
];

describe('isolation between organisations', () => {
  let t: TestApp;
  const tokens = {} as Record<ActorName, string>;
  const ids = {} as Record<RecordName, string>;
  let orgs: Partial<Record<ActorName, TestOrganisation>> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.runtime.dataSource;
    const region = await createRegion(ds, { municipalities: 2 });
    const elsewhere = await createRegion(ds, { municipalities: 1 });
    const [m1, m2] = region.municipalities.map((m) => m.code) as [string, string];
    orgs = {
      admin: await createOrganisation(ds, 'platform'),
      matcherA: await createOrganisation(ds, 'matchingspunt', {
        regionCode: region.code,
        municipalityCodes: [m1],
      }),
      matcherB: await createOrganisation(ds, 'matchingspunt', {
        regionCode: region.code,
        municipalityCodes: [m2],
      }),
      corporationA: await createOrganisation(ds, 'corporatie', { regionCode: region.code }),
      corporationB: await createOrganisation(ds, 'corporatie', { regionCode: region.code }),
      providerA: await createOrganisation(ds, 'zorgaanbieder', { regionCode: region.code }),
      providerB: await createOrganisation(ds, 'welzijnsaanbieder', { regionCode: region.code }),
      viewerA: await createOrganisation(ds, 'gemeente', {
        regionCode: region.code,
        municipalityCodes: [m1],
      }),
      outsider: await createOrganisation(ds, 'corporatie', { regionCode: elsewhere.code }),
    };
    for (const name of ALL) tokens[name] = orgs[name]!.token;

    const unit = await request(t.app)
      .post('/api/v1/units')
      .set(bearer(tokens.corporationA))
      .send(unitBody(region))
      .expect(201);
    const client = await request(t.app)
      .post('/api/v1/clients')
      .set(bearer(tokens.providerA))
      .send(clientBody(region))
      .expect(201);
    const contingent = await request(t.app)
      .post('/api/v1/contingents')
      .set(bearer(tokens.corporationA))
      .send({ municipalityCode: m1, year: 2026, pledged: 4 })
      .expect(201);
    await request(t.app)
      .put(`/api/v1/organisations/${orgs.providerA!.id}/coverage`)
      .set(bearer(tokens.providerA))
      .send([{ municipalityCode: m1, capacity: 5 }])
      .expect(200);
    Object.assign(ids, {
      unitA: unit.body.id,
      clientA: client.body.id,
      contingentA: contingent.body.id,
      corporationB: orgs.corporationB!.id,
      providerA: orgs.providerA!.id,
      tokenB: orgs.corporationB!.tokenId,
      region: region.code,
    });
  });
  afterAll(() => t.close());

  it('when every role calls every endpoint on records of its own and of others, then each answer is as the table says', async () => {
    const mismatches: string[] = [];
    for (const row of TABLE) {
      const path = row.path.replace(/\{(\w+)\}/g, (_, name: RecordName) => ids[name]);
      let call = request(t.app)[row.method](path).set(bearer(tokens[row.as]));
      if (row.body !== undefined) call = call.send(row.body as object);
      const response = await call;
      if (response.status !== row.expect) {
        mismatches.push(
          `${row.as} ${row.method.toUpperCase()} ${row.path}: ${response.status}, expected ${row.expect}`,
        );
      }
      if (response.status === 404)
        expect(response.body.detail).not.toMatch(/belongs to|not yours|forbidden/i);
    }
    expect(mismatches).toEqual([]);
    expect(TABLE.length).toBeGreaterThan(150);
  });

  it('when lists are read, then nobody sees another organisation’s records', async () => {
    const units = await request(t.app)
      .get('/api/v1/units')
      .set(bearer(tokens.corporationB))
      .expect(200);
    expect(units.body.items.map((u: { id: string }) => u.id)).not.toContain(ids.unitA);
    const pointB = await request(t.app)
      .get('/api/v1/units')
      .set(bearer(tokens.matcherB))
      .expect(200);
    expect(pointB.body.items.map((u: { id: string }) => u.id)).not.toContain(ids.unitA);
    const clients = await request(t.app)
      .get('/api/v1/clients')
      .set(bearer(tokens.providerB))
      .expect(200);
    expect(clients.body.items.map((c: { id: string }) => c.id)).not.toContain(ids.clientA);
    const contingents = await request(t.app)
      .get('/api/v1/contingents')
      .set(bearer(tokens.corporationB))
      .expect(200);
    expect(contingents.body.items.map((c: { id: string }) => c.id)).not.toContain(ids.contingentA);
  });

  it('when a matcher reads a client profile, then the read is in the audit trail', async () => {
    await request(t.app)
      .get(`/api/v1/clients/${ids.clientA}`)
      .set(bearer(tokens.matcherA))
      .expect(200);
    const reads = await t.runtime.dataSource.query<{ organisation_id: string }[]>(
      `SELECT organisation_id FROM audit_events WHERE action = 'client.read' AND entity_id = $1`,
      [ids.clientA],
    );
    expect(reads.map((r) => r.organisation_id)).toContain(orgs.matcherA!.id);
    // The provider's own reads are not "another organisation's" reads.
    expect(reads.map((r) => r.organisation_id)).not.toContain(orgs.providerA!.id);
  });
});
