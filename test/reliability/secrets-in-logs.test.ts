import request from 'supertest';

import { loadConfig } from '../../config';
import { IdentityService } from '../../src/modules/identity';
import { generateTokenSecret } from '../../src/modules/identity/token-secret';
import { type RunningWorker, startWorker } from '../../workers';
import { bearer } from '../support/factories';
import { createMatchingWorld, forgetEarlierOutbox, type MatchingWorld } from '../support/matching';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { eventually } from '../support/tcp-proxy';
import { createTestApp, type TestApp } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';
import { proposalStep } from '../support/workflow';

jest.setTimeout(120_000);

const WEBHOOKS = {
  // The receiver is plain http on 127.0.0.1; a failed attempt is retried soon.
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
  WEBHOOK_MAX_ATTEMPTS: '3',
  WEBHOOK_BACKOFF_MS: '200',
  MATCHING_DEBOUNCE_MS: '100',
  OUTBOX_POLL_MS: '500',
};

/**
 * Credentials go through the API and the worker — in the Authorization header, by mistake in a
 * query string, as an unknown token, in a malformed or invalid body, into a request that fails in
 * the database, as webhook secrets and a subscriber's key in its URL, as the bootstrap admin token —
 * and the API's and worker's log lines, captured whole, hold none of them.
 */
describe('secrets in the logs', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let world: MatchingWorld;
  const receiver = new WebhookReceiver();
  /** Every secret the test handed out or saw; none may be in any log line. */
  const secrets = new Map<string, string>();

  beforeAll(async () => {
    await receiver.start();
    t = await createTestApp({ captureLogs: true, overrides: WEBHOOKS });
    await forgetEarlierOutbox(t.runtime.dataSource);
    worker = await startWorker(
      loadConfig({ ...process.env, ...WEBHOOKS, WORKER_CONCURRENCY: '2' }),
      {
        logger: t.runtime.logger.child({ service: 'matchpunt-worker' }),
      },
    );
    world = await createMatchingWorld(t.app, t.runtime.dataSource);
    for (const name of ['corporation', 'provider', 'matcher', 'admin'] as const) {
      secrets.set(`${name} token`, world[name].token);
    }
  });
  afterAll(async () => {
    await worker.stop();
    await t.close();
    await receiver.stop();
  });

  it('when tokens and secrets pass through requests, errors and jobs, then no log line holds any of them', async () => {
    const { app } = t;
    const ds = t.runtime.dataSource;
    const corporation = bearer(world.corporation.token);

    // The bootstrap admin token, ensured as at start-up, then used.
    const bootstrap = generateTokenSecret();
    secrets.set('bootstrap admin token', bootstrap);
    await new IdentityService(ds, t.runtime.logger).ensureBootstrapAdmin(bootstrap);
    await request(app).get('/api/v1/me').set(bearer(bootstrap)).expect(200);

    // A new token, shown once in the answer.
    const created = await request(app)
      .post(`/api/v1/organisations/${world.corporation.id}/tokens`)
      .set(bearer(world.admin.token))
      .send({ role: 'corporation', label: 'koppeling' })
      .expect(201);
    secrets.set('new token', created.body.token as string);

    // Tokens in the query string (a client's mistake), with and without a header.
    const inQuery = { token: world.provider.token, access_token: world.provider.token };
    await request(app).get('/api/v1/units').query(inQuery).expect(401);
    await request(app).get('/api/v1/units').query(inQuery).set(corporation).expect(200);
    await request(app).get('/api/v1/nowhere').query(inQuery).set(corporation).expect(404);

    // Unknown tokens, in the Bearer scheme and another.
    const unknown = generateTokenSecret();
    secrets.set('unknown token', unknown);
    await request(app).get('/api/v1/me').set(bearer(unknown)).expect(401);
    await request(app)
      .get('/api/v1/me')
      .set('Authorization', `Basic ${Buffer.from(`x:${unknown}`).toString('base64')}`)
      .expect(401);
    await request(app).get('/api/v1/me').set('Authorization', unknown).expect(401);

    // A token pasted into a body: malformed JSON, then a body refused field by field.
    await request(app)
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .set('Content-Type', 'application/json')
      .send(`{"externalRef": "${world.provider.token}",`)
      .expect(400);
    await request(app)
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .send(clientBody(world.region, { externalRef: world.provider.token, maxRent: 'x' }))
      .expect(422);

    // A webhook whose insert fails in the database, quoting the row, as PostgreSQL does.
    const failedKey = generateTokenSecret();
    secrets.set('receiver key of a failed insert', failedKey);
    await ds.query(`
      CREATE FUNCTION test_refuse_webhook() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = 'ck_test_refused',
          MESSAGE = format('refused row %s', row_to_json(NEW));
      END $$;
      CREATE TRIGGER test_refuse_webhook BEFORE INSERT ON webhooks
        FOR EACH ROW EXECUTE FUNCTION test_refuse_webhook();`);
    try {
      await request(app)
        .post('/api/v1/webhooks')
        .set(corporation)
        .send({ url: receiver.url(`/refused?key=${failedKey}`), eventTypes: ['proposal.approved'] })
        .expect(500);
    } finally {
      await ds.query(`
        DROP TRIGGER test_refuse_webhook ON webhooks;
        DROP FUNCTION test_refuse_webhook();`);
    }

    // A webhook with a key in its URL; its secret, rotated; the first delivery fails, the next lands.
    const key = generateTokenSecret();
    secrets.set('receiver key', key);
    receiver.script(`/hook?key=${key}`, [500]);
    const webhook = await request(app)
      .post('/api/v1/webhooks')
      .set(corporation)
      .send({ url: receiver.url(`/hook?key=${key}`), eventTypes: ['proposal.approved'] })
      .expect(201);
    secrets.set('webhook secret', webhook.body.secret as string);
    const rotated = await request(app)
      .post(`/api/v1/webhooks/${webhook.body.id}/secret`)
      .set(corporation)
      .expect(200);
    secrets.set('rotated webhook secret', rotated.body.secret as string);

    const unit = await request(app)
      .post('/api/v1/units')
      .set(corporation)
      .send(unitBody(world.region, { rent: 600 }))
      .expect(201);
    const client = await request(app)
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .send(clientBody(world.region))
      .expect(201);
    const proposal = await request(app)
      .post('/api/v1/proposals')
      .set(bearer(world.matcher.token))
      .send({ unitId: unit.body.id, clientId: client.body.id, justification: 'past goed' });
    if (proposal.status === 201) {
      await proposalStep(app, world.matcher.token, proposal.body.id as string, 'approve').expect(
        200,
      );
    } else {
      // The run may have proposed the pair first; approve that one.
      const listed = await eventually(
        async () =>
          (
            await request(app)
              .get('/api/v1/proposals')
              .query({ unitId: unit.body.id })
              .set(bearer(world.matcher.token))
          ).body as { items: { id: string }[] },
        (body) => body.items.length > 0,
        30_000,
      );
      await proposalStep(app, world.matcher.token, listed.items[0]!.id, 'approve').expect(200);
    }
    const received = await eventually(
      async () => receiver.on(`/hook?key=${key}`),
      (deliveries) => deliveries.length >= 2,
      60_000,
    );
    expect(received.length).toBeGreaterThanOrEqual(2);
    received.forEach((delivery, n) =>
      secrets.set(`signature ${n}`, String(delivery.headers['matchpunt-signature'])),
    );

    const lines = t.logLines;
    const text = JSON.stringify(lines);
    // The paths above did log: requests refused and failed, jobs done and a failed delivery.
    expect(lines.some((line) => line.msg === 'request failed')).toBe(true);
    expect(
      lines.some((line) => (line.res as { statusCode?: number } | undefined)?.statusCode === 401),
    ).toBe(true);
    expect(lines.some((line) => line.msg === 'webhook delivery attempt failed')).toBe(true);
    expect(lines.some((line) => line.msg === 'job done')).toBe(true);
    const found = [...secrets].filter(([, secret]) => text.includes(secret)).map(([name]) => name);
    expect(found).toEqual([]);
    // Nor the token part after a prefix, should a line cut it.
    for (const [name, secret] of secrets) {
      expect({ name, found: text.includes(secret.slice(-20)) }).toEqual({ name, found: false });
    }
  });
});
