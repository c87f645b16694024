import request from 'supertest';

import { emitEvents, type DomainEvent } from '../../src/modules/notifications';
import { JobRegistry } from '../../src/shared/queue/job-registry';
import { DECLARED_JOBS, jobHandlers } from '../../workers/jobs';
import { bearer, createOrganisation, createRegion } from '../support/factories';
import { inProcessRunExecutor } from '../support/matching';
import { createTestApp, type TestApp } from '../support/test-app';

describe('retention of events and their delivery log', () => {
  let t: TestApp;
  beforeAll(async () => {
    // No worker: the deliveries stay as the test sets them.
    t = await createTestApp({
      overrides: {
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
        NOTIFICATION_RETENTION_DAYS: '30',
      },
    });
  });
  afterAll(() => t.close());

  const sql = <T>(text: string, params: unknown[] = []) =>
    t.runtime.dataSource.query<T[]>(text, params);

  async function prune() {
    const registry = new JobRegistry(
      DECLARED_JOBS,
      jobHandlers(t.runtime, inProcessRunExecutor(t.runtime)),
    );
    const handler = registry.handlerFor('notifications', 'notifications-prune')!;
    return handler.handle({}, { jobId: 'test', attempt: 1, maxAttempts: 1 });
  }

  it('when events are older than the retention, then the nightly job deletes them and their log, except those with a delivery still to send', async () => {
    const region = await createRegion(t.runtime.dataSource);
    const provider = await createOrganisation(t.runtime.dataSource, 'zorgaanbieder', {
      regionCode: region.code,
    });
    const hook = await request(t.app)
      .post('/api/v1/webhooks')
      .set(bearer(provider.token))
      .send({ url: 'http://127.0.0.1:9/hook', eventTypes: ['placement.review_due'] })
      .expect(201);
    const event = (type: DomainEvent['type'], n: number): DomainEvent => ({
      type,
      subjectType: 'placement',
      subjectId: `00000000-0000-4000-8000-00000000000${n}`,
      regionCode: region.code,
      municipalityCode: region.municipalities[0]!.code,
      organisationIds: [provider.id],
    });
    // 1: old, delivered; 2: old, still retrying; 3: old, no webhook asked for it; 4: 29 days
    // old, failed; 5: new, delivered.
    await t.runtime.dataSource.transaction((tx) =>
      emitEvents(tx, [
        event('placement.review_due', 1),
        event('placement.review_due', 2),
        event('placement.ended', 3),
        event('placement.review_due', 4),
        event('placement.review_due', 5),
      ]),
    );
    const events = await sql<{ id: string; publicId: string; n: string }>(
      `SELECT id::text, public_id AS "publicId", right(subject_id::text, 1) AS n
         FROM domain_events WHERE region_code = $1`,
      [region.code],
    );
    const ids = new Map(events.map((row) => [Number(row.n), row.id]));
    const publicIds = new Map(events.map((row) => [Number(row.n), row.publicId]));
    const age = async (n: number, days: number) => {
      await sql(
        `UPDATE domain_events SET occurred_at = now() - make_interval(days => $2) WHERE id = $1`,
        [ids.get(n), days],
      );
      await sql(
        `UPDATE webhook_deliveries SET created_at = now() - make_interval(days => $2) WHERE event_id = $1`,
        [ids.get(n), days],
      );
    };
    const settle = (n: number, status: string) =>
      sql(
        `UPDATE webhook_deliveries
            SET status = $2, attempts = 1, last_attempt_at = now(),
                delivered_at = CASE WHEN $2 = 'delivered' THEN now() END
          WHERE event_id = $1`,
        [ids.get(n), status],
      );
    await settle(1, 'delivered');
    await settle(2, 'retrying');
    await settle(4, 'failed');
    await settle(5, 'delivered');
    await age(1, 31);
    await age(2, 31);
    await age(3, 31);
    await age(4, 29);

    expect(await prune()).toEqual({ events: 2, deliveries: 1 });

    const left = await sql<{ n: string; deliveries: number }>(
      `SELECT right(e.subject_id::text, 1) AS n,
              (SELECT count(*)::int FROM webhook_deliveries d WHERE d.event_id = e.id) AS deliveries
         FROM domain_events e WHERE e.region_code = $1 ORDER BY e.id`,
      [region.code],
    );
    expect(left).toEqual([
      { n: '2', deliveries: 1 },
      { n: '4', deliveries: 1 },
      { n: '5', deliveries: 1 },
    ]);
    const log = await request(t.app)
      .get(`/api/v1/webhooks/${hook.body.id as string}/deliveries`)
      .set(bearer(provider.token))
      .expect(200);
    expect((log.body as { items: { eventId: string; status: string }[] }).items).toEqual([
      expect.objectContaining({ eventId: publicIds.get(2), status: 'retrying' }),
      expect.objectContaining({ eventId: publicIds.get(4), status: 'failed' }),
      expect.objectContaining({ eventId: publicIds.get(5), status: 'delivered' }),
    ]);

    // Once the retry ends, the event goes too; a second run finds nothing more.
    await settle(2, 'failed');
    expect(await prune()).toEqual({ events: 1, deliveries: 1 });
    expect(await prune()).toEqual({ events: 0, deliveries: 0 });
  });

  it('when the worker starts, then the prune has a nightly scheduler', async () => {
    for (const definition of DECLARED_JOBS) await t.runtime.jobs.schedule(definition);
    const schedulers = await t.runtime.jobs.queue('notifications').getJobSchedulers();
    expect(schedulers.map((s) => [s.name, s.pattern, s.tz])).toContainEqual([
      'notifications-prune',
      '45 3 * * *',
      'Europe/Amsterdam',
    ]);
  });
});
