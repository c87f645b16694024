import request from 'supertest';

import { loadConfig } from '../../config';
import { createTestApp, type TestApp } from '../support/test-app';
import { eventually, TcpProxy } from '../support/tcp-proxy';

describe('liveness and readiness', () => {
  let t: TestApp;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const redisUrl = new URL(loadConfig(process.env).REDIS_URL);
    proxy = new TcpProxy(redisUrl.hostname, Number(redisUrl.port || 6379));
    await proxy.start();
    redisUrl.host = `127.0.0.1:${proxy.port}`;
    t = await createTestApp({ overrides: { REDIS_URL: redisUrl.toString() } });
  });
  afterAll(async () => {
    await t.close();
    await proxy.cut();
  });

  it('when everything is up, then /healthz and /readyz are 200', async () => {
    await request(t.app).get('/healthz').expect(200, { status: 'ok' });
    const ready = await eventually(
      () => request(t.app).get('/readyz'),
      (response) => response.status === 200,
    );
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ready',
      checks: { database: 'up', redis: 'up', migrations: 'applied' },
    });
  });

  it('when Redis becomes unreachable, then /readyz is 503 while the process stays up, and 200 again once Redis returns', async () => {
    await proxy.cut();
    const down = await eventually(
      () => request(t.app).get('/readyz'),
      (response) => response.status === 503,
    );
    expect(down.status).toBe(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.body).toMatchObject({ status: 503, checks: { redis: 'down', database: 'up' } });
    await request(t.app).get('/healthz').expect(200);

    await proxy.restore();
    const up = await eventually(
      () => request(t.app).get('/readyz'),
      (response) => response.status === 200,
    );
    expect(up.status).toBe(200);
  });
});
