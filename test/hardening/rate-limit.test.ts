import request from 'supertest';

import { bearer, createOrganisation, uniqueSuffix } from '../support/factories';
import { expectProblem } from '../support/problem';
import { createTestApp, type TestApp } from '../support/test-app';

async function appWithLimits(ipPoints: number, tokenPoints: number): Promise<TestApp> {
  return createTestApp({
    overrides: {
      RATE_LIMIT_IP_POINTS: String(ipPoints),
      RATE_LIMIT_POINTS: String(tokenPoints),
      RATE_LIMIT_WINDOW_SECONDS: '60',
      // Counters of its own: every test in this worker calls from the same address.
      REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? ''}:rate-${uniqueSuffix()}`,
    },
  });
}

const invented = () => `mpt_${uniqueSuffix()}${uniqueSuffix()}`;

describe('rate limits: the address first, the token after authentication', () => {
  it('when the IP limit is reached, then requests with invented tokens get 429, as do anonymous ones', async () => {
    const t = await appWithLimits(3, 100);
    try {
      for (let i = 0; i < 3; i++) {
        await request(t.app).get('/api/v1/organisations').set(bearer(invented())).expect(401);
      }
      for (let i = 0; i < 3; i++) {
        const limited = await request(t.app).get('/api/v1/organisations').set(bearer(invented()));
        expectProblem(limited, 429);
        expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      }
      expectProblem(await request(t.app).get('/api/v1/organisations'), 429);
    } finally {
      await t.close();
    }
  });

  it('when a real token is used, then its requests count against the address too', async () => {
    const t = await appWithLimits(2, 100);
    try {
      const admin = await createOrganisation(t.runtime.dataSource, 'platform');
      await request(t.app).get('/api/v1/organisations').set(bearer(admin.token)).expect(200);
      await request(t.app).get('/api/v1/organisations').set(bearer(admin.token)).expect(200);
      expectProblem(
        await request(t.app).get('/api/v1/organisations').set(bearer(admin.token)),
        429,
      );
    } finally {
      await t.close();
    }
  });

  it('when one token has used its bucket, then another token from the same address still passes', async () => {
    const t = await appWithLimits(100, 2);
    try {
      const first = await createOrganisation(t.runtime.dataSource, 'platform');
      const second = await createOrganisation(t.runtime.dataSource, 'platform');
      await request(t.app).get('/api/v1/organisations').set(bearer(first.token)).expect(200);
      await request(t.app).get('/api/v1/organisations').set(bearer(first.token)).expect(200);
      expectProblem(
        await request(t.app).get('/api/v1/organisations').set(bearer(first.token)),
        429,
      );
      await request(t.app).get('/api/v1/organisations').set(bearer(second.token)).expect(200);
      // Invented tokens never had a bucket to spend: they are answered 401, not 429.
      await request(t.app).get('/api/v1/organisations').set(bearer(invented())).expect(401);
    } finally {
      await t.close();
    }
  });
});
