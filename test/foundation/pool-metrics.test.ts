import request from 'supertest';

import { fillPool } from '../../src/shared/database/data-source';
import { getMetrics } from '../../src/shared/metrics/metrics';
import { eventually } from '../support/tcp-proxy';
import { createTestApp, type TestApp } from '../support/test-app';

/** The value of one sample of the exposition text, e.g. `matchpunt_db_pool_waiting_requests`. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

/** The API's pool gauges alone: the other metrics' collectors read the database themselves. */
async function poolGauges() {
  const { registry } = getMetrics();
  const text = [
    await registry.getSingleMetricAsString('matchpunt_db_pool_connections'),
    await registry.getSingleMetricAsString('matchpunt_db_pool_waiting_requests'),
  ].join('\n');
  return {
    inUse: sample(text, 'matchpunt_db_pool_connections{state="in_use"}'),
    idle: sample(text, 'matchpunt_db_pool_connections{state="idle"}'),
    waiting: sample(text, 'matchpunt_db_pool_waiting_requests'),
  };
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
    const response = await request(t.app).get('/metrics').expect(200);
    const size = t.runtime.config.DATABASE_POOL_SIZE;
    const inUse = sample(response.text, 'matchpunt_db_pool_connections{state="in_use"}');
    const idle = sample(response.text, 'matchpunt_db_pool_connections{state="idle"}');
    expect(inUse! + idle!).toBe(size);
    expect(idle).toBeGreaterThanOrEqual(size - 1);
    expect(sample(response.text, 'matchpunt_db_pool_waiting_requests')).toBe(0);
  });

  it('when every connection is held and a statement waits, then the gauges show it, and clear after', async () => {
    const size = t.runtime.config.DATABASE_POOL_SIZE;
    const held = Array.from({ length: size }, () => t.runtime.dataSource.createQueryRunner());
    await Promise.all(held.map((runner) => runner.connect()));
    const waiting = t.runtime.dataSource.query(`SELECT 1 AS one`);
    try {
      const full = await eventually(poolGauges, (gauges) => gauges.waiting === 1);
      expect(full).toEqual({ inUse: size, idle: 0, waiting: 1 });
    } finally {
      await Promise.all(held.map((runner) => runner.release()));
    }
    expect(await waiting).toEqual([{ one: 1 }]);
    expect(await poolGauges()).toEqual({ inUse: 0, idle: size, waiting: 0 });
  });
});
