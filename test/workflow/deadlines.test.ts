import request from 'supertest';

import { requestMatchingRun } from '../../src/modules/matching';
import { ProposalService } from '../../src/modules/proposals';
import type { PairEvaluator } from '../../src/modules/proposals';
import { isWorkingDay } from '../../src/shared/time/working-days';
import { bearer } from '../support/factories';
import { createMatchingWorld, type MatchingWorld, useAppWithWorker } from '../support/matching';
import { eventually } from '../support/tcp-proxy';
import type { TestApp } from '../support/test-app';
import { workflowSteps } from '../support/workflow-steps';

jest.setTimeout(90_000);

describe('deadlines of the proposal workflow', () => {
  let t: TestApp;
  useAppWithWorker((app) => (t = app));
  const w = () => workflowSteps(t.app, t.runtime.dataSource);

  /** The service as the worker builds it, for calling the deadline jobs' steps directly. */
  const service = () =>
    new ProposalService(
      t.runtime.dataSource,
      { whyNot: () => Promise.reject(new Error('not used')) } satisfies PairEvaluator,
      requestMatchingRun,
    );

  async function eventsOf(proposalId: string, type: string) {
    return w().sql<{ organisation_ids: string[]; data: Record<string, unknown> }>(
      `SELECT organisation_ids, data FROM domain_events
        WHERE subject_type = 'proposal' AND subject_id = $1 AND type = $2 ORDER BY id`,
      [proposalId, type],
    );
  }

  it('when a proposal is made, then its deadline is the matcher’s working days on, on a working day, with the reminder a working day before', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const { proposal } = await w().pairUp(world);
    expect(proposal.deadline).not.toBeNull();
    const deadline = new Date(proposal.deadline!);
    const created = new Date(proposal.createdAt);
    expect(isWorkingDay(deadline)).toBe(true);
    // Five working days are a week at least and, with holidays, never much more than two.
    expect(deadline.getTime() - created.getTime()).toBeGreaterThanOrEqual(7 * 86_400_000 - 1);
    expect(deadline.getTime() - created.getTime()).toBeLessThan(14 * 86_400_000);
    const [row] = await w().sql<{ remind_at: Date }>(
      `SELECT remind_at FROM proposals WHERE id = $1`,
      [proposal.id],
    );
    expect(row!.remind_at.getTime()).toBeLessThan(deadline.getTime());
    expect(isWorkingDay(row!.remind_at)).toBe(true);
    expect(await eventsOf(proposal.id, 'proposal.deadline_near')).toEqual([]);
  });

  it('when the deadlines are zero working days and an approved proposal is left untouched, then it expires within seconds, both are free, it is written once, and a run proposes something else for each', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    await w().setPolicy(world, { deadlines: { corporationDays: 0, providerDays: 0 } });
    const { proposalId, unitId, clientId } = await w().pairUp(world);

    const approved = await w().step(world.matcher.token, proposalId, 'approve').expect(200);
    // Due at once: the moment of approval (to the millisecond).
    const approvedAt = Date.parse(approved.body.approvedAt as string);
    for (const field of ['deadline', 'corporationDeadline', 'providerDeadline']) {
      expect(Date.parse(approved.body[field] as string)).toBe(approvedAt);
    }

    const expired = await eventually(
      () => w().read(world.matcher.token, proposalId),
      (body) => body.status === 'expired',
      15_000,
    );
    expect(expired).toMatchObject({ status: 'expired', reason: 'deadline_passed' });
    expect(await w().statusesOf(unitId, clientId)).toEqual({
      unit: 'available',
      client: 'waiting',
    });
    expect(await w().trail(proposalId, 'expire')).toEqual({ decisions: 1, audits: 1, events: 1 });
    const [decision] = await w().sql<Record<string, unknown>>(
      `SELECT party, reason, organisation_id, token_id FROM proposal_decisions
        WHERE proposal_id = $1 AND action = 'expire'`,
      [proposalId],
    );
    expect(decision).toEqual({
      party: 'system',
      reason: 'deadline_passed',
      organisation_id: null,
      token_id: null,
    });
    const [event] = await eventsOf(proposalId, 'proposal.expired');
    expect([...event!.organisation_ids].sort()).toEqual(
      [world.matcher.id, world.corporation.id, world.provider.id].sort(),
    );
    expect(event!.data).toMatchObject({
      party: 'system',
      lapsed: ['corporation', 'provider'],
      deadline: approved.body.deadline,
    });

    // The job again (a retry, a second delivery) and the sweep find it expired: nothing changes.
    expect(await service().expireStep(proposalId, 2)).toBe('moved_on');
    await service().sweepDeadlines();
    expect(await w().trail(proposalId, 'expire')).toEqual({ decisions: 1, audits: 1, events: 1 });

    // The freed pair is never proposed again; newcomers are proposed to each of them.
    const otherClient = await w().register(world);
    const otherUnit = await w().offer(world);
    const forUnit = await eventually(
      () => w().open(world, { unitId }),
      (items) => items.length > 0,
      15_000,
    );
    const forClient = await eventually(
      () => w().open(world, { clientId }),
      (items) => items.length > 0,
      15_000,
    );
    expect(forUnit.map((p) => p.clientId)).toEqual([otherClient]);
    expect(forClient.map((p) => p.unitId)).toEqual([otherUnit]);
  });

  it('when both sides accept within their deadlines, then the placement step gets its own deadline and nothing expires', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    await w().setPolicy(world, { deadlines: { corporationDays: 2, providerDays: 4 } });
    const { proposalId } = await w().pairUp(world);
    const approved = await w().step(world.matcher.token, proposalId, 'approve').expect(200);
    const body = approved.body as Record<string, string>;
    // The proposal's deadline is the earlier side's.
    expect(body.deadline).toBe(body.corporationDeadline);
    expect(Date.parse(body.providerDeadline!)).toBeGreaterThan(Date.parse(body.deadline!));

    const first = await w().step(world.corporation.token, proposalId, 'accept').expect(200);
    // The corporation decided: what is left is the provider's deadline.
    expect(first.body.deadline).toBe(body.providerDeadline);
    const both = await w().step(world.provider.token, proposalId, 'accept').expect(200);
    expect(both.body.status).toBe('accepted');
    const placementDeadline = new Date(both.body.deadline as string);
    expect(isWorkingDay(placementDeadline)).toBe(true);
    // Twenty working days (the default placementDays) are four weeks at least.
    expect(placementDeadline.getTime() - Date.parse(both.body.updatedAt as string)).toBeGreaterThan(
      28 * 86_400_000 - 1,
    );
    // The earlier steps' jobs find the proposal moved on.
    expect(await service().expireStep(proposalId, 2)).toBe('moved_on');
    expect(await service().expireStep(proposalId, 3)).toBe('moved_on');
    expect((await w().read(world.matcher.token, proposalId)).status).toBe('accepted');
  });

  it('when a step has one working day, then proposal.deadline_near goes out once for it, to those who see the proposal', async () => {
    const world: MatchingWorld = await createMatchingWorld(t.app, t.runtime.dataSource);
    await w().setPolicy(world, {
      deadlines: { matcherDays: 1, corporationDays: 1, providerDays: 3 },
    });
    const { proposalId } = await w().pairUp(world);
    // The matcher's step: one working day, so the reminder is due at once.
    const [matcherReminder] = await eventually(
      () => eventsOf(proposalId, 'proposal.deadline_near'),
      (rows) => rows.length > 0,
      15_000,
    );
    expect(matcherReminder!.organisation_ids).toEqual([world.matcher.id]);
    const proposed = await w().read(world.matcher.token, proposalId);
    expect(matcherReminder!.data).toMatchObject({
      steps: ['matcher'],
      deadline: proposed.deadline,
    });

    const approved = await w().step(world.matcher.token, proposalId, 'approve').expect(200);
    const reminders = await eventually(
      () => eventsOf(proposalId, 'proposal.deadline_near'),
      (rows) => rows.length > 1,
      15_000,
    );
    expect(reminders[1]!.data).toMatchObject({
      steps: ['corporation'],
      deadline: approved.body.corporationDeadline,
    });
    expect([...reminders[1]!.organisation_ids].sort()).toEqual(
      [world.matcher.id, world.corporation.id, world.provider.id].sort(),
    );

    // Once per step: the job again, and the sweep, send nothing more.
    expect(await service().remindStep(proposalId, 2)).toBe('sent');
    await service().sweepDeadlines();
    // The corporation accepts: the provider's deadline (three working days) is not near yet.
    await w().step(world.corporation.token, proposalId, 'accept').expect(200);
    await expect(service().remindStep(proposalId, 3)).rejects.toThrow(/not due before/);
    expect(await eventsOf(proposalId, 'proposal.deadline_near')).toHaveLength(2);
  });

  it('when a deadline wakes up, then every step due is expired, past the limit of one pass; before its moment it is refused for a retry', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const first = await w().pairUp(world);
    const second = await w().pairUp(world);
    await expect(
      service().onDeadlineDue(new Date(Date.now() + 3_600_000).toISOString()),
    ).rejects.toThrow(/not due before/);
    await w().sql(
      `UPDATE proposals SET deadline = now() - interval '1 minute', remind_at = NULL
        WHERE id = ANY($1::uuid[])`,
      [[first.proposalId, second.proposalId]],
    );
    // A pass of one step at a time: the wake-up goes on until nothing due is left.
    const outcome = await service().onDeadlineDue(new Date(Date.now() - 1_000).toISOString(), 1);
    expect(outcome.expired).toBe(2);
    for (const { proposalId } of [first, second]) {
      expect((await w().read(world.matcher.token, proposalId)).status).toBe('expired');
      expect(await w().trail(proposalId, 'expire')).toEqual({ decisions: 1, audits: 1, events: 1 });
    }
  });

  it('when a step is past its deadline but its job was lost, then the sweep expires it once', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const { proposalId, unitId, clientId } = await w().pairUp(world);
    // The real job waits five working days; pretend the deadline passed and the job is gone.
    await w().sql(
      `UPDATE proposals SET deadline = now() - interval '1 minute', remind_at = NULL WHERE id = $1`,
      [proposalId],
    );
    await Promise.all([service().sweepDeadlines(), service().sweepDeadlines()]);
    await service().sweepDeadlines();
    expect((await w().read(world.matcher.token, proposalId)).status).toBe('expired');
    expect(await w().trail(proposalId, 'expire')).toEqual({ decisions: 1, audits: 1, events: 1 });
    const [event] = await eventsOf(proposalId, 'proposal.expired');
    // Before approval only the matchingspunt is told.
    expect(event!.organisation_ids).toEqual([world.matcher.id]);
    expect(event!.data).toMatchObject({ lapsed: ['matcher'] });
    expect(await w().statusesOf(unitId, clientId)).toEqual({
      unit: 'available',
      client: 'waiting',
    });
  });

  it('when an open proposal has no deadline (opened before deadlines existed), then the sweep gives its step one, from the undecided side, with its jobs', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    await w().setPolicy(world, { deadlines: { corporationDays: 2, providerDays: 4 } });
    const { proposalId } = await w().pairUp(world);
    await w().step(world.matcher.token, proposalId, 'approve').expect(200);
    await w().step(world.corporation.token, proposalId, 'accept').expect(200);
    await w().sql(
      `UPDATE proposals SET deadline = NULL, corporation_deadline = NULL, provider_deadline = NULL,
              remind_at = NULL, reminded_at = NULL WHERE id = $1`,
      [proposalId],
    );
    await service().sweepDeadlines();
    const adopted = await w().read(world.matcher.token, proposalId);
    expect(adopted.version).toBe(3);
    // Only the provider has not decided: its deadline is the proposal's.
    expect(adopted.deadline).not.toBeNull();
    expect(adopted.deadline).toBe(adopted.providerDeadline);
    expect(Date.parse(adopted.corporationDeadline!)).toBeLessThan(Date.parse(adopted.deadline!));
    const messages = await w().sql<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM outbox WHERE topic = 'proposals.deadline_set'
          AND payload->'proposalIds' ? $1`,
      [proposalId],
    );
    // One per step it went through (made, approved, accepted), and the sweep's with the new deadline.
    expect(messages).toHaveLength(4);
    expect(messages.map((m) => m.payload.deadline)).toContain(
      new Date(adopted.deadline!).toISOString(),
    );
    // A second sweep finds it dated: nothing more.
    await service().sweepDeadlines();
    expect((await w().read(world.matcher.token, proposalId)).deadline).toBe(adopted.deadline);
  });

  it('when a region sets a negative or too long deadline, then the policy is refused naming each field', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const response = await request(t.app)
      .patch(`/api/v1/regions/${world.region.code}/policy`)
      .set(bearer(world.admin.token))
      .send({ deadlines: { matcherDays: -1, placementDays: 181 } })
      .expect(422);
    expect((response.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'deadlines.matcherDays',
      'deadlines.placementDays',
    ]);
  });
});
