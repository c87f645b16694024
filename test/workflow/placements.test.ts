import request from 'supertest';

import { PlacementService } from '../../src/modules/placements';
import type { Checkin, Placement } from '../../src/modules/placements';
import { requestMatchingRun } from '../../src/modules/matching';
import { addDays, systemClock } from '../../src/shared/time/clock';
import { bearer, createOrganisation, createRegion } from '../support/factories';
import {
  createMatchingWorld,
  type MatchingWorld,
  today,
  useAppWithWorker,
  waitUntilSettled,
} from '../support/matching';
import { errorPaths, expectProblem } from '../support/problem';
import {
  offerUnit,
  openProposals as openProposalsOf,
  placedSoFar as placedSoFarOf,
  proposalStep,
  registerClient,
  worldWithPledge,
} from '../support/workflow';
import { eventually } from '../support/tcp-proxy';
import type { TestApp } from '../support/test-app';

jest.setTimeout(90_000);

describe('placements and follow-up', () => {
  let t: TestApp;
  useAppWithWorker((app) => (t = app));

  const sql = <T>(text: string, params: unknown[] = []) =>
    t.runtime.dataSource.query<T[]>(text, params);
  const daysAgo = (days: number) => addDays(today(), -days);
  /** Calendar months on a date, as the database adds them (the placement's own arithmetic). */
  const plusMonths = async (date: string, months: number) =>
    (
      await sql<{ d: string }>(
        `SELECT to_char($1::date + make_interval(months => $2), 'YYYY-MM-DD') AS d`,
        [date, months],
      )
    )[0]!.d;

  const register = (world: MatchingWorld, client: Record<string, unknown> = {}) =>
    registerClient(t.app, world, client);
  const offer = (world: MatchingWorld, unit: Record<string, unknown> = {}) =>
    offerUnit(t.app, world, unit);
  const openProposals = (world: MatchingWorld, query: Record<string, string>) =>
    openProposalsOf(t.app, world, query);

  const proposalFor = (world: MatchingWorld, query: Record<string, string>) =>
    eventually(
      () => openProposals(world, query),
      (items) => items.length > 0,
      20_000,
    );

  const step = (token: string, id: string, transition: string, body = {}) =>
    proposalStep(t.app, token, id, transition, body);

  /** Approve, accept on both sides, place: returns the placement the placement step made. */
  async function place(world: MatchingWorld, proposalId: string, leaseStart: string) {
    await step(world.matcher.token, proposalId, 'approve').expect(200);
    await step(world.corporation.token, proposalId, 'accept').expect(200);
    await step(world.provider.token, proposalId, 'accept').expect(200);
    await step(world.corporation.token, proposalId, 'placement', { leaseStart }).expect(200);
    const list = await request(t.app)
      .get('/api/v1/placements')
      .query({ status: 'active' })
      .set(bearer(world.corporation.token))
      .expect(200);
    const placement = (list.body.items as Placement[]).find((p) => p.proposalId === proposalId);
    expect(placement).toBeDefined();
    return placement!;
  }

  /** A client and a unit that fit only each other, proposed by the run, then placed. */
  async function placedPair(
    world: MatchingWorld,
    kind: { client: Record<string, unknown>; unit: Record<string, unknown> },
    leaseStart: string,
  ) {
    const clientId = await register(world, kind.client);
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    const unitId = await offer(world, kind.unit);
    const [proposal] = await proposalFor(world, { unitId });
    expect(proposal).toMatchObject({ clientId });
    const placement = await place(world, proposal!.id, leaseStart);
    return { clientId, unitId, placement };
  }

  const OMKLAP = {
    client: { routes: ['omklap'] },
    unit: { type: 'omklap', contingentYear: undefined, omklap: { reviewAfterMonths: 6 } },
  };

  const record = (token: string, id: string, body: object, version?: number) => {
    const call = request(t.app)
      .post(`/api/v1/placements/${id}/events`)
      .set(bearer(token))
      .send(body);
    return version === undefined ? call : call.set('If-Match', `"${version}"`);
  };

  const getPlacement = async (token: string, id: string) =>
    (await request(t.app).get(`/api/v1/placements/${id}`).set(bearer(token)).expect(200))
      .body as Placement;

  async function statusesOf(unitId: string, clientId: string) {
    const [row] = await sql<{ unit: string; client: string }>(
      `SELECT (SELECT status FROM units WHERE id = $1) AS unit,
              (SELECT status FROM clients WHERE id = $2) AS client`,
      [unitId, clientId],
    );
    return row;
  }

  const eventsAbout = (subjectId: string) =>
    sql<{ type: string; organisation_ids: string[]; data: Record<string, unknown> }>(
      `SELECT type, organisation_ids, data FROM domain_events WHERE subject_id = $1 ORDER BY id`,
      [subjectId],
    );

  async function followUpNow(world: MatchingWorld) {
    const queued = await request(t.app)
      .post('/api/v1/placements/follow-up')
      .set(bearer(world.matcher.token))
      .expect(202);
    expect(queued.body.jobId).toEqual(expect.any(String));
  }

  async function checkins(token: string, query: Record<string, string>) {
    const response = await request(t.app)
      .get('/api/v1/checkins')
      .query(query)
      .set(bearer(token))
      .expect(200);
    return response.body.items as Checkin[];
  }

  const placedSoFar = (world: MatchingWorld) => placedSoFarOf(t.app, world);

  it('when an omklap placement reaches its review date, then the review is announced once, check-ins fall due and are recorded once, and the corporation flips the lease to the client', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const leaseStart = daysAgo(200);
    const { clientId, unitId, placement } = await placedPair(world, OMKLAP, leaseStart);
    expect(placement).toMatchObject({
      unitId,
      clientId,
      unitType: 'omklap',
      status: 'active',
      tenant: 'provider',
      leaseStart,
      reviewDate: await plusMonths(leaseStart, 6),
      reviewDue: true,
      endDate: null,
      version: 1,
    });
    const due = await request(t.app)
      .get('/api/v1/placements')
      .query({ reviewDue: 'true' })
      .set(bearer(world.matcher.token))
      .expect(200);
    expect((due.body.items as Placement[]).map((p) => p.id)).toEqual([placement.id]);

    // The follow-up job announces the review and the check-ins due (3 and 6 months), once.
    await followUpNow(world);
    const announced = await eventually(
      () => eventsAbout(placement.id),
      (events) => events.some((event) => event.type === 'placement.review_due'),
      20_000,
    );
    expect(announced.map((event) => event.type)).toEqual(['placement.review_due']);
    expect([...announced[0]!.organisation_ids].sort()).toEqual(
      [world.matcher.id, world.corporation.id, world.provider.id].sort(),
    );
    const provided = await getPlacement(world.provider.token, placement.id);
    const [three, six, twelve] = provided.checkins!;
    expect(provided.checkins!.map((c) => [c.months, c.dueDate, c.status])).toEqual([
      [3, await plusMonths(leaseStart, 3), 'overdue'],
      [6, await plusMonths(leaseStart, 6), 'due'],
      [12, await plusMonths(leaseStart, 12), 'upcoming'],
    ]);
    await eventually(
      async () => (await eventsAbout(six!.id)).map((event) => event.type),
      (types) => types.length > 0,
      20_000,
    );
    // Two more sweeps at the same moment (in process, as two job runs would) announce nothing again.
    const sweeper = new PlacementService(t.runtime.dataSource, systemClock, requestMatchingRun);
    await Promise.all([sweeper.followUp(), sweeper.followUp()]);
    for (const [subject, type] of [
      [placement.id, 'placement.review_due'],
      [three!.id, 'checkin.due'],
      [six!.id, 'checkin.due'],
    ] as const) {
      const events = await eventsAbout(subject);
      expect(events.map((event) => event.type)).toEqual([type]);
    }
    // Check-ins are care information: told to the provider and the matchingspunt, not the corporation.
    const [checkinDue] = await eventsAbout(three!.id);
    expect([...checkinDue!.organisation_ids].sort()).toEqual(
      [world.matcher.id, world.provider.id].sort(),
    );
    expect(await eventsAbout(twelve!.id)).toEqual([]);

    // Due and overdue lists: the provider's own clients, the matcher's municipalities.
    const mine = (items: Checkin[]) => items.filter((c) => c.placementId === placement.id);
    expect(mine(await checkins(world.provider.token, { status: 'due' })).map((c) => c.id)).toEqual([
      six!.id,
    ]);
    expect(
      mine(await checkins(world.matcher.token, { status: 'overdue' })).map((c) => c.id),
    ).toEqual([three!.id]);
    const stranger = await createOrganisation(t.runtime.dataSource, 'zorgaanbieder', {
      regionCode: world.region.code,
    });
    expect(await checkins(stranger.token, {})).toEqual([]);
    expectProblem(
      await request(t.app).get('/api/v1/checkins').set(bearer(world.corporation.token)),
      403,
    );

    // The provider records the check-ins due, earliest first, each once.
    const first = await record(world.provider.token, placement.id, {
      type: 'checkin',
      date: today(),
      stablyHoused: true,
    }).expect(200);
    expect(first.body.version).toBe(2);
    await record(world.provider.token, placement.id, {
      type: 'checkin',
      date: today(),
      stablyHoused: false,
    }).expect(200);
    const notDue = await record(world.provider.token, placement.id, {
      type: 'checkin',
      date: today(),
      stablyHoused: true,
    });
    expectProblem(notDue, 409);
    expect(notDue.body.type).toContain('placement_no_checkin_due');
    const again = await record(world.provider.token, placement.id, {
      type: 'checkin',
      date: today(),
      stablyHoused: true,
      months: 3,
    });
    expectProblem(again, 409);
    expect(
      mine(await checkins(world.provider.token, { status: 'done' }))
        .map((c) => [c.months, c.stablyHoused, c.recordedOn])
        .sort(),
    ).toEqual([
      [3, true, today()],
      [6, false, today()],
    ]);
    // Recorded once, by the database too.
    await expect(
      sql(`UPDATE placement_checkins SET stably_housed = false WHERE id = $1`, [three!.id]),
    ).rejects.toThrow(/not changed/);

    // The corporation flips the lease; a stale version is refused and writes nothing.
    expectProblem(
      await record(
        world.corporation.token,
        placement.id,
        { type: 'omklap_flipped', date: today() },
        1,
      ),
      412,
    );
    const flipped = await record(
      world.corporation.token,
      placement.id,
      { type: 'omklap_flipped', date: today() },
      3,
    ).expect(200);
    expect(flipped.headers.etag).toBe('"4"');
    expect(flipped.body).toMatchObject({
      status: 'flipped',
      tenant: 'client',
      reviewDue: false,
      version: 4,
    });
    // The corporation sees the tenancy, not the follow-up.
    expect(flipped.body).not.toHaveProperty('checkins');
    expect((flipped.body as Placement).events!.map((e) => e.type)).toEqual([
      'placed',
      'omklap_flipped',
    ]);
    expect(flipped.text).not.toContain('stablyHoused');
    const withFollowUp = await getPlacement(world.matcher.token, placement.id);
    expect(withFollowUp.events!.map((e) => e.type)).toEqual([
      'placed',
      'checkin',
      'checkin',
      'omklap_flipped',
    ]);
    expectProblem(
      await record(world.corporation.token, placement.id, {
        type: 'omklap_flipped',
        date: today(),
      }),
      409,
    );
    expect(await statusesOf(unitId, clientId)).toEqual({ unit: 'let', client: 'placed' });

    // Every event is audited, and the history cannot be rewritten.
    const audit = await request(t.app)
      .get('/api/v1/audit')
      .query({ entityType: 'placement', entityId: placement.id })
      .set(bearer(world.matcher.token))
      .expect(200);
    expect((audit.body.items as { action: string }[]).map((row) => row.action)).toEqual([
      'placement.created',
      'placement.checkin',
      'placement.checkin',
      'placement.omklap_flipped',
    ]);
    expect(audit.text).not.toContain('stablyHoused":');
    await expect(
      sql(`UPDATE placement_events SET date = date - 1 WHERE placement_id = $1`, [placement.id]),
    ).rejects.toThrow(/append-only/);
    expect((await eventsAbout(placement.id)).map((event) => event.type)).toEqual([
      'placement.review_due',
      'placement.omklap_flipped',
    ]);
  });

  it('when an omklap goes back to the provider (terugklap) and the provider returns the client, then the client waits again, the home is free, and a run proposes the client another home', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const leaseStart = daysAgo(10);
    const { clientId, unitId, placement } = await placedPair(world, OMKLAP, leaseStart);

    // Who may do what, and bad input named field by field.
    expectProblem(
      await record(world.provider.token, placement.id, { type: 'terugklap', date: today() }),
      403,
    );
    expectProblem(
      await record(world.provider.token, placement.id, {
        type: 'returned_to_waiting',
        date: today(),
      }),
      409,
    );
    const elsewhere = await createRegion(t.runtime.dataSource);
    for (const other of [
      await createOrganisation(t.runtime.dataSource, 'corporatie', {
        regionCode: world.region.code,
      }),
      await createOrganisation(t.runtime.dataSource, 'matchingspunt', {
        regionCode: elsewhere.code,
        municipalityCodes: [elsewhere.municipalities[0]!.code],
      }),
    ]) {
      await request(t.app)
        .get(`/api/v1/placements/${placement.id}`)
        .set(bearer(other.token))
        .expect(404);
      const list = await request(t.app)
        .get('/api/v1/placements')
        .set(bearer(other.token))
        .expect(200);
      expect(list.body.items).toEqual([]);
    }
    const strangerCorporation = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: world.region.code,
    });
    expectProblem(
      await record(strangerCorporation.token, placement.id, { type: 'terugklap', date: today() }),
      404,
    );
    const bad = await record(world.provider.token, placement.id, {
      type: 'checkin',
      stablyHoused: 'yes',
    });
    expectProblem(bad, 422);
    expect(errorPaths(bad)).toEqual(['date', 'stablyHoused']);
    expectProblem(
      await record(world.corporation.token, placement.id, { type: 'evicted', date: today() }),
      422,
    );
    const early = await record(world.corporation.token, placement.id, {
      type: 'omklap_extended',
      date: addDays(leaseStart, -1),
      reviewDate: leaseStart,
    });
    expectProblem(early, 422);
    expect(errorPaths(early)).toEqual(['date', 'reviewDate']);
    const future = await record(world.corporation.token, placement.id, {
      type: 'terugklap',
      date: addDays(today(), 2),
    });
    expectProblem(future, 422);
    expect(errorPaths(future)).toEqual(['date']);
    expect((await getPlacement(world.corporation.token, placement.id)).version).toBe(1);

    // Extended: a new review date; then the lease goes back to the provider.
    const newReview = await plusMonths(leaseStart, 9);
    const extended = await record(world.corporation.token, placement.id, {
      type: 'omklap_extended',
      date: today(),
      reviewDate: newReview,
    }).expect(200);
    expect(extended.body).toMatchObject({ status: 'active', reviewDate: newReview, version: 2 });
    const back = await record(world.corporation.token, placement.id, {
      type: 'terugklap',
      date: today(),
    }).expect(200);
    expect(back.body).toMatchObject({ status: 'terugklap', tenant: 'provider' });
    // The client lives on under the provider's lease until the provider says otherwise.
    expect(await statusesOf(unitId, clientId)).toEqual({ unit: 'let', client: 'placed' });

    const returned = await record(world.provider.token, placement.id, {
      type: 'returned_to_waiting',
      date: today(),
    }).expect(200);
    expect(returned.body).toMatchObject({
      status: 'ended',
      endReason: 'returned_to_waiting',
      endedOn: today(),
    });
    expect((returned.body as Placement).checkins!.map((c) => c.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(await statusesOf(unitId, clientId)).toEqual({ unit: 'available', client: 'waiting' });
    expect((await eventsAbout(placement.id)).map((e) => [e.type, e.data.endReason])).toEqual([
      ['placement.omklap_extended', undefined],
      ['placement.terugklap', undefined],
      ['placement.ended', 'returned_to_waiting'],
    ]);

    // The run the return requested does not put the client back in the same home …
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    expect(await openProposals(world, { clientId })).toEqual([]);
    // … and finds it another one.
    const otherUnit = await offer(world, OMKLAP.unit);
    const [next] = await proposalFor(world, { clientId });
    expect(next).toMatchObject({ unitId: otherUnit });
  });

  it('when a doorstroom stay nears its end, then the client becomes matchable again as urgent, is never offered another doorstroom home, and its permanent placement ends the stay and frees that home', async () => {
    const world = await worldWithPledge(t.app, t.runtime.dataSource, 2);
    const DOORSTROOM = { type: 'doorstroom', contingentYear: undefined, furnished: true };
    // A year's stay that began 300 days ago ends in about two months: inside the three months' lead.
    const leaseStart = daysAgo(300);
    const { clientId, unitId, placement } = await placedPair(
      world,
      {
        client: { routes: ['contingent', 'doorstroom'] },
        unit: { ...DOORSTROOM, doorstroom: { maxStayMonths: 12 } },
      },
      leaseStart,
    );
    const endDate = await plusMonths(leaseStart, 12);
    expect(placement).toMatchObject({ unitType: 'doorstroom', tenant: 'client', endDate });
    expect(await placedSoFar(world)).toBe(0);

    // Another doorstroom home that would fit: the client is placed, so nothing happens yet.
    const secondDoorstroom = await offer(world, {
      ...DOORSTROOM,
      doorstroom: { maxStayMonths: 12 },
    });
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    expect(await openProposals(world, { clientId })).toEqual([]);

    await followUpNow(world);
    const movingOn = await eventually(
      () => getPlacement(world.provider.token, placement.id),
      (p) => p.status === 'moving_on',
      20_000,
    );
    expect(movingOn).toMatchObject({ movingOnSince: today(), endDate });
    const client = await request(t.app)
      .get(`/api/v1/clients/${clientId}`)
      .set(bearer(world.provider.token))
      .expect(200);
    expect(client.body).toMatchObject({
      status: 'waiting',
      urgent: true,
      urgencyReason: 'stay_ending',
      mustMoveBy: endDate,
    });
    expect((await eventsAbout(placement.id)).map((e) => e.type)).toEqual([
      'placement.doorstroom_due',
    ]);
    const sweeper = new PlacementService(t.runtime.dataSource, systemClock, requestMatchingRun);
    await Promise.all([sweeper.followUp(), sweeper.followUp()]);
    expect((await eventsAbout(placement.id)).map((e) => e.type)).toEqual([
      'placement.doorstroom_due',
    ]);

    // The run the move requested does not offer the other doorstroom home …
    await waitUntilSettled(t.runtime.dataSource, world.region.code);
    expect(await openProposals(world, { clientId })).toEqual([]);
    const why = await request(t.app)
      .get(`/api/v1/units/${secondDoorstroom}/candidates/${clientId}`)
      .set(bearer(world.matcher.token))
      .expect(200);
    expect(why.body).toMatchObject({ allowed: false, urgent: true, clientStatus: 'waiting' });
    expect(
      (why.body.rules as { code: string; passed: boolean }[])
        .filter((rule) => !rule.passed)
        .map((rule) => rule.code),
    ).toEqual(['UNIT_TYPE_NOT_IN_ROUTES']);
    // … but a permanent home, and placing the client there ends the stay.
    const permanent = await offer(world);
    const [proposal] = await proposalFor(world, { clientId });
    expect(proposal).toMatchObject({ unitId: permanent });
    const next = await place(world, proposal!.id, today());
    expect(next).toMatchObject({ unitType: 'contingent', status: 'active' });
    const ended = await getPlacement(world.corporation.token, placement.id);
    expect(ended).toMatchObject({ status: 'ended', endReason: 'moved_on', endedOn: today() });
    expect(await statusesOf(unitId, clientId)).toEqual({ unit: 'available', client: 'placed' });
    expect(await placedSoFar(world)).toBe(1);
    expect((await eventsAbout(placement.id)).map((e) => [e.type, e.data.endReason])).toEqual([
      ['placement.doorstroom_due', undefined],
      ['placement.ended', 'moved_on'],
    ]);
  });

  it('when a contingent tenancy ends, then the home is available again, the follow-up stops and the pledge still counts the placement', async () => {
    const world = await worldWithPledge(t.app, t.runtime.dataSource);
    const { clientId, unitId, placement } = await placedPair(
      world,
      { client: {}, unit: {} },
      daysAgo(100),
    );
    expect(placement).toMatchObject({ unitType: 'contingent', reviewDate: null, endDate: null });
    expect(await placedSoFar(world)).toBe(1);
    expectProblem(
      await record(world.corporation.token, placement.id, { type: 'terugklap', date: today() }),
      409,
    );
    // The database refuses a lifecycle the unit's type does not have, and an end without a date.
    await expect(
      sql(`UPDATE placements SET status = 'flipped', tenant = 'client' WHERE id = $1`, [
        placement.id,
      ]),
    ).rejects.toThrow(/ck_placements_omklap/);
    await expect(
      sql(`UPDATE placements SET status = 'ended' WHERE id = $1`, [placement.id]),
    ).rejects.toThrow(/ck_placements_ended/);
    const ended = await record(world.corporation.token, placement.id, {
      type: 'ended',
      date: today(),
    }).expect(200);
    expect(ended.body).toMatchObject({ status: 'ended', endReason: 'ended', endedOn: today() });
    expect(await statusesOf(unitId, clientId)).toEqual({ unit: 'available', client: 'placed' });
    expect(await placedSoFar(world)).toBe(1);
    const all = await checkins(world.provider.token, { placementId: placement.id });
    expect(all.map((c) => c.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expectProblem(
      await record(world.provider.token, placement.id, {
        type: 'checkin',
        date: today(),
        stablyHoused: true,
      }),
      409,
    );
  });
});
