import request from 'supertest';

import { containsBsn } from '../../src/shared/domain/opaque-reference';
import { tableCounts } from '../support/db-counts';
import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
} from '../support/factories';
import { countCheckouts } from '../support/pool-checkouts';
import { clientBody } from '../support/registry-fixtures';
import { listAllPages } from '../support/requests';
import { createTestApp, type TestApp } from '../support/test-app';

describe('clients', () => {
  let t: TestApp;
  let region: TestRegion;
  let provider: TestOrganisation;
  let otherProvider: TestOrganisation;
  let corporation: TestOrganisation;

  beforeAll(async () => {
    t = await createTestApp({ overrides: {} });
    region = await createRegion(t.runtime.dataSource, { municipalities: 3 });
    provider = await createOrganisation(t.runtime.dataSource, 'zorgaanbieder', {
      regionCode: region.code,
    });
    otherProvider = await createOrganisation(t.runtime.dataSource, 'welzijnsaanbieder', {
      regionCode: region.code,
    });
    corporation = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: region.code,
    });
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>) =>
    request(t.app).post('/api/v1/clients').set(bearer(provider.token)).send(body);

  /** A region of the test's own, a provider there, and a matcher of its first municipality. */
  async function regionOfItsOwn(options: { municipalities: number; neighbourhoods?: number }) {
    const own = await createRegion(t.runtime.dataSource, options);
    const organisation = (kind: 'zorgaanbieder' | 'matchingspunt', extra = {}) =>
      createOrganisation(t.runtime.dataSource, kind, { regionCode: own.code, ...extra });
    return {
      own,
      provider: await organisation('zorgaanbieder'),
      matcher: await organisation('matchingspunt', {
        municipalityCodes: [own.municipalities[0]!.code],
      }),
    };
  }

  it('when a provider registers a client, then the profile is stored with coarse anchors and is matchable', async () => {
    const body = clientBody(region, {
      support: { intensity: 'intensive', providerId: otherProvider.id },
    });
    const response = await post(body).expect(201);
    const anchor = (body.anchors as { lat: number; lon: number }[])[0]!;
    expect(response.body).toMatchObject({
      status: 'waiting',
      providerId: provider.id,
      externalRef: body.externalRef,
      matchable: true,
      notMatchableReasons: [],
      support: { intensity: 'intensive', providerId: otherProvider.id },
      anchors: [
        {
          kind: 'family',
          lat: Math.round(anchor.lat * 100) / 100,
          lon: Math.round(anchor.lon * 100) / 100,
        },
      ],
      routes: ['contingent', 'doorstroom'],
    });
    const stored = await t.runtime.dataSource.query<{ lat: string }[]>(
      `SELECT lat::text FROM client_anchors WHERE client_id = $1`,
      [response.body.id],
    );
    expect(stored[0]!.lat).toMatch(/^\d{2}\.\d{2}$/);
    await request(t.app)
      .get(`/api/v1/clients/${response.body.id}`)
      .set(bearer(provider.token))
      .expect(200);
  });

  it('when a client has no consent, or is parked, then it is stored waiting but flagged not matchable', async () => {
    const withoutConsent = await post(clientBody(region, { consent: null })).expect(201);
    expect(withoutConsent.body).toMatchObject({
      status: 'waiting',
      matchable: false,
      notMatchableReasons: ['no_consent'],
    });
    const parked = await post(clientBody(region, { parkedUntil: '2099-01-01' })).expect(201);
    expect(parked.body).toMatchObject({ matchable: false, notMatchableReasons: ['parked'] });
  });

  const cases: {
    name: string;
    path: string;
    change: Record<string, unknown> | ((r: TestRegion) => Record<string, unknown>);
  }[] = [
    { name: 'routes empty', path: 'routes', change: { routes: [] } },
    { name: 'a route that is no unit type', path: 'routes[0]', change: { routes: ['villa'] } },
    {
      name: 'no adult in the household',
      path: 'household.adults',
      change: { household: { adults: 0, children: 2 } },
    },
    {
      name: 'municipality of belonging unknown',
      path: 'municipalityOfBelonging',
      change: { municipalityOfBelonging: 'GM0001' },
    },
    {
      name: 'a preferred municipality unknown',
      path: 'preferredMunicipalities[0]',
      change: { preferredMunicipalities: ['GM0002'] },
    },
    {
      name: 'an avoided municipality unknown',
      path: 'avoidMunicipalities[0]',
      change: { avoidMunicipalities: ['GM0003'] },
    },
    {
      name: 'a municipality both preferred and avoided',
      path: 'avoidMunicipalities[0]',
      change: (r) => ({
        preferredMunicipalities: [r.municipalities[1]!.code],
        avoidMunicipalities: [r.municipalities[1]!.code],
      }),
    },
    {
      name: 'an anchor outside the Netherlands',
      path: 'anchors[0].lat',
      change: { anchors: [{ kind: 'work', lat: 40, lon: 5 }] },
    },
    {
      name: 'an anchor of unknown kind',
      path: 'anchors[0].kind',
      change: { anchors: [{ kind: 'ex-partner', lat: 51.3, lon: 6 }] },
    },
    { name: 'maxRent negative', path: 'maxRent', change: { maxRent: -1 } },
    { name: 'stimulusNeed unknown', path: 'stimulusNeed', change: { stimulusNeed: 'sometimes' } },
    {
      name: 'support intensity unknown',
      path: 'support.intensity',
      change: { support: { intensity: 'daily' } },
    },
    {
      name: 'support by an unknown provider',
      path: 'support.providerId',
      change: {
        support: { intensity: 'light', providerId: '6f1e7d26-4d2a-4b9c-9a57-000000000000' },
      },
    },
    {
      name: 'consent dated in the future',
      path: 'consent.givenOn',
      change: { consent: { givenOn: '2099-01-01', scope: 'matching' } },
    },
    {
      name: 'consent of unknown scope',
      path: 'consent.scope',
      change: { consent: { givenOn: '2026-01-01', scope: 'everything' } },
    },
    { name: 'readySince not a date', path: 'readySince', change: { readySince: 'last spring' } },
    {
      name: 'an externalRef that is a BSN',
      path: 'externalRef',
      change: { externalRef: '111222333' },
    },
    {
      name: 'an externalRef holding a name',
      path: 'externalRef',
      change: { externalRef: 'Jan de Vries' },
    },
    { name: 'a name field', path: 'name', change: { name: 'Jan de Vries' } },
    { name: 'a birth date', path: 'dateOfBirth', change: { dateOfBirth: '1980-01-01' } },
    { name: 'a diagnosis', path: 'diagnosis', change: { diagnosis: 'x' } },
    { name: 'free-text notes', path: 'notes', change: { notes: 'x' } },
  ];
  it.each(cases)(
    'when $name, then 422 names $path and nothing is stored',
    async ({ change, path }) => {
      const body = clientBody(region, typeof change === 'function' ? change(region) : change);
      const before = await tableCounts(t.runtime.dataSource);
      const response = await post(body).expect(422);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
    },
  );

  it('when a client is registered, refused as a duplicate or refused as invalid, then each request checks out one connection', async () => {
    await request(t.app).get('/api/v1/me').set(bearer(provider.token)).expect(200); // the token known
    const body = clientBody(region, { avoidCorporations: [corporation.id] });
    const created = await countCheckouts(t.runtime.dataSource, () => post(body).expect(201));
    expect(created.checkouts).toBe(1);
    // What was read back on that connection after the commit is what a later read answers.
    const read = await request(t.app)
      .get(`/api/v1/clients/${created.result.body.id}`)
      .set(bearer(provider.token))
      .expect(200);
    expect(created.result.text).toBe(read.text);

    const duplicate = await countCheckouts(t.runtime.dataSource, () => post(body).expect(409));
    expect(duplicate.checkouts).toBe(1);
    const invalid = await countCheckouts(t.runtime.dataSource, () =>
      post(clientBody(region, { avoidCorporations: [provider.id] })).expect(422),
    );
    expect(invalid.checkouts).toBe(1);
    expect(invalid.result.body.errors).toEqual([
      expect.objectContaining({ path: 'avoidCorporations[0]' }),
    ]);
  });

  it('when the same externalRef is sent again, then 409 and still one row', async () => {
    const body = clientBody(region);
    const first = await post(body).expect(201);
    const before = await tableCounts(t.runtime.dataSource);
    const again = await post(body).expect(409);
    expect(again.body).toMatchObject({
      code: 'client_external_ref_exists',
      existingId: first.body.id,
    });
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
  });

  it('when another provider uses the same externalRef, then that is a different client', async () => {
    const body = clientBody(region);
    await post(body).expect(201);
    await request(t.app)
      .post('/api/v1/clients')
      .set(bearer(otherProvider.token))
      .send(body)
      .expect(201);
  });

  it('when a waiting client is patched, then only the sent fields change; a closed one cannot be', async () => {
    const created = await post(clientBody(region, { urgencyReason: 'health' })).expect(201);
    const path = `/api/v1/clients/${created.body.id}`;
    const patched = await request(t.app)
      .patch(path)
      .set(bearer(provider.token))
      .set('If-Match', '"1"')
      .send({ maxRent: 700, consent: null })
      .expect(200);
    expect(patched.body).toMatchObject({
      maxRent: 700,
      urgencyReason: 'health',
      urgent: false,
      consent: null,
      matchable: false,
      version: 2,
    });
    expect(patched.body.anchors).toEqual(created.body.anchors);
    await request(t.app)
      .patch(path)
      .set(bearer(provider.token))
      .set('If-Match', '"1"')
      .send({ maxRent: 650 })
      .expect(412);
    await request(t.app)
      .patch(path)
      .set(bearer(provider.token))
      .send({ externalRef: 'OTHER-1' })
      .expect(422);

    await request(t.app).post(`${path}/withdraw`).set(bearer(provider.token)).expect(200);
    const again = await request(t.app)
      .post(`${path}/withdraw`)
      .set(bearer(provider.token))
      .expect(200);
    expect(again.body).toMatchObject({ status: 'withdrawn', closedAt: expect.any(String) });
    const closed = await request(t.app)
      .patch(path)
      .set(bearer(provider.token))
      .send({ maxRent: 600 })
      .expect(409);
    expect(closed.body.code).toBe('client_not_waiting');
  });

  it('when a matcher lists clients a page at a time, then each item equals its single read and exactly the returned clients are logged, once each', async () => {
    const { own, provider: ownProvider, matcher } = await regionOfItsOwn({ municipalities: 3 });
    const [first, second, third] = own.municipalities;
    const bodies = [
      clientBody(own),
      clientBody(own, {
        preferredMunicipalities: [third!.code, first!.code],
        anchors: [
          { kind: 'work', lat: first!.lat, lon: first!.lon },
          { kind: 'daytime', lat: first!.lat + 0.01, lon: first!.lon + 0.01 },
        ],
        avoidMunicipalities: [second!.code],
        avoidCorporations: [corporation.id],
      }),
      clientBody(own, { anchors: [], avoidMunicipalities: [] }),
    ];
    for (const body of bodies) {
      await request(t.app)
        .post('/api/v1/clients')
        .set(bearer(ownProvider.token))
        .send(body)
        .expect(201);
    }
    const logged = async () =>
      t.runtime.dataSource.query<{ entityId: string; n: number }[]>(
        `SELECT x.id::text AS "entityId", count(*)::int AS n
           FROM client_reads r CROSS JOIN LATERAL unnest(r.client_ids) AS x(id)
          WHERE r.organisation_id = $1 GROUP BY x.id`,
        [matcher.id],
      );
    // One access-log row per request, its clients in the order the page showed them.
    const requests = async () =>
      (
        await t.runtime.dataSource.query<{ ids: string[] }[]>(
          `SELECT client_ids::text[] AS ids FROM client_reads WHERE organisation_id = $1 ORDER BY id`,
          [matcher.id],
        )
      ).map((row) => row.ids);

    const firstPage = await request(t.app)
      .get('/api/v1/clients')
      .query({ limit: 2 })
      .set(bearer(matcher.token))
      .expect(200);
    expect(firstPage.body.items).toHaveLength(2);
    expect(firstPage.body.nextCursor).toEqual(expect.any(String));
    // Two clients returned, two rows: not the third, read only to know there is a next page.
    expect(await logged()).toEqual(
      expect.arrayContaining(
        firstPage.body.items.map((item: { id: string }) => ({ entityId: item.id, n: 1 })),
      ),
    );
    expect(await logged()).toHaveLength(2);
    expect(await requests()).toEqual([firstPage.body.items.map((item: { id: string }) => item.id)]);

    const secondPage = await request(t.app)
      .get('/api/v1/clients')
      .query({ limit: 2, cursor: firstPage.body.nextCursor })
      .set(bearer(matcher.token))
      .expect(200);
    const items = [...firstPage.body.items, ...secondPage.body.items] as {
      id: string;
      externalRef: string;
    }[];
    expect(items.map((item) => item.externalRef)).toEqual(bodies.map((body) => body.externalRef));
    for (const item of items) {
      const single = await request(t.app)
        .get(`/api/v1/clients/${item.id}`)
        .set(bearer(ownProvider.token))
        .expect(200);
      expect(item).toEqual(single.body);
    }
    expect(await logged()).toHaveLength(3);
    expect((await logged()).every((row) => row.n === 1)).toBe(true);
    expect(await requests()).toEqual([
      firstPage.body.items.map((item: { id: string }) => item.id),
      secondPage.body.items.map((item: { id: string }) => item.id),
    ]);
  });

  it('when a client is patched, with its lists or without, then the answer is its single read', async () => {
    // The answer is built from the update's own row and, when no list was rewritten, the lists as
    // read before it: it must be what a read after the commit gives, key for key.
    const { own, provider: owner } = await regionOfItsOwn({ municipalities: 3, neighbourhoods: 2 });
    const [first, second, third] = own.municipalities;
    const created = await request(t.app)
      .post('/api/v1/clients')
      .set(bearer(owner.token))
      .send(
        clientBody(own, {
          preferredMunicipalities: [third!.code, first!.code],
          anchors: [
            { kind: 'work', lat: first!.lat + 0.0337, lon: first!.lon - 0.0112 },
            { kind: 'support', lat: first!.lat, lon: first!.lon },
          ],
          avoidMunicipalities: [second!.code],
          avoidNeighbourhoods: [third!.neighbourhoods[1], third!.neighbourhoods[0]],
          avoidCorporations: [corporation.id],
          urgencyReason: 'health',
        }),
      )
      .expect(201);
    const path = `/api/v1/clients/${String(created.body.id)}`;
    const patches: Record<string, unknown>[] = [
      { maxRent: 712.45 },
      { parkedUntil: '2099-01-01', needs: { groundFloorOrLift: true, wheelchair: false } },
      { parkedUntil: null, consent: null },
      { preferredMunicipalities: [first!.code], avoidNeighbourhoods: [third!.neighbourhoods[0]] },
      { anchors: [], avoidCorporations: [], maxRent: 650 },
    ];
    for (const [index, patch] of patches.entries()) {
      const patched = await request(t.app)
        .patch(path)
        .set(bearer(owner.token))
        .set('If-Match', `"${index + 1}"`)
        .send(patch)
        .expect(200);
      expect(patched.body.version).toBe(index + 2);
      expect(patched.headers.etag).toBe(`"${index + 2}"`);
      const single = await request(t.app).get(path).set(bearer(owner.token)).expect(200);
      expect(JSON.stringify(patched.body)).toBe(JSON.stringify(single.body));
    }
  });

  it('when clients of every kind are listed, then each item is its single read, value for value and key for key', async () => {
    // The list's JSON is built by PostgreSQL, the single read's by the service: they must agree on
    // every field, nested object, list order, null and number, and on the order of the keys.
    const {
      own,
      provider: owner,
      matcher,
    } = await regionOfItsOwn({ municipalities: 3, neighbourhoods: 2 });
    const [first, second, third] = own.municipalities;
    const register = async (overrides: Record<string, unknown>) =>
      (
        await request(t.app)
          .post('/api/v1/clients')
          .set(bearer(owner.token))
          .send(clientBody(own, overrides))
          .expect((res) => {
            if (res.status !== 201) throw new Error(JSON.stringify(res.body));
          })
      ).body as { id: string };
    await register({});
    await register({
      household: { adults: 2, children: 3 },
      maxRent: 712.45,
      preferredMunicipalities: [third!.code, first!.code],
      anchors: [
        { kind: 'work', lat: first!.lat + 0.0337, lon: first!.lon - 0.0112 },
        { kind: 'daytime', lat: first!.lat - 0.02, lon: first!.lon + 0.04 },
        { kind: 'support', lat: first!.lat, lon: first!.lon },
      ],
      avoidMunicipalities: [second!.code],
      avoidNeighbourhoods: [third!.neighbourhoods[1], third!.neighbourhoods[0]],
      avoidCorporations: [corporation.id],
      pets: true,
      huurtoeslagEligible: true,
      mustMoveBy: '2027-03-31',
      stimulusNeed: 'required',
      support: { intensity: 'intensive', providerId: otherProvider.id },
      needs: { groundFloorOrLift: true, wheelchair: true },
      routes: ['skaeve_huis', 'omklap', 'contingent'],
      urgencyReason: 'health',
    });
    await register({ anchors: [], avoidMunicipalities: [], preferredMunicipalities: [] });
    await register({ consent: null });
    await register({ parkedUntil: '2099-01-01' });
    await register({ parkedUntil: '2020-01-01' });
    const laterConsent = await register({});
    const parkedByRegion = await register({});
    const withdrawn = await register({});
    const confirmed = await register({ urgencyReason: 'safety' });
    await t.runtime.dataSource.query(
      `UPDATE clients SET consent_given_on = '2099-06-01' WHERE id = $1`,
      [laterConsent.id],
    );
    await t.runtime.dataSource.query(
      `UPDATE clients SET parked_until = '2099-02-01', parked_reason = 'declined_repeatedly',
              parked_declines = 3, parked_at = now() WHERE id = $1`,
      [parkedByRegion.id],
    );
    await request(t.app)
      .post(`/api/v1/clients/${withdrawn.id}/withdraw`)
      .set(bearer(owner.token))
      .expect(200);
    await request(t.app)
      .post(`/api/v1/clients/${confirmed.id}/urgency`)
      .set(bearer(matcher.token))
      .send({ confirm: true })
      .expect(200);

    const listed = await listAllPages(t.app, matcher.token, '/api/v1/clients', {}, 3);
    expect(listed).toHaveLength(10);
    const reasons = new Set(listed.flatMap((item) => item.notMatchableReasons as string[]));
    expect([...reasons].sort()).toEqual(['no_consent', 'not_waiting', 'parked']);
    expect(listed.filter((item) => item.matchable)).toHaveLength(5);
    for (const item of listed) {
      const single = await request(t.app)
        .get(`/api/v1/clients/${String(item.id)}`)
        .set(bearer(owner.token))
        .expect(200);
      expect(JSON.stringify(item)).toBe(JSON.stringify(single.body));
    }
  });

  it('when a corporation asks for client profiles, then 403', async () => {
    await request(t.app).get('/api/v1/clients').set(bearer(corporation.token)).expect(403);
  });

  it('recognises BSNs by the elfproef, and only them', () => {
    expect(containsBsn('111222333')).toBe(true);
    expect(containsBsn('ZDB-111222333')).toBe(true);
    expect(containsBsn('111222334')).toBe(false);
    expect(containsBsn('ZDB-2026-0042')).toBe(false);
    expect(containsBsn('1112223330')).toBe(false);
  });
});
