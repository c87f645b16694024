import request from 'supertest';

import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
} from '../support/factories';
import { tableCounts } from '../support/db-counts';
import { countCheckouts } from '../support/pool-checkouts';
import { unitBody } from '../support/registry-fixtures';
import { listAllPages } from '../support/requests';
import { createTestApp, type TestApp } from '../support/test-app';

describe('units', () => {
  let t: TestApp;
  let region: TestRegion;
  let corporation: TestOrganisation;

  beforeAll(async () => {
    t = await createTestApp();
    region = await createRegion(t.runtime.dataSource, { municipalities: 2, neighbourhoods: 2 });
    corporation = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: region.code,
    });
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>) =>
    request(t.app).post('/api/v1/units').set(bearer(corporation.token)).send(body);

  it('when a corporation registers a unit of each type, then each is stored available with its type fields', async () => {
    const bodies = [
      unitBody(region, { type: 'contingent', contingentYear: 2026 }),
      unitBody(region, {
        type: 'omklap',
        contingentYear: undefined,
        omklap: { reviewAfterMonths: 12 },
      }),
      unitBody(region, {
        type: 'doorstroom',
        contingentYear: undefined,
        doorstroom: { maxStayMonths: 12 },
        furnished: true,
      }),
      unitBody(region, { type: 'skaeve_huis', contingentYear: undefined, clusterId: 'KL-happy' }),
    ];
    for (const body of bodies) {
      const response = await post(body).expect(201);
      expect(response.body).toMatchObject({
        type: body.type,
        status: 'available',
        externalRef: body.externalRef,
        corporationId: corporation.id,
        version: 1,
      });
      expect(response.headers.etag).toBe('"1"');
      const read = await request(t.app)
        .get(`/api/v1/units/${response.body.id}`)
        .set(bearer(corporation.token))
        .expect(200);
      expect(read.body).toEqual(response.body);
    }
    const list = await request(t.app)
      .get('/api/v1/units?limit=2')
      .set(bearer(corporation.token))
      .expect(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.nextCursor).toEqual(expect.any(String));
    const next = await request(t.app)
      .get(`/api/v1/units?limit=2&cursor=${list.body.nextCursor}`)
      .set(bearer(corporation.token))
      .expect(200);
    expect(next.body.items.map((u: { id: string }) => u.id)).not.toContain(list.body.items[0].id);
  });

  it('when units of every kind are listed, then each item is its single read, value for value and key for key', async () => {
    const owner = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: region.code,
    });
    const register = async (body: Record<string, unknown>) =>
      (await request(t.app).post('/api/v1/units').set(bearer(owner.token)).send(body).expect(201))
        .body as { id: string };
    await register(unitBody(region, { rent: 725.5, serviceCosts: 12.25, petsAllowed: false }));
    await register(
      unitBody(region, {
        type: 'omklap',
        contingentYear: undefined,
        omklap: { reviewAfterMonths: 6 },
      }),
    );
    await register(
      unitBody(region, {
        type: 'doorstroom',
        contingentYear: undefined,
        doorstroom: { maxStayMonths: 18 },
        furnished: true,
        seniorOnly: true,
        selfContained: false,
      }),
    );
    await register(
      unitBody(region, { type: 'skaeve_huis', contingentYear: undefined, clusterId: 'KL-list' }),
    );
    const withdrawn = await register(unitBody(region, { rent: 600 }));
    await request(t.app)
      .post(`/api/v1/units/${withdrawn.id}/withdraw`)
      .set(bearer(owner.token))
      .expect(200);

    const listed = await listAllPages(t.app, owner.token, '/api/v1/units');
    expect(listed.map((unit) => [unit.type, unit.status])).toEqual([
      ['contingent', 'available'],
      ['omklap', 'available'],
      ['doorstroom', 'available'],
      ['skaeve_huis', 'available'],
      ['contingent', 'withdrawn'],
    ]);
    for (const unit of listed) {
      const single = await request(t.app)
        .get(`/api/v1/units/${String(unit.id)}`)
        .set(bearer(owner.token))
        .expect(200);
      expect(JSON.stringify(unit)).toBe(JSON.stringify(single.body));
    }
  });

  it('when a postcode is sent loosely, then it is stored as 1234 AB', async () => {
    const body = unitBody(region);
    (body.address as Record<string, unknown>).postcode = ' 5911ab ';
    const response = await post(body).expect(201);
    expect(response.body.address.postcode).toBe('5911 AB');
  });

  const cases: {
    name: string;
    path: string;
    mutate: (body: Record<string, unknown>, r: TestRegion) => void;
  }[] = [
    { name: 'type unknown', path: 'type', mutate: (b) => (b.type = 'villa') },
    {
      name: 'omklap without reviewAfterMonths',
      path: 'omklap',
      mutate: (b) => Object.assign(b, { type: 'omklap', contingentYear: undefined }),
    },
    {
      name: 'doorstroom without maxStayMonths',
      path: 'doorstroom',
      mutate: (b) => Object.assign(b, { type: 'doorstroom', contingentYear: undefined }),
    },
    {
      name: 'skaeve_huis without cluster',
      path: 'clusterId',
      mutate: (b) => Object.assign(b, { type: 'skaeve_huis', contingentYear: undefined }),
    },
    {
      name: 'contingent without year',
      path: 'contingentYear',
      mutate: (b) => (b.contingentYear = undefined),
    },
    {
      name: 'contingentYear on an omklap unit',
      path: 'contingentYear',
      mutate: (b) => Object.assign(b, { type: 'omklap', omklap: { reviewAfterMonths: 6 } }),
    },
    {
      name: 'omklap fields on a contingent unit',
      path: 'omklap',
      mutate: (b) => (b.omklap = { reviewAfterMonths: 6 }),
    },
    {
      name: 'clusterId on a contingent unit',
      path: 'clusterId',
      mutate: (b) => (b.clusterId = 'K9'),
    },
    {
      name: 'postcode malformed',
      path: 'address.postcode',
      mutate: (b) => ((b.address as Record<string, unknown>).postcode = '591 AB'),
    },
    {
      name: 'postcode with SS',
      path: 'address.postcode',
      mutate: (b) => ((b.address as Record<string, unknown>).postcode = '5911 SS'),
    },
    {
      name: 'house number missing',
      path: 'address.houseNumber',
      mutate: (b) => ((b.address as Record<string, unknown>).houseNumber = ''),
    },
    {
      name: 'municipality unknown',
      path: 'address.municipalityCode',
      mutate: (b) => ((b.address as Record<string, unknown>).municipalityCode = 'GM0001'),
    },
    {
      name: 'neighbourhood unknown',
      path: 'neighbourhoodCode',
      mutate: (b) => (b.neighbourhoodCode = 'BU00010001'),
    },
    {
      name: 'neighbourhood in another municipality',
      path: 'neighbourhoodCode',
      mutate: (b, r) => (b.neighbourhoodCode = r.municipalities[1]!.neighbourhoods[0]),
    },
    {
      name: 'location outside the Netherlands',
      path: 'location.lat',
      mutate: (b) => (b.location = { lat: 48.85, lon: 2.35 }),
    },
    {
      name: 'location far from the municipality',
      path: 'location',
      mutate: (b) => (b.location = { lat: 53.2, lon: 6.56 }),
    },
    { name: 'rent zero', path: 'rent', mutate: (b) => (b.rent = 0) },
    { name: 'rent with three decimals', path: 'rent', mutate: (b) => (b.rent = 700.125) },
    { name: 'bedrooms negative', path: 'bedrooms', mutate: (b) => (b.bedrooms = -1) },
    { name: 'floor not an integer', path: 'floor', mutate: (b) => (b.floor = 1.5) },
    { name: 'stimulus unknown', path: 'stimulus', mutate: (b) => (b.stimulus = 'loud') },
    { name: 'hasLift not a boolean', path: 'hasLift', mutate: (b) => (b.hasLift = 'yes') },
    {
      name: 'availableFrom not a date',
      path: 'availableFrom',
      mutate: (b) => (b.availableFrom = '2026-02-30'),
    },
    {
      name: 'availableFrom years ahead',
      path: 'availableFrom',
      mutate: (b) => (b.availableFrom = '2035-01-01'),
    },
    {
      name: 'externalRef with a space',
      path: 'externalRef',
      mutate: (b) => (b.externalRef = 'Jan Jansen'),
    },
    { name: 'unknown field', path: 'tenantName', mutate: (b) => (b.tenantName = 'x') },
  ];
  it.each(cases)(
    'when $name, then 422 names $path and nothing is stored',
    async ({ mutate, path }) => {
      const body = unitBody(region);
      mutate(body, region);
      const before = await tableCounts(t.runtime.dataSource);
      const response = await post(
        JSON.parse(JSON.stringify(body)) as Record<string, unknown>,
      ).expect(422);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
    },
  );

  it('when several fields are wrong at once, then every one is listed', async () => {
    const body = unitBody(region, { rent: -5, bedrooms: 99, stimulus: 'x' });
    const response = await post(body).expect(422);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'bedrooms',
      'rent',
      'stimulus',
    ]);
  });

  it('when the same externalRef is sent again, then 409 with the existing id and still one row', async () => {
    const body = unitBody(region);
    const first = await post(body).expect(201);
    const before = await tableCounts(t.runtime.dataSource);
    const again = await post(body).expect(409);
    expect(again.body).toMatchObject({
      code: 'unit_external_ref_exists',
      existingId: first.body.id,
    });
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
    const rows = await t.runtime.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM units WHERE corporation_id = $1 AND external_ref = $2`,
      [corporation.id, body.externalRef],
    );
    expect(rows[0]?.n).toBe('1');
  });

  it('when a unit is registered, refused as a duplicate or refused as invalid, then each request checks out one connection', async () => {
    await request(t.app).get('/api/v1/me').set(bearer(corporation.token)).expect(200); // the token known
    const body = unitBody(region, {
      type: 'skaeve_huis',
      contingentYear: undefined,
      clusterId: 'KL-one-connection',
    });
    const created = await countCheckouts(t.runtime.dataSource, () => post(body).expect(201));
    expect(created.checkouts).toBe(1);
    // What was read back on that connection after the commit is what a later read answers.
    const read = await request(t.app)
      .get(`/api/v1/units/${created.result.body.id}`)
      .set(bearer(corporation.token))
      .expect(200);
    expect(created.result.text).toBe(read.text);

    const duplicate = await countCheckouts(t.runtime.dataSource, () => post(body).expect(409));
    expect(duplicate.checkouts).toBe(1);
    const invalid = await countCheckouts(t.runtime.dataSource, () =>
      post(unitBody(region, { neighbourhoodCode: 'BU99999999' })).expect(422),
    );
    expect(invalid.checkouts).toBe(1);
    expect(invalid.result.body.errors).toEqual([
      expect.objectContaining({ path: 'neighbourhoodCode' }),
    ]);
  });

  it('when a Skaeve Huse cluster would get a 7th home or span two municipalities, then 422', async () => {
    const skaeve = (overrides: Record<string, unknown> = {}) =>
      unitBody(region, {
        type: 'skaeve_huis',
        contingentYear: undefined,
        clusterId: 'KL-full',
        ...overrides,
      });
    for (let i = 0; i < 6; i++) await post(skaeve()).expect(201);
    const seventh = await post(skaeve()).expect(422);
    expect(seventh.body.errors).toEqual([
      expect.objectContaining({
        path: 'clusterId',
        message: expect.stringContaining('more than 6'),
      }),
    ]);

    const other = region.municipalities[1]!;
    const elsewhere = await post(
      unitBody(region, {
        type: 'skaeve_huis',
        contingentYear: undefined,
        clusterId: 'KL-happy',
        address: {
          street: 'Heide',
          houseNumber: '3',
          postcode: '5912 AA',
          municipalityCode: other.code,
        },
        neighbourhoodCode: other.neighbourhoods[0],
        location: { lat: other.lat, lon: other.lon },
      }),
    ).expect(422);
    expect(elsewhere.body.errors[0].message).toContain('one municipality');

    // A withdrawn home frees its place in the cluster.
    const list = await request(t.app)
      .get('/api/v1/units?type=skaeve_huis&limit=500')
      .set(bearer(corporation.token));
    const inFull = list.body.items.filter((u: { clusterId: string }) => u.clusterId === 'KL-full');
    await request(t.app)
      .post(`/api/v1/units/${inFull[0].id}/withdraw`)
      .set(bearer(corporation.token))
      .expect(200);
    await post(skaeve()).expect(201);
  });

  it('when the database is asked directly for a 7th cluster home, then its constraint refuses', async () => {
    const rows = await t.runtime.dataSource.query<{ corporation_id: string }[]>(
      `SELECT corporation_id FROM skaeve_huis_clusters WHERE cluster_id = 'KL-full'`,
    );
    await expect(
      t.runtime.dataSource.query(
        `INSERT INTO units (corporation_id, external_ref, type, street, house_number, postcode,
           municipality_code, neighbourhood_code, lat, lon, rent, bedrooms, floor, has_lift,
           wheelchair_accessible, stimulus, furnished, available_from, cluster_id)
         SELECT corporation_id, 'direct-7', 'skaeve_huis', 'x', '1', '5911 AB', municipality_code,
                $1, 51.3, 6.0, 400, 1, 0, false, false, 'low', true, '2026-12-01', 'KL-full'
           FROM skaeve_huis_clusters WHERE cluster_id = 'KL-full' AND corporation_id = $2`,
        [region.municipalities[0]!.neighbourhoods[0], rows[0]!.corporation_id],
      ),
    ).rejects.toThrow(/ck_skaeve_huis_clusters_size/);
  });

  it('when an available unit is patched, then it changes and its version rises; a stale If-Match is 412', async () => {
    const created = await post(unitBody(region)).expect(201);
    const path = `/api/v1/units/${created.body.id}`;
    const patched = await request(t.app)
      .patch(path)
      .set(bearer(corporation.token))
      .set('If-Match', '"1"')
      .send({ rent: 699.95, address: { houseNumber: '14' } })
      .expect(200);
    expect(patched.body).toMatchObject({
      rent: 699.95,
      version: 2,
      address: { houseNumber: '14', street: 'Kerkstraat' },
    });
    await request(t.app)
      .patch(path)
      .set(bearer(corporation.token))
      .set('If-Match', '"1"')
      .send({ rent: 650 })
      .expect(412);
    const fixed = await request(t.app)
      .patch(path)
      .set(bearer(corporation.token))
      .send({ type: 'omklap' })
      .expect(422);
    expect(fixed.body.errors[0].path).toBe('type');
    // Sending what is already there changes nothing.
    const same = await request(t.app)
      .patch(path)
      .set(bearer(corporation.token))
      .send({ rent: 699.95 })
      .expect(200);
    expect(same.body.version).toBe(2);
  });

  it('when a unit is withdrawn, then it can no longer be patched, and withdrawing again is harmless', async () => {
    const created = await post(unitBody(region)).expect(201);
    const path = `/api/v1/units/${created.body.id}`;
    const withdrawn = await request(t.app)
      .post(`${path}/withdraw`)
      .set(bearer(corporation.token))
      .expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });
    const again = await request(t.app)
      .post(`${path}/withdraw`)
      .set(bearer(corporation.token))
      .expect(200);
    expect(again.body.version).toBe(withdrawn.body.version);
    const patch = await request(t.app)
      .patch(path)
      .set(bearer(corporation.token))
      .send({ rent: 600 })
      .expect(409);
    expect(patch.body.code).toBe('unit_not_available');
  });

  it('when a unit lies outside the corporation’s region, then 422', async () => {
    const elsewhere = await createRegion(t.runtime.dataSource, { municipalities: 1 });
    const m = elsewhere.municipalities[0]!;
    const response = await post(
      unitBody(elsewhere, { location: { lat: m.lat, lon: m.lon } }),
    ).expect(422);
    expect(response.body.errors[0]).toMatchObject({
      path: 'address.municipalityCode',
      message: expect.stringContaining('outside your region'),
    });
  });
});
