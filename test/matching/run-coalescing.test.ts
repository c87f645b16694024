import type { Job } from 'bullmq';
import { Client } from 'pg';
import request from 'supertest';

import { loadConfig } from '../../config';
import { REGION_LOCK_SPACE } from '../../src/modules/matching/run.executor';
import { bearer } from '../support/factories';
import {
  createMatchingWorld,
  type MatchingWorld,
  useAppWithWorker,
  waitUntilSettled,
} from '../support/matching';
import { clientBody } from '../support/registry-fixtures';
import { eventually } from '../support/tcp-proxy';
import type { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('matching runs under a stream of changes', () => {
  let t: TestApp;
  // A long debounce: the test's writes all fall within one.
  useAppWithWorker((app) => (t = app), { MATCHING_DEBOUNCE_MS: '3000' });

  const newClient = (world: MatchingWorld) =>
    request(t.app)
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .send(clientBody(world.region))
      .expect(201);

  const runsOf = async (regionCode: string) =>
    (
      await t.runtime.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM matching_runs WHERE region_code = $1`,
        [regionCode],
      )
    )[0]!.n;

  const jobsOf = async (
    regionCode: string,
    states: ('delayed' | 'waiting' | 'active' | 'completed')[],
  ) =>
    (await t.runtime.jobs.queue('matching').getJobs(states)).filter(
      (job: Job) => job.name === 'region-changed' && job.data.regionCode === regionCode,
    );

  const relayed = (regionCode: string) =>
    eventually(
      () =>
        t.runtime.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL
              AND topic = 'matching.region_changed' AND payload->>'regionCode' = $1`,
          [regionCode],
        ),
      (rows) => rows[0]!.n === 0,
    );

  it('when changes keep coming while a run job waits, then the region has that one job, not one per change, and its run serves them all', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    const runsBefore = await runsOf(world.region.code);
    for (let i = 0; i < 8; i++) await newClient(world);
    await relayed(world.region.code);
    expect(await jobsOf(world.region.code, ['delayed', 'waiting', 'active'])).toHaveLength(1);
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    expect((await runsOf(world.region.code)) - runsBefore).toBe(1);
  });

  it('when a change comes while a job of the region runs, then one more job follows it', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    const completedBefore = (await jobsOf(world.region.code, ['completed'])).length;
    // Hold the region's lock, so the job the first change starts stays running (waiting for it).
    const holder = new Client({ connectionString: loadConfig(process.env).DATABASE_URL });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock($1, hashtext($2))`, [
        REGION_LOCK_SPACE,
        world.region.code,
      ]);
      await newClient(world);
      await eventually(
        () => jobsOf(world.region.code, ['active']),
        (jobs) => jobs.length === 1,
        20_000,
      );
      // Two more changes while it runs: kept as one job for after it.
      await newClient(world);
      await newClient(world);
      await relayed(world.region.code);
      expect(await jobsOf(world.region.code, ['delayed', 'waiting'])).toHaveLength(0);
    } finally {
      await holder.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [
        REGION_LOCK_SPACE,
        world.region.code,
      ]);
      await holder.end();
    }
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    await eventually(
      () => jobsOf(world.region.code, ['completed']),
      (jobs) => jobs.length === completedBefore + 2,
      20_000,
    );
    expect(await jobsOf(world.region.code, ['delayed', 'waiting', 'active'])).toHaveLength(0);
  });
});
