/**
 * Two API processes and two worker processes on one database and one Redis, as a deployment
 * scaled with `docker compose up --scale api=2 --scale worker=2` runs them.
 */
import type { ChildProcess } from 'node:child_process';

import request from 'supertest';

import { startProcess, stopProcess } from '../../bench/processes';
import { bearer } from '../support/factories';
import {
  createMatchingWorld,
  forgetEarlierOutbox,
  type MatchingWorld,
  spawnWorker,
  type SpawnedWorker,
  today,
  waitUntilSettled,
} from '../support/matching';
import { freePort } from '../support/processes';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { eventually } from '../support/tcp-proxy';
import { createTestApp, type TestApp } from '../support/test-app';
import { workflowSteps } from '../support/workflow-steps';

jest.setTimeout(120_000);

interface ApiProcess {
  child: ChildProcess;
  url: string;
}

async function spawnApi(): Promise<ApiProcess> {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  const child = await startProcess('src/server.ts', env, 'api listening');
  return { child, url: `http://127.0.0.1:${port}` };
}

/** The ids of the runs a worker process logged as done. */
function runsDoneBy(worker: SpawnedWorker): string[] {
  return worker
    .output()
    .split('\n')
    .filter((line) => line.includes('"matching run done"'))
    .map((line) => (JSON.parse(line) as { runId: string }).runId);
}

describe('two API and two worker processes sharing one database and Redis', () => {
  let t: TestApp;
  const apis: ApiProcess[] = [];
  const workers: SpawnedWorker[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await forgetEarlierOutbox(t.runtime.dataSource);
    apis.push(...(await Promise.all([spawnApi(), spawnApi()])));
    // One job at a time each: while one worker runs a region, the other takes the next.
    for (let i = 0; i < 2; i++) workers.push(await spawnWorker({ WORKER_CONCURRENCY: '1' }));
  });

  afterAll(async () => {
    await Promise.all([
      ...apis.map((api) => stopProcess(api.child)),
      ...workers.map((w) => stopProcess(w.child)),
    ]);
    await t.close();
  });

  const sql = <T>(text: string, params: unknown[] = []) =>
    t.runtime.dataSource.query<T[]>(text, params);
  const api = (i: number) => request(apis[i % apis.length]!.url);

  it('when both APIs take homes and clients of four regions at once, then each region is matched by one run at a time, no unit or client has two open proposals, and both workers ran runs', async () => {
    const worlds: MatchingWorld[] = [];
    for (let i = 0; i < 4; i++) worlds.push(await createMatchingWorld(t.app, t.runtime.dataSource));
    await Promise.all(
      worlds.map((world) => waitUntilSettled(t.runtime.dataSource, world.region.code)),
    );
    const started = new Date();

    // Six clients and six homes per region, alternately through either API, all at once.
    const writes = worlds.flatMap((world) =>
      Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0
          ? api(i)
              .post('/api/v1/clients')
              .set(bearer(world.provider.token))
              .send(clientBody(world.region))
          : api(i)
              .post('/api/v1/units')
              .set(bearer(world.corporation.token))
              .send(unitBody(world.region, { rent: 600, availableFrom: today() })),
      ),
    );
    const answers = await Promise.all(writes);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
    for (const world of worlds) await waitUntilSettled(t.runtime.dataSource, world.region.code);

    const codes = worlds.map((world) => world.region.code);
    const doubled = await sql<{ kind: string; id: string }>(
      `SELECT 'unit' AS kind, unit_id::text AS id FROM proposals
        WHERE region_code = ANY($1) AND status IN ('proposed', 'approved', 'accepted')
        GROUP BY unit_id HAVING count(*) > 1
       UNION ALL
       SELECT 'client', client_id::text FROM proposals
        WHERE region_code = ANY($1) AND status IN ('proposed', 'approved', 'accepted')
        GROUP BY client_id HAVING count(*) > 1`,
      [codes],
    );
    expect(doubled).toEqual([]);
    const [proposed] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM proposals WHERE region_code = ANY($1)`,
      [codes],
    );
    expect(proposed!.n).toBeGreaterThanOrEqual(worlds.length);

    const runs = await sql<{ id: string; region_code: string; status: string }>(
      `SELECT id, region_code, status FROM matching_runs
        WHERE region_code = ANY($1) AND created_at >= $2`,
      [codes, started],
    );
    expect(runs.length).toBeGreaterThanOrEqual(worlds.length);
    expect(runs.filter((run) => run.status !== 'done')).toEqual([]);
    // Every run done by exactly one worker, and the regions' runs spread over both.
    const byWorker = workers.map((worker) => new Set(runsDoneBy(worker)));
    for (const run of runs) {
      expect(byWorker.filter((done) => done.has(run.id))).toHaveLength(1);
    }
    for (const done of byWorker) {
      expect(runs.filter((run) => done.has(run.id)).length).toBeGreaterThan(0);
    }
    // One run of a region at a time, whichever worker: no two of a region overlap.
    const overlapping = await sql<{ a: string; b: string }>(
      `SELECT a.id AS a, b.id AS b FROM matching_runs a JOIN matching_runs b
          ON a.region_code = b.region_code AND a.id < b.id
       WHERE a.region_code = ANY($1) AND a.created_at >= $2 AND b.created_at >= $2
         AND a.started_at < b.finished_at AND b.started_at < a.finished_at`,
      [codes, started],
    );
    expect(overlapping).toEqual([]);
  });

  it('when an approved proposal with zero-day deadlines is left while both workers run, then it expires once: one decision, one audit row, one event', async () => {
    const w = workflowSteps(t.app, t.runtime.dataSource);
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    await w.setPolicy(world, { deadlines: { corporationDays: 0, providerDays: 0 } });
    const { proposalId } = await w.pairUp(world);
    // Approved through the second API process; either worker may pick up the expiry.
    await api(1)
      .post(`/api/v1/proposals/${proposalId}/approve`)
      .set(bearer(world.matcher.token))
      .expect(200);
    await eventually(
      async () => (await w.read(world.matcher.token, proposalId)).status,
      (status) => status === 'expired',
      30_000,
    );
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    expect(await w.trail(proposalId, 'expire')).toEqual({ decisions: 1, audits: 1, events: 1 });
  });
});
