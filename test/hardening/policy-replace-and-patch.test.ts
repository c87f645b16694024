import request from 'supertest';

import { DEFAULT_POLICY, defaultPolicyInput } from '../../src/modules/reference';
import { tableCounts } from '../support/db-counts';
import { bearer, createOrganisation, createRegion, type TestRegion } from '../support/factories';
import { errorPaths, expectProblem } from '../support/problem';
import { createTestApp, type TestApp } from '../support/test-app';

describe('region policy: PUT replaces the whole, PATCH changes named fields', () => {
  let t: TestApp;
  let admin: string;
  let region: TestRegion;
  let path: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await createOrganisation(t.runtime.dataSource, 'platform')).token;
  });
  beforeEach(async () => {
    region = await createRegion(t.runtime.dataSource);
    path = `/api/v1/regions/${region.code}/policy`;
  });
  afterAll(() => t.close());

  const current = async () =>
    (await request(t.app).get(path).set(bearer(admin)).expect(200)).body as Record<string, unknown>;

  it('when a PUT sends {}, then 422 names every field and the policy keeps its values', async () => {
    await request(t.app)
      .patch(path)
      .set(bearer(admin))
      .send({ neighbourhoodCap: 7, weights: { wait: 0.9 } })
      .expect(200);
    const before = await tableCounts(t.runtime.dataSource);
    const response = await request(t.app)
      .put(path)
      .set(bearer(admin))
      .set('If-Match', '"2"')
      .send({});
    expectProblem(response, 422);
    expect(errorPaths(response)).toEqual([
      'capExemptTypes',
      'capWindowMonths',
      'clusterCap',
      'deadlines',
      'doorstroomLeadMonths',
      'maxDistanceKm',
      'maxDistanceKmByType',
      'maxWaitDays',
      'minDistanceKmFromAvoided',
      'mustMoveUrgentDays',
      'neighbourhoodCap',
      'planningHorizonDays',
      'rentLimits',
      'requireOwnProvider',
      'retentionMonths',
      'scarcity',
      'weights',
    ]);
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
    expect(await current()).toMatchObject({
      version: 2,
      neighbourhoodCap: 7,
      weights: { wait: 0.9 },
    });
  });

  it('when a PUT comes without If-Match, then 428 and nothing is written', async () => {
    const before = await tableCounts(t.runtime.dataSource);
    const response = await request(t.app)
      .put(path)
      .set(bearer(admin))
      .send({ ...defaultPolicyInput(), neighbourhoodCap: 9 });
    expectProblem(response, 428);
    expect(response.body.code).toBe('if_match_required');
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);

    const replaced = await request(t.app)
      .put(path)
      .set(bearer(admin))
      .set('If-Match', '"1"')
      .send({ ...defaultPolicyInput(), neighbourhoodCap: 9 })
      .expect(200);
    expect(replaced.headers.etag).toBe('"2"');
  });

  it('when a PATCH names a nested field, then only that field changes, as a new version', async () => {
    const municipality = region.municipalities[0]!.code;
    await request(t.app)
      .patch(path)
      .set(bearer(admin))
      .send({ municipalityCaps: { [municipality]: 4 }, neighbourhoodCap: 6 })
      .expect(200);
    const patched = await request(t.app)
      .patch(path)
      .set(bearer(admin))
      .set('If-Match', '"2"')
      .send({ weights: { wait: 0.5 }, deadlines: { providerDays: 12 } })
      .expect(200);
    expect(patched.body).toEqual({
      ...defaultPolicyInput(),
      regionCode: region.code,
      version: 3,
      createdAt: expect.any(String),
      weights: { ...DEFAULT_POLICY.weights, wait: 0.5 },
      deadlines: { ...DEFAULT_POLICY.deadlines, providerDays: 12 },
      municipalityCaps: { [municipality]: 4 },
      neighbourhoodCap: 6,
    });
    // A map is replaced whole: sending {} removes every municipality cap.
    const uncapped = await request(t.app)
      .patch(path)
      .set(bearer(admin))
      .send({ municipalityCaps: {} })
      .expect(200);
    expect(uncapped.body).toMatchObject({ version: 4, municipalityCaps: {}, neighbourhoodCap: 6 });
    // The top of the documented range (0–100) fits the database too (fuzzing found it did not).
    const heaviest = await request(t.app)
      .patch(path)
      .set(bearer(admin))
      .send({ weights: { location: 100 } })
      .expect(200);
    expect(heaviest.body.weights.location).toBe(100);
  });

  it('when a PATCH leaves an invalid policy or names unknown fields, then 422 and nothing is written', async () => {
    const before = await tableCounts(t.runtime.dataSource);
    const zeroWeights = await request(t.app)
      .patch(path)
      .set(bearer(admin))
      .send({ weights: { location: 0, spreiding: 0, prikkelarm: 0, begeleiding: 0, wait: 0 } });
    expectProblem(zeroWeights, 422);
    expect(errorPaths(zeroWeights)).toEqual(['weights']);
    const unknown = await request(t.app)
      .patch(path)
      .set(bearer(admin))
      .send({ weights: { luck: 1 }, neighbourhoodCap: -1, surprise: true });
    expectProblem(unknown, 422);
    expect(errorPaths(unknown)).toEqual(['neighbourhoodCap', 'surprise', 'weights.luck']);
    const stale = await request(t.app)
      .patch(path)
      .set(bearer(admin))
      .set('If-Match', '"7"')
      .send({ neighbourhoodCap: 1 });
    expectProblem(stale, 412);
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
  });
});
