import net from 'node:net';

import request from 'supertest';

import { loadConfig } from '../../config';
import type { RunningWorker } from '../../workers';
import { bearer, uniqueSuffix } from '../support/factories';
import {
  cleanRunPairs,
  closeGeneratedRegion,
  createGeneratedRegion,
  createMatchingWorld,
  forgetEarlierOutbox,
  spawnWorker,
  startTestWorker,
  storedPairs,
  today,
  waitForRun,
  waitUntilSettled,
} from '../support/matching';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { eventually, TcpProxy } from '../support/tcp-proxy';
import { createTestApp } from '../support/test-app';

const redis = new URL(loadConfig(process.env).REDIS_URL);

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => {
      resolve(false);
    });
  });
}

async function runStatus(
  dataSource: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  id: string,
): Promise<string | undefined> {
  const rows = (await dataSource.query(`SELECT status FROM matching_runs WHERE id = $1`, [id])) as {
    status: string;
  }[];
  return rows[0]?.status;
}

jest.setTimeout(120_000);

describe('matching under faults', () => {
  it('when Redis is down as a unit is registered, then the write succeeds (201) and the proposal still appears once Redis is back', async () => {
    const proxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
    await proxy.startOnLowPort();
    const redisUrl = `redis://127.0.0.1:${proxy.port}`;
    const t = await createTestApp({ overrides: { REDIS_URL: redisUrl } });
    await forgetEarlierOutbox(t.runtime.dataSource);
    const worker: RunningWorker = await startTestWorker({ REDIS_URL: redisUrl });
    try {
      const world = await createMatchingWorld(t.app, t.runtime.dataSource);
      await request(t.app)
        .post('/api/v1/clients')
        .set(bearer(world.provider.token))
        .send(clientBody(world.region))
        .expect(201);
      // The client's run is over: only the unit's request can bring a proposal now.
      await waitUntilSettled(t.runtime.dataSource, world.region.code);

      await proxy.cut();
      const unit = await request(t.app)
        .post('/api/v1/units')
        .set(bearer(world.corporation.token))
        .send(unitBody(world.region, { rent: 600, availableFrom: today() }))
        .expect(201);
      // The relay tried and failed: the request waits in the outbox, not lost.
      const pending = await eventually(
        () =>
          t.runtime.dataSource.query<{ attempts: number }[]>(
            `SELECT attempts FROM outbox WHERE dispatched_at IS NULL AND payload->>'regionCode' = $1`,
            [world.region.code],
          ),
        (rows) => rows.some((row) => row.attempts > 0),
        10_000,
      );
      expect(pending.some((row) => row.attempts > 0)).toBe(true);
      const [{ n: early } = { n: 0 }] = await t.runtime.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM proposals WHERE unit_id = $1`,
        [unit.body.id],
      );

      await proxy.restore();
      const proposals = await eventually(
        () =>
          t.runtime.dataSource.query<{ status: string }[]>(
            `SELECT status FROM proposals WHERE unit_id = $1`,
            [unit.body.id],
          ),
        (rows) => rows.length > 0,
        30_000,
      );
      expect(early).toBe(0);
      expect(proposals).toEqual([{ status: 'proposed' }]);
    } finally {
      if (proxy.port === 0 || !(await isListening(proxy.port))) {
        await proxy.restore().catch(() => undefined);
      }
      await worker.stop();
      await t.close();
      await proxy.cut();
    }
  });

  it('when a worker is SIGKILLed in the middle of a run and a new one starts, then the region ends with exactly the proposals a clean run gives', async () => {
    const region = await createGeneratedRegion({
      clients: 5_000,
      units: 1_800,
      seed: 8_002,
      label: 'sigkill',
    });
    const prefix = `${process.env.REDIS_PREFIX}:${uniqueSuffix()}`;
    const env = {
      DATABASE_URL: region.database.url,
      REDIS_PREFIX: prefix,
      JOB_LOCK_DURATION_MS: '2000',
      WORKER_CONCURRENCY: '1',
    };
    let replacement: RunningWorker | undefined;
    try {
      const { t, loaded, matcherToken } = region;
      const expected = await cleanRunPairs(t.runtime.dataSource, loaded.regionCode);
      expect(expected.length).toBeGreaterThan(100);

      const first = await spawnWorker(env);
      const requested = await request(t.app)
        .post('/api/v1/matching/runs')
        .set(bearer(matcherToken))
        .send({ regionCode: loaded.regionCode })
        .expect(202);
      const runId = requested.body.id as string;
      const seen = await eventually(
        () => runStatus(t.runtime.dataSource, runId),
        (status) => status === 'running' || status === 'done',
        30_000,
      );
      first.child.kill('SIGKILL');
      await first.exited;
      // Killed before it could store anything: the run is left running, nothing proposed.
      expect(seen).toBe('running');
      expect(await runStatus(t.runtime.dataSource, runId)).toBe('running');
      expect(await storedPairs(t.runtime.dataSource, loaded.regionCode)).toEqual([]);

      replacement = await startTestWorker(env);
      const run = await waitForRun(t.app, matcherToken, runId, 45_000);
      expect(run.status).toBe('done');
      expect(run.attempts).toBe(2);
      expect(await storedPairs(t.runtime.dataSource, loaded.regionCode)).toEqual(expected);
    } finally {
      await replacement?.stop();
      await closeGeneratedRegion(region);
    }
  });

  it('when two runs for one region are requested at the same moment with two worker processes, then there is one set of proposals', async () => {
    const region = await createGeneratedRegion({
      clients: 1_200,
      units: 500,
      seed: 8_003,
      label: 'twoworkers',
    });
    const prefix = `${process.env.REDIS_PREFIX}:${uniqueSuffix()}`;
    const env = {
      DATABASE_URL: region.database.url,
      REDIS_PREFIX: prefix,
      WORKER_CONCURRENCY: '1',
    };
    const workers = await Promise.all([spawnWorker(env), spawnWorker(env)]);
    try {
      const { t, loaded, matcherToken } = region;
      const expected = await cleanRunPairs(t.runtime.dataSource, loaded.regionCode);
      const [a, b] = await Promise.all(
        [0, 1].map(() =>
          request(t.app)
            .post('/api/v1/matching/runs')
            .set(bearer(matcherToken))
            .send({ regionCode: loaded.regionCode })
            .expect(202),
        ),
      );
      const runs = await Promise.all(
        [a!, b!].map((response) => waitForRun(t.app, matcherToken, response.body.id, 45_000)),
      );
      expect(runs.map((run) => run.status)).toEqual(['done', 'done']);
      const created = runs.map((run) => run.stats?.proposalsCreated).sort((x, y) => x! - y!);
      // One run made every proposal; the other found them all in place (fixed pairs).
      expect(created).toEqual([0, expected.length]);
      expect(await storedPairs(t.runtime.dataSource, loaded.regionCode)).toEqual(expected);
    } finally {
      for (const worker of workers) {
        worker.child.kill('SIGTERM');
        await worker.exited;
      }
      await closeGeneratedRegion(region);
    }
  });
});
