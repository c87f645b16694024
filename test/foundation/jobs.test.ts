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
});
