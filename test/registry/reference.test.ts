import request from 'supertest';

import { defaultPolicyInput } from '../../src/modules/reference';
import { tableCounts } from '../support/db-counts';
import { bearer, createOrganisation, createRegion, uniqueSuffix } from '../support/factories';
import { requestsAs } from '../support/requests';
import { createTestApp, type TestApp } from '../support/test-app';

describe('reference data and region policy', () => {
  let t: TestApp;
  let admin: string;
  const region = `nml-${uniqueSuffix()}`;
  // Codes of their own (9xxx), clear of the factories' range and of real CBS codes.
  const gm = (n: number) => `GM9${String(n).padStart(3, '0')}`;
  const digits = String(process.pid % 900).padStart(3, '0');
  const venlo = gm(Number(digits));
  const venray = gm(Number(digits) + 1);

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await createOrganisation(t.runtime.dataSource, 'platform')).token;
  });
  afterAll(() => t.close());

  const as = (token: string) => requestsAs(t.app, token);

  it('when the admin sets up a region, municipalities and neighbourhoods, then each can be read back', async () => {
    await as(admin)
      .post('/api/v1/regions', { code: region, name: 'Noord- en Midden-Limburg' })
      .expect(201);
    await as(admin).post('/api/v1/regions', { code: region, name: 'again' }).expect(409);
    await as(admin)
      .post('/api/v1/municipalities', {
        code: venlo,
        name: 'Venlo',
        regionCode: region,
        lat: 51.37,
        lon: 6.172,
      })
      .expect(201);
    await as(admin)
      .post('/api/v1/municipalities', {
        code: venlo,
        name: 'Venlo',
        regionCode: region,
        lat: 51.37,
        lon: 6.172,
      })
      .expect(409);
    const bu = `BU${venlo.slice(2)}0100`;
    await as(admin)
      .post('/api/v1/neighbourhoods', {
        code: bu,
        name: 'Binnenstad',
        municipalityCode: venlo,
        lat: 51.371,
        lon: 6.168,
      })
      .expect(201);
    expect((await as(admin).get(`/api/v1/regions/${region}`).expect(200)).body.name).toBe(
      'Noord- en Midden-Limburg',
    );
    expect((await as(admin).get(`/api/v1/municipalities/${venlo}`).expect(200)).body).toMatchObject(
      { regionCode: region },
    );
    expect(
      (await as(admin).get(`/api/v1/neighbourhoods?municipalityCode=${venlo}`).expect(200)).body
        .items,
    ).toHaveLength(1);
    expect(
      (await as(admin).get(`/api/v1/municipalities?regionCode=${region}`).expect(200)).body.items,
    ).toHaveLength(1);
  });

  it('when a neighbourhood code does not embed its municipality, or lies far away, then 422', async () => {
    const before = await tableCounts(t.runtime.dataSource);
    const wrong = await as(admin)
      .post('/api/v1/neighbourhoods', {
        code: 'BU01230100',
        name: 'X',
        municipalityCode: venlo,
        lat: 51.37,
        lon: 6.17,
      })
      .expect(422);
    expect(wrong.body.errors[0]).toMatchObject({
      path: 'code',
      message: expect.stringContaining('GM0123'),
    });
    const far = await as(admin)
      .post('/api/v1/neighbourhoods', {
        code: `BU${venlo.slice(2)}0200`,
        name: 'X',
        municipalityCode: venlo,
        lat: 53.2,
        lon: 6.5,
      })
      .expect(422);
    expect(far.body.errors[0].path).toBe('lat');
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
  });

  it('when reference lists are bulk-loaded as CSV or JSON, then all valid → all written, and loading again changes nothing', async () => {
    const csv = `code;name;regionCode;lat;lon\n${venlo};Venlo;${region};51,370;6,172\n${venray};Venray;${region};51,526;5,975\n`;
    expect(
      (
        await request(t.app)
          .post('/api/v1/municipalities/import')
          .set(bearer(admin))
          .set('Content-Type', 'text/csv')
          .send(csv)
          .expect(200)
      ).body,
    ).toEqual({
      created: 1,
      updated: 0,
      unchanged: 1,
    });
    const json = [
      {
        code: `BU${venray.slice(2)}0100`,
        name: 'Centrum',
        municipalityCode: venray,
        lat: 51.527,
        lon: 5.974,
      },
      {
        code: `BU${venray.slice(2)}0200`,
        name: 'Oostrum',
        municipalityCode: venray,
        lat: 51.53,
        lon: 6.0,
      },
    ];
    expect((await as(admin).post('/api/v1/neighbourhoods/import', json).expect(200)).body).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    expect((await as(admin).post('/api/v1/neighbourhoods/import', json).expect(200)).body).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    json[1]!.name = 'Oostrum-Noord';
    expect((await as(admin).post('/api/v1/neighbourhoods/import', json).expect(200)).body).toEqual({
      created: 0,
      updated: 1,
      unchanged: 1,
    });
  });

  it('when one record of a bulk load is invalid, then 422 names it and nothing is written', async () => {
    const before = await tableCounts(t.runtime.dataSource);
    const json = [
      {
        code: `BU${venray.slice(2)}0300`,
        name: 'Leunen',
        municipalityCode: venray,
        lat: 51.5,
        lon: 5.99,
      },
      {
        code: `BU${venray.slice(2)}0400`,
        name: '',
        municipalityCode: venray,
        lat: 51.5,
        lon: 5.99,
      },
      { code: 'BU99990100', name: 'Nergens', municipalityCode: 'GM9999', lat: 51.5, lon: 5.99 },
    ];
    const response = await as(admin).post('/api/v1/neighbourhoods/import', json).expect(422);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'rows[1].name',
      'rows[2].municipalityCode',
    ]);
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
  });

  it('when another role tries to write reference data, then 403; reading is open to every role', async () => {
    const corporation = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: region,
    });
    await as(corporation.token)
      .post('/api/v1/regions', { code: `x-${uniqueSuffix()}`, name: 'x' })
      .expect(403);
    await as(corporation.token).post('/api/v1/municipalities/import', []).expect(403);
    await as(corporation.token).get('/api/v1/municipalities').expect(200);
  });

  it('when a region is created, then its policy is version 1 with every default', async () => {
    const policy = await as(admin).get(`/api/v1/regions/${region}/policy`).expect(200);
    expect(policy.headers.etag).toBe('"1"');
    expect(policy.body).toMatchObject({
      version: 1,
      weights: { location: 0.3, spreiding: 0.2, prikkelarm: 0.15, begeleiding: 0.15, wait: 0.2 },
      neighbourhoodCap: 3,
      municipalityCaps: {},
      capWindowMonths: 12,
      maxDistanceKm: 15,
      planningHorizonDays: 90,
      deadlines: { matcherDays: 5, corporationDays: 10, providerDays: 10, placementDays: 20 },
      retentionMonths: 24,
    });
  });

  /** A whole policy for PUT: the defaults with `changes` laid over them. */
  const wholePolicy = (changes: Record<string, unknown> = {}) => ({
    ...defaultPolicyInput(),
    ...changes,
  });
  const putPolicy = (body: unknown, version: number) =>
    as(admin).put(`/api/v1/regions/${region}/policy`, body).set('If-Match', `"${version}"`);

  it('when the policy is changed, then each change is a new version, the old one stays, and a repeat adds none', async () => {
    const body = wholePolicy({
      weights: { location: 2, wait: 1, spreiding: 1, prikkelarm: 1, begeleiding: 1 },
      municipalityCaps: { [venlo]: 10 },
    });
    const v2 = await putPolicy(body, 1).expect(200);
    expect(v2.body).toMatchObject({
      version: 2,
      weights: { location: 2 },
      municipalityCaps: { [venlo]: 10 },
      neighbourhoodCap: 3,
    });
    // A retried PUT (its If-Match now one behind) finds its change made and adds nothing.
    const repeat = await putPolicy(body, 1).expect(200);
    expect(repeat.body.version).toBe(2);
    await request(t.app)
      .patch(`/api/v1/regions/${region}/policy`)
      .set(bearer(admin))
      .set('If-Match', '"1"')
      .send({ neighbourhoodCap: 5 })
      .expect(412);
    const v3 = await request(t.app)
      .patch(`/api/v1/regions/${region}/policy`)
      .set(bearer(admin))
      .set('If-Match', '"2"')
      .send({ neighbourhoodCap: 5 })
      .expect(200);
    expect(v3.body).toMatchObject({
      version: 3,
      neighbourhoodCap: 5,
      weights: { location: 2 },
      municipalityCaps: { [venlo]: 10 },
    });
    const v1 = await as(admin).get(`/api/v1/regions/${region}/policy?version=1`).expect(200);
    expect(v1.body.neighbourhoodCap).toBe(3);
    const versions = await as(admin).get(`/api/v1/regions/${region}/policy/versions`).expect(200);
    expect(versions.body.items.map((p: { version: number }) => p.version)).toEqual([3, 2, 1]);
    await expect(
      t.runtime.dataSource.query(
        `UPDATE region_policies SET neighbourhood_cap = 9 WHERE region_code = $1`,
        [region],
      ),
    ).rejects.toThrow(/append-only/);
  });

  it('when a policy is invalid, then 422 lists every bad field and no version is written', async () => {
    const before = await tableCounts(t.runtime.dataSource);
    const current = await as(admin).get(`/api/v1/regions/${region}/policy`).expect(200);
    const version = Number(current.body.version);
    const response = await putPolicy(
      {
        ...wholePolicy({
          weights: { location: 0, spreiding: 0, prikkelarm: 0, begeleiding: 0, wait: 0 },
          neighbourhoodCap: -1,
          maxDistanceKm: 0,
          // 0 is allowed (due at once); more than 90 working days is not.
          deadlines: { matcherDays: 91, corporationDays: 10, providerDays: 10, placementDays: 20 },
          municipalityCaps: { GM9998: 2, [venlo]: -3 },
        }),
        surprise: true,
      },
      version,
    ).expect(422);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      [
        'deadlines.matcherDays',
        'maxDistanceKm',
        `municipalityCaps.${venlo}`,
        'neighbourhoodCap',
        'surprise',
        'weights',
      ].sort(),
    );
    const unknownCap = await putPolicy(
      wholePolicy({ municipalityCaps: { GM9998: 2 } }),
      version,
    ).expect(422);
    expect(unknownCap.body.errors).toEqual([
      { path: 'municipalityCaps.GM9998', message: 'unknown municipality' },
    ]);
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
  });

  it('when a non-admin reads the policy, then only its own region answers; writing is 403', async () => {
    const local = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: region,
    });
    await as(local.token).get(`/api/v1/regions/${region}/policy`).expect(200);
    await as(local.token).put(`/api/v1/regions/${region}/policy`, {}).expect(403);
    const elsewhere = await createRegion(t.runtime.dataSource, { municipalities: 1 });
    const foreign = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: elsewhere.code,
    });
    await as(foreign.token).get(`/api/v1/regions/${region}/policy`).expect(404);
    await as(foreign.token).get(`/api/v1/regions/${region}/policy/versions`).expect(404);
  });
});
