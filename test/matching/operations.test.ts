import request from 'supertest';

import {
  countRegionChange,
  nightlyRunsJob,
  regionOutcome,
  RunExecutor,
  requestedRunJob,
  RunService,
} from '../../src/modules/matching';
import { matchRegion } from '../../src/modules/matching/engine/region-match';
import type { Actor } from '../../src/shared/auth/actor';
import { rootDb } from '../../src/shared/database/db';
import { tableCounts } from '../support/db-counts';
import { bearer, createOrganisation } from '../support/factories';
import {
  createMatchingWorld,
  expectRunsListedAsRead,
  inProcessRunExecutor,
  today,
} from '../support/matching';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(30_000);

describe('matching operations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ captureLogs: true });
  });
  afterAll(() => t.close());

  async function matcherActor(
    world: Awaited<ReturnType<typeof createMatchingWorld>>,
  ): Promise<Actor> {
    return {
      tokenId: world.matcher.tokenId,
      role: 'matcher',
      organisationId: world.matcher.id,
      organisationKind: 'matchingspunt',
      regionCode: world.region.code,
      municipalityCodes: world.region.municipalities.map((m) => m.code),
    };
  }

  it('when a run fails on every attempt, then it ends failed with its error and the region is not blocked', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    await request(t.app)
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .send(clientBody(world.region))
      .expect(201);
    await request(t.app)
      .post('/api/v1/units')
      .set(bearer(world.corporation.token))
      .send(unitBody(world.region, { rent: 600, availableFrom: today() }))
      .expect(201);
    const runs = new RunService(t.runtime.dataSource);
    const actor = await matcherActor(world);
    const poison = await runs.request(actor, { regionCode: world.region.code, dryRun: false });
    const failing = new RunExecutor({
      dataSource: t.runtime.dataSource,
      match: () => Promise.reject(new Error('engine exploded on this snapshot')),
      clock: () => new Date(),
      logger: t.runtime.logger,
      lockTimeoutMs: 5_000,
    });
    const maxAttempts = requestedRunJob.options?.attempts ?? 1;
    expect(maxAttempts).toBeGreaterThan(1);
    expect(requestedRunJob.options?.backoff).toMatchObject({ type: 'exponential' });

    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      await expect(
        failing.onRunRequested(poison.id, { jobId: `run-${poison.id}`, attempt, maxAttempts }),
      ).rejects.toThrow(/engine exploded/);
      const now = await runs.get(actor, poison.id);
      expect(now.status).toBe(attempt < maxAttempts ? 'queued' : 'failed');
      expect(now.error).toMatch(/engine exploded/);
      expect(now.attempts).toBe(attempt);
    }
    // A redelivered job of a failed run does nothing.
    await expect(
      failing.onRunRequested(poison.id, { jobId: `run-${poison.id}`, attempt: 1, maxAttempts }),
    ).resolves.toEqual({ status: 'failed' });

    const next = await runs.request(actor, { regionCode: world.region.code, dryRun: false });
    const healthy = inProcessRunExecutor(t.runtime);
    await healthy.onRunRequested(next.id, { jobId: `run-${next.id}`, attempt: 1, maxAttempts });
    const done = await runs.get(actor, next.id);
    expect(done.status).toBe('done');
    expect(done.stats?.proposalsCreated).toBe(1);
    expect(await expectRunsListedAsRead(t.app, world.matcher.token, world.region.code)).toEqual(
      expect.arrayContaining(['failed', 'done']),
    );

    // Structured log per run: region, run, counts; nothing about a client.
    const line = t.logLines.find(
      (entry) => entry.msg === 'matching run done' && entry.runId === next.id,
    );
    expect(line).toMatchObject({
      regionCode: world.region.code,
      proposalsCreated: 1,
      clients: 1,
      units: 1,
    });
    expect(JSON.stringify(line)).not.toMatch(/clientId|externalRef|household|anchors/);
  });

  it('when a region changes, then a change job runs once and later jobs for the same change are skipped', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    await request(t.app)
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .send(clientBody(world.region))
      .expect(201);
    const executor = new RunExecutor({
      dataSource: t.runtime.dataSource,
      match: async (input) => regionOutcome(matchRegion(input)),
      clock: () => new Date(),
      logger: t.runtime.logger,
      lockTimeoutMs: 5_000,
    });
    const job = (id: string) => ({ jobId: id, attempt: 1, maxAttempts: 3 });
    // What the relay does as it hands the change's message on to the queue.
    await countRegionChange(rootDb(t.runtime.dataSource), world.region.code);
    const first = await executor.onRegionChanged(world.region.code, job(`a-${world.region.code}`));
    expect(first.runId).toBeDefined();
    await expect(
      executor.onRegionChanged(world.region.code, job(`b-${world.region.code}`)),
    ).resolves.toEqual({ skipped: true });
  });

  it('when the nightly job fires, then every region gets a full run requested through the outbox', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const executor = inProcessRunExecutor(t.runtime);
    const requested = await executor.requestNightlyRuns();
    const [{ n: regions } = { n: 0 }] = await t.runtime.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM regions`,
    );
    expect(requested).toBe(regions);
    const [run] = await t.runtime.dataSource.query<{ id: string; status: string }[]>(
      `SELECT id, status FROM matching_runs WHERE region_code = $1 AND trigger = 'nightly'`,
      [world.region.code],
    );
    expect(run?.status).toBe('queued');
    const messages = await t.runtime.dataSource.query<{ topic: string }[]>(
      `SELECT topic FROM outbox WHERE payload->>'runId' = $1`,
      [run?.id],
    );
    expect(messages).toEqual([{ topic: 'matching.run_requested' }]);
    expect(nightlyRunsJob.schedule).toMatchObject({ tz: 'Europe/Amsterdam' });
  });

  it('when the nightly job fires, then a region with more waiting clients and available units is queued before a smaller one', async () => {
    // The region with the lower code gets fewer clients and units, and gets them first: neither
    // code order nor the order of the changes puts the larger region first.
    const [small, large] = [
      await createMatchingWorld(t.app, t.runtime.dataSource),
      await createMatchingWorld(t.app, t.runtime.dataSource),
    ].sort((a, b) => (a.region.code < b.region.code ? -1 : 1)) as [
      Awaited<ReturnType<typeof createMatchingWorld>>,
      Awaited<ReturnType<typeof createMatchingWorld>>,
    ];
    const post = async (
      world: Awaited<ReturnType<typeof createMatchingWorld>>,
      clients: number,
      units: number,
    ) => {
      for (let i = 0; i < clients; i++) {
        await request(t.app)
          .post('/api/v1/clients')
          .set(bearer(world.provider.token))
          .send(clientBody(world.region))
          .expect(201);
      }
      for (let i = 0; i < units; i++) {
        await request(t.app)
          .post('/api/v1/units')
          .set(bearer(world.corporation.token))
          .send(unitBody(world.region, { rent: 600, availableFrom: today() }))
          .expect(201);
      }
    };
    await post(small, 1, 1);
    await post(large, 2, 2);
    await inProcessRunExecutor(t.runtime).requestNightlyRuns();
    const queued = await t.runtime.dataSource.query<{ regionCode: string }[]>(
      `SELECT r.region_code AS "regionCode" FROM outbox o
         JOIN matching_runs r ON r.id = (o.payload->>'runId')::uuid
        WHERE r.trigger = 'nightly' AND r.region_code = ANY($1) ORDER BY o.id`,
      [[large.region.code, small.region.code]],
    );
    expect(queued.map((row) => row.regionCode)).toEqual([large.region.code, small.region.code]);
  });

  it('when a run is requested with bad input or for another region, then 422 names every bad field or 404, and nothing is stored', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const other = await createMatchingWorld(t.app, t.runtime.dataSource);
    const before = await tableCounts(t.runtime.dataSource);
    const bad = await request(t.app)
      .post('/api/v1/matching/runs')
      .set(bearer(world.matcher.token))
      .send({ regionCode: world.region.code, policy: { maxDistanceKm: -1, neighbourhoodCap: 1.5 } })
      .expect(422);
    const paths = (bad.body.errors as { path: string }[]).map((error) => error.path).sort();
    expect(paths).toEqual(['policy.maxDistanceKm', 'policy.neighbourhoodCap']);
    const notDry = await request(t.app)
      .post('/api/v1/matching/runs')
      .set(bearer(world.matcher.token))
      .send({ regionCode: world.region.code, policy: { maxDistanceKm: 20 } })
      .expect(422);
    expect(notDry.body.errors).toEqual([
      { path: 'policy', message: 'policy overrides are for dry runs only (dryRun: true)' },
    ]);
    const zero = await request(t.app)
      .post('/api/v1/matching/runs')
      .set(bearer(world.matcher.token))
      .send({
        regionCode: world.region.code,
        dryRun: true,
        policy: {
          weights: { location: 0, spreiding: 0, prikkelarm: 0, begeleiding: 0, wait: 0 },
          municipalityCaps: { [other.region.municipalities[0]!.code]: 2 },
        },
      })
      .expect(422);
    expect((zero.body.errors as { path: string }[]).map((error) => error.path).sort()).toEqual([
      `policy.municipalityCaps.${other.region.municipalities[0]!.code}`,
      'policy.weights',
    ]);
    await request(t.app)
      .post('/api/v1/matching/runs')
      .set(bearer(world.matcher.token))
      .send({ regionCode: other.region.code })
      .expect(404);
    await request(t.app)
      .post('/api/v1/matching/runs')
      .set(bearer(world.corporation.token))
      .send({ regionCode: world.region.code })
      .expect(403);
    expect(await tableCounts(t.runtime.dataSource)).toEqual(before);
  });

  it('when metrics are scraped, then run phases, outcomes, queue depth and outbox backlog are there', async () => {
    const response = await request(t.app).get('/metrics').expect(200);
    for (const name of [
      'matchpunt_matching_run_phase_seconds_bucket{le="0.01",phase="load"}',
      'matchpunt_matching_runs_total{outcome="failed"}',
      'matchpunt_matching_runs_total{outcome="done"}',
      'matchpunt_matching_runs_total{outcome="skipped"}',
      'matchpunt_queue_jobs{queue="matching",state="waiting"}',
      'matchpunt_outbox_backlog',
    ]) {
      expect(response.text).toContain(name);
    }
  });

  it('when the queue dashboard is opened, then only an admin token gets in', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const admin = await createOrganisation(t.runtime.dataSource, 'platform');
    await request(t.app).get('/admin/queues').expect(401);
    await request(t.app).get('/admin/queues').set(bearer(world.matcher.token)).expect(403);
    await request(t.app).get('/admin/queues').set(bearer(world.corporation.token)).expect(403);
    const page = await request(t.app).get('/admin/queues').set(bearer(admin.token)).expect(200);
    expect(page.text).toMatch(/<html/i);
    const api = await request(t.app)
      .get('/admin/queues/api/queues')
      .set(bearer(admin.token))
      .expect(200);
    expect(JSON.stringify(api.body)).toContain('matching');
  });
});
