import { createHmac, timingSafeEqual } from 'node:crypto';

import request from 'supertest';

import {
  deliverWebhookJob,
  DOMAIN_EVENT_TYPES,
  emitEvents,
  NOTIFICATION_TOPICS,
} from '../../src/modules/notifications';
import type { ProposalViewBody } from '../../src/modules/proposals';
import { bearer, createOrganisation } from '../support/factories';
import {
  createMatchingWorld,
  type MatchingWorld,
  today,
  useAppWithWorker,
  waitUntilSettled,
} from '../support/matching';
import { errorPaths, expectProblem } from '../support/problem';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { eventually } from '../support/tcp-proxy';
import { createTestApp, type TestApp } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';

jest.setTimeout(60_000);

/**
 * The receiver's side, written from the recipe in docs/notifications.md and independent of the
 * service's own code: HMAC-SHA256 over `${t}.${body}`, constant-time compare, 5-minute window.
 */
function verify(secret: string, header: string | string[] | undefined, body: string): boolean {
  const parts = Object.fromEntries(
    String(header ?? '')
      .split(',')
      .map((part) => part.split('=', 2) as [string, string]),
  );
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface Delivery {
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
}

describe('webhooks', () => {
  let t: TestApp;
  const receiver = new WebhookReceiver();
  useAppWithWorker((app) => (t = app), {
    // The receiver is plain http on 127.0.0.1; three attempts, close together.
    WEBHOOK_ALLOW_HTTP: 'true',
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
    WEBHOOK_MAX_ATTEMPTS: '3',
    WEBHOOK_BACKOFF_MS: '200',
    WEBHOOK_TIMEOUT_MS: '5000',
  });
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  const sql = <T>(text: string, params: unknown[] = []) =>
    t.runtime.dataSource.query<T[]>(text, params);

  async function register(token: string, body: Record<string, unknown>) {
    const response = await request(t.app)
      .post('/api/v1/webhooks')
      .set(bearer(token))
      .send(body)
      .expect(201);
    return response.body as { id: string; secret: string };
  }

  async function deliveries(token: string, webhookId: string): Promise<Delivery[]> {
    const response = await request(t.app)
      .get(`/api/v1/webhooks/${webhookId}/deliveries`)
      .set(bearer(token))
      .expect(200);
    return (response.body as { items: Delivery[] }).items;
  }

  /** A client and a unit that fit; the background run proposes the pair; a matcher approves. */
  async function approvedProposal(world: MatchingWorld) {
    const client = await request(t.app)
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .send(clientBody(world.region))
      .expect(201);
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    const unit = await request(t.app)
      .post('/api/v1/units')
      .set(bearer(world.corporation.token))
      .send(unitBody(world.region, { rent: 600, availableFrom: today() }))
      .expect(201);
    const proposals = await eventually(
      async () =>
        (
          await request(t.app)
            .get('/api/v1/proposals')
            .query({ unitId: unit.body.id as string, status: 'proposed' })
            .set(bearer(world.matcher.token))
        ).body as { items: ProposalViewBody[] },
      (body) => body.items.length > 0,
      15_000,
    );
    const proposal = proposals.items[0]!;
    await request(t.app)
      .post(`/api/v1/proposals/${proposal.id}/approve`)
      .set(bearer(world.matcher.token))
      .expect(200);
    return {
      proposal,
      client: client.body as Record<string, unknown>,
      unitId: unit.body.id as string,
    };
  }

  it('when a proposal is approved and the receiver fails twice, then the third attempt lands, correctly signed, and a wrong secret fails verification', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    receiver.script('/corporation', [500, 503]);
    receiver.script('/provider', [500, 500, 500]);
    const corporationHook = await register(world.corporation.token, {
      url: receiver.url('/corporation'),
      eventTypes: ['proposal.approved', 'proposal.declined'],
    });
    const providerHook = await register(world.provider.token, {
      url: receiver.url('/provider'),
      eventTypes: ['proposal.approved'],
    });
    // Off: told of nothing. Another event type only: not told of an approval.
    const inactiveHook = await register(world.matcher.token, {
      url: receiver.url('/matcher-inactive'),
      eventTypes: ['proposal.approved'],
      active: false,
    });
    const otherTypeHook = await register(world.matcher.token, {
      url: receiver.url('/matcher-placed'),
      eventTypes: ['proposal.placed'],
    });

    const { proposal, client, unitId } = await approvedProposal(world);

    const log = await eventually(
      () => deliveries(world.corporation.token, corporationHook.id),
      (items) => items.some((item) => item.status === 'delivered'),
      20_000,
    );
    expect(log).toEqual([
      expect.objectContaining({
        eventType: 'proposal.approved',
        status: 'delivered',
        attempts: 3,
        lastStatusCode: 200,
        lastError: null,
        deliveredAt: expect.any(String),
      }),
    ]);

    const got = receiver.on('/corporation');
    expect(got).toHaveLength(3);
    // Each attempt is the same event: same id and body, so a receiver de-duplicates by id.
    expect(new Set(got.map((delivery) => delivery.body)).size).toBe(1);
    const last = got[2]!;
    const body = JSON.parse(last.body) as {
      id: string;
      type: string;
      occurredAt: string;
      data: Record<string, unknown>;
    };
    expect(body).toEqual({
      id: log[0]!.eventId,
      type: 'proposal.approved',
      occurredAt: expect.any(String),
      data: {
        proposalId: proposal.id,
        unitId,
        clientId: client.id,
        party: 'matcher',
        subjectType: 'proposal',
        subjectId: proposal.id,
        regionCode: world.region.code,
      },
    });
    expect(last.headers['matchpunt-event-id']).toBe(body.id);
    expect(last.headers['matchpunt-event-type']).toBe('proposal.approved');
    expect(last.headers['matchpunt-delivery-attempt']).toBe('3');
    expect(last.headers['matchpunt-signature']).toMatch(
      new RegExp(`^t=${String(last.headers['matchpunt-timestamp'])},v1=[0-9a-f]{64}$`),
    );

    expect(verify(corporationHook.secret, last.headers['matchpunt-signature'], last.body)).toBe(
      true,
    );
    expect(verify(providerHook.secret, last.headers['matchpunt-signature'], last.body)).toBe(false);
    expect(
      verify(corporationHook.secret, last.headers['matchpunt-signature'], `${last.body} `),
    ).toBe(false);

    // Ids and codes only: nothing of the client's profile travels.
    for (const field of ['externalRef', 'targetGroup', 'household', 'maxRent', 'anchors']) {
      expect(last.body).not.toContain(`"${field}"`);
    }
    expect(last.body).not.toContain(String(client.externalRef));

    // Every attempt failing: the log says failed, with the last answer.
    const providerLog = await eventually(
      () => deliveries(world.provider.token, providerHook.id),
      (items) => items.some((item) => item.status === 'failed'),
      20_000,
    );
    expect(providerLog).toEqual([
      expect.objectContaining({
        status: 'failed',
        attempts: 3,
        lastStatusCode: 500,
        lastError: 'HTTP 500',
        deliveredAt: null,
      }),
    ]);
    expect(receiver.on('/provider')).toHaveLength(3);

    expect(await deliveries(world.matcher.token, inactiveHook.id)).toEqual([]);
    expect(await deliveries(world.matcher.token, otherTypeHook.id)).toEqual([]);
    expect(receiver.on('/matcher-inactive')).toEqual([]);
    expect(receiver.on('/matcher-placed')).toEqual([]);
  });

  it('when events of any type are emitted, then each reaches the webhooks that asked for it; an event whose transaction rolls back reaches none', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const hook = await register(world.provider.token, {
      url: receiver.url('/every-type'),
      eventTypes: [...DOMAIN_EVENT_TYPES],
    });
    const subjectId = '00000000-0000-4000-8000-000000000001';
    const event = (type: (typeof DOMAIN_EVENT_TYPES)[number]) => ({
      type,
      subjectType: type.split('.')[0] as 'proposal' | 'placement' | 'checkin',
      subjectId,
      regionCode: world.region.code,
      municipalityCode: world.region.municipalities[0]!.code,
      organisationIds: [world.provider.id],
      data: { placementId: subjectId },
    });
    // Rolled back: no event, no delivery, no outbox message.
    await t.runtime.dataSource
      .transaction(async (tx) => {
        await emitEvents(tx, [event('placement.review_due')]);
        throw new Error('the change fails');
      })
      .catch(() => undefined);
    expect(await deliveries(world.provider.token, hook.id)).toEqual([]);

    await t.runtime.dataSource.transaction((tx) => emitEvents(tx, DOMAIN_EVENT_TYPES.map(event)));
    const log = await eventually(
      () => deliveries(world.provider.token, hook.id),
      (items) =>
        items.length === DOMAIN_EVENT_TYPES.length &&
        items.every((item) => item.status === 'delivered'),
      20_000,
    );
    expect(log.map((item) => item.eventType).sort()).toEqual([...DOMAIN_EVENT_TYPES].sort());
    const got = receiver.on('/every-type');
    expect(got.map((delivery) => String(delivery.headers['matchpunt-event-type'])).sort()).toEqual(
      [...DOMAIN_EVENT_TYPES].sort(),
    );
    for (const delivery of got) {
      expect(verify(hook.secret, delivery.headers['matchpunt-signature'], delivery.body)).toBe(
        true,
      );
    }
    const [outbox] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE topic = $1
          AND payload->>'deliveryId' = ANY(SELECT d.id::text FROM webhook_deliveries d
                                            WHERE d.webhook_id = $2)`,
      [NOTIFICATION_TOPICS.webhookDelivery, hook.id],
    );
    expect(outbox!.n).toBe(DOMAIN_EVENT_TYPES.length);
  });

  it('when the job of a delivered delivery runs again, then nothing is sent and the log is unchanged', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const hook = await register(world.corporation.token, {
      url: receiver.url('/once'),
      eventTypes: ['proposal.approved'],
    });
    await approvedProposal(world);
    const [delivered] = await eventually(
      () => deliveries(world.corporation.token, hook.id),
      (items) => items.some((item) => item.status === 'delivered'),
      20_000,
    );
    const [row] = await sql<{ id: string }>(
      `SELECT id FROM webhook_deliveries WHERE webhook_id = $1`,
      [hook.id],
    );
    // As after a relay that sent the message twice, once the first job was removed.
    const jobId = await t.runtime.jobs.enqueue(
      deliverWebhookJob,
      { deliveryId: row!.id },
      { jobId: `repeat-${row!.id}` },
    );
    const job = await eventually(
      async () => t.runtime.jobs.queue(deliverWebhookJob.queue).getJob(jobId),
      (found) => found?.finishedOn !== undefined,
      20_000,
    );
    expect(job?.returnvalue).toEqual({ outcome: 'delivered' });
    expect(receiver.on('/once')).toHaveLength(1);
    expect(await deliveries(world.corporation.token, hook.id)).toEqual([delivered]);
  });

  it('when a webhook is deactivated while its delivery waits for a retry, then nothing more is sent and the delivery is cancelled', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    receiver.script('/paused', [500, 500, 500]);
    // The first attempt is held at the receiver until the webhook has been switched off.
    const release = receiver.hold('/paused');
    const hook = await register(world.corporation.token, {
      url: receiver.url('/paused'),
      eventTypes: ['proposal.approved'],
    });
    await approvedProposal(world);
    await eventually(
      async () => receiver.on('/paused').length,
      (n) => n >= 1,
      20_000,
    );
    await request(t.app)
      .patch(`/api/v1/webhooks/${hook.id}`)
      .set(bearer(world.corporation.token))
      .send({ active: false })
      .expect(200);
    release();
    const log = await eventually(
      () => deliveries(world.corporation.token, hook.id),
      (items) => items.some((item) => item.status === 'cancelled'),
      20_000,
    );
    expect(log).toEqual([expect.objectContaining({ status: 'cancelled', attempts: 1 })]);
    expect(receiver.on('/paused')).toHaveLength(1);
  });

  it('when another organisation asks for a webhook, its log or a change to it, then the answer is 404 and nothing changes', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const hook = await register(world.corporation.token, {
      url: receiver.url('/own'),
      eventTypes: ['proposal.approved'],
    });
    const other = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: world.region.code,
    });
    const as = bearer(other.token);
    for (const response of [
      await request(t.app).get(`/api/v1/webhooks/${hook.id}`).set(as),
      await request(t.app).get(`/api/v1/webhooks/${hook.id}/deliveries`).set(as),
      await request(t.app).patch(`/api/v1/webhooks/${hook.id}`).set(as).send({ active: false }),
      await request(t.app).post(`/api/v1/webhooks/${hook.id}/secret`).set(as),
      await request(t.app).delete(`/api/v1/webhooks/${hook.id}`).set(as),
    ]) {
      expectProblem(response, 404);
    }
    const list = await request(t.app).get('/api/v1/webhooks').set(as).expect(200);
    expect(list.body).toEqual({ items: [], nextCursor: null });
    const own = await request(t.app)
      .get(`/api/v1/webhooks/${hook.id}`)
      .set(bearer(world.corporation.token))
      .expect(200);
    expect(own.body).toMatchObject({
      id: hook.id,
      active: true,
      organisationId: world.corporation.id,
    });
    expect(own.body).not.toHaveProperty('secret');
    // The admin manages no organisation's webhooks (docs/notifications.md says why).
    await request(t.app).get('/api/v1/webhooks').set(bearer(world.admin.token)).expect(403);
  });

  it('when a webhook is registered with a bad URL and an unknown event type, then 422 names both fields and nothing is written', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const before = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM webhooks`);
    const response = await request(t.app)
      .post('/api/v1/webhooks')
      .set(bearer(world.provider.token))
      .send({
        url: 'https://user:pass@hooks.example.org/x',
        eventTypes: ['proposal.approved', 'nope'],
      })
      .expect(422);
    expectProblem(response, 422);
    expect(errorPaths(response)).toEqual(['eventTypes[1]', 'url']);
    for (const url of [
      'ftp://hooks.example.org/x',
      'not a url',
      'https://hooks.example.org/x#frag',
    ]) {
      const refused = await request(t.app)
        .post('/api/v1/webhooks')
        .set(bearer(world.provider.token))
        .send({ url, eventTypes: ['proposal.approved'] });
      expectProblem(refused, 422);
      expect(errorPaths(refused)).toEqual(['url']);
    }
    expect(await sql<{ n: number }>(`SELECT count(*)::int AS n FROM webhooks`)).toEqual(before);
  });

  it('when the deployment does not allow http or private addresses, then such URLs are refused on registration and on change', async () => {
    const strict = await createTestApp();
    try {
      const world = await createMatchingWorld(strict.app, strict.runtime.dataSource);
      const token = bearer(world.corporation.token);
      const refusals: Record<string, string> = {
        'http://hooks.example.org/x': 'must use https',
        'https://127.0.0.1:8443/x': 'loopback',
        'https://169.254.169.254/latest/meta-data': 'link-local',
        'https://10.1.2.3/x': 'private',
        'https://[::1]/x': 'loopback',
        'https://[::ffff:192.168.1.1]/x': 'private',
        'https://printer.local/x': 'private',
        'https://localhost/x': 'loopback',
      };
      for (const [url, message] of Object.entries(refusals)) {
        const response = await request(strict.app)
          .post('/api/v1/webhooks')
          .set(token)
          .send({ url, eventTypes: ['proposal.approved'] });
        expectProblem(response, 422);
        expect(response.body.errors).toEqual([
          { path: 'url', message: expect.stringContaining(message) },
        ]);
      }
      const ok = await request(strict.app)
        .post('/api/v1/webhooks')
        .set(token)
        .send({ url: 'https://hooks.example.org/matchpunt', eventTypes: ['proposal.approved'] })
        .expect(201);
      const changed = await request(strict.app)
        .patch(`/api/v1/webhooks/${ok.body.id as string}`)
        .set(token)
        .send({ url: 'https://192.168.0.10/x' });
      expectProblem(changed, 422);
      expect(errorPaths(changed)).toEqual(['url']);
    } finally {
      await strict.close();
    }
  });

  it('when a secret is rotated, then the new one is shown once, stored encrypted, and the audit trail records every change without it', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const token = bearer(world.provider.token);
    const hook = await register(world.provider.token, {
      url: receiver.url('/rotated'),
      eventTypes: ['proposal.approved'],
    });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const rotated = await request(t.app)
      .post(`/api/v1/webhooks/${hook.id}/secret`)
      .set(token)
      .expect(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(hook.secret);
    await request(t.app)
      .patch(`/api/v1/webhooks/${hook.id}`)
      .set(token)
      .send({ eventTypes: ['proposal.declined', 'proposal.approved'] })
      .expect(200)
      .expect((response) => {
        expect(response.body.eventTypes).toEqual(['proposal.approved', 'proposal.declined']);
      });
    await request(t.app).delete(`/api/v1/webhooks/${hook.id}`).set(token).expect(204);
    await request(t.app).get(`/api/v1/webhooks/${hook.id}`).set(token).expect(404);

    const audit = await sql<{ action: string; organisation_id: string; details: unknown }>(
      `SELECT action, organisation_id, details FROM audit_events
        WHERE entity_type = 'webhook' AND entity_id = $1 ORDER BY id`,
      [hook.id],
    );
    expect(audit.map((row) => row.action)).toEqual([
      'webhook.created',
      'webhook.secret_rotated',
      'webhook.updated',
      'webhook.deleted',
    ]);
    expect(audit.every((row) => row.organisation_id === world.provider.id)).toBe(true);
    const trail = JSON.stringify(audit);
    expect(trail).not.toContain(hook.secret);
    expect(trail).not.toContain(rotated.body.secret);
  });

  it('when a secret is stored, then the database holds only its ciphertext', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const hook = await register(world.corporation.token, {
      url: receiver.url('/stored'),
      eventTypes: ['proposal.approved'],
    });
    const [row] = await sql<{ secret_ciphertext: string }>(
      `SELECT secret_ciphertext FROM webhooks WHERE id = $1`,
      [hook.id],
    );
    expect(row!.secret_ciphertext).toMatch(/^v1\./);
    expect(row!.secret_ciphertext).not.toContain(hook.secret.slice(6));
  });
});
