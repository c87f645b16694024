import { randomBytes } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { loadConfig } from '../../config';
import { type RunningApi, startApi } from '../../src/server';
import {
  createDataSource,
  fillPool,
  nodePostgresPool,
} from '../../src/shared/database/data-source';
import { freePort } from '../support/processes';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The backends (pids) connected to the test database under `applicationName`, started at or after
 * `since` (the database's clock) when given: a backend of an earlier test's API that is still
 * exiting is not counted.
 */
async function backendsOf(
  dataSource: DataSource,
  applicationName: string,
  since?: string,
): Promise<number[]> {
  const rows = await dataSource.query<{ pid: number }[]>(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = $1
        AND ($2::timestamptz IS NULL OR backend_start >= $2::timestamptz)
      ORDER BY pid`,
    [applicationName, since ?? null],
  );
  return rows.map((row) => row.pid);
}

/** A backend leaves pg_stat_activity shortly after its connection closed, not at once. */
async function gone(dataSource: DataSource, applicationName: string): Promise<number[]> {
  let left = await backendsOf(dataSource, applicationName);
  for (let tries = 0; left.length > 0 && tries < 50; tries++) {
    await sleep(50);
    left = await backendsOf(dataSource, applicationName);
  }
  return left;
}

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
      const pool = nodePostgresPool(dataSource)!;
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
    expect(await gone(observer, name)).toEqual([]);
  });

  it('is filled when the API starts: it listens with all its connections open', async () => {
    const port = await freePort();
    const config = loadConfig({
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_POOL_SIZE: '5',
    });
    const [start] = await observer.query<{ since: string }[]>(
      `SELECT clock_timestamp()::text AS since`,
    );
    const api: RunningApi = await startApi(config);
    try {
      expect(await backendsOf(observer, 'matchpunt-api', start?.since)).toHaveLength(5);
    } finally {
      await api.stop();
    }
  });
});
