import { createServer, type Server } from 'node:http';

import { type Config, loadConfigOrExit } from '../config';
import { EngineThreadPool, getMatchingMetrics, RunExecutor } from '../src/modules/matching';
import { openRuntime } from '../src/runtime';
import { rootDb } from '../src/shared/database/db';
import { trapShutdownSignals } from '../src/shared/lifecycle/shutdown';
import type { Logger } from '../src/shared/logger/logger';
import { registerDatabasePoolMetrics } from '../src/shared/metrics/database-pool';
import { getMetrics } from '../src/shared/metrics/metrics';
import { OutboxRelay } from '../src/shared/outbox/outbox-relay';
import { queuePrefix } from '../src/shared/queue/job-producer';
import { JobRegistry } from '../src/shared/queue/job-registry';
import { startJobWorkers } from '../src/shared/queue/job-worker';
import { closeRedis, createRedis } from '../src/shared/redis/redis';
import { systemClock } from '../src/shared/time/clock';
import { DECLARED_JOBS, jobHandlers } from './jobs';
import { outboxDispatchers } from './outbox-dispatchers';

export interface RunningWorker {
  logger: Logger;
  /** Lets running jobs finish, then closes queues, Redis and the database. */
  stop(): Promise<void>;
}

/** The background worker: its own process (`npm run worker`), or beside the API in `npm run dev`. */
export async function startWorker(
  config: Config,
  options: { logger?: Logger } = {},
): Promise<RunningWorker> {
  const runtime = await openRuntime(config, { service: 'matchpunt-worker', ...options });
  const { logger } = runtime;
  const engine = new EngineThreadPool(config.WORKER_CONCURRENCY, config.ENGINE_THREAD_NICE);
  if (config.ENGINE_WARM_UP) {
    const warming = performance.now();
    engine.start().then(
      () => {
        logger.info({ ms: Math.round(performance.now() - warming) }, 'engine threads warm');
      },
      (error: unknown) => {
        logger.warn(
          { err: { message: String(error) } },
          'engine warm-up failed; threads start on use',
        );
      },
    );
  }
  const executor = new RunExecutor({
    dataSource: runtime.dataSource,
    match: (input) => engine.match(input),
    clock: systemClock,
    logger,
    lockTimeoutMs: config.MATCHING_LOCK_TIMEOUT_MS,
  });
  getMatchingMetrics();
  const registry = new JobRegistry(DECLARED_JOBS, jobHandlers(runtime, executor));
  const connection = createRedis(config, 'worker', logger);
  const workers = startJobWorkers({
    registry,
    connection,
    prefix: queuePrefix(config.REDIS_PREFIX),
    concurrency: config.WORKER_CONCURRENCY,
    logger,
    lockDurationMs: config.JOB_LOCK_DURATION_MS,
  });
  const relay = new OutboxRelay({
    dataSource: runtime.dataSource,
    databaseUrl: config.DATABASE_URL,
    dispatchers: outboxDispatchers(runtime.jobs, rootDb(runtime.dataSource), {
      debounceMs: config.MATCHING_DEBOUNCE_MS,
      webhooks: config,
    }),
    logger,
    pollMs: config.OUTBOX_POLL_MS,
  });
  await relay.start();
  // Recurring jobs: one scheduler per job, kept up to date on every start, and put back each time
  // Redis is reachable again: it may have been away at start-up, or come back empty (a restart
  // without persistence), which would leave the deadline sweep, the safety net, unscheduled.
  const scheduleAll = async () => {
    for (const definition of DECLARED_JOBS) {
      await runtime.jobs.schedule(definition).catch((error: unknown) => {
        logger.warn({ job: definition.name, err: { message: String(error) } }, 'scheduling failed');
      });
    }
  };
  const onRedisReady = () => {
    void scheduleAll();
  };
  runtime.redis.on('ready', onRedisReady);
  if (runtime.redis.status === 'ready') await scheduleAll();
  // A worker with metrics of its own is a process of its own: its pool is the one to show.
  if (config.WORKER_METRICS_PORT > 0) registerDatabasePoolMetrics(runtime.dataSource);
  const metricsServer = config.WORKER_METRICS_PORT > 0 ? await serveMetrics(config) : undefined;
  logger.info({ queues: registry.queues() }, 'worker started');
  return {
    logger,
    stop: async () => {
      runtime.redis.off('ready', onRedisReady);
      await relay.stop();
      await workers.close();
      await engine.close();
      metricsServer?.close();
      await closeRedis(connection);
      await runtime.close();
    },
  };
}

/** A separate worker process has its own metrics (runs by phase, outcomes): served here. */
async function serveMetrics(config: Config): Promise<Server> {
  const { registry } = getMetrics();
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) =>
    server.listen(config.WORKER_METRICS_PORT, config.HOST, resolve),
  );
  return server;
}

if (require.main === module) {
  const config = loadConfigOrExit();
  const onStarted = trapShutdownSignals(config.SHUTDOWN_TIMEOUT_MS);
  startWorker(config).then(
    (worker) => {
      onStarted(worker.logger, () => worker.stop());
    },
    (error: unknown) => {
      process.stderr.write(`matchpunt worker failed to start: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
