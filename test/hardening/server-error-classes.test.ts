import { gzipSync } from 'node:zlib';

import request from 'supertest';

import { tableCounts } from '../support/db-counts';
import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
} from '../support/factories';
import { expectProblem, errorPaths } from '../support/problem';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The five classes of input that schema fuzzing turned into 500s: each must be a 4xx problem,
 * naming the field, with nothing written.
 */
describe('input that used to cost a 500', () => {
  let t: TestApp;
  let region: TestRegion;
  let admin: TestOrganisation;
  let corporation: TestOrganisation;
  let provider: TestOrganisation;

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.runtime.dataSource;
    region = await createRegion(ds);
    admin = await createOrganisation(ds, 'platform');
    corporation = await createOrganisation(ds, 'corporatie', { regionCode: region.code });
    provider = await createOrganisation(ds, 'zorgaanbieder', { regionCode: region.code });
  });
  afterAll(() => t.close());

  async function expectRefusedWithoutWrite(
    send: () => Promise<request.Response>,
    status: number,
    paths?: string[],
  ): Promise<request.Response> {
    const before = await tableCounts(t.runtime.dataSource);
    const response = await send();
    expectProblem(response, status);
    if (paths) expect(errorPaths(response)).toEqual(expect.arrayContaining(paths));
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
    return response;
  }

  it('when a free-text field holds a NUL or another control character, then 422 naming it', async () => {
    const post = (path: string, token: string, body: unknown) =>
      request(t.app)
        .post(`/api/v1${path}`)
        .set(bearer(token))
        .send(body as object);
    const municipality = region.municipalities[0]!;

    await expectRefusedWithoutWrite(
      () => post('/regions', admin.token, { code: 'nul-region', name: 'Noord\u0000Limburg' }),
      422,
      ['name'],
    );
    await expectRefusedWithoutWrite(
      () =>
        post('/organisations', admin.token, {
          name: 'Woonstichting\u0007',
          kind: 'corporatie',
          regionCode: region.code,
        }),
      422,
      ['name'],
    );
    await expectRefusedWithoutWrite(
      () =>
        post(`/organisations/${corporation.id}/tokens`, admin.token, {
          role: 'corporation',
          label: 'koppeling\u0000',
        }),
      422,
      ['label'],
    );
    await expectRefusedWithoutWrite(
      () =>
        post(
          '/units',
          corporation.token,
          unitBody(region, {
            address: {
              street: 'Kerk\u0000straat',
              houseNumber: '12',
              postcode: '5911 AB',
              municipalityCode: municipality.code,
            },
          }),
        ),
      422,
      ['address.street'],
    );
    await expectRefusedWithoutWrite(
      () =>
        request(t.app)
          .post('/api/v1/municipalities/import')
          .set(bearer(admin.token))
          .set('Content-Type', 'text/csv')
          .send(`code,name,regionCode,lat,lon\nGM0999,Ven\u0000lo,${region.code},51.3,6.1\n`),
      422,
      ['lines[2].name'],
    );
  });

  it('when a date lies in year 0000 or does not exist, then 422 naming each date field', async () => {
    await expectRefusedWithoutWrite(
      () =>
        request(t.app)
          .post('/api/v1/units')
          .set(bearer(corporation.token))
          .send(unitBody(region, { availableFrom: '0000-01-01' })),
      422,
      ['availableFrom'],
    );
    await expectRefusedWithoutWrite(
      () =>
        request(t.app)
          .post('/api/v1/clients')
          .set(bearer(provider.token))
          .send(
            clientBody(region, {
              parkedUntil: '0000-12-31',
              consent: { givenOn: '0000-02-29', scope: 'matching' },
              readySince: '2026-02-30',
            }),
          ),
      422,
      ['consent.givenOn', 'parkedUntil', 'readySince'],
    );
  });

  it('when a pagination cursor is tampered with, then 400 naming the cursor', async () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const tampered = [
      encode({ c: '0000-01-01T00:00:00Z', i: '00000000-0000-4000-8000-000000000000' }),
      encode({ c: '2026-13-45T99:00:00Z', i: '00000000-0000-4000-8000-000000000000' }),
      encode({ c: '2026-01-01T00:00:00+23:59', i: 'not-a-uuid' }),
      encode({ c: '2026-01-01T00:00:00Z', i: '00000000-0000-4000-8000-000000000000', x: 1 }),
      encode([1, 2, 3]),
      '%%%',
      'e30',
    ];
    const lists: [string, string][] = [
      ['/units', corporation.token],
      ['/clients', provider.token],
      ['/organisations', admin.token],
    ];
    for (const [path, token] of lists) {
      for (const cursor of tampered) {
        const response = await request(t.app)
          .get(`/api/v1${path}`)
          .query({ cursor })
          .set(bearer(token));
        expectProblem(response, 400);
        expect(errorPaths(response)).toEqual(['cursor']);
      }
    }
  });

  it('when a path parameter has malformed percent-encoding, then 400 problem+json', async () => {
    for (const path of [
      '/api/v1/units/%E0%A4%A',
      '/api/v1/clients/%',
      '/api/v1/regions/%C0%80',
      '/api/v1/organisations/%E0%A4%A/tokens',
    ]) {
      const response = await request(t.app).get(path).set(bearer(admin.token));
      expectProblem(response, 400);
      expect(response.body.code).toBe('malformed_path');
    }
  });

  it('when a body claims Content-Encoding gzip but is not gzip, then 400 and nothing is written', async () => {
    const response = await expectRefusedWithoutWrite(
      () =>
        request(t.app)
          .post('/api/v1/regions')
          .set(bearer(admin.token))
          .set('Content-Type', 'application/json')
          .set('Content-Encoding', 'gzip')
          .send('{"code":"gzip-region","name":"Gzip"}'),
      400,
    );
    expect(response.body.code).toBe('malformed_body_encoding');

    // A real gzip body is still welcome.
    const code = `gz-${Date.now().toString(36)}`;
    const accepted = await request(t.app)
      .post('/api/v1/regions')
      .set(bearer(admin.token))
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      // Sent as the bytes they are, not serialised as JSON by the test client.
      .serialize((bytes: Buffer) => bytes as unknown as string)
      .send(gzipSync(JSON.stringify({ code, name: 'Gzip' })));
    expect({ status: accepted.status, body: accepted.body as unknown }).toMatchObject({
      status: 201,
    });
  });
});
