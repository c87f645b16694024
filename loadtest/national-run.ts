/**
 * A national-size matching run beside the load: the generated nation (50,000 clients, 20,000
 * units, 341 municipalities in 14 regions, as `npm run bench`'s matching-nation case) in a
 * database of its own on the same PostgreSQL, and a worker process of its own on the same machine.
 * Its own database because the nation's municipalities are real codes that the demo region uses
 * too; CPU, memory and PostgreSQL are shared with the API under test, which is what the
 * measurement is about.
 */
import type { ChildProcess } from 'node:child_process';

import { loadNation } from '../bench/nation';
import { type Runner, startProcess, stopProcess } from '../bench/processes';
import { removeRedisPrefix, throwawayRedisPrefix } from '../bench/throwaway-redis';
import { throwawayDatabase, type ThrowawayDatabase } from '../bench/throwaway-database';
import { loadConfig } from '../config';
import { RunExecutor } from '../src/modules/matching';
import { createDataSource } from '../src/shared/database/data-source';
import { planAsComposed } from './local-service';
import { createLogger } from '../src/shared/logger/logger';

export interface NationalRun {
  /** Requests a full run of every region (as the nightly job does); resolves when requested. */
  start: () => Promise<number>;
  /** Regions whose run is still queued or running, and of those running. */
  open: () => Promise<{ open: number; running: number }>;
  stop: () => Promise<void>;
}

export async function prepareNationalRun(
  engineNice: string | undefined,
  runner: Runner,
): Promise<NationalRun> {
  const base = loadConfig(process.env);
  const database: ThrowawayDatabase = await throwawayDatabase(base.DATABASE_URL);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    REDIS_PREFIX: throwawayRedisPrefix('load-nation'),
    LOG_LEVEL: 'info',
    // Readiness is the engine threads' warm-up, so timings start with a worker as it runs all day.
    ENGINE_WARM_UP: 'true',
    ...(engineNice === undefined ? {} : { ENGINE_THREAD_NICE: engineNice }),
  };
  const config = loadConfig(env);
  const dataSource = createDataSource(
    { DATABASE_URL: database.url, DATABASE_POOL_SIZE: 2 },
    { applicationName: 'loadtest-nation' },
  );
  let worker: ChildProcess | undefined;
  const stop = async () => {
    if (worker) await stopProcess(worker);
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
    await removeRedisPrefix(config.REDIS_URL, config.REDIS_PREFIX);
  };
  try {
    await dataSource.initialize();
    await loadNation(dataSource);
    await planAsComposed(dataSource, database.name);
    worker = await startProcess('workers/index.ts', env, 'engine threads warm', runner);
    const requester = new RunExecutor({
      dataSource,
      match: () => Promise.reject(new Error('the load test runs no matching itself')),
      clock: () => new Date(),
      logger: createLogger(config, 'loadtest-nation'),
      lockTimeoutMs: config.MATCHING_LOCK_TIMEOUT_MS,
    });
    return {
      start: () => requester.requestNightlyRuns(),
      open: async () => {
        const [row] = await dataSource.query<{ open: number; running: number }[]>(
          `SELECT count(*)::int AS open, count(*) FILTER (WHERE status = 'running')::int AS running
             FROM matching_runs WHERE status IN ('queued', 'running')`,
        );
        return { open: row?.open ?? 0, running: row?.running ?? 0 };
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
