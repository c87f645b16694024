import request from 'supertest';

import {
  bearer,
  createOrganisation,
  createRegion,
  createToken,
  type TestOrganisation,
  type TestRegion,
  uniqueSuffix,
} from '../support/factories';
import { inProcessRunExecutor, today } from '../support/matching';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { proposalStep } from '../support/workflow';

/**
 * Every operation of the OpenAPI document, tried by every role on records of its own and of
 * others. Region R has municipalities 1 and 2; X is another region.
 *
 * | actor | who                                              |
 * | ----- | ------------------------------------------------ |
 * | admin | the platform                                     |
 * | mA    | matchingspunt of R, municipality 1               |
 * | mB    | matchingspunt of R, municipality 2               |
 * | mX    | matchingspunt of region X                        |
 * | cA    | corporation in R that owns unitA, contingentA …  |
 * | cB    | another corporation in R                         |
 * | cX    | a corporation in region X                        |
 * | pA    | provider in R that registered clientA …          |
 * | pB    | another provider in R                            |
 * | vA    | gemeente of municipality 1 (role viewer)         |
 *
 * Besides these, every request is also sent without a token and with an unknown one.
 * 404 = another organisation's record (exactly as a missing one); 403 = a role that may not.
 */
const ACTORS = ['admin', 'mA', 'mB', 'mX', 'cA', 'cB', 'cX', 'pA', 'pB', 'vA'] as const;
type Actor = (typeof ACTORS)[number];
type Caller = Actor | 'anonymous' | 'badToken';

/** Status → the actors (space-separated) that get it; `rest` for every actor not named. */
interface Outcomes {
  [status: number]: string;
  rest?: number;
}

interface Probe {
  /** `{unitA}` and the like are replaced by the records made in beforeAll. */
  path: string;
  query?: Record<string, string>;
  body?: object | ((ids: Ids, region: TestRegion) => object);
  headers?: Record<string, string>;
  expect: Outcomes;
}

type Ids = Record<string, string>;

const everyone = (status: number): Outcomes => ({ rest: status });
const adminOnly = (status: number): Outcomes => ({ [status]: 'admin', rest: 403 });
const REPORT = { regionCode: '{region}' };
// Aggregates, not records: a region or municipality outside the caller's answers 403, not 404.
const reports: Outcomes = { 200: 'admin mA mB vA', rest: 403 };
const reportsOfMunicipality1: Outcomes = { 200: 'admin mA vA', rest: 403 };
const webhookOfCA: Outcomes = { 200: 'cA', 404: 'mA mB mX cB cX pA pB vA', rest: 403 };

/** One entry per operation of the OpenAPI document (`METHOD path`), with one or more probes. */
const TABLE: Record<string, Probe | Probe[]> = {
  // Operations: public, with or without a token.
  'GET /healthz': { path: '/healthz', expect: everyone(200) },
  'GET /readyz': { path: '/readyz', expect: everyone(200) },
  'GET /metrics': { path: '/metrics', expect: everyone(200) },
  'GET /openapi.json': { path: '/openapi.json', expect: everyone(200) },
  'GET /docs': { path: '/docs', expect: everyone(301) },

  'GET /api/v1/me': { path: '/api/v1/me', expect: everyone(200) },

  // Organisations and tokens: each sees itself; only the admin manages them.
  'POST /api/v1/organisations': {
    path: '/api/v1/organisations',
    body: (ids) => ({
      name: `corporatie ${uniqueSuffix()}`,
      kind: 'corporatie',
      regionCode: ids.region,
    }),
    expect: adminOnly(201),
  },
  'GET /api/v1/organisations': { path: '/api/v1/organisations', expect: everyone(200) },
  'GET /api/v1/organisations/{id}': {
    path: '/api/v1/organisations/{cB}',
    expect: { 200: 'admin cB', rest: 404 },
  },
  'POST /api/v1/organisations/{id}/tokens': {
    path: '/api/v1/organisations/{cB}/tokens',
    body: { role: 'corporation', label: 'koppeling' },
    expect: adminOnly(201),
  },
  'GET /api/v1/organisations/{id}/tokens': {
    path: '/api/v1/organisations/{cB}/tokens',
    expect: adminOnly(200),
  },
  'DELETE /api/v1/organisations/{id}/tokens/{tokenId}': {
    path: '/api/v1/organisations/{cB}/tokens/{spareTokenB}',
    expect: adminOnly(204),
  },

  // Reference data: read by all (a region's policy inside the region), written by the admin.
  'POST /api/v1/regions': {
    path: '/api/v1/regions',
    body: () => ({ code: `test-${uniqueSuffix()}`, name: 'Regio' }),
    expect: adminOnly(201),
  },
  'GET /api/v1/regions': { path: '/api/v1/regions', expect: everyone(200) },
  'GET /api/v1/regions/{code}': { path: '/api/v1/regions/{region}', expect: everyone(200) },
  'GET /api/v1/regions/{code}/policy': {
    path: '/api/v1/regions/{region}/policy',
    expect: { 404: 'cX mX', rest: 200 },
  },
  'PUT /api/v1/regions/{code}/policy': {
    path: '/api/v1/regions/{region}/policy',
    // The body is read before `If-Match`: an empty one is refused whole.
    body: {},
    expect: adminOnly(422),
  },
  'PATCH /api/v1/regions/{code}/policy': {
    path: '/api/v1/regions/{region}/policy',
    body: {},
    expect: adminOnly(200),
  },
  'GET /api/v1/regions/{code}/policy/versions': {
    path: '/api/v1/regions/{region}/policy/versions',
    expect: { 404: 'cX mX', rest: 200 },
  },
  'POST /api/v1/municipalities': {
    path: '/api/v1/municipalities',
    body: { code: 'GM0000', name: 'x', regionCode: 'zz', lat: 52, lon: 5 },
    expect: adminOnly(422),
  },
  'GET /api/v1/municipalities': { path: '/api/v1/municipalities', expect: everyone(200) },
  'POST /api/v1/municipalities/import': {
    path: '/api/v1/municipalities/import',
    body: [],
    expect: adminOnly(422),
  },
  'GET /api/v1/municipalities/{code}': {
    path: '/api/v1/municipalities/{m1}',
    expect: everyone(200),
  },
  'POST /api/v1/neighbourhoods': {
    path: '/api/v1/neighbourhoods',
    body: { code: 'BU00000000', name: 'x', municipalityCode: 'GM0000', lat: 52, lon: 5 },
    expect: adminOnly(422),
  },
  'GET /api/v1/neighbourhoods': { path: '/api/v1/neighbourhoods', expect: everyone(200) },
  'POST /api/v1/neighbourhoods/import': {
    path: '/api/v1/neighbourhoods/import',
    body: [],
    expect: adminOnly(422),
  },
  'GET /api/v1/neighbourhoods/{code}': {
    path: '/api/v1/neighbourhoods/{n1}',
    expect: everyone(200),
  },
  'GET /api/v1/reference/reasons': { path: '/api/v1/reference/reasons', expect: everyone(200) },

  // Units: corporations see their own, matchers their point's municipalities, admins all.
  'POST /api/v1/units': {
    path: '/api/v1/units',
    body: (_ids, region) => unitBody(region),
    expect: { 201: 'cA cB', 422: 'cX', rest: 403 },
  },
  'GET /api/v1/units': {
    path: '/api/v1/units',
    expect: { 200: 'admin mA mB mX cA cB cX', rest: 403 },
  },
  'POST /api/v1/units/import': {
    path: '/api/v1/units/import',
    body: {},
    // Past the role gate, a JSON body is refused: the import takes CSV.
    expect: { 415: 'cA cB cX', rest: 403 },
  },
  'GET /api/v1/units/{id}': {
    path: '/api/v1/units/{unitA}',
    expect: { 200: 'admin mA cA', 404: 'mB mX cB cX', rest: 403 },
  },
  'PATCH /api/v1/units/{id}': {
    path: '/api/v1/units/{unitA}',
    body: { rent: 600 },
    expect: { 200: 'cA', 404: 'cB cX', rest: 403 },
  },
  'POST /api/v1/units/{id}/withdraw': {
    path: '/api/v1/units/{unitW}/withdraw',
    expect: { 200: 'cA', 404: 'cB cX', rest: 403 },
  },
  'GET /api/v1/units/{id}/candidates': {
    path: '/api/v1/units/{unitA}/candidates',
    expect: { 200: 'admin mA', 404: 'mB mX', rest: 403 },
  },
  'GET /api/v1/units/{id}/candidates/{clientId}': {
    path: '/api/v1/units/{unitA}/candidates/{clientA}',
    expect: { 200: 'admin mA', 404: 'mB mX', rest: 403 },
  },

  // Clients: providers see their own, matchers those belonging to their municipalities.
  'POST /api/v1/clients': {
    path: '/api/v1/clients',
    body: (_ids, region) => clientBody(region),
    expect: { 201: 'pA pB', rest: 403 },
  },
  'GET /api/v1/clients': {
    path: '/api/v1/clients',
    expect: { 200: 'admin mA mB mX pA pB', rest: 403 },
  },
  'GET /api/v1/clients/{id}': {
    path: '/api/v1/clients/{clientA}',
    expect: { 200: 'admin mA pA', 404: 'mB mX pB', rest: 403 },
  },
  'PATCH /api/v1/clients/{id}': {
    path: '/api/v1/clients/{clientA}',
    body: { maxRent: 650 },
    expect: { 200: 'pA', 404: 'pB', rest: 403 },
  },
  'POST /api/v1/clients/{id}/urgency': {
    path: '/api/v1/clients/{clientA}/urgency',
    body: { confirm: false },
    expect: { 200: 'mA', 404: 'mB mX', rest: 403 },
  },
  'POST /api/v1/clients/{id}/unpark': {
    path: '/api/v1/clients/{clientA}/unpark',
    expect: { 200: 'mA', 404: 'mB mX', rest: 403 },
  },
  'POST /api/v1/clients/{id}/withdraw': {
    path: '/api/v1/clients/{clientW}/withdraw',
    expect: { 200: 'pA', 404: 'pB', rest: 403 },
  },
  'GET /api/v1/clients/{id}/export': {
    path: '/api/v1/clients/{clientA}/export',
    expect: { 200: 'pA', 404: 'pB', rest: 403 },
  },

  // Support coverage: the provider itself, matchers of its region and admins read; it writes.
  'PUT /api/v1/organisations/{id}/coverage': {
    path: '/api/v1/organisations/{pA}/coverage',
    body: (ids) => [{ municipalityCode: ids.m1, capacity: 5 }],
    expect: { 200: 'admin pA', 404: 'pB', rest: 403 },
  },
  'GET /api/v1/organisations/{id}/coverage': {
    path: '/api/v1/organisations/{pA}/coverage',
    expect: { 200: 'admin mA mB pA', rest: 404 },
  },

  // Contingent pledges: the corporation; matchers and gemeenten of the municipality; admins.
  'POST /api/v1/contingents': {
    path: '/api/v1/contingents',
    body: (ids) => ({ municipalityCode: ids.m1, year: 2027, pledged: 1 }),
    expect: { 201: 'cA cB', 422: 'cX', rest: 403 },
  },
  'GET /api/v1/contingents': {
    path: '/api/v1/contingents',
    expect: { 200: 'admin mA mB mX cA cB cX vA', rest: 403 },
  },
  'GET /api/v1/contingents/{id}': {
    path: '/api/v1/contingents/{contingentA}',
    expect: { 200: 'admin mA cA vA', 404: 'mB mX cB cX', rest: 403 },
  },
  'PATCH /api/v1/contingents/{id}': {
    path: '/api/v1/contingents/{contingentA}',
    body: { pledged: 4 },
    expect: { 200: 'cA', 404: 'cB cX', rest: 403 },
  },

  // Matching runs: matchers of the region and admins.
  'POST /api/v1/matching/runs': {
    path: '/api/v1/matching/runs',
    body: (ids) => ({ regionCode: ids.region, dryRun: true }),
    expect: { 202: 'admin mA mB', 404: 'mX', rest: 403 },
  },
  'GET /api/v1/matching/runs': {
    path: '/api/v1/matching/runs',
    expect: { 200: 'admin mA mB mX', rest: 403 },
  },
  'GET /api/v1/matching/runs/{id}': {
    path: '/api/v1/matching/runs/{runA}',
    expect: { 200: 'admin mA mB', 404: 'mX', rest: 403 },
  },
  'GET /api/v1/matching/runs/{id}/preview': {
    path: '/api/v1/matching/runs/{runA}/preview',
    expect: { 200: 'admin mA mB', 404: 'mX', rest: 403 },
  },
  'GET /api/v1/matching/runs/{id}/passed-over': {
    path: '/api/v1/matching/runs/{runA}/passed-over',
    expect: { 200: 'admin mA mB', 404: 'mX', rest: 403 },
  },
  'GET /api/v1/matching/cap-blocked': {
    path: '/api/v1/matching/cap-blocked',
    query: { regionCode: '{region}' },
    expect: { 200: 'admin mA mB', 404: 'mX', rest: 403 },
  },

  // Proposals: the matchers of the client's municipality, the unit's corporation, the client's
  // provider. Steps on proposalP (placed) answer 409 to a party that may take the step.
  'GET /api/v1/proposals': {
    path: '/api/v1/proposals',
    expect: { 200: 'admin mA mB mX cA cB cX pA pB', rest: 403 },
  },
  'POST /api/v1/proposals': {
    path: '/api/v1/proposals',
    body: (ids) => ({ unitId: ids.unitQ, clientId: ids.clientQ, justification: 'past goed' }),
    expect: { 201: 'mA', 404: 'mB mX', rest: 403 },
  },
  'GET /api/v1/proposals/{id}': {
    path: '/api/v1/proposals/{proposalP}',
    expect: { 200: 'admin mA cA pA', 404: 'mB mX cB cX pB', rest: 403 },
  },
  'POST /api/v1/proposals/{id}/approve': {
    path: '/api/v1/proposals/{proposalP}/approve',
    body: {},
    expect: { 409: 'mA', 404: 'mB mX', rest: 403 },
  },
  'POST /api/v1/proposals/{id}/reject': {
    path: '/api/v1/proposals/{proposalP}/reject',
    body: { reason: 'better_alternative' },
    expect: { 409: 'mA', 404: 'mB mX', rest: 403 },
  },
  'POST /api/v1/proposals/{id}/accept': {
    path: '/api/v1/proposals/{proposalP}/accept',
    body: {},
    expect: { 409: 'cA pA', 404: 'cB cX pB', rest: 403 },
  },
  'POST /api/v1/proposals/{id}/decline': {
    path: '/api/v1/proposals/{proposalP}/decline',
    body: { reason: 'other', note: 'past niet' },
    expect: { 409: 'cA pA', 404: 'cB cX pB', rest: 403 },
  },
  'POST /api/v1/proposals/{id}/placement': {
    path: '/api/v1/proposals/{proposalP}/placement',
    body: (ids) => ({ leaseStart: ids.today }),
    expect: { 409: 'cA', 404: 'cB cX', rest: 403 },
  },
  'POST /api/v1/proposals/{id}/cancel': {
    path: '/api/v1/proposals/{proposalP}/cancel',
    body: { reason: 'better_alternative' },
    expect: { 409: 'mA', 404: 'mB mX', rest: 403 },
  },

  // Placements and their follow-up.
  'GET /api/v1/placements': {
    path: '/api/v1/placements',
    expect: { 200: 'admin mA mB mX cA cB cX pA pB', rest: 403 },
  },
  'GET /api/v1/placements/{id}': {
    path: '/api/v1/placements/{placementP}',
    expect: { 200: 'admin mA cA pA', 404: 'mB mX cB cX pB', rest: 403 },
  },
  'POST /api/v1/placements/{id}/events': [
    {
      path: '/api/v1/placements/{placementP}/events',
      body: (ids) => ({ type: 'omklap_flipped', date: ids.today }),
      // The corporation decides an omklap; this placement is not one.
      expect: { 409: 'cA', 404: 'cB cX pB', rest: 403 },
    },
    {
      path: '/api/v1/placements/{placementP}/events',
      body: (ids) => ({ type: 'checkin', date: ids.today, stablyHoused: true, months: 3 }),
      expect: { 409: 'pA', 404: 'cB cX pB', rest: 403 },
    },
  ],
  'POST /api/v1/placements/follow-up': {
    path: '/api/v1/placements/follow-up',
    // The hourly job, run now: it touches only what came due.
    expect: { 202: 'admin mA mB mX', rest: 403 },
  },
  'GET /api/v1/checkins': {
    path: '/api/v1/checkins',
    expect: { 200: 'admin mA mB mX pA pB', rest: 403 },
  },
  'GET /api/v1/audit': { path: '/api/v1/audit', expect: { 200: 'admin mA mB mX', rest: 403 } },

  // Webhooks: each organisation its own (another's: 404); the admin role has none.
  'POST /api/v1/webhooks': {
    path: '/api/v1/webhooks',
    body: { url: 'https://hooks.example.org/matchpunt', eventTypes: ['proposal.approved'] },
    expect: { 201: 'mA mB mX cA cB cX pA pB vA', rest: 403 },
  },
  'GET /api/v1/webhooks': {
    path: '/api/v1/webhooks',
    expect: { 200: 'mA mB mX cA cB cX pA pB vA', rest: 403 },
  },
  'GET /api/v1/webhooks/{id}': { path: '/api/v1/webhooks/{webhookA}', expect: webhookOfCA },
  'PATCH /api/v1/webhooks/{id}': {
    path: '/api/v1/webhooks/{webhookA}',
    body: { active: true },
    expect: webhookOfCA,
  },
  'DELETE /api/v1/webhooks/{id}': {
    path: '/api/v1/webhooks/{webhookGone}',
    expect: { 204: 'cA', 404: 'mA mB mX cB cX pA pB vA', rest: 403 },
  },
  'POST /api/v1/webhooks/{id}/secret': {
    path: '/api/v1/webhooks/{webhookA}/secret',
    expect: webhookOfCA,
  },
  'GET /api/v1/webhooks/{id}/deliveries': {
    path: '/api/v1/webhooks/{webhookA}/deliveries',
    expect: webhookOfCA,
  },

  // Reports: aggregates for the region (matchers, admins) or the gemeente's municipality.
  ...Object.fromEntries(
    [
      'overview',
      'waiting.csv',
      'instroom.csv',
      'placements.csv',
      'time-to-placement.csv',
      'placement-changes.csv',
      'follow-up.csv',
      'proposals.csv',
      'declines.csv',
      'contingents.csv',
      'neighbourhood-load.csv',
      'runs.csv',
    ].map((report) => [
      `GET /api/v1/reports/${report}`,
      [
        { path: `/api/v1/reports/${report}`, query: REPORT, expect: reports },
        {
          path: `/api/v1/reports/${report}`,
          query: { ...REPORT, municipalityCode: '{m1}' },
          expect: reportsOfMunicipality1,
        },
      ],
    ]),
  ),
};

/** Routes outside the OpenAPI document that still answer to tokens. */
const UNDOCUMENTED: Record<string, Probe> = {
  'GET /admin/queues': { path: '/admin/queues/', expect: adminOnly(200) },
  'GET /admin/queues/api/queues': { path: '/admin/queues/api/queues', expect: adminOnly(200) },
};

const probesOf = (entry: Probe | Probe[]) => (Array.isArray(entry) ? entry : [entry]);

/** Each actor's expected status in a probe; throws when an actor is missing or named twice. */
function expectedByActor(outcomes: Outcomes): Record<Actor, number> {
  const byActor: Partial<Record<Actor, number>> = {};
  for (const [status, names] of Object.entries(outcomes)) {
    if (status === 'rest') continue;
    for (const name of (names as string).split(' ')) {
      if (!(ACTORS as readonly string[]).includes(name)) throw new Error(`unknown actor ${name}`);
      if (byActor[name as Actor] !== undefined) throw new Error(`${name} named twice`);
      byActor[name as Actor] = Number(status);
    }
  }
  for (const actor of ACTORS) {
    byActor[actor] ??= outcomes.rest;
    if (byActor[actor] === undefined) throw new Error(`no outcome for ${actor}`);
  }
  return byActor as Record<Actor, number>;
}

const fill = (text: string, ids: Ids) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = ids[name];
    if (value === undefined) throw new Error(`no record {${name}}`);
    return value;
  });

jest.setTimeout(300_000);

describe('access to every operation', () => {
  let t: TestApp;
  let region: TestRegion;
  let documented: { operation: string; secured: boolean }[] = [];
  const tokens = {} as Record<Caller, string | undefined>;
  const orgs = {} as Record<Actor, TestOrganisation>;
  const ids: Ids = {};

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.runtime.dataSource;
    region = await createRegion(ds, { municipalities: 2 });
    const elsewhere = await createRegion(ds, { municipalities: 1 });
    const [m1, m2] = region.municipalities.map((m) => m.code) as [string, string];
    const inRegion = { regionCode: region.code };
    Object.assign(orgs, {
      admin: await createOrganisation(ds, 'platform'),
      mA: await createOrganisation(ds, 'matchingspunt', { ...inRegion, municipalityCodes: [m1] }),
      mB: await createOrganisation(ds, 'matchingspunt', { ...inRegion, municipalityCodes: [m2] }),
      mX: await createOrganisation(ds, 'matchingspunt', {
        regionCode: elsewhere.code,
        municipalityCodes: [elsewhere.municipalities[0]!.code],
      }),
      cA: await createOrganisation(ds, 'corporatie', inRegion),
      cB: await createOrganisation(ds, 'corporatie', inRegion),
      cX: await createOrganisation(ds, 'corporatie', { regionCode: elsewhere.code }),
      pA: await createOrganisation(ds, 'zorgaanbieder', inRegion),
      pB: await createOrganisation(ds, 'welzijnsaanbieder', inRegion),
      vA: await createOrganisation(ds, 'gemeente', { ...inRegion, municipalityCodes: [m1] }),
    });
    for (const actor of ACTORS) tokens[actor] = orgs[actor].token;
    tokens.anonymous = undefined;
    tokens.badToken = 'mp_not-a-token-of-ours';

    const as = (actor: Actor) => bearer(orgs[actor].token);
    const post = async (actor: Actor, path: string, body: unknown, status = 201) =>
      (
        await request(t.app)
          .post(path)
          .set(as(actor))
          .send(body as object)
          .expect(status)
      ).body as { id: string };
    const fitting = { rent: 600, availableFrom: today() };

    await request(t.app)
      .put(`/api/v1/organisations/${orgs.pA.id}/coverage`)
      .set(as('pA'))
      .send([{ municipalityCode: m1, capacity: 5 }])
      .expect(200);
    const unitA = await post('cA', '/api/v1/units', unitBody(region, fitting));
    const unitW = await post('cA', '/api/v1/units', unitBody(region));
    const unitP = await post('cA', '/api/v1/units', unitBody(region, fitting));
    const unitQ = await post('cA', '/api/v1/units', unitBody(region, fitting));
    const clientA = await post('pA', '/api/v1/clients', clientBody(region));
    const clientW = await post('pA', '/api/v1/clients', clientBody(region));
    const clientP = await post('pA', '/api/v1/clients', clientBody(region));
    const clientQ = await post('pA', '/api/v1/clients', clientBody(region));
    const contingentA = await post('cA', '/api/v1/contingents', {
      municipalityCode: m1,
      year: 2026,
      pledged: 4,
    });

    // A proposal taken through every step to a placement.
    const proposal = await post('mA', '/api/v1/proposals', {
      unitId: unitP.id,
      clientId: clientP.id,
      justification: 'past goed',
    });
    await proposalStep(t.app, orgs.mA.token, proposal.id, 'approve').expect(200);
    await proposalStep(t.app, orgs.cA.token, proposal.id, 'accept').expect(200);
    await proposalStep(t.app, orgs.pA.token, proposal.id, 'accept').expect(200);
    await proposalStep(t.app, orgs.cA.token, proposal.id, 'placement', {
      leaseStart: today(),
    }).expect(200);
    const [placement] = await ds.query<{ id: string }[]>(
      `SELECT id FROM placements WHERE proposal_id = $1`,
      [proposal.id],
    );

    // A dry run of the region, executed here (no worker).
    const run = await post(
      'mA',
      '/api/v1/matching/runs',
      { regionCode: region.code, dryRun: true },
      202,
    );
    await inProcessRunExecutor(t.runtime).onRunRequested(run.id, {
      jobId: `run-${run.id}`,
      attempt: 1,
      maxAttempts: 1,
    });

    const hook = { url: 'https://hooks.example.org/matchpunt', eventTypes: ['proposal.approved'] };
    const webhookA = await post('cA', '/api/v1/webhooks', hook);
    const webhookGone = await post('cA', '/api/v1/webhooks', hook);
    const spareTokenB = await createToken(ds, orgs.cB.id, 'corporatie');

    Object.assign(ids, {
      region: region.code,
      m1,
      n1: region.municipalities[0]!.neighbourhoods[0]!,
      today: today(),
      unitA: unitA.id,
      unitW: unitW.id,
      unitP: unitP.id,
      unitQ: unitQ.id,
      clientA: clientA.id,
      clientW: clientW.id,
      clientP: clientP.id,
      clientQ: clientQ.id,
      contingentA: contingentA.id,
      proposalP: proposal.id,
      placementP: placement!.id,
      runA: run.id,
      webhookA: webhookA.id,
      webhookGone: webhookGone.id,
      spareTokenB: spareTokenB.tokenId,
      ...Object.fromEntries(ACTORS.map((actor) => [actor, orgs[actor].id])),
    });

    const document = await request(t.app).get('/openapi.json').expect(200);
    documented = Object.entries(
      document.body.paths as Record<string, Record<string, { security?: unknown[] }>>,
    ).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        operation: `${method.toUpperCase()} ${path}`,
        secured: (operation.security ?? []).length > 0,
      })),
    );
  });
  afterAll(() => t.close());

  it('when the OpenAPI document is enumerated, then every operation has a row and every row an operation', () => {
    const operations = documented.map((entry) => entry.operation).sort();
    expect(operations.length).toBeGreaterThan(80);
    expect(Object.keys(TABLE).sort()).toEqual(operations);
    // Every row names an outcome for every actor.
    for (const entry of Object.values(TABLE)) {
      for (const probe of probesOf(entry))
        expect(() => expectedByActor(probe.expect)).not.toThrow();
    }
  });

  it('when every role calls every operation on records of its own and of others, then each answer is as the table says', async () => {
    const mismatches: string[] = [];
    const runs = [
      ...documented.map(({ operation, secured }) => ({
        operation,
        secured,
        entry: TABLE[operation],
      })),
      ...Object.entries(UNDOCUMENTED).map(([operation, entry]) => ({
        operation,
        secured: true,
        entry,
      })),
    ];
    let calls = 0;
    for (const { operation, secured, entry } of runs) {
      if (!entry) continue;
      const method = operation.split(' ')[0]!.toLowerCase() as
        'get' | 'post' | 'put' | 'patch' | 'delete';
      for (const probe of probesOf(entry)) {
        const byActor = expectedByActor(probe.expect);
        const outsiders = secured ? 401 : byActor.admin;
        const callers: [Caller, number][] = [
          ['anonymous', outsiders],
          ['badToken', outsiders],
          // Refusals first, then the callers that may: a delete or withdraw must not have
          // happened yet when another organisation tries it.
          ...ACTORS.map((actor): [Caller, number] => [actor, byActor[actor]]).sort(
            ([, a], [, b]) => Number(a < 300) - Number(b < 300),
          ),
        ];
        for (const [caller, expected] of callers) {
          const path = fill(probe.path, ids);
          let call = request(t.app)[method](path);
          const token = tokens[caller];
          if (token !== undefined) call = call.set(bearer(token));
          if (probe.query) {
            call = call.query(
              Object.fromEntries(
                Object.entries(probe.query).map(([name, value]) => [name, fill(value, ids)]),
              ),
            );
          }
          const body = typeof probe.body === 'function' ? probe.body(ids, region) : probe.body;
          if (body !== undefined) call = call.send(body);
          const response = await call;
          calls++;
          if (response.status !== expected) {
            mismatches.push(
              `${caller} ${operation} (${probe.path}${probe.query ? ` ${JSON.stringify(probe.query)}` : ''}): ${response.status}, expected ${expected}${response.status >= 400 ? ` — ${String(response.body?.detail ?? '')}` : ''}`,
            );
          }
          if (response.status === 401) expect(response.headers['www-authenticate']).toBeDefined();
          if (response.status === 404) {
            expect(response.body.detail).not.toMatch(/belongs to|not yours|forbidden/i);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBeGreaterThan(1000);
  });

  it('when lists are read, then nobody sees another organisation’s records', async () => {
    const listed = async (actor: Actor, path: string) => {
      const response = await request(t.app)
        .get(fill(path, ids))
        .set(bearer(orgs[actor].token))
        .expect(200);
      return JSON.stringify(response.body);
    };
    const lists: [string, string, Actor[], Actor[]][] = [
      ['/api/v1/units', ids.unitA!, ['cA', 'mA'], ['cB', 'cX', 'mB', 'mX']],
      ['/api/v1/clients', ids.clientA!, ['pA', 'mA'], ['pB', 'mB', 'mX']],
      ['/api/v1/contingents', ids.contingentA!, ['cA', 'mA', 'vA'], ['cB', 'cX', 'mB', 'mX']],
      ['/api/v1/proposals', ids.proposalP!, ['cA', 'pA', 'mA'], ['cB', 'cX', 'pB', 'mB', 'mX']],
      ['/api/v1/placements', ids.placementP!, ['cA', 'pA', 'mA'], ['cB', 'cX', 'pB', 'mB', 'mX']],
      ['/api/v1/webhooks', ids.webhookA!, ['cA'], ['cB', 'cX', 'pA', 'mA', 'vA']],
      ['/api/v1/matching/runs', ids.runA!, ['mA', 'mB'], ['mX']],
      ['/api/v1/organisations', ids.cB!, ['cB'], ['cA', 'cX', 'pA']],
      // Filters naming another organisation's records narrow the caller's own view, never widen it.
      ['/api/v1/proposals?unitId={unitP}', ids.proposalP!, ['cA', 'mA'], ['cB', 'cX', 'mB', 'mX']],
      ['/api/v1/proposals?clientId={clientP}', ids.proposalP!, ['pA'], ['pB', 'mB', 'mX']],
      ['/api/v1/proposals?corporationId={cA}', ids.proposalP!, ['pA'], ['cB', 'pB', 'mX']],
      ['/api/v1/proposals?regionCode={region}', ids.proposalP!, ['mA'], ['mX', 'cX']],
      ['/api/v1/audit?entityId={clientA}', ids.clientA!, ['mA'], ['mB', 'mX']],
      ['/api/v1/matching/runs?regionCode={region}', ids.runA!, ['mA'], ['mX']],
    ];
    const wrong: string[] = [];
    for (const [path, id, see, seeNot] of lists) {
      for (const actor of see)
        if (!(await listed(actor, path)).includes(id)) wrong.push(`${actor} misses ${path}`);
      for (const actor of seeNot)
        if ((await listed(actor, path)).includes(id)) wrong.push(`${actor} sees ${path}`);
    }
    expect(wrong).toEqual([]);
  });

  it('when a matcher reads a client profile, then the read is in the audit trail', async () => {
    await request(t.app)
      .get(`/api/v1/clients/${ids.clientA}`)
      .set(bearer(orgs.mA.token))
      .expect(200);
    const reads = await t.runtime.dataSource.query<{ organisation_id: string }[]>(
      `SELECT organisation_id FROM client_reads WHERE client_ids @> ARRAY[$1::uuid]`,
      [ids.clientA],
    );
    expect(reads.map((r) => r.organisation_id)).toContain(orgs.mA.id);
    // The provider's own reads are not "another organisation's" reads.
    expect(reads.map((r) => r.organisation_id)).not.toContain(orgs.pA.id);
  });
});
