import request from 'supertest';

import { bearer, createOrganisation, createToken } from '../support/factories';
import {
  createMatchingWorld,
  type MatchingWorld,
  useAppWithWorker,
  today,
  waitUntilSettled,
} from '../support/matching';
import { errorPaths, expectProblem } from '../support/problem';
import {
  expectListedAsRead,
  offerUnit,
  openProposals as openProposalsOf,
  placedSoFar as placedSoFarOf,
  proposalStep,
  registerClient,
  worldWithPledge as worldWithPledgeOf,
} from '../support/workflow';
import { eventually } from '../support/tcp-proxy';
import type { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('the proposal workflow', () => {
  let t: TestApp;
  useAppWithWorker((app) => (t = app));

  const sql = <T>(text: string, params: unknown[] = []) =>
    t.runtime.dataSource.query<T[]>(text, params);

  const register = (world: MatchingWorld, client: Record<string, unknown> = {}) =>
    registerClient(t.app, world, client);
  const offer = (world: MatchingWorld, unit: Record<string, unknown> = {}) =>
    offerUnit(t.app, world, unit);
  const openProposals = (world: MatchingWorld, query: Record<string, string>) =>
    openProposalsOf(t.app, world, query);

  /** A client, then a unit that fits it: the run proposes the pair. */
  async function pairUp(world: MatchingWorld) {
    const clientId = await register(world);
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    const unitId = await offer(world);
    const [proposal] = await eventually(
      () => openProposals(world, { unitId }),
      (items) => items.length > 0,
      15_000,
    );
    expect(proposal).toMatchObject({ status: 'proposed', unitId, clientId });
    return { proposalId: proposal!.id, unitId, clientId };
  }

  const step = (
    token: string,
    id: string,
    transition: string,
    body: Record<string, unknown> = {},
    ifMatch?: number,
  ) => proposalStep(t.app, token, id, transition, body, ifMatch);

  async function statusesOf(unitId: string, clientId: string) {
    const [unit] = await sql<{ status: string }>(`SELECT status FROM units WHERE id = $1`, [
      unitId,
    ]);
    const [client] = await sql<{ status: string }>(`SELECT status FROM clients WHERE id = $1`, [
      clientId,
    ]);
    return { unit: unit?.status, client: client?.status };
  }

  const placedSoFar = (world: MatchingWorld) => placedSoFarOf(t.app, world);
  const worldWithPledge = () => worldWithPledgeOf(t.app, t.runtime.dataSource);

  /**
   * The pair's unit and client are free at once, the pair is not proposed again, and once another
   * client and another unit arrive, a run proposes something else for each of them.
   */
  async function expectFreedAndRematched(world: MatchingWorld, unitId: string, clientId: string) {
    expect(await statusesOf(unitId, clientId)).toEqual({ unit: 'available', client: 'waiting' });
    expect(await placedSoFar(world)).toBe(0);
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    // The run the exit requested came and went: the same pair is never proposed again.
    expect(await openProposals(world, { regionCode: world.region.code })).toEqual([]);

    const otherClient = await register(world);
    const otherUnit = await offer(world);
    const forUnit = await eventually(
      () => openProposals(world, { unitId }),
      (items) => items.length > 0,
      15_000,
    );
    const forClient = await eventually(
      () => openProposals(world, { clientId }),
      (items) => items.length > 0,
      15_000,
    );
    expect(forUnit.map((p) => p.clientId)).toEqual([otherClient]);
    expect(forClient.map((p) => p.unitId)).toEqual([otherUnit]);
  }

  it('when a proposal is approved, accepted by both sides and placed, then the unit is let, the client placed and the contingent counts one more, every step audited', async () => {
    const world = await worldWithPledge();
    const { proposalId, unitId, clientId } = await pairUp(world);
    expect(await placedSoFar(world)).toBe(0);

    // Before approval neither side sees anything, and may do nothing.
    for (const side of [world.corporation, world.provider]) {
      await request(t.app)
        .get(`/api/v1/proposals/${proposalId}`)
        .set(bearer(side.token))
        .expect(404);
      const list = await request(t.app)
        .get('/api/v1/proposals')
        .set(bearer(side.token))
        .expect(200);
      expect(list.body.items).toEqual([]);
      expectProblem(await step(side.token, proposalId, 'accept'), 404);
    }

    const approved = await step(world.matcher.token, proposalId, 'approve', {}, 1).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', version: 2, view: 'matcher' });
    expect(approved.headers.etag).toBe('"2"');
    expect(await statusesOf(unitId, clientId)).toEqual({ unit: 'proposed', client: 'proposed' });
    expect(await expectListedAsRead(t.app, world)).toEqual(['approved']);

    // After approval the lists and the single reads agree: the two sides see it, others do not.
    const stranger = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: world.region.code,
    });
    for (const [who, sees] of [
      [world.corporation, true],
      [world.provider, true],
      [stranger, false],
    ] as const) {
      const list = await request(t.app).get('/api/v1/proposals').set(bearer(who.token)).expect(200);
      expect((list.body.items as { id: string }[]).map((p) => p.id)).toEqual(
        sees ? [proposalId] : [],
      );
      const single = await request(t.app)
        .get(`/api/v1/proposals/${proposalId}`)
        .set(bearer(who.token))
        .expect(sees ? 200 : 404);
      // A party's list item is its single read (the list reads the party's details with the page).
      if (sees) expect(list.body.items[0]).toEqual(single.body);
    }

    const corporationView = await request(t.app)
      .get(`/api/v1/proposals/${proposalId}`)
      .set(bearer(world.corporation.token))
      .expect(200);
    expect(Object.keys(corporationView.body as object).sort()).toEqual(
      [
        'id',
        'status',
        'version',
        'unitId',
        'clientId',
        'regionCode',
        'deadline',
        'corporationDeadline',
        'providerDeadline',
        'approvedAt',
        'corporationDecision',
        'providerDecision',
        'reason',
        'leaseStart',
        'createdAt',
        'updatedAt',
        'view',
        'client',
      ].sort(),
    );
    expect(corporationView.body.client).toEqual({
      household: { adults: 1, children: 0 },
      needs: { groundFloorOrLift: false, wheelchair: false },
      // The client consented to `matching` only: the support arrangement is not shared.
      support: null,
    });
    for (const hidden of [
      'targetGroup',
      'anchors',
      'wait',
      'breakdown',
      'score',
      'rules',
      'readySince',
    ]) {
      expect(corporationView.text).not.toContain(`"${hidden}"`);
    }
    const providerView = await request(t.app)
      .get(`/api/v1/proposals/${proposalId}`)
      .set(bearer(world.provider.token))
      .expect(200);
    expect(providerView.body).toMatchObject({
      view: 'provider',
      unit: { type: 'contingent', rent: 600, address: { street: 'Kerkstraat' } },
    });
    expect(providerView.body).not.toHaveProperty('breakdown');
    // The corporation's look at the household is a read of the client's profile: logged.
    const [read] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events
        WHERE action = 'client.read' AND entity_id = $1 AND organisation_id = $2`,
      [clientId, world.corporation.id],
    );
    expect(read?.n).toBe(3);

    // The corporation may not place before both accepted; the provider may never place.
    expectProblem(
      await step(world.corporation.token, proposalId, 'placement', { leaseStart: today() }),
      409,
    );
    const first = await step(world.corporation.token, proposalId, 'accept').expect(200);
    expect(first.body).toMatchObject({ status: 'approved', corporationDecision: 'accepted' });
    expectProblem(await step(world.corporation.token, proposalId, 'accept'), 409);
    const both = await step(world.provider.token, proposalId, 'accept').expect(200);
    expect(both.body).toMatchObject({
      status: 'accepted',
      corporationDecision: 'accepted',
      providerDecision: 'accepted',
    });
    expect(await expectListedAsRead(t.app, world)).toEqual(['accepted']);
    expectProblem(
      await step(world.provider.token, proposalId, 'placement', { leaseStart: today() }),
      403,
    );
    const placed = await step(world.corporation.token, proposalId, 'placement', {
      leaseStart: '2026-12-01',
    }).expect(200);
    expect(placed.body).toMatchObject({ status: 'placed', leaseStart: '2026-12-01' });
    expect(await statusesOf(unitId, clientId)).toEqual({ unit: 'let', client: 'placed' });
    expect(await placedSoFar(world)).toBe(1);
    expect(await expectListedAsRead(t.app, world)).toEqual(['placed']);

    // Closed: a matcher's cancel names the state it found.
    const late = await step(world.matcher.token, proposalId, 'cancel', {
      reason: 'better_alternative',
    });
    expectProblem(late, 409);
    expect(late.body.detail).toContain('is placed');

    const audit = await request(t.app)
      .get('/api/v1/audit')
      .query({ entityType: 'proposal', entityId: proposalId })
      .set(bearer(world.matcher.token))
      .expect(200);
    expect((audit.body.items as { action: string }[]).map((row) => row.action)).toEqual([
      'proposal.approved',
      'proposal.accepted',
      'proposal.accepted',
      'proposal.placed',
    ]);

    // Each step is an event for the matchingspunt and, once approved, for both sides.
    const events = await sql<{ type: string; organisation_ids: string[]; data: object }>(
      `SELECT type, organisation_ids, data FROM domain_events
        WHERE subject_type = 'proposal' AND subject_id = $1 ORDER BY id`,
      [proposalId],
    );
    expect(events.map((event) => event.type)).toEqual([
      'proposal.approved',
      'proposal.accepted',
      'proposal.accepted',
      'proposal.placed',
    ]);
    for (const event of events) {
      expect([...event.organisation_ids].sort()).toEqual(
        [world.matcher.id, world.corporation.id, world.provider.id].sort(),
      );
      expect(Object.keys(event.data).sort()).toEqual(['clientId', 'party', 'proposalId', 'unitId']);
    }
  });

  it('when a matcher rejects a proposal, then unit and client are free at once, the pair is never proposed again and a run finds each something else', async () => {
    const world = await worldWithPledge();
    const { proposalId, unitId, clientId } = await pairUp(world);
    const bad = await step(world.matcher.token, proposalId, 'reject', {
      reason: 'location_refused',
    });
    expectProblem(bad, 422);
    expect(errorPaths(bad)).toEqual(['reason']);
    const noNote = await step(world.matcher.token, proposalId, 'reject', { reason: 'other' });
    expectProblem(noNote, 422);
    expect(errorPaths(noNote)).toEqual(['note']);
    const rejected = await step(world.matcher.token, proposalId, 'reject', {
      reason: 'other',
      note: 'Woning past beter bij een gezin',
    }).expect(200);
    // The refused attempts wrote nothing: this is the proposal's first change.
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'other', version: 2 });
    expect(await expectListedAsRead(t.app, world)).toEqual(['rejected']);
    const decisions = await sql<{ action: string; party: string; reason: string; note: string }>(
      `SELECT action, party, reason, note FROM proposal_decisions WHERE proposal_id = $1`,
      [proposalId],
    );
    expect(decisions).toEqual([
      {
        action: 'reject',
        party: 'matcher',
        reason: 'other',
        note: 'Woning past beter bij een gezin',
      },
    ]);
    await expectFreedAndRematched(world, unitId, clientId);
  });

  it.each(['corporation', 'provider'] as const)(
    'when the %s declines an approved proposal, then unit and client are free at once, the pair is never proposed again and a run finds each something else',
    async (side) => {
      const world = await worldWithPledge();
      const { proposalId, unitId, clientId } = await pairUp(world);
      await step(world.matcher.token, proposalId, 'approve').expect(200);
      const reason = side === 'corporation' ? 'household_does_not_fit' : 'location_refused';
      const wrongList = side === 'corporation' ? 'client_declines' : 'rent_arrears_history';
      expectProblem(
        await step(world[side].token, proposalId, 'decline', { reason: wrongList }),
        422,
      );
      const declined = await step(world[side].token, proposalId, 'decline', { reason }).expect(200);
      expect(declined.body).toMatchObject({
        status: 'declined',
        reason,
        [`${side}Decision`]: 'declined',
      });
      await expectFreedAndRematched(world, unitId, clientId);
    },
  );

  it('when a matcher cancels an accepted proposal, then unit and client are free at once, the pair is never proposed again and a run finds each something else', async () => {
    const world = await worldWithPledge();
    const { proposalId, unitId, clientId } = await pairUp(world);
    await step(world.matcher.token, proposalId, 'approve').expect(200);
    await step(world.corporation.token, proposalId, 'accept').expect(200);
    await step(world.provider.token, proposalId, 'accept').expect(200);
    const cancelled = await step(world.matcher.token, proposalId, 'cancel', {
      reason: 'information_incomplete',
    }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', reason: 'information_incomplete' });
    await expectFreedAndRematched(world, unitId, clientId);
  });

  it('when two matchers approve and cancel at the same moment, then exactly one succeeds and the other gets 409 or 412', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const second = await createToken(t.runtime.dataSource, world.matcher.id, 'matchingspunt');
    const { proposalId, unitId, clientId } = await pairUp(world);
    const [approve, cancel] = await Promise.all([
      step(world.matcher.token, proposalId, 'approve', {}, 1),
      step(second.token, proposalId, 'cancel', { reason: 'better_alternative' }, 1),
    ]);
    const statuses = [approve.status, cancel.status].sort();
    expect(statuses[0]).toBe(200);
    expect([409, 412]).toContain(statuses[1]);
    const [stored] = await sql<{ status: string; version: number }>(
      `SELECT status, version FROM proposals WHERE id = $1`,
      [proposalId],
    );
    expect(stored?.version).toBe(2);
    expect(stored?.status).toBe(approve.status === 200 ? 'approved' : 'cancelled');
    expect(await statusesOf(unitId, clientId)).toEqual(
      approve.status === 200
        ? { unit: 'proposed', client: 'proposed' }
        : { unit: 'available', client: 'waiting' },
    );
  });

  it('when a matcher proposes a pair that breaks a hard rule, then it needs override, stays pending without a second matcher and proceeds with one, both steps audited', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const second = await createToken(t.runtime.dataSource, world.matcher.id, 'matchingspunt');
    const clientId = await register(world, { maxRent: 650 });
    const unitId = await offer(world, { rent: 700 });
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    expect(await openProposals(world, { unitId })).toEqual([]);

    const body = { unitId, clientId, justification: 'Huurverschil wordt door de gemeente gedekt' };
    const refused = await request(t.app)
      .post('/api/v1/proposals')
      .set(bearer(world.matcher.token))
      .send(body);
    expectProblem(refused, 422);
    expect(errorPaths(refused)).toEqual(['override']);
    expect(refused.body.errors[0].message).toContain('RENT_ABOVE_MAX');

    const created = await request(t.app)
      .post('/api/v1/proposals')
      .set(bearer(world.matcher.token))
      .send({ ...body, override: true })
      .expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      status: 'proposed',
      origin: 'manual',
      awaitingSecondMatcher: true,
    });
    expect(created.body.overriddenRules).toContain('RENT_ABOVE_MAX');
    expect(await statusesOf(unitId, clientId)).toEqual({ unit: 'proposed', client: 'proposed' });

    // Its author cannot approve it: it stays pending, unseen by the corporation.
    const own = await step(world.matcher.token, id, 'approve');
    expectProblem(own, 409);
    expect(own.body.code).toBe('proposal_second_matcher_required');
    expect(await expectListedAsRead(t.app, world)).toEqual(['proposed']);
    await request(t.app)
      .get(`/api/v1/proposals/${id}`)
      .set(bearer(world.corporation.token))
      .expect(404);

    const approved = await step(second.token, id, 'approve').expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', awaitingSecondMatcher: false });
    expect(await expectListedAsRead(t.app, world)).toEqual(['approved']);
    await request(t.app)
      .get(`/api/v1/proposals/${id}`)
      .set(bearer(world.corporation.token))
      .expect(200);

    const audit = await request(t.app)
      .get('/api/v1/audit')
      .query({ entityType: 'proposal', entityId: id })
      .set(bearer(world.admin.token))
      .expect(200);
    const rows = audit.body.items as { action: string; tokenId: string; details: object }[];
    expect(rows.map((row) => [row.action, row.tokenId])).toEqual([
      ['proposal.created', world.matcher.tokenId],
      ['proposal.approved', second.tokenId],
    ]);
    expect(rows[0]?.details).toMatchObject({ origin: 'manual' });
  });

  it('when the reasons are asked for, then each party has its list, each with other', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const reasons = await request(t.app)
      .get('/api/v1/reference/reasons')
      .set(bearer(world.provider.token))
      .expect(200);
    const codes = (party: string) =>
      (reasons.body[party] as { code: string }[]).map((reason) => reason.code);
    expect(codes('corporation')).toEqual([
      'unit_no_longer_available',
      'household_does_not_fit',
      'rent_arrears_history',
      'other',
    ]);
    expect(codes('provider')).toContain('support_cannot_be_arranged');
    expect(codes('matcher')).toEqual(['better_alternative', 'information_incomplete', 'other']);
  });

  it('when organisations and tokens are created and revoked, then each is in the audit trail, which the application cannot change or delete', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const admin = await createOrganisation(t.runtime.dataSource, 'platform');
    const organisation = await request(t.app)
      .post('/api/v1/organisations')
      .set(bearer(admin.token))
      .send({ name: `Corporatie ${Date.now()}`, kind: 'corporatie', regionCode: world.region.code })
      .expect(201);
    const token = await request(t.app)
      .post(`/api/v1/organisations/${organisation.body.id}/tokens`)
      .set(bearer(admin.token))
      .send({ role: 'corporation', label: 'Verhuur' })
      .expect(201);
    await request(t.app)
      .delete(`/api/v1/organisations/${organisation.body.id}/tokens/${token.body.id}`)
      .set(bearer(admin.token))
      .expect(204);
    const trail = async (entityType: string, entityId: string) =>
      (
        (
          await request(t.app)
            .get('/api/v1/audit')
            .query({ entityType, entityId })
            .set(bearer(admin.token))
            .expect(200)
        ).body.items as { action: string }[]
      ).map((row) => row.action);
    expect(await trail('organisation', organisation.body.id)).toEqual(['organisation.created']);
    expect(await trail('token', token.body.id)).toEqual(['token.issued', 'token.revoked']);
    // A matcher sees only what concerns its municipalities: not the platform's own records.
    const matcherView = await request(t.app)
      .get('/api/v1/audit')
      .query({ entityType: 'token', entityId: token.body.id })
      .set(bearer(world.matcher.token))
      .expect(200);
    expect(matcherView.body.items).toEqual([]);
    await request(t.app).get('/api/v1/audit').set(bearer(world.corporation.token)).expect(403);

    // Through the application's own connection, the trail and the decisions are append-only.
    const ds = t.runtime.dataSource;
    await expect(
      ds.query(`UPDATE audit_events SET action = 'token.forged' WHERE entity_id = $1`, [
        token.body.id,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      ds.query(`DELETE FROM audit_events WHERE entity_id = $1`, [token.body.id]),
    ).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM proposal_decisions`)).rejects.toThrow(/append-only/);
    expect(await trail('token', token.body.id)).toEqual(['token.issued', 'token.revoked']);
  });

  it('when the audit trail is paged, then the pages follow one another without gaps', async () => {
    const admin = await createOrganisation(t.runtime.dataSource, 'platform');
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const organisation = await request(t.app)
      .post('/api/v1/organisations')
      .set(bearer(admin.token))
      .send({ name: `Zorg ${Date.now()}`, kind: 'zorgaanbieder', regionCode: world.region.code })
      .expect(201);
    for (let n = 0; n < 5; n++) {
      await request(t.app)
        .post(`/api/v1/organisations/${organisation.body.id}/tokens`)
        .set(bearer(admin.token))
        .send({ role: 'provider', label: `Medewerker ${n + 1}` })
        .expect(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await request(t.app)
        .get('/api/v1/audit')
        .query({ entityType: 'token', limit: 2, ...(cursor ? { cursor } : {}) })
        .set(bearer(admin.token))
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...(page.body.items as { id: string }[]).map((row) => row.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor !== null);
    const [all] = await sql<{ ids: string[] }>(
      `SELECT array_agg(id::text ORDER BY id) AS ids FROM audit_events WHERE entity_type = 'token'`,
    );
    expect(all?.ids.length).toBeGreaterThanOrEqual(5);
    expect(seen).toEqual(all?.ids);
  });
});
