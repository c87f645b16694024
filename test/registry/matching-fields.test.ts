import request from 'supertest';

import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
} from '../support/factories';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { requestsAs } from '../support/requests';
import { createTestApp, type TestApp } from '../support/test-app';

describe('registry fields for matching (issue 13)', () => {
  let t: TestApp;
  let region: TestRegion;
  let provider: TestOrganisation;
  let corporation: TestOrganisation;
  let matcher: TestOrganisation;
  let otherMatcher: TestOrganisation;
  let admin: TestOrganisation;

  beforeAll(async () => {
    t = await createTestApp({ overrides: {} });
    region = await createRegion(t.runtime.dataSource, { municipalities: 3 });
    const [first, second, third] = region.municipalities;
    provider = await createOrganisation(t.runtime.dataSource, 'zorgaanbieder', {
      regionCode: region.code,
    });
    corporation = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: region.code,
    });
    matcher = await createOrganisation(t.runtime.dataSource, 'matchingspunt', {
      regionCode: region.code,
      municipalityCodes: [first!.code, second!.code],
    });
    otherMatcher = await createOrganisation(t.runtime.dataSource, 'matchingspunt', {
      regionCode: region.code,
      municipalityCodes: [third!.code],
    });
    admin = await createOrganisation(t.runtime.dataSource, 'platform');
  });
  afterAll(() => t.close());

  const as = (token: string) => requestsAs(t.app, token);

  it('when a provider registers the new client fields, then they are stored and returned', async () => {
    const second = region.municipalities[1]!;
    const body = clientBody(region, {
      pets: true,
      huurtoeslagEligible: true,
      under23: true,
      mustMoveBy: '2027-03-01',
      avoidNeighbourhoods: [second.neighbourhoods[1]],
      avoidCorporations: [corporation.id],
    });
    const created = await as(provider.token).post('/api/v1/clients', body).expect(201);
    expect(created.body).toMatchObject({
      pets: true,
      huurtoeslagEligible: true,
      under23: true,
      mustMoveBy: '2027-03-01',
      avoidNeighbourhoods: [second.neighbourhoods[1]],
      avoidCorporations: [corporation.id],
      urgencyReason: null,
      urgent: false,
      urgencyConfirmedBy: null,
    });
  });

  it('when a PATCH changes one list or none, then that list is replaced and every other list is kept as it was', async () => {
    const [first, second, third] = region.municipalities;
    // A provider of its own: the next test counts the shared provider's clients.
    const own = await createOrganisation(t.runtime.dataSource, 'zorgaanbieder', {
      regionCode: region.code,
    });
    const created = await as(own.token)
      .post(
        '/api/v1/clients',
        clientBody(region, {
          preferredMunicipalities: [first!.code, second!.code],
          avoidMunicipalities: [third!.code],
          avoidNeighbourhoods: [second!.neighbourhoods[1]],
          avoidCorporations: [corporation.id],
        }),
      )
      .expect(201);
    const path = `/api/v1/clients/${created.body.id}`;
    const lists = (body: Record<string, unknown>) => ({
      preferredMunicipalities: body.preferredMunicipalities,
      avoidMunicipalities: body.avoidMunicipalities,
      anchors: body.anchors,
      avoidNeighbourhoods: body.avoidNeighbourhoods,
      avoidCorporations: body.avoidCorporations,
    });
    const stored = async () => lists((await as(own.token).get(path).expect(200)).body);
    const original = await stored();
    expect((original.anchors as unknown[]).length).toBeGreaterThan(0);

    await as(own.token).patch(path, { maxRent: 701 }).expect(200);
    expect(await stored()).toEqual(original);

    const steps: [string, unknown][] = [
      ['preferredMunicipalities', [second!.code]],
      ['avoidMunicipalities', []],
      ['avoidNeighbourhoods', []],
      ['avoidCorporations', []],
      ['anchors', []],
    ];
    let expected = original;
    for (const [field, value] of steps) {
      const patched = await as(own.token)
        .patch(path, { [field]: value })
        .expect(200);
      expected = { ...expected, [field]: value };
      expect(lists(patched.body)).toEqual(expected);
      expect(await stored()).toEqual(expected);
    }
  });

  it('when an anchor or an avoid entry is unsafe or unknown, then 422 names each field and nothing is stored', async () => {
    const [first, second] = region.municipalities;
    const response = await as(provider.token)
      .post(
        '/api/v1/clients',
        clientBody(region, {
          // The first anchor is in the avoided municipality, the second in the avoided neighbourhood.
          anchors: [
            { kind: 'family', lat: second!.lat, lon: second!.lon },
            { kind: 'work', lat: first!.lat + 0.01, lon: first!.lon + 0.01 },
          ],
          avoidNeighbourhoods: [first!.neighbourhoods[1], 'BU99999999'],
          avoidCorporations: [provider.id],
        }),
      )
      .expect(422);
    const fields = (response.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(fields).toEqual([
      'anchors[0]',
      'anchors[1]',
      'avoidCorporations[0]',
      'avoidNeighbourhoods[1]',
    ]);
    // A preference inside an avoided municipality is refused too.
    const preferred = await as(provider.token)
      .post('/api/v1/clients', clientBody(region, { preferredMunicipalities: [second!.code] }))
      .expect(422);
    expect(preferred.body.errors).toEqual([
      expect.objectContaining({ path: 'avoidMunicipalities[0]' }),
    ]);
    const list = await as(provider.token).get('/api/v1/clients').expect(200);
    expect(list.body.items).toHaveLength(1);
  });

  it('when a provider requests urgency, then only a matcher of its municipality confirms it, and a new request withdraws the confirmation', async () => {
    await as(provider.token)
      .post('/api/v1/clients', clientBody(region, { urgent: true }))
      .expect(422);
    const created = await as(provider.token)
      .post('/api/v1/clients', clientBody(region, { urgencyReason: 'safety' }))
      .expect(201);
    expect(created.body).toMatchObject({ urgencyReason: 'safety', urgent: false });
    const path = `/api/v1/clients/${created.body.id}/urgency`;

    await as(provider.token).post(path, { confirm: true }).expect(403);
    await as(otherMatcher.token).post(path, { confirm: true }).expect(404);
    const confirmed = await as(matcher.token).post(path, { confirm: true }).expect(200);
    expect(confirmed.body).toMatchObject({
      urgent: true,
      urgencyReason: 'safety',
      urgencyConfirmedBy: matcher.id,
      urgencyConfirmedAt: expect.any(String),
    });

    const same = await as(provider.token)
      .patch(`/api/v1/clients/${created.body.id}`, { urgencyReason: 'safety', maxRent: 640 })
      .expect(200);
    expect(same.body.urgent).toBe(true);
    const changed = await as(provider.token)
      .patch(`/api/v1/clients/${created.body.id}`, { urgencyReason: 'health' })
      .expect(200);
    expect(changed.body).toMatchObject({
      urgent: false,
      urgencyReason: 'health',
      urgencyConfirmedBy: null,
    });

    const declined = await as(matcher.token).post(path, { confirm: false }).expect(200);
    expect(declined.body).toMatchObject({ urgent: false, urgencyReason: null });
    const noRequest = await as(matcher.token).post(path, { confirm: true }).expect(422);
    expect(noRequest.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
    const own = await as(matcher.token)
      .post(path, { confirm: true, reason: 'eviction' })
      .expect(200);
    expect(own.body).toMatchObject({ urgent: true, urgencyReason: 'eviction' });
  });

  it('when a unit carries service costs, pets, self-containment and a senior label, then they are stored, patched and imported', async () => {
    const created = await as(corporation.token)
      .post(
        '/api/v1/units',
        unitBody(region, { serviceCosts: 35.5, petsAllowed: false, seniorOnly: true }),
      )
      .expect(201);
    expect(created.body).toMatchObject({
      serviceCosts: 35.5,
      petsAllowed: false,
      seniorOnly: true,
      selfContained: true,
    });
    const patched = await as(corporation.token)
      .patch(`/api/v1/units/${created.body.id}`, { selfContained: false, serviceCosts: 0 })
      .expect(200);
    expect(patched.body).toMatchObject({ selfContained: false, serviceCosts: 0, seniorOnly: true });

    const municipality = region.municipalities[0]!;
    const csv = [
      'externalRef,type,street,houseNumber,postcode,municipalityCode,neighbourhoodCode,lat,lon,rent,serviceCosts,bedrooms,floor,hasLift,wheelchairAccessible,stimulus,furnished,availableFrom,contingentYear,petsAllowed,seniorOnly,selfContained',
      `CSV-PETS-1,contingent,Kerkstraat,3,5911 AB,${municipality.code},${municipality.neighbourhoods[0]},${municipality.lat},${municipality.lon},600.00,"22,50",1,0,nee,nee,low,nee,2026-12-01,2026,nee,ja,ja`,
    ].join('\n');
    await request(t.app)
      .post('/api/v1/units/import')
      .set(bearer(corporation.token))
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(201);
    const imported = await as(corporation.token)
      .get('/api/v1/units?externalRef=CSV-PETS-1')
      .expect(200);
    expect(imported.body.items[0]).toMatchObject({
      serviceCosts: 22.5,
      petsAllowed: false,
      seniorOnly: true,
      selfContained: true,
    });
    const bad = await as(corporation.token)
      .post('/api/v1/units', unitBody(region, { serviceCosts: -1, petsAllowed: 'ja' }))
      .expect(422);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'petsAllowed',
      'serviceCosts',
    ]);
  });

  it('when the policy is read, then the matching rules have their defaults; a PATCH is a new version and bad rules are refused', async () => {
    const path = `/api/v1/regions/${region.code}/policy`;
    const current = await as(admin.token).get(path).expect(200);
    expect(current.body).toMatchObject({
      maxWaitDays: 365,
      minDistanceKmFromAvoided: 5,
      requireOwnProvider: false,
      capExemptTypes: ['omklap', 'skaeve_huis'],
      clusterCap: 6,
      maxDistanceKmByType: { skaeve_huis: 50 },
      rentLimits: { '2026': { aftoppingsgrensLow: 712.37, kwaliteitskortingsgrens: 498.2 } },
      scarcity: { wheelchair: 0.05 },
      fairShares: {},
    });

    const changed = await as(admin.token)
      .patch(path, {
        minDistanceKmFromAvoided: 8,
        requireOwnProvider: true,
        fairShares: { [region.municipalities[0]!.code]: 3 },
      })
      .expect(200);
    expect(changed.body).toMatchObject({
      version: (current.body.version as number) + 1,
      minDistanceKmFromAvoided: 8,
      requireOwnProvider: true,
      maxWaitDays: 365,
    });
    const bad = await as(admin.token)
      .patch(path, {
        minDistanceKmFromAvoided: -1,
        clusterCap: 7,
        rentLimits: {
          '2026': {
            kwaliteitskortingsgrens: 800,
            aftoppingsgrensLow: 700,
            aftoppingsgrensHigh: 750,
            liberalisatiegrens: 900,
          },
        },
        capExemptTypes: ['villa'],
      })
      .expect(422);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'capExemptTypes[0]',
      'clusterCap',
      'minDistanceKmFromAvoided',
      'rentLimits.2026',
    ]);
    await as(admin.token)
      .patch(path, { fairShares: { GM9998: 1 } })
      .expect(422);
  });
});
