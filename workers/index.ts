import { type Config, loadConfigOrExit } from '../config';
import { openRuntime } from '../src/runtime';
import { trapShutdownSignals } from '../src/shared/lifecycle/shutdown';
import type { Logger } from '../src/shared/logger/logger';
import { queuePrefix } from '../src/shared/queue/job-producer';
import { JobRegistry } from '../src/shared/queue/job-registry';
import { startJobWorkers } from '../src/shared/queue/job-worker';
import { closeRedis, createRedis } from '../src/shared/redis/redis';
import { DECLARED_JOBS, jobHandlers } from './jobs';

export interface RunningWorker {
  logger: Logger;
  /** Lets running jobs finish, then closes queues, Redis and the database. */
  stop(): Promise<void>;
}

/** The background worker: its own process (`npm run worker`), or beside the API in `npm run dev`. */
export async function startWorker(config: Config): Promise<RunningWorker> {
  const runtime = await openRuntime(config, { service: 'matchpunt-worker' });
  const { logger } = runtime;
  const registry = new JobRegistry(DECLARED_JOBS, jobHandlers(runtime));
  const connection = createRedis(config, 'worker', logger);
  const workers = startJobWorkers({
    registry,
    connection,
    prefix: queuePrefix(config.REDIS_PREFIX),
    concurrency: config.WORKER_CONCURRENCY,
    logger,
  });
  // Recurring housekeeping: one scheduler per job, kept up to date on every start.
  for (const definition of DECLARED_JOBS) await runtime.jobs.schedule(definition);
  logger.info({ queues: registry.queues() }, 'worker started');
  return {
    logger,
    stop: async () => {
      await workers.close();
      await closeRedis(connection);
      await runtime.close();
    },
  };
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
