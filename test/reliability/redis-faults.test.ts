import { type ChildProcess, spawn } from 'node:child_process';

import { Queue } from 'bullmq';
import request from 'supertest';

import { loadConfig } from '../../config';
import { deadlineSweepJob, PROPOSAL_JOBS } from '../../src/modules/proposals';
import { queuePrefix } from '../../src/shared/queue/job-producer';
import { closeRedis, createRedis } from '../../src/shared/redis/redis';
import type { RunningWorker } from '../../workers';
import { bearer, uniqueSuffix } from '../support/factories';
import {
  createMatchingWorld,
  forgetEarlierOutbox,
  spawnWorker,
  startTestWorker,
} from '../support/matching';
import { freePort, waitForLine } from '../support/processes';
import { eventually, TcpProxy } from '../support/tcp-proxy';
import { createTestApp, type TestApp } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';
import { workflowSteps } from '../support/workflow-steps';

jest.setTimeout(90_000);

describe('Redis unavailable', () => {
  const redis = new URL(loadConfig(process.env).REDIS_URL);
  const proxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
  const receiver = new WebhookReceiver();
  let t: TestApp;
  let worker: RunningWorker;

  beforeAll(async () => {
    await proxy.startOnLowPort();
    await receiver.start();
    // The API and the worker reach Redis only through the proxy.
    const overrides = {
      REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}:${uniqueSuffix()}`,
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
      WEBHOOK_BACKOFF_MS: '200',
    };
    t = await createTestApp({ overrides });
    await forgetEarlierOutbox(t.runtime.dataSource);
    worker = await startTestWorker(overrides);
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await worker.stop();
    await t.close();
    await receiver.stop();
    await proxy.cut();
  });

  it('when a proposal is approved while Redis is down, then the approval is stored, and once Redis is back its deadline expires it and the webhooks of both events are delivered, once each', async () => {
    const w = workflowSteps(t.app, t.runtime.dataSource);
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    // Deadlines of zero working days: the corporation's step is due the moment it opens.
    await w.setPolicy(world, { deadlines: { corporationDays: 0, providerDays: 0 } });
    const hook = await request(t.app)
      .post('/api/v1/webhooks')
      .set(bearer(world.corporation.token))
      .send({
        url: receiver.url('/corporation'),
        eventTypes: ['proposal.approved', 'proposal.expired'],
      })
      .expect(201);
    const { proposalId, unitId, clientId } = await w.pairUp(world);

    await proxy.cut();
    await w.step(world.matcher.token, proposalId, 'approve').expect(200);
    // The deadline and the delivery wait in the outbox: the relay tried and could not hand them on.
    const waiting = await eventually(
      () =>
        w.sql<{ topic: string; attempts: number }>(
          `SELECT topic, attempts FROM outbox
            WHERE dispatched_at IS NULL AND payload::text LIKE '%' || $1 || '%'`,
          [proposalId],
        ),
      (rows) => rows.some((row) => row.attempts > 0),
      20_000,
    );
    expect(waiting.some((row) => row.attempts > 0)).toBe(true);
    expect(waiting.map((row) => row.topic)).toContain('proposals.deadline_set');
    const [pendingDelivery] = await w.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox o JOIN webhook_deliveries d ON d.id::text = o.payload->>'deliveryId'
        WHERE o.dispatched_at IS NULL AND d.webhook_id = $1`,
      [hook.body.id],
    );
    expect(pendingDelivery!.n).toBe(1);
    expect((await w.read(world.matcher.token, proposalId)).status).toBe('approved');
    expect(receiver.on('/corporation')).toEqual([]);
    // A request that needs the queue itself (no outbox): 503 at once, not a hang.
    const followUp = await request(t.app)
      .post('/api/v1/placements/follow-up')
      .set(bearer(world.matcher.token))
      .timeout(20_000);
    expect(followUp.status).toBe(503);
    expect(followUp.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(followUp.body.code).toBe('queue_unavailable');

    await proxy.restore();
    const expired = await eventually(
      () => w.read(world.matcher.token, proposalId),
      (body) => body.status === 'expired',
      60_000,
    );
    expect(expired.reason).toBe('deadline_passed');
    expect(await w.statusesOf(unitId, clientId)).toEqual({ unit: 'available', client: 'waiting' });
    expect(await w.trail(proposalId, 'expire')).toEqual({ decisions: 1, audits: 1, events: 1 });

    const delivered = await eventually(
      async () =>
        (
          await request(t.app)
            .get(`/api/v1/webhooks/${hook.body.id as string}/deliveries`)
            .set(bearer(world.corporation.token))
            .expect(200)
        ).body.items as { eventType: string; status: string }[],
      (items) => items.length === 2 && items.every((item) => item.status === 'delivered'),
      60_000,
    );
    expect(delivered.map((item) => item.eventType).sort()).toEqual([
      'proposal.approved',
      'proposal.expired',
    ]);
    expect(delivered.every((item) => item.status === 'delivered')).toBe(true);
    const types = receiver
      .on('/corporation')
      .map((delivery) => (JSON.parse(delivery.body) as { type: string }).type)
      .sort();
    expect(types).toEqual(['proposal.approved', 'proposal.expired']);
  });
});

describe('Redis away at shutdown', () => {
  it('when the worker process gets SIGTERM while Redis is unreachable, then it shuts down cleanly and exits 0', async () => {
    const redis = new URL(loadConfig(process.env).REDIS_URL);
    const proxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
    await proxy.startOnLowPort();
    const worker = await spawnWorker({
      REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}:${uniqueSuffix()}`,
    });
    try {
      await proxy.cut();
      await eventually(
        async () => worker.output(),
        (output) => output.includes('redis connection problem'),
      );
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      expect(worker.output()).toContain('shut down cleanly');
    } finally {
      worker.child.kill('SIGKILL');
      await proxy.cut();
    }
  });
});

describe('Redis restarted empty', () => {
  /** A Redis of the test's own, without persistence: killed and started again, it is empty. */
  async function startRedis(port: number): Promise<ChildProcess> {
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await waitForLine(child, /Ready to accept connections/);
    return child;
  }
  async function stopRedis(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  it('when Redis comes back empty, then the worker puts the recurring jobs (the deadline sweep among them) back without a restart', async () => {
    const port = await freePort();
    let server = await startRedis(port);
    const prefix = `${process.env.REDIS_PREFIX}:${uniqueSuffix()}`;
    const config = loadConfig({ ...process.env, REDIS_URL: `redis://127.0.0.1:${port}` });
    const worker = await startTestWorker({ REDIS_URL: config.REDIS_URL, REDIS_PREFIX: prefix });
    const inspector = createRedis(config, 'worker', worker.logger);
    const queue = new Queue(deadlineSweepJob.queue, {
      connection: inspector,
      prefix: queuePrefix(prefix),
    });
    queue.on('error', () => undefined);
    const schedulers = async () =>
      (await queue.getJobSchedulers().catch(() => [])).map((scheduler) => scheduler.name).sort();
    try {
      const expected = PROPOSAL_JOBS.filter((job) => job.schedule).map((job) => job.name);
      expect(expected).toContain(deadlineSweepJob.name);
      expect(await eventually(schedulers, (names) => names.length > 0)).toEqual(expected);

      await inspector.set(`${prefix}:marker`, 'before');
      await stopRedis(server);
      server = await startRedis(port);
      expect(await eventually(schedulers, (names) => names.length > 0, 20_000)).toEqual(expected);
      // It is a new, empty Redis: what was there before is gone; the schedulers are new.
      expect(await inspector.exists(`${prefix}:marker`)).toBe(0);
    } finally {
      await queue.close();
      await closeRedis(inspector);
      await worker.stop();
      await stopRedis(server);
    }
  });
});
