import { type JobsOptions, Queue } from 'bullmq';
import type { z } from 'zod';

import { AppError } from '../errors/app-error';
import type { Redis } from '../redis/redis';
import { DEFAULT_JOB_OPTIONS, type JobDefinition } from './job-definition';

/** What a caller may set of a job's BullMQ options. */
export type EnqueueOptions = Pick<
  JobsOptions,
  'jobId' | 'delay' | 'attempts' | 'backoff' | 'deduplication'
>;

/** One job for `JobProducer.enqueueMany`. */
export interface PlannedJob<S extends z.ZodType = z.ZodType> {
  definition: JobDefinition<S>;
  payload: z.input<S>;
  options?: EnqueueOptions;
}

/** Enqueues declared jobs; one BullMQ queue object per queue name, made on first use. */
export class JobProducer {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
  ) {}

  async enqueue<S extends z.ZodType>(
    definition: JobDefinition<S>,
    payload: z.input<S>,
    options: EnqueueOptions = {},
  ): Promise<string> {
    // Validate before sending: a bad payload is a programming error, caught here not in a worker.
    const data = definition.payload.parse(payload) as object;
    this.requireConnection();
    const job = await this.queue(definition.queue).add(definition.name, data, {
      ...DEFAULT_JOB_OPTIONS,
      ...definition.options,
      ...options,
    });
    return job.id ?? '';
  }

  /**
   * Enqueues several jobs with one round trip per queue (BullMQ `addBulk`), for messages that
   * come by the thousand: one at a time, each is a round trip and a wake-up of the queue's
   * workers. Payloads are validated first, so a bad one sends nothing.
   */
  async enqueueMany(jobs: readonly PlannedJob[]): Promise<void> {
    const byQueue = new Map<string, Parameters<Queue['addBulk']>[0]>();
    for (const { definition, payload, options } of jobs) {
      const data = definition.payload.parse(payload) as object;
      let list = byQueue.get(definition.queue);
      if (list === undefined) {
        list = [];
        byQueue.set(definition.queue, list);
      }
      list.push({
        name: definition.name,
        data,
        opts: { ...DEFAULT_JOB_OPTIONS, ...definition.options, ...options },
      });
    }
    this.requireConnection();
    for (const [queue, list] of byQueue) await this.queue(queue).addBulk(list);
  }

  /** Creates or updates the scheduler of a recurring job (idempotent: one per job). */
  async schedule(definition: JobDefinition): Promise<void> {
    if (!definition.schedule) return;
    const { pattern, tz, payload } = definition.schedule;
    this.requireConnection();
    await this.queue(definition.queue).upsertJobScheduler(
      `${definition.name}-schedule`,
      { pattern, tz },
      {
        name: definition.name,
        data: definition.payload.parse(payload) as object,
        opts: { ...DEFAULT_JOB_OPTIONS, ...definition.options },
      },
    );
  }

  /**
   * A queue first used while Redis is away waits for it, however long (BullMQ waits for its
   * connection to be ready), which would hold a request, or the outbox relay's transaction, for
   * the whole outage. Fail at once instead: the relay retries the message later, a client the
   * request.
   */
  private requireConnection(): void {
    if (this.connection.status === 'ready') return;
    throw new AppError(
      'unavailable',
      'queue_unavailable',
      'The job queue cannot be reached just now. Try again shortly.',
      { extensions: { retryAfterSeconds: 5 } },
    );
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      // The connection's own listener logs an outage (once every few seconds); without a
      // listener here BullMQ would print every reconnect attempt to the console as well.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}

export function queuePrefix(redisPrefix: string): string {
  return `${redisPrefix}:bull`;
}
