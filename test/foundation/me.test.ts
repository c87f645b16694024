import request from 'supertest';

import { bearer, createOrganisation, createRegion } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

describe('GET /api/v1/me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('when a token asks who it is, then it gets its role and its own organisation, and no token gets 401', async () => {
    const region = await createRegion(t.runtime.dataSource);
    const corporation = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: region.code,
    });
    const me = await request(t.app).get('/api/v1/me').set(bearer(corporation.token)).expect(200);
    expect(me.body).toMatchObject({
      role: 'corporation',
      organisation: { id: corporation.id, kind: 'corporatie' },
    });
    await request(t.app).get('/api/v1/me').expect(401);
  });
});
