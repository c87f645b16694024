import request from 'supertest';

import { ClientService } from '../../src/modules/clients';
import { bearer, createOrganisation, createRegion } from '../support/factories';
import { clientBody } from '../support/registry-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { DECLARED_JOBS, jobHandlers } from '../../workers/jobs';
import { JobRegistry } from '../../src/shared/queue/job-registry';
import { inProcessRunExecutor } from '../support/matching';

describe('retention of closed client records', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('when a client has been closed longer than the region’s retention, then the nightly job anonymises it and nothing else', async () => {
    const region = await createRegion(t.runtime.dataSource);
    const provider = await createOrganisation(t.runtime.dataSource, 'zorgaanbieder', {
      regionCode: region.code,
    });
    const post = (body: Record<string, unknown>) =>
      request(t.app).post('/api/v1/clients').set(bearer(provider.token)).send(body).expect(201);
    const old = await post(clientBody(region));
    const recent = await post(clientBody(region));
    const waiting = await post(clientBody(region));
    for (const client of [old, recent]) {
      await request(t.app)
        .post(`/api/v1/clients/${client.body.id}/withdraw`)
        .set(bearer(provider.token))
        .expect(200);
    }
    // The default retention is 24 months: close one 25 months ago, one 23 months ago.
    await t.runtime.dataSource.query(
      `UPDATE clients SET closed_at = now() - interval '25 months' WHERE id = $1`,
      [old.body.id],
    );
    await t.runtime.dataSource.query(
      `UPDATE clients SET closed_at = now() - interval '23 months' WHERE id = $1`,
      [recent.body.id],
    );

    const registry = new JobRegistry(
      DECLARED_JOBS,
      jobHandlers(t.runtime, inProcessRunExecutor(t.runtime)),
    );
    const handler = registry.handlerFor('registry', 'anonymise-closed-clients')!;
    await handler.handle({}, { jobId: 'test', attempt: 1, maxAttempts: 1 });

    const rows = await t.runtime.dataSource.query<
      {
        id: string;
        external_ref: string;
        anonymised: boolean;
        anchors: number;
        prefs: number;
        kept: unknown[][];
      }[]
    >(
      `SELECT c.id, c.external_ref, c.anonymised_at IS NOT NULL AS anonymised,
              (SELECT count(*)::int FROM client_anchors a WHERE a.client_id = c.id) AS anchors,
              (SELECT count(*)::int FROM client_municipalities m WHERE m.client_id = c.id) AS prefs,
              (SELECT json_build_array(l.anchors, l.preferred_municipalities)
                 FROM client_lists l WHERE l.client_id = c.id) AS kept
         FROM clients c WHERE c.id = ANY($1::uuid[])`,
      [[old.body.id, recent.body.id, waiting.body.id]],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(old.body.id)).toMatchObject({
      external_ref: `anon-${old.body.id}`,
      anonymised: true,
      anchors: 0,
      prefs: 0,
      // Nor are they kept for the client list.
      kept: [[], []],
    });
    expect(byId.get(recent.body.id)).toMatchObject({
      external_ref: recent.body.externalRef,
      anonymised: false,
      anchors: 1,
    });
    expect(byId.get(recent.body.id)!.kept[0]).toHaveLength(1);
    expect(byId.get(waiting.body.id)).toMatchObject({ anonymised: false });
    // An anonymised record is no longer a profile anyone can read.
    await request(t.app)
      .get(`/api/v1/clients/${old.body.id}`)
      .set(bearer(provider.token))
      .expect(404);
    // Running again finds nothing more to do.
    expect(await new ClientService(t.runtime.dataSource, () => new Date()).anonymiseClosed()).toBe(
      0,
    );
    const audit = await t.runtime.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM audit_events WHERE action = 'client.anonymised' AND entity_id = $1`,
      [old.body.id],
    );
    expect(audit[0]?.n).toBe('1');
  });

  it('when the worker starts, then every recurring job has a scheduler', async () => {
    for (const definition of DECLARED_JOBS) await t.runtime.jobs.schedule(definition);
    const schedulers = await t.runtime.jobs.queue('registry').getJobSchedulers();
    expect(schedulers.map((s) => [s.name, s.pattern, s.tz])).toContainEqual([
      'anonymise-closed-clients',
      '15 3 * * *',
      'Europe/Amsterdam',
    ]);
    // Twice is still one.
    for (const definition of DECLARED_JOBS) await t.runtime.jobs.schedule(definition);
    expect(await t.runtime.jobs.queue('registry').getJobSchedulersCount()).toBe(1);
  });
});
