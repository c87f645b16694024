import request from 'supertest';

import type { Proposal, ProposalListItem } from '../../src/modules/proposals';
import { formatUnitCsv } from '../../src/modules/units';
import type { CreateUnitInput } from '../../src/modules/units/unit.schemas';
import { HARD_RULE_CODES } from '../../src/modules/matching/engine';
import { addDays } from '../../src/shared/time/clock';
import { bearer } from '../support/factories';
import {
  createMatchingWorld,
  expectRunsListedAsRead,
  type MatchingWorld,
  useAppWithWorker,
  today,
  waitForRun,
  waitUntilSettled,
} from '../support/matching';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { eventually } from '../support/tcp-proxy';
import type { TestApp } from '../support/test-app';

jest.setTimeout(30_000);

describe('background matching', () => {
  let t: TestApp;
  useAppWithWorker((app) => (t = app));

  const fittingUnit = (world: MatchingWorld, overrides: Record<string, unknown> = {}) =>
    unitBody(world.region, { rent: 600, availableFrom: today(), ...overrides });

  async function proposalsFor(world: MatchingWorld, query: Record<string, string>) {
    const response = await request(t.app)
      .get('/api/v1/proposals')
      .query(query)
      .set(bearer(world.matcher.token))
      .expect(200);
    return (response.body as { items: ProposalListItem[] }).items;
  }

  const settled = (regionCode: string) => waitUntilSettled(t.runtime.dataSource, regionCode);

  it('when a unit is registered in a region with a fitting client, then an open proposal for that pair appears with breakdown, rule results and policy version', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const client = await request(t.app)
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .send(clientBody(world.region))
      .expect(201);
    // The client's own run has come and gone: what follows is the unit's doing.
    await settled(world.region.code);
    const unit = await request(t.app)
      .post('/api/v1/units')
      .set(bearer(world.corporation.token))
      .send(fittingUnit(world))
      .expect(201);

    const found = await eventually(
      () => proposalsFor(world, { unitId: unit.body.id }),
      (items) => items.length > 0,
      10_000,
    );
    expect(found).toHaveLength(1);
    const proposal = found[0]!;
    expect(proposal).toMatchObject({
      status: 'proposed',
      unitId: unit.body.id,
      clientId: client.body.id,
      regionCode: world.region.code,
      origin: 'run',
      policyVersion: 1,
    });
    expect(Object.keys(proposal.breakdown).sort()).toEqual(
      ['begeleiding', 'location', 'prikkelarm', 'spreiding', 'wait'].sort(),
    );
    expect(proposal.score).toBeGreaterThan(0);
    // The list leaves the rule results to the single read.
    expect(proposal).not.toHaveProperty('rules');

    const single = await request(t.app)
      .get(`/api/v1/proposals/${proposal.id}`)
      .set(bearer(world.matcher.token))
      .expect(200);
    expect(single.headers.etag).toBe(`"${proposal.version}"`);
    const { rules, ...rest } = single.body as Proposal;
    expect(rest).toEqual(proposal);
    expect(rules.map((rule) => rule.code)).toEqual([...HARD_RULE_CODES]);
    expect(rules.every((rule) => rule.passed && rule.message.length > 0)).toBe(true);
    const [unitNow] = await t.runtime.dataSource.query<{ status: string }[]>(
      `SELECT status FROM units WHERE id = $1`,
      [unit.body.id],
    );
    const [clientNow] = await t.runtime.dataSource.query<{ status: string }[]>(
      `SELECT status FROM clients WHERE id = $1`,
      [client.body.id],
    );
    expect(unitNow?.status).toBe('proposed');
    expect(clientNow?.status).toBe('proposed');

    // Nobody but the region's matchers sees it before approval.
    for (const other of [world.corporation, world.provider]) {
      await request(t.app)
        .get(`/api/v1/proposals/${proposal.id}`)
        .set(bearer(other.token))
        .expect(404);
      const list = await request(t.app)
        .get('/api/v1/proposals')
        .set(bearer(other.token))
        .expect(200);
      expect(list.body.items).toEqual([]);
    }
  });

  it('when a later run happens, then an open proposal is untouched; a dry run changes no proposal and offers nothing', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    await request(t.app)
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .send(clientBody(world.region, { readySince: '2026-01-01' }))
      .expect(201);
    const unit = await request(t.app)
      .post('/api/v1/units')
      .set(bearer(world.corporation.token))
      .send(fittingUnit(world))
      .expect(201);
    const [first] = await eventually(
      () => proposalsFor(world, { unitId: unit.body.id }),
      (items) => items.length > 0,
      10_000,
    );
    await settled(world.region.code);

    // A client who would fit this unit better arrives: urgent, waiting much longer.
    const better = await request(t.app)
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .send(clientBody(world.region, { readySince: '2024-01-01', urgencyReason: 'safety' }))
      .expect(201);
    await request(t.app)
      .post(`/api/v1/clients/${better.body.id}/urgency`)
      .set(bearer(world.matcher.token))
      .send({ confirm: true })
      .expect(200);
    await settled(world.region.code);
    const run = await request(t.app)
      .post('/api/v1/matching/runs')
      .set(bearer(world.matcher.token))
      .send({ regionCode: world.region.code })
      .expect(202);
    expect((await waitForRun(t.app, world.matcher.token, run.body.id)).status).toBe('done');

    const dry = await request(t.app)
      .post('/api/v1/matching/runs')
      .set(bearer(world.matcher.token))
      .send({
        regionCode: world.region.code,
        dryRun: true,
        policy: { weights: { wait: 5 }, maxDistanceKm: 40 },
      })
      .expect(202);
    const dryDone = await waitForRun(t.app, world.matcher.token, dry.body.id);
    expect(dryDone.status).toBe('done');
    expect(dryDone.dryRun).toBe(true);
    expect(dryDone.stats?.comparison?.current).toBeDefined();
    expect(dryDone.stats?.comparison?.whatIf).toBeDefined();
    // The only unit is held by the open proposal: the preview has nothing to offer either.
    const preview = await request(t.app)
      .get(`/api/v1/matching/runs/${dry.body.id}/preview`)
      .set(bearer(world.matcher.token))
      .expect(200);
    expect(preview.body.items).toEqual([]);
    // The list holds every run as its single read: stats, the dry run's policy overrides.
    expect(await expectRunsListedAsRead(t.app, world.matcher.token, world.region.code)).toEqual(
      expect.arrayContaining(['done']),
    );

    const all = await proposalsFor(world, { regionCode: world.region.code });
    expect(all).toHaveLength(1);
    expect(all[0]).toEqual(first);
    const [betterNow] = await t.runtime.dataSource.query<{ status: string }[]>(
      `SELECT status FROM clients WHERE id = $1`,
      [better.body.id],
    );
    expect(betterNow?.status).toBe('waiting');
  });

  it('when a dry run has a free unit to place, then its preview lists the pair but no proposal, unit or client changes', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    // Available after the planning horizon (90 days): no real run proposes it; a dry run with a
    // longer horizon would, and must not make anything real.
    const client = await request(t.app)
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .send(clientBody(world.region))
      .expect(201);
    const unit = await request(t.app)
      .post('/api/v1/units')
      .set(bearer(world.corporation.token))
      .send(fittingUnit(world, { availableFrom: addDays(today(), 200) }))
      .expect(201);
    await settled(world.region.code);
    expect(await proposalsFor(world, { regionCode: world.region.code })).toEqual([]);

    const before = await t.runtime.dataSource.query(
      `SELECT id, status, version FROM units WHERE id = $1 UNION ALL
       SELECT id, status, version FROM clients WHERE id = $2`,
      [unit.body.id, client.body.id],
    );
    const dry = await request(t.app)
      .post('/api/v1/matching/runs')
      .set(bearer(world.matcher.token))
      .send({ regionCode: world.region.code, dryRun: true, policy: { planningHorizonDays: 365 } })
      .expect(202);
    const done = await waitForRun(t.app, world.matcher.token, dry.body.id);
    expect(done.status).toBe('done');
    expect(done.stats?.comparison?.current.assigned).toBe(0);
    expect(done.stats?.comparison?.whatIf.assigned).toBe(1);
    const preview = await request(t.app)
      .get(`/api/v1/matching/runs/${dry.body.id}/preview`)
      .set(bearer(world.matcher.token))
      .expect(200);
    expect(preview.body.items).toEqual([
      expect.objectContaining({ unitId: unit.body.id, clientId: client.body.id }),
    ]);
    expect(await proposalsFor(world, { regionCode: world.region.code })).toEqual([]);
    const after = await t.runtime.dataSource.query(
      `SELECT id, status, version FROM units WHERE id = $1 UNION ALL
       SELECT id, status, version FROM clients WHERE id = $2`,
      [unit.body.id, client.body.id],
    );
    expect(after).toEqual(before);
  });

  it('when 1,000 units are imported at once, then one matching run (or very few) follows, not one per unit', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource, {
      municipalities: 2,
      neighbourhoods: 4,
    });
    for (let i = 0; i < 5; i++) {
      await request(t.app)
        .post('/api/v1/clients')
        .set(bearer(world.provider.token))
        .send(clientBody(world.region))
        .expect(201);
    }
    await settled(world.region.code);
    const [{ n: runsBefore } = { n: 0 }] = await t.runtime.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM matching_runs WHERE region_code = $1`,
      [world.region.code],
    );

    const units = Array.from({ length: 1000 }, (_, i) =>
      fittingUnit(world, {
        externalRef: `IMP-${i}`,
        bedrooms: 1,
        neighbourhoodCode: world.region.municipalities[0]!.neighbourhoods[i % 4],
      }),
    ) as unknown as CreateUnitInput[];
    await request(t.app)
      .post('/api/v1/units/import')
      .set(bearer(world.corporation.token))
      .set('Content-Type', 'text/csv')
      .send(formatUnitCsv(units))
      .expect(201);
    await settled(world.region.code);

    const [{ n: runsAfter } = { n: 0 }] = await t.runtime.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM matching_runs WHERE region_code = $1`,
      [world.region.code],
    );
    expect(runsAfter - runsBefore).toBeGreaterThanOrEqual(1);
    expect(runsAfter - runsBefore).toBeLessThanOrEqual(3);
    // The run proposed as the caps allow: 4 neighbourhoods × cap 3 of 1,000 units, 5 clients.
    const proposals = await proposalsFor(world, { regionCode: world.region.code });
    expect(proposals).toHaveLength(5);
    // A run's proposals share their deadlines, so one message asks for their wake-ups, whatever
    // their number: one per run that proposed, naming exactly that run's proposals.
    const byRun = await t.runtime.dataSource.query<{ runId: string; ids: string[] }[]>(
      `SELECT p.run_id AS "runId", array_agg(p.id::text) AS ids
         FROM proposals p WHERE p.region_code = $1 GROUP BY p.run_id`,
      [world.region.code],
    );
    const deadlineMessages = await t.runtime.dataSource.query<{ ids: string[] }[]>(
      `SELECT ARRAY(SELECT jsonb_array_elements_text(payload->'proposalIds')) AS ids
         FROM outbox WHERE topic = 'proposals.deadline_set'
          AND payload->'proposalIds' ?| $1::text[]`,
      [proposals.map((proposal) => proposal.id)],
    );
    const sets = (lists: string[][]) => lists.map((ids) => [...ids].sort().join()).sort();
    expect(sets(deadlineMessages.map((message) => message.ids))).toEqual(
      sets(byRun.map((run) => run.ids)),
    );
  });

  it('when why-not is asked for a pair that breaks a rule, then it names that rule; candidates list only pairs that pass', async () => {
    const world = await createMatchingWorld(t.app, t.runtime.dataSource);
    const fits = await request(t.app)
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .send(clientBody(world.region, { maxRent: 900, routes: ['omklap'] }))
      .expect(201);
    const tooPoor = await request(t.app)
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .send(clientBody(world.region, { maxRent: 400, routes: ['omklap'] }))
      .expect(201);
    const unit = await request(t.app)
      .post('/api/v1/units')
      .set(bearer(world.corporation.token))
      .send(
        fittingUnit(world, {
          type: 'omklap',
          contingentYear: undefined,
          omklap: { reviewAfterMonths: 12 },
        }),
      )
      .expect(201);

    const whyNot = await request(t.app)
      .get(`/api/v1/units/${unit.body.id}/candidates/${tooPoor.body.id}`)
      .set(bearer(world.matcher.token))
      .expect(200);
    expect(whyNot.body.allowed).toBe(false);
    const failed = (
      whyNot.body.rules as { code: string; passed: boolean; message: string }[]
    ).filter((rule) => !rule.passed);
    expect(failed.map((rule) => rule.code)).toEqual(['RENT_ABOVE_MAX']);
    expect(failed[0]?.message).toMatch(/above the client's maximum of €400\.00/);
    expect(whyNot.body.rules).toHaveLength(HARD_RULE_CODES.length);

    const passes = await request(t.app)
      .get(`/api/v1/units/${unit.body.id}/candidates/${fits.body.id}`)
      .set(bearer(world.matcher.token))
      .expect(200);
    expect(passes.body.allowed).toBe(true);

    // Candidates: waiting clients that pass every rule. Once the run proposed the fitting client,
    // it is no longer waiting; check before and after without depending on the timing.
    const candidates = await request(t.app)
      .get(`/api/v1/units/${unit.body.id}/candidates`)
      .set(bearer(world.matcher.token))
      .expect(200);
    const ids = (candidates.body.items as { clientId: string }[]).map((item) => item.clientId);
    expect(ids).not.toContain(tooPoor.body.id);
    expect(ids.every((id) => id === fits.body.id)).toBe(true);

    // Another region's matcher, a corporation: 404 / 403, as for any record not theirs.
    const stranger = await createMatchingWorld(t.app, t.runtime.dataSource);
    await request(t.app)
      .get(`/api/v1/units/${unit.body.id}/candidates`)
      .set(bearer(stranger.matcher.token))
      .expect(404);
    await request(t.app)
      .get(`/api/v1/units/${unit.body.id}/candidates`)
      .set(bearer(world.corporation.token))
      .expect(403);
  });
});
