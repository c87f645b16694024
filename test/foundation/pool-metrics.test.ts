import request from 'supertest';

import { readPool } from '../../loadtest/pool';
import { fillPool } from '../../src/shared/database/data-source';
import { getMetrics } from '../../src/shared/metrics/metrics';
import { eventually } from '../support/tcp-proxy';
import { createTestApp, type TestApp } from '../support/test-app';

/** The API's pool gauges alone: the other metrics' collectors read the database themselves. */
async function poolGauges() {
  const { registry } = getMetrics();
  const text = [
    await registry.getSingleMetricAsString('matchpunt_db_pool_connections'),
    await registry.getSingleMetricAsString('matchpunt_db_pool_waiting_requests'),
  ].join('\n');
  return readPool(text);
}

describe('the database pool metrics', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await fillPool(t.runtime.dataSource); // as the API does before it listens
  });
  afterAll(() => t.close());

  it('when scraped at rest, then /metrics has the pool by state and nothing waiting', async () => {
    // The scrape reads the database itself (the outbox backlog): that read must not count as waiting.
    // Read as the load test reads it (`--pool`).
    const response = await request(t.app).get('/metrics').expect(200);
    const size = t.runtime.config.DATABASE_POOL_SIZE;
    const pool = readPool(response.text);
    expect(pool).toBeDefined();
    expect(pool!.inUse + pool!.idle).toBe(size);
    expect(pool!.idle).toBeGreaterThanOrEqual(size - 1);
    expect(pool!.waiting).toBe(0);
  });

  it('when every connection is held and a statement waits, then the gauges show it, and clear after', async () => {
    const size = t.runtime.config.DATABASE_POOL_SIZE;
    const held = Array.from({ length: size }, () => t.runtime.dataSource.createQueryRunner());
    await Promise.all(held.map((runner) => runner.connect()));
    const waiting = t.runtime.dataSource.query(`SELECT 1 AS one`);
    try {
      const full = await eventually(poolGauges, (gauges) => gauges?.waiting === 1);
      expect(full).toEqual({ inUse: size, idle: 0, waiting: 1 });
    } finally {
      await Promise.all(held.map((runner) => runner.release()));
    }
    expect(await waiting).toEqual([{ one: 1 }]);
    expect(await poolGauges()).toEqual({ inUse: 0, idle: size, waiting: 0 });
  });
});
