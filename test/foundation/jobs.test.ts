import { once } from 'node:events';

import { QueueEvents } from 'bullmq';
import { z } from 'zod';

import { loadConfig } from '../../config';
import { createLogger } from '../../src/shared/logger/logger';
import { defineJob, handleJob } from '../../src/shared/queue/job-definition';
import { JobProducer, queuePrefix } from '../../src/shared/queue/job-producer';
import { JobRegistry } from '../../src/shared/queue/job-registry';
import { startJobWorkers } from '../../src/shared/queue/job-worker';
import { closeRedis, createRedis } from '../../src/shared/redis/redis';
import { uniqueSuffix } from '../support/factories';

describe('background jobs', () => {
  const config = loadConfig(process.env);
  const logger = createLogger(config, 'jobs-test');
  const prefix = queuePrefix(config.REDIS_PREFIX);
  const queue = `test-${uniqueSuffix()}`;
  const echo = defineJob({
    queue,
    name: 'echo',
    payload: z.strictObject({ unitId: z.uuid() }),
    options: { attempts: 3, backoff: { type: 'fixed', delay: 10 } },
  });
  const seen: string[] = [];
  let attempts = 0;

  const producerRedis = createRedis(config, 'producer', logger);
  const workerRedis = createRedis(config, 'worker', logger);
  const producer = new JobProducer(producerRedis, prefix);
  const workers = startJobWorkers({
    registry: new JobRegistry(
      [echo],
      [
        handleJob(echo, async (payload) => {
          attempts++;
          seen.push(payload.unitId);
          return { ok: payload.unitId };
        }),
      ],
    ),
    connection: workerRedis,
    prefix,
    concurrency: 1,
    logger,
  });
  const eventsRedis = createRedis(config, 'worker', logger);
  const events = new QueueEvents(queue, { connection: eventsRedis, prefix });

  afterAll(async () => {
    await workers.close();
    await producer.close();
    await events.close();
    await closeRedis(producerRedis);
    await closeRedis(workerRedis);
    await closeRedis(eventsRedis);
  });

  it('when a declared job is enqueued, then the worker runs its handler with the parsed payload', async () => {
    await events.waitUntilReady();
    // The producer refuses while its connection is still being made (a loaded machine's first
    // test may get here first).
    if (producerRedis.status !== 'ready') await once(producerRedis, 'ready');
    const unitId = '0b0f6a3e-8a8e-4f57-9b55-8a3c1c1c2a10';
    const id = await producer.enqueue(echo, { unitId });
    const job = await producer.queue(queue).getJob(id);
    await expect(job!.waitUntilFinished(events, 10_000)).resolves.toEqual({ ok: unitId });
    expect(seen).toContain(unitId);
  });

  it('when a payload does not match its schema, then enqueueing refuses it', async () => {
    await expect(producer.enqueue(echo, { unitId: 'not-a-uuid' })).rejects.toThrow();
    await expect(
      producer.enqueue(echo, {
        unitId: '0b0f6a3e-8a8e-4f57-9b55-8a3c1c1c2a10',
        name: 'x',
      } as never),
    ).rejects.toThrow();
  });

  it('when a malformed payload reaches the worker anyway, then it fails at once without retries', async () => {
    const before = attempts;
    const job = await producer.queue(queue).add('echo', { unitId: 42 }, { attempts: 3 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/bad payload/);
    const failed = await producer.queue(queue).getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(attempts).toBe(before);
  });

  it('when jobs are enqueued in bulk, then each is added once with its options, and a bad payload sends none', async () => {
    const ids = ['1b0f6a3e-8a8e-4f57-9b55-8a3c1c1c2a11', '2b0f6a3e-8a8e-4f57-9b55-8a3c1c1c2a12'];
    const bad = producer.enqueueMany([
      { definition: echo, payload: { unitId: ids[0]! }, options: { jobId: `bulk-bad-${ids[0]}` } },
      { definition: echo, payload: { unitId: 'not-a-uuid' }, options: { jobId: 'bulk-bad-x' } },
    ]);
    await expect(bad).rejects.toThrow();
    expect(await producer.queue(queue).getJob(`bulk-bad-${ids[0]}`)).toBeUndefined();

    const planned = ids.map((unitId) => ({
      definition: echo,
      payload: { unitId },
      // Far in the future: the jobs wait, delayed, where the test can read them.
      options: { jobId: `bulk-${unitId}`, delay: 3_600_000 },
    }));
    await producer.enqueueMany(planned);
    // Again, as a relay would after a crash before its commit: the job ids keep it to one each.
    await producer.enqueueMany(planned);
    for (const unitId of ids) {
      const job = await producer.queue(queue).getJob(`bulk-${unitId}`);
      expect(job?.data).toEqual({ unitId });
      expect(job?.opts.delay).toBe(3_600_000);
      expect(job?.opts.attempts).toBe(3);
      expect(await job?.getState()).toBe('delayed');
    }
    const delayed = await producer.queue(queue).getDelayed();
    expect(delayed.filter((job) => job.id?.startsWith('bulk-'))).toHaveLength(2);
    await Promise.all(delayed.map((job) => job.remove()));
  });
});
