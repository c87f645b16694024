import request from 'supertest';

import { ClientService } from '../../src/modules/clients';
import { bearer, createOrganisation, createToken } from '../support/factories';
import { createMatchingWorld, today } from '../support/matching';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('the data-subject export', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("when a matcher has read a client and its proposals ended, then the provider's export holds the profile, every proposal with its decisions and the matcher's reads", async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const api = () => request(t.app);
    const second = await createToken(t.runtime.dataSource, world.matcher.id, 'matchingspunt');
    const created = await api()
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .send(clientBody(world.region, { routes: ['contingent'] }))
      .expect(201);
    const clientId = created.body.id as string;

    // Two proposals: one the corporation declines, one that is placed.
    const proposalIds: string[] = [];
    for (const outcome of ['declined', 'placed']) {
      const unit = await api()
        .post('/api/v1/units')
        .set(bearer(world.corporation.token))
        .send(unitBody(world.region, { rent: 600, availableFrom: today() }))
        .expect(201);
      const proposal = await api()
        .post('/api/v1/proposals')
        .set(bearer(world.matcher.token))
        .send({
          unitId: unit.body.id,
          clientId,
          justification: 'Past goed.',
          override: true,
        })
        .expect(201);
      const id = proposal.body.id as string;
      proposalIds.push(id);
      const step = (token: string, transition: string, body: object = {}) =>
        api().post(`/api/v1/proposals/${id}/${transition}`).set(bearer(token)).send(body);
      await step(second.token, 'approve').expect(200);
      if (outcome === 'declined') {
        await step(world.corporation.token, 'decline', { reason: 'household_does_not_fit' }).expect(
          200,
        );
      } else {
        await step(world.corporation.token, 'accept').expect(200);
        await step(world.provider.token, 'accept').expect(200);
        await step(world.corporation.token, 'placement', { leaseStart: today() }).expect(200);
      }
    }

    // The matcher reads the profile twice (its own reads are the access log the person asks for).
    for (let i = 0; i < 2; i++) {
      await api().get(`/api/v1/clients/${clientId}`).set(bearer(world.matcher.token)).expect(200);
    }

    const exported = await api()
      .get(`/api/v1/clients/${clientId}/export`)
      .set(bearer(world.provider.token))
      .expect(200);
    const body = exported.body as {
      client: { id: string; externalRef: string; status: string };
      proposals: {
        id: string;
        status: string;
        leaseStart: string | null;
        decisions: { action: string; party: string; reason: string | null }[];
      }[];
      placements: {
        proposalId: string;
        unitType: string;
        leaseStart: string;
        events: { type: string }[];
        checkins: { months: number; status: string }[];
      }[];
      accessLog: { action: string; organisationId: string; organisationKind: string }[];
      history: { action: string }[];
    };
    expect(body.client).toMatchObject({
      id: clientId,
      externalRef: created.body.externalRef,
      status: 'placed',
    });
    expect(body.proposals.map((p) => [p.id, p.status])).toEqual([
      [proposalIds[0], 'declined'],
      [proposalIds[1], 'placed'],
    ]);
    expect(body.proposals[0]!.decisions.map((d) => [d.action, d.party, d.reason])).toEqual([
      ['create', 'matcher', null],
      ['approve', 'matcher', null],
      ['decline', 'corporation', 'household_does_not_fit'],
    ]);
    expect(body.proposals[1]!.leaseStart).toBe(today());
    expect(body.placements).toEqual([
      expect.objectContaining({
        proposalId: proposalIds[1],
        unitType: 'contingent',
        leaseStart: today(),
        events: [expect.objectContaining({ type: 'placed' })],
        checkins: [3, 6, 12].map((months) => expect.objectContaining({ months, status: 'open' })),
      }),
    ]);
    const matcherReads = body.accessLog.filter((row) => row.organisationId === world.matcher.id);
    expect(matcherReads).toHaveLength(2);
    expect(matcherReads[0]).toMatchObject({
      action: 'client.read',
      organisationKind: 'matchingspunt',
    });
    expect(body.history.map((row) => row.action)).toContain('client.created');
    expect(body.accessLog.every((row) => row.action === 'client.read')).toBe(true);

    // The export is in the trail itself.
    const audit = await t.runtime.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'client.exported' AND entity_id = $1`,
      [clientId],
    );
    expect(audit[0]!.n).toBe(1);

    // Only the provider that registered the client exports it; others learn nothing.
    const otherProvider = await createOrganisation(t.runtime.dataSource, 'zorgaanbieder', {
      regionCode: world.region.code,
    });
    await api()
      .get(`/api/v1/clients/${clientId}/export`)
      .set(bearer(otherProvider.token))
      .expect(404);
    await api()
      .get(`/api/v1/clients/${clientId}/export`)
      .set(bearer(world.matcher.token))
      .expect(403);

    // Once anonymised after its retention period, there is no one left to export.
    const later = new Date(Date.now() + 3 * 365 * 86_400_000);
    await new ClientService(t.runtime.dataSource, () => later).anonymiseClosed();
    await api()
      .get(`/api/v1/clients/${clientId}/export`)
      .set(bearer(world.provider.token))
      .expect(404);
  });
});
