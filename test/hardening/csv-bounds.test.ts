import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import request from 'supertest';

import { tableCounts } from '../support/db-counts';
import { bearer, createOrganisation, createRegion } from '../support/factories';
import { expectProblem, errorPaths } from '../support/problem';
import { createTestApp, type TestApp } from '../support/test-app';

/** The liveness bound the issue asks for: refused within a second, /healthz never stalled. */
const WITHIN_MS = 1000;

describe('CSV imports are bounded before they are parsed', () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  let corporationToken: string;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    const region = await createRegion(t.runtime.dataSource);
    corporationToken = (
      await createOrganisation(t.runtime.dataSource, 'corporatie', { regionCode: region.code })
    ).token;
    adminToken = (await createOrganisation(t.runtime.dataSource, 'platform')).token;
    server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it('when a header has 100,000 columns, then 422 within a second while /healthz keeps answering', async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    const before = await tableCounts(t.runtime.dataSource);

    const healthLatencies: number[] = [];
    let importing = true;
    const probeHealth = async () => {
      while (importing) {
        const sent = performance.now();
        const health = await fetch(`${base}/healthz`);
        expect(health.status).toBe(200);
        healthLatencies.push(performance.now() - sent);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const probing = probeHealth();

    const started = performance.now();
    const response = await request(base)
      .post('/api/v1/units/import')
      .set(bearer(corporationToken))
      .set('Content-Type', 'text/csv')
      .send(`${header}\nx\n`);
    const elapsed = performance.now() - started;
    importing = false;
    await probing;

    expectProblem(response, 422);
    expect(errorPaths(response)).toEqual(['lines[1]']);
    expect(elapsed).toBeLessThan(WITHIN_MS);
    expect(healthLatencies.length).toBeGreaterThan(0);
    expect(Math.max(...healthLatencies)).toBeLessThan(WITHIN_MS);
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
  });

  it('when a header names more columns than any import has, or a data line is a megabyte, then 422 naming it', async () => {
    const wide = await request(base)
      .post('/api/v1/municipalities/import')
      .set(bearer(adminToken))
      .set('Content-Type', 'text/csv')
      .send(`${Array.from({ length: 500 }, (_, i) => `k${i}`).join(';')}\n1\n`);
    expectProblem(wide, 422);
    expect(errorPaths(wide)).toEqual(['columns']);

    const long = await request(base)
      .post('/api/v1/municipalities/import')
      .set(bearer(adminToken))
      .set('Content-Type', 'text/csv')
      .send(`code,name,regionCode,lat,lon\nGM0001,${'x'.repeat(1024 * 1024)},r,51,6\n`);
    expectProblem(long, 422);
    expect(errorPaths(long)).toEqual(['lines[2]']);
  });
});
