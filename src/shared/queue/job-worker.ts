import { type Job, UnrecoverableError, Worker } from 'bullmq';

import type { Logger } from '../logger/logger';
import type { Redis } from '../redis/redis';
import type { JobRegistry } from './job-registry';

export interface JobWorkers {
  /**
   * Stops taking jobs and waits for the running ones to finish; with Redis unreachable, stops at
   * once.
   */
  close(): Promise<void>;
}

/** One BullMQ worker per queue in the registry, dispatching each job to its handler. */
export function startJobWorkers(options: {
  registry: JobRegistry;
  connection: Redis;
  prefix: string;
  concurrency: number;
  logger: Logger;
  /**
   * How long a job's lock lasts without renewal: a job whose worker died is taken up again after
   * about this long (BullMQ's stalled-job check runs at the same interval).
   */
  lockDurationMs?: number;
}): JobWorkers {
  const { registry, connection, prefix, concurrency, logger, lockDurationMs } = options;
  const workers = registry.queues().map((queue) => {
    const worker = new Worker(
      queue,
      async (job: Job) => {
        const handler = registry.handlerFor(queue, job.name);
        if (!handler) throw new UnrecoverableError(`no handler for ${queue}/${job.name}`);
        const parsed = handler.definition.payload.safeParse(job.data);
        // A payload that does not parse will never parse: do not retry it.
        if (!parsed.success) throw new UnrecoverableError(`bad payload for ${queue}/${job.name}`);
        const log = logger.child({ queue, job: job.name, jobId: job.id });
        const started = performance.now();
        const result = await handler.handle(parsed.data, {
          jobId: job.id ?? '',
          attempt: job.attemptsMade + 1,
          maxAttempts: job.opts.attempts ?? 1,
        });
        log.info({ ms: Math.round(performance.now() - started) }, 'job done');
        return result;
      },
      {
        connection,
        prefix,
        concurrency,
        autorun: true,
        ...(lockDurationMs === undefined
          ? {}
          : { lockDuration: lockDurationMs, stalledInterval: lockDurationMs }),
      },
    );
    worker.on('failed', (job, error) => {
      logger.warn(
        {
          queue,
          job: job?.name,
          jobId: job?.id,
          attempt: job?.attemptsMade,
          err: error,
        },
        'job failed',
      );
    });
    worker.on('error', (error) => {
      logger.warn({ queue, err: error }, 'worker error');
    });
    return worker;
  });
  return {
    close: async () => {
      // A polite close ends with QUIT, which waits for Redis as long as it is away; and while it
      // is, no running job could record its outcome anyway. Then close at once: a job cut short
      // is taken up again (stalled) once Redis is back, and its handler is idempotent.
      const force = connection.status !== 'ready';
      await Promise.all(workers.map((worker) => worker.close(force)));
    },
  };
}
