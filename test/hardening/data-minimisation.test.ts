import request from 'supertest';

import { tableCounts } from '../support/db-counts';
import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
} from '../support/factories';
import { errorPaths, expectProblem } from '../support/problem';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

/** References and address parts that carried a name, a birth date, a BSN or a diagnosis. */
const IDENTIFYING_REFS = [
  'Jan.de.Vries.1985-03-14',
  'geb.14-03-1985',
  'diagnose.F20.0',
  '1112.22.333',
  '111-222-333',
  '12345672',
  '123456782',
];

describe('data minimisation at the door', () => {
  let t: TestApp;
  let region: TestRegion;
  let corporation: TestOrganisation;
  let provider: TestOrganisation;

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.runtime.dataSource;
    region = await createRegion(ds);
    corporation = await createOrganisation(ds, 'corporatie', { regionCode: region.code });
    provider = await createOrganisation(ds, 'zorgaanbieder', { regionCode: region.code });
  });
  afterAll(() => t.close());

  it('when a client or unit reference holds a name, date, BSN or diagnosis, then 422 on externalRef and nothing is stored', async () => {
    const before = await tableCounts(t.runtime.dataSource);
    for (const externalRef of IDENTIFYING_REFS) {
      const client = await request(t.app)
        .post('/api/v1/clients')
        .set(bearer(provider.token))
        .send(clientBody(region, { externalRef }));
      expectProblem(client, 422);
      expect({ externalRef, paths: errorPaths(client) }).toEqual({
        externalRef,
        paths: ['externalRef'],
      });
      const unit = await request(t.app)
        .post('/api/v1/units')
        .set(bearer(corporation.token))
        .send(unitBody(region, { externalRef }));
      expectProblem(unit, 422);
      expect({ externalRef, paths: errorPaths(unit) }).toEqual({
        externalRef,
        paths: ['externalRef'],
      });
    }
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
  });

  it('when street or houseNumber holds free text, then 422 naming each, also in a CSV import', async () => {
    const municipality = region.municipalities[0]!.code;
    const before = await tableCounts(t.runtime.dataSource);
    const response = await request(t.app)
      .post('/api/v1/units')
      .set(bearer(corporation.token))
      .send(
        unitBody(region, {
          address: {
            street: 'Kerkstraat, bewoner heeft schulden en een psychose',
            houseNumber: '12 bij mevrouw Jansen',
            postcode: '5911 AB',
            municipalityCode: municipality,
          },
        }),
      );
    expectProblem(response, 422);
    expect(errorPaths(response)).toEqual(['address.houseNumber', 'address.street']);

    const csv = [
      'externalRef,type,street,houseNumber,postcode,municipalityCode,neighbourhoodCode,lat,lon,rent,bedrooms,floor,hasLift,wheelchairAccessible,stimulus,furnished,availableFrom,contingentYear',
      `WM-7,contingent,Kerkstraat: zie dossier,12,5911 AB,${municipality},${region.municipalities[0]!.neighbourhoods[0]},51.3,6.0,600,1,0,false,false,low,false,2026-12-01,2026`,
    ].join('\n');
    const imported = await request(t.app)
      .post('/api/v1/units/import')
      .set(bearer(corporation.token))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expectProblem(imported, 422);
    expect(errorPaths(imported)).toEqual(['lines[2].street']);
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
  });

  it('when addresses are ordinary Dutch ones, then they are accepted', async () => {
    const municipality = region.municipalities[0]!.code;
    for (const [street, houseNumber] of [
      ["'s-Gravendijkwal", '12A'],
      ['Burgemeester van Rooijstraat', '7-3'],
      ['Laan 1940-1945', '101 bis'],
      ['St. Jansstraat', '2'],
    ] as const) {
      await request(t.app)
        .post('/api/v1/units')
        .set(bearer(corporation.token))
        .send(
          unitBody(region, {
            address: { street, houseNumber, postcode: '5911 AB', municipalityCode: municipality },
          }),
        )
        .expect(201);
    }
  });
});
