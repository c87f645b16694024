import { randomUUID } from 'node:crypto';

import type { Queue } from 'bullmq';

import { anonymiseClosedClientsJob } from '../../src/modules/clients';
import { regionChangedRunJob } from '../../src/modules/matching';
import { deliverWebhookJob, webhookDeliveryJobOptions } from '../../src/modules/notifications';
import { placementFollowUpJob } from '../../src/modules/placements';
import { deadlineDueJob } from '../../src/modules/proposals';
import {
  DEFAULT_JOB_OPTIONS,
  handleJob,
  type JobDefinition,
} from '../../src/shared/queue/job-definition';
import { queuePrefix } from '../../src/shared/queue/job-producer';
import { JobRegistry } from '../../src/shared/queue/job-registry';
import { type JobWorkers, startJobWorkers } from '../../src/shared/queue/job-worker';
import { closeRedis, createRedis, type Redis } from '../../src/shared/redis/redis';
import { DECLARED_JOBS, jobHandlers } from '../../workers/jobs';
import { uniqueSuffix } from '../support/factories';
import { inProcessRunExecutor } from '../support/matching';
import { eventually } from '../support/tcp-proxy';
import { createTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** Jobs whose id starts with this fail on every attempt: a handler that always throws. */
const POISON = 'poison-';

interface PoisonCase {
  queue: string;
  definition: JobDefinition;
  /** Does not parse: never worth a retry. */
  badPayload: unknown;
  /** A job that does parse and succeeds, and what its handler returns. */
  goodPayload: unknown;
  goodResult: unknown;
}

/** One row per queue the worker serves; a test below checks that no queue is left out. */
const CASES: PoisonCase[] = [
  {
    queue: 'matching',
    definition: regionChangedRunJob,
    badPayload: { regionCode: '' },
    goodPayload: { regionCode: `no-such-region-${uniqueSuffix()}` },
    goodResult: { skipped: true },
  },
  {
    queue: 'notifications',
    definition: deliverWebhookJob,
    badPayload: { deliveryId: 42 },
    goodPayload: { deliveryId: randomUUID() },
    goodResult: { outcome: 'gone' },
  },
  {
    queue: 'placements',
    definition: placementFollowUpJob,
    badPayload: { since: 'yesterday' },
    goodPayload: {},
    goodResult: expect.any(Object),
  },
  {
    queue: 'proposals',
    definition: deadlineDueJob,
    badPayload: { dueAt: 'soon' },
    goodPayload: { dueAt: new Date(0).toISOString() },
    goodResult: { expired: expect.any(Number), reminded: expect.any(Number) },
  },
  {
    queue: 'registry',
    definition: anonymiseClosedClientsJob,
    badPayload: { regionCode: 'x' },
    goodPayload: {},
    goodResult: { anonymised: expect.any(Number) },
  },
];

describe('poison jobs', () => {
  let t: TestApp;
  let connection: Redis;
  let workers: JobWorkers;
  /** Attempts each poisoned job's handler saw. */
  const poisonAttempts = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp({
      overrides: { REDIS_PREFIX: `${process.env.REDIS_PREFIX}:${uniqueSuffix()}` },
    });
    const { runtime } = t;
    // The worker's real handlers, except that a job marked as poison throws on every attempt.
    const handlers = jobHandlers(runtime, inProcessRunExecutor(runtime)).map((handler) =>
      handleJob(handler.definition, async (payload, context) => {
        if (context.jobId.startsWith(POISON)) {
          poisonAttempts.set(context.jobId, (poisonAttempts.get(context.jobId) ?? 0) + 1);
          throw new Error('this job always fails');
        }
        return handler.handle(payload, context);
      }),
    );
    connection = createRedis(runtime.config, 'worker', runtime.logger);
    // One job at a time: a job stuck at the head of its queue would stop the next one.
    workers = startJobWorkers({
      registry: new JobRegistry(DECLARED_JOBS, handlers),
      connection,
      prefix: queuePrefix(runtime.config.REDIS_PREFIX),
      concurrency: 1,
      logger: runtime.logger,
    });
  });
  afterAll(async () => {
    await workers.close();
    await closeRedis(connection);
    await t.close();
  });

  it('when the table is compared with the worker, then every queue it serves has a row', () => {
    const queues = new JobRegistry(
      DECLARED_JOBS,
      jobHandlers(t.runtime, inProcessRunExecutor(t.runtime)),
    ).queues();
    expect(CASES.map((row) => row.queue)).toEqual(queues);
    for (const row of CASES) expect(row.definition.queue).toBe(row.queue);
  });

  /** The attempts this job gets when the service enqueues it. */
  function attemptsOf(definition: JobDefinition): number {
    if (definition === deliverWebhookJob) {
      return webhookDeliveryJobOptions('x', t.runtime.config).attempts;
    }
    return definition.options?.attempts ?? DEFAULT_JOB_OPTIONS.attempts ?? 1;
  }

  async function settled(queue: Queue, id: string) {
    const state = await eventually(
      async () => (await queue.getJob(id))?.getState(),
      (value) => value === 'completed' || value === 'failed',
      30_000,
    );
    return { state, job: (await queue.getJob(id))! };
  }

  it.each(CASES)(
    'when the $queue queue gets a job with a bad payload and one whose handler always throws, then both fail for good and the next job runs',
    async ({ definition, badPayload, goodPayload, goodResult }) => {
      const queue = t.runtime.jobs.queue(definition.queue);
      const attempts = attemptsOf(definition);
      const options = { ...DEFAULT_JOB_OPTIONS, ...definition.options, attempts };
      const suffix = uniqueSuffix();

      const bad = await queue.add(definition.name, badPayload, {
        ...options,
        jobId: `bad-${suffix}`,
      });
      // The definition's attempts; only the pause between them is short, to keep the test quick.
      const poisoned = await queue.add(definition.name, goodPayload, {
        ...options,
        jobId: `${POISON}${suffix}`,
        backoff: { type: 'fixed', delay: 20 },
      });
      const good = await queue.add(definition.name, goodPayload, {
        ...options,
        jobId: `good-${suffix}`,
      });

      const badEnd = await settled(queue, bad.id!);
      expect(badEnd.state).toBe('failed');
      expect(badEnd.job.attemptsMade).toBe(1);
      expect(badEnd.job.failedReason).toMatch(/bad payload/);

      const goodEnd = await settled(queue, good.id!);
      expect(goodEnd.state).toBe('completed');
      expect(goodEnd.job.returnvalue).toEqual(goodResult);

      const poisonEnd = await settled(queue, poisoned.id!);
      expect(poisonEnd.state).toBe('failed');
      expect(attempts).toBeGreaterThan(1);
      expect(poisonEnd.job.attemptsMade).toBe(attempts);
      expect(poisonAttempts.get(poisoned.id!)).toBe(attempts);
      expect(poisonEnd.job.failedReason).toBe('this job always fails');
      // Nothing is left waiting or retrying in the queue.
      expect(await queue.getJobCounts('waiting', 'active', 'delayed')).toEqual({
        waiting: 0,
        active: 0,
        delayed: 0,
      });
    },
  );
});
