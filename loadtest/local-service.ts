/**
 * A throwaway matchpunt for the load test: its own database (migrated, demo region seeded), its own
 * Redis key prefix, N API processes and M worker processes started as an operator would, and
 * PostgreSQL's planner costs as docker-compose.yml sets them. Rate limits are raised: the test is one
 * client sending hundreds of requests a second.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';

import type { DataSource } from 'typeorm';

import { type Runner, startProcess, stopProcess } from '../bench/processes';
import { throwawayDatabase } from '../bench/throwaway-database';
import { removeRedisPrefix, throwawayRedisPrefix } from '../bench/throwaway-redis';
import { loadConfig } from '../config';
import { runDemoSeed } from '../scripts/demo/run';
import { createDataSource } from '../src/shared/database/data-source';
import { createLogger } from '../src/shared/logger/logger';
import { parseTokens, type Token } from './scenario';

export interface LocalService {
  urls: string[];
  tokens: Token[];
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
  workers: ChildProcess[];
  apis: ChildProcess[];
  stop: () => Promise<void>;
}

/**
 * PostgreSQL's planner costs on `database` as docker-compose.yml starts PostgreSQL with them; the
 * connections opened after this plan with them.
 */
export async function planAsComposed(dataSource: DataSource, database: string): Promise<void> {
  await dataSource.query(`ALTER DATABASE ${database} SET random_page_cost = 1.1`);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startLocalService(options: {
  apis: number;
  workers: number;
  /** `built`: as the image runs them, compiled first; `sources`: under tsx. */
  runner: Runner;
  /** Runs on the seeded database before the processes start (e.g. loading a nation). */
  prepare?: (databaseUrl: string) => Promise<void>;
}): Promise<LocalService> {
  const base = loadConfig(process.env);
  const database = await throwawayDatabase(base.DATABASE_URL);
  const prefix = throwawayRedisPrefix('load');
  const adminToken = `load-test-admin-${randomBytes(16).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    BOOTSTRAP_ADMIN_TOKEN: adminToken,
    WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
    RATE_LIMIT_POINTS: '100000000',
    RATE_LIMIT_IP_POINTS: '100000000',
    // Info: readiness is read from the log (`api listening`, `worker started`).
    LOG_LEVEL: 'info',
    // Readiness is the engine threads' warm-up, so timings start with a worker as it runs all day.
    ENGINE_WARM_UP: 'true',
  };
  const config = loadConfig(env);
  const apis: ChildProcess[] = [];
  const workers: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all([...apis, ...workers].map(stopProcess));
    await database.drop();
    await removeRedisPrefix(config.REDIS_URL, prefix);
  };
  try {
    const report = await runDemoSeed(config, createLogger(config, 'loadtest-seed'));
    const dataSource = createDataSource(config, { applicationName: 'loadtest' });
    await dataSource.initialize();
    try {
      await dataSource.query('ANALYZE');
      await planAsComposed(dataSource, database.name);
    } finally {
      await dataSource.destroy();
    }
    if (options.prepare) await options.prepare(database.url);
    const urls: string[] = [];
    for (let i = 0; i < options.apis; i++) {
      const port = await freePort();
      apis.push(
        await startProcess(
          'src/server.ts',
          { ...env, PORT: String(port) },
          'api listening',
          options.runner,
        ),
      );
      urls.push(`http://127.0.0.1:${port}`);
    }
    for (let i = 0; i < options.workers; i++) {
      workers.push(
        await startProcess('workers/index.ts', env, 'engine threads warm', options.runner),
      );
    }
    const tokens = parseTokens(report.tokens.map((t) => t.token).join('\n'));
    return { urls, tokens, databaseUrl: database.url, env, workers, apis, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
