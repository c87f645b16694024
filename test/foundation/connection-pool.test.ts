import { randomBytes } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { loadConfig } from '../../config';
import { type RunningApi, startApi } from '../../src/server';
import { createDataSource, fillPool } from '../../src/shared/database/data-source';
import { freePort } from '../support/processes';

/** The backends (pids) connected to the test database under `applicationName`. */
async function backendsOf(dataSource: DataSource, applicationName: string): Promise<number[]> {
  const rows = await dataSource.query<{ pid: number }[]>(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = $1 ORDER BY pid`,
    [applicationName],
  );
  return rows.map((row) => row.pid);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the connection pool', () => {
  let observer: DataSource;

  beforeAll(async () => {
    observer = createDataSource(
      { ...loadConfig(process.env), DATABASE_POOL_SIZE: 2 },
      { applicationName: 'pool-test observer' },
    );
    await observer.initialize();
  });
  afterAll(() => observer.destroy());

  it('opens every connection at once when filled, and keeps them, the same backends, while idle', async () => {
    const name = `pool-test ${randomBytes(4).toString('hex')}`;
    const dataSource = createDataSource(
      { ...loadConfig(process.env), DATABASE_POOL_SIZE: 4 },
      { applicationName: name },
    );
    await dataSource.initialize();
    try {
      // pg closes a connection idle for idleTimeoutMillis (10 s unless set); made short here, so
      // that a pool that would close idle connections does so within the test.
      const pool = (
        dataSource.driver as unknown as { master: { options: Record<string, unknown> } }
      ).master;
      pool.options.idleTimeoutMillis = 50;
      await fillPool(dataSource);
      const filled = await backendsOf(observer, name);
      expect(filled).toHaveLength(4);

      await sleep(400);
      expect(await backendsOf(observer, name)).toEqual(filled);

      // Used again after the quiet spell: no new backend is started for it.
      await Promise.all(Array.from({ length: 4 }, () => dataSource.query('SELECT pg_sleep(0.05)')));
      expect(await backendsOf(observer, name)).toEqual(filled);
    } finally {
      await dataSource.destroy();
    }
    expect(await backendsOf(observer, name)).toEqual([]);
  });

  it('is filled when the API starts: it listens with all its connections open', async () => {
    const port = await freePort();
    const config = loadConfig({
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_POOL_SIZE: '5',
    });
    const api: RunningApi = await startApi(config);
    try {
      expect(await backendsOf(observer, 'matchpunt-api')).toHaveLength(5);
    } finally {
      await api.stop();
    }
  });
});
