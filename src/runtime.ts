import type { DataSource } from 'typeorm';

import type { Config } from '../config';
import { ChangeListener } from './shared/database/change-listener';
import { createDataSource } from './shared/database/data-source';
import { DedicatedConnection } from './shared/database/dedicated-connection';
import { createLogger, type Logger } from './shared/logger/logger';
import { JobProducer, queuePrefix } from './shared/queue/job-producer';
import { closeRedis, createRedis, type Redis } from './shared/redis/redis';

const REDIS_CONNECT_WAIT_MS = 2_000;

/** The connections a process holds; opened once at start-up, closed once at shutdown. */
export interface Runtime {
  config: Config;
  logger: Logger;
  dataSource: DataSource;
  /** The access log's inserts, outside the pool (client-read-log.ts); opens at its first insert. */
  accessLogConnection: DedicatedConnection;
  /** Fail-fast connection for the API and job producers. */
  redis: Redis;
  /** The API's rate-limit counters (auto-pipelined); idle in the worker. */
  rateLimitRedis: Redis;
  /** Database notifications by channel; connects only once something subscribes. */
  changes: ChangeListener;
  jobs: JobProducer;
  close(): Promise<void>;
}

export async function openRuntime(
  config: Config,
  options: { service: string; logger?: Logger; queryTimeoutMs?: number },
): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config, options.service);
  const dataSource = createDataSource(config, {
    applicationName: options.service,
    ...(options.queryTimeoutMs === undefined ? {} : { queryTimeoutMs: options.queryTimeoutMs }),
  });
  await dataSource.initialize();
  const redis = createRedis(config, 'producer', logger);
  const rateLimitRedis = createRedis(config, 'rate-limits', logger);
  // Both fail fast while not ready: give them a moment to connect, so the first request or outbox
  // pass meets Redis; when Redis is down, start anyway (readiness says so).
  await Promise.all([redis, rateLimitRedis].map(waitBrieflyForReady));
  const jobs = new JobProducer(redis, queuePrefix(config.REDIS_PREFIX));
  const accessLogConnection = new DedicatedConnection({
    connectionString: config.DATABASE_URL,
    applicationName: `${options.service} access log`,
    ...(options.queryTimeoutMs === undefined ? {} : { queryTimeoutMs: options.queryTimeoutMs }),
    logger,
  });
  const changes = new ChangeListener({
    connectionString: config.DATABASE_URL,
    applicationName: `${options.service} listener`,
    logger,
  });
  return {
    config,
    logger,
    dataSource,
    accessLogConnection,
    redis,
    rateLimitRedis,
    changes,
    jobs,
    close: async () => {
      await changes.close();
      await closeRedis(rateLimitRedis);
      await jobs.close().catch((error: unknown) => {
        logger.warn({ err: error }, 'closing queues failed');
      });
      await closeRedis(redis);
      await accessLogConnection.close();
      await dataSource.destroy();
    },
  };
}

async function waitBrieflyForReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return;
  await Promise.race([
    new Promise((resolve) => redis.once('ready', resolve)),
    new Promise((resolve) => setTimeout(resolve, REDIS_CONNECT_WAIT_MS).unref()),
  ]);
}
