import request from 'supertest';

import { addDays } from '../../src/shared/time/clock';
import { bearer, createOrganisation } from '../support/factories';
import {
  createMatchingWorld,
  type MatchingWorld,
  today,
  useAppWithWorker,
  waitUntilSettled,
} from '../support/matching';
import { expectProblem } from '../support/problem';
import { eventually } from '../support/tcp-proxy';
import type { TestApp } from '../support/test-app';
import { workflowSteps } from '../support/workflow-steps';

jest.setTimeout(90_000);

describe('reason consequences: parking a client who declined', () => {
  let t: TestApp;
  useAppWithWorker((app) => (t = app));
  const w = () => workflowSteps(t.app, t.runtime.dataSource);

  const consequence = { reason: 'client_declines', after: 2, withinMonths: 12, parkDays: 30 };

  /** A new unit; the run proposes it to the client; approved; the provider declines it. */
  async function offerAndDecline(world: MatchingWorld, clientId: string, reason: string) {
    const unitId = await w().offer(world);
    const [proposal] = await eventually(
      () => w().open(world, { unitId }),
      (items) => items.length > 0,
      15_000,
    );
    expect(proposal!.clientId).toBe(clientId);
    await w().step(world.matcher.token, proposal!.id, 'approve').expect(200);
    await w().step(world.provider.token, proposal!.id, 'decline', { reason }).expect(200);
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    return unitId;
  }

  const client = async (world: MatchingWorld, id: string) =>
    (await request(t.app).get(`/api/v1/clients/${id}`).set(bearer(world.matcher.token)).expect(200))
      .body as Record<string, unknown>;

  it('when a client declines twice for client_declines, then it is parked with a why-not, audited, and a matcher can unpark it', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    await w().setPolicy(world, { reasonConsequences: [consequence] });
    const policy = await request(t.app)
      .get(`/api/v1/regions/${world.region.code}/policy`)
      .set(bearer(world.matcher.token))
      .expect(200);
    expect(policy.body.reasonConsequences).toEqual([consequence]);

    const clientId = await w().register(world);
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    // Another reason counts for nothing; the first client_declines is one, not yet two.
    await offerAndDecline(world, clientId, 'location_refused');
    await offerAndDecline(world, clientId, 'client_declines');
    expect(await client(world, clientId)).toMatchObject({ parkedUntil: null, matchable: true });

    await offerAndDecline(world, clientId, 'client_declines');
    const until = addDays(today(), 30);
    expect(await client(world, clientId)).toMatchObject({
      status: 'waiting',
      parkedUntil: until,
      parkedBy: { reason: 'client_declines', declines: 2 },
      matchable: false,
      notMatchableReasons: ['parked'],
    });
    const [parked] = await w().sql<{ details: Record<string, unknown>; organisation_id: string }>(
      `SELECT details, organisation_id FROM audit_events
        WHERE action = 'client.parked' AND entity_id = $1`,
      [clientId],
    );
    expect(parked).toMatchObject({
      organisation_id: world.provider.id,
      details: { parkedUntil: until, reason: 'client_declines', declines: 2 },
    });

    // Parked: a new home that fits is not proposed to it, and the why-not says so.
    const unitId = await w().offer(world);
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    expect(await w().open(world, { clientId })).toEqual([]);
    const whyNot = await request(t.app)
      .get(`/api/v1/units/${unitId}/candidates/${clientId}`)
      .set(bearer(world.matcher.token))
      .expect(200);
    const rule = (whyNot.body.rules as { code: string; passed: boolean; message: string }[]).find(
      (r) => r.code === 'CLIENT_PARKED',
    );
    expect(rule).toEqual({
      code: 'CLIENT_PARKED',
      passed: false,
      message: `The client is parked until ${until} (today is ${today()}) after 2 declines for client_declines.`,
    });

    // Only a matcher of its municipalities may unpark it.
    expectProblem(
      await request(t.app)
        .post(`/api/v1/clients/${clientId}/unpark`)
        .set(bearer(world.provider.token)),
      403,
    );
    const stranger = await createOrganisation(t.runtime.dataSource, 'matchingspunt', {
      regionCode: world.region.code,
      municipalityCodes: [],
    });
    expectProblem(
      await request(t.app).post(`/api/v1/clients/${clientId}/unpark`).set(bearer(stranger.token)),
      404,
    );
    const unparked = await request(t.app)
      .post(`/api/v1/clients/${clientId}/unpark`)
      .set(bearer(world.matcher.token))
      .expect(200);
    expect(unparked.body).toMatchObject({ parkedUntil: null, parkedBy: null, matchable: true });
    const audit = await w().sql<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'client.%park%'
        ORDER BY id`,
      [clientId],
    );
    expect(audit.map((row) => row.action)).toEqual(['client.parked', 'client.unparked']);
    // Matchable again: the run the unparking requested proposes the waiting home.
    const [proposal] = await eventually(
      () => w().open(world, { clientId }),
      (items) => items.length > 0,
      15_000,
    );
    expect(proposal!.unitId).toBe(unitId);
  });

  it('when a region has no consequences (the default), then declines park no one', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const policy = await request(t.app)
      .get(`/api/v1/regions/${world.region.code}/policy`)
      .set(bearer(world.matcher.token))
      .expect(200);
    expect(policy.body.reasonConsequences).toEqual([]);
    const clientId = await w().register(world);
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    await offerAndDecline(world, clientId, 'client_declines');
    await offerAndDecline(world, clientId, 'client_declines');
    expect(await client(world, clientId)).toMatchObject({ parkedUntil: null, matchable: true });
  });

  it('when a consequence names a reason that is not a provider’s, or one twice, then the policy is refused naming the field', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const bad = await request(t.app)
      .patch(`/api/v1/regions/${world.region.code}/policy`)
      .set(bearer(world.admin.token))
      .send({ reasonConsequences: [{ ...consequence, reason: 'rent_arrears_history' }] });
    expectProblem(bad, 422);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path)).toEqual([
      'reasonConsequences[0].reason',
    ]);
    const twice = await request(t.app)
      .patch(`/api/v1/regions/${world.region.code}/policy`)
      .set(bearer(world.admin.token))
      .send({ reasonConsequences: [consequence, { ...consequence, parkDays: 5 }] });
    expectProblem(twice, 422);
    expect((twice.body.errors as { path: string }[]).map((e) => e.path)).toEqual([
      'reasonConsequences',
    ]);
  });

  it('when a parking reason is written without a parking date, then the database refuses it', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const clientId = await w().register(world);
    await expect(
      w().sql(
        `UPDATE clients SET parked_reason = 'client_declines', parked_declines = 2 WHERE id = $1`,
        [clientId],
      ),
    ).rejects.toThrow(/ck_clients_parked_by_consequence/);
  });
});
