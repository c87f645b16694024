import request from 'supertest';

import { tableCounts } from '../support/db-counts';
import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
} from '../support/factories';
import { unitBody } from '../support/registry-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

describe('support coverage and contingent pledges', () => {
  let t: TestApp;
  let region: TestRegion;
  let provider: TestOrganisation;
  let corporation: TestOrganisation;
  let admin: TestOrganisation;

  beforeAll(async () => {
    t = await createTestApp();
    region = await createRegion(t.runtime.dataSource, { municipalities: 3 });
    provider = await createOrganisation(t.runtime.dataSource, 'zorgaanbieder', {
      regionCode: region.code,
    });
    corporation = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: region.code,
    });
    admin = await createOrganisation(t.runtime.dataSource, 'platform');
  });
  afterAll(() => t.close());

  const code = (index: number) => region.municipalities[index]!.code;
  const m1 = () => code(0);
  const m2 = () => code(1);
  const m3 = () => code(2);

  it('when a provider sets its coverage, then the set is replaced as a whole and repeating it changes nothing', async () => {
    const path = `/api/v1/organisations/${provider.id}/coverage`;
    const first = await request(t.app)
      .put(path)
      .set(bearer(provider.token))
      .send([
        { municipalityCode: m2(), capacity: 4 },
        { municipalityCode: m1(), capacity: 10 },
      ])
      .expect(200);
    expect(first.body).toEqual({
      organisationId: provider.id,
      items: [
        { municipalityCode: m1(), capacity: 10 },
        { municipalityCode: m2(), capacity: 4 },
      ],
    });
    const before = await tableCounts(t.runtime.dataSource);
    await request(t.app)
      .put(path)
      .set(bearer(provider.token))
      .send([
        { municipalityCode: m1(), capacity: 10 },
        { municipalityCode: m2(), capacity: 4 },
      ])
      .expect(200);
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);

    const replaced = await request(t.app)
      .put(path)
      .set(bearer(admin.token))
      .send([{ municipalityCode: m3(), capacity: 0 }])
      .expect(200);
    expect(replaced.body.items).toEqual([{ municipalityCode: m3(), capacity: 0 }]);
    expect((await request(t.app).get(path).set(bearer(provider.token)).expect(200)).body).toEqual(
      replaced.body,
    );
  });

  it('when coverage names unknown municipalities, repeats one or has a negative capacity, then 422 and nothing changes', async () => {
    const path = `/api/v1/organisations/${provider.id}/coverage`;
    const before = await tableCounts(t.runtime.dataSource);
    const unknown = await request(t.app)
      .put(path)
      .set(bearer(provider.token))
      .send([{ municipalityCode: 'GM0004', capacity: 1 }])
      .expect(422);
    expect(unknown.body.errors).toEqual([
      { path: '[0].municipalityCode', message: 'unknown municipality GM0004' },
    ]);
    const invalid = await request(t.app)
      .put(path)
      .set(bearer(provider.token))
      .send([
        { municipalityCode: m1(), capacity: -1 },
        { municipalityCode: m1(), capacity: 2 },
      ])
      .expect(422);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['', '[0].capacity'].sort(),
    );
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
  });

  it('when a corporation pledges contingent homes, then placed counts its let contingent units of that year', async () => {
    const pledge = await request(t.app)
      .post('/api/v1/contingents')
      .set(bearer(corporation.token))
      .send({ municipalityCode: m1(), year: 2026, pledged: 3 })
      .expect(201);
    expect(pledge.body).toMatchObject({
      corporationId: corporation.id,
      pledged: 3,
      placed: 0,
      remaining: 3,
    });

    const again = await request(t.app)
      .post('/api/v1/contingents')
      .set(bearer(corporation.token))
      .send({ municipalityCode: m1(), year: 2026, pledged: 5 })
      .expect(409);
    expect(again.body).toMatchObject({ code: 'contingent_exists', existingId: pledge.body.id });

    // Letting comes with placements (a later step); here the unit is marked let directly.
    const unit = await request(t.app)
      .post('/api/v1/units')
      .set(bearer(corporation.token))
      .send(unitBody(region, { contingentYear: 2026 }))
      .expect(201);
    const otherYear = await request(t.app)
      .post('/api/v1/units')
      .set(bearer(corporation.token))
      .send(unitBody(region, { contingentYear: 2027 }))
      .expect(201);
    await t.runtime.dataSource.query(`UPDATE units SET status = 'let' WHERE id = ANY($1::uuid[])`, [
      [unit.body.id, otherYear.body.id],
    ]);

    const read = await request(t.app)
      .get(`/api/v1/contingents/${pledge.body.id}`)
      .set(bearer(corporation.token))
      .expect(200);
    expect(read.body).toMatchObject({ pledged: 3, placed: 1, remaining: 2 });
    const revised = await request(t.app)
      .patch(`/api/v1/contingents/${pledge.body.id}`)
      .set(bearer(corporation.token))
      .send({ pledged: 6 })
      .expect(200);
    expect(revised.body).toMatchObject({ pledged: 6, placed: 1, remaining: 5 });
    const list = await request(t.app)
      .get('/api/v1/contingents?year=2026')
      .set(bearer(corporation.token))
      .expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([pledge.body.id]);
  });

  it('when a pledge is invalid or outside the region, then 422 and nothing is stored', async () => {
    const before = await tableCounts(t.runtime.dataSource);
    const invalid = await request(t.app)
      .post('/api/v1/contingents')
      .set(bearer(corporation.token))
      .send({ municipalityCode: 'Venlo', year: 1999, pledged: -2 })
      .expect(422);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'municipalityCode',
      'pledged',
      'year',
    ]);
    const elsewhere = await createRegion(t.runtime.dataSource, { municipalities: 1 });
    await request(t.app)
      .post('/api/v1/contingents')
      .set(bearer(corporation.token))
      .send({ municipalityCode: elsewhere.municipalities[0]!.code, year: 2026, pledged: 1 })
      .expect(422);
    const countsAfter = await tableCounts(t.runtime.dataSource);
    // createRegion above wrote reference rows; nothing else may have changed.
    expect(countsAfter.contingent_pledges).toBe(before.contingent_pledges);
    expect(countsAfter.audit_events).toBe(before.audit_events);
  });
});
