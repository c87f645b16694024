import request from 'supertest';

import { inSnapshot, loadRegionSnapshot, type Run } from '../../src/modules/matching';
import {
  evaluatePair,
  generatePairs,
  solveGreedy,
  solveOptimal,
} from '../../src/modules/matching/engine';
import { referenceRegion } from '../../src/modules/matching/engine/testing/region-reference';
import type { Proposal } from '../../src/modules/proposals';
import { MATCHING_POLICY_DEFAULTS } from '../../src/shared/domain/matching-policy';
import type { RunningWorker } from '../../workers';
import { bearer } from '../support/factories';
import {
  closeGeneratedRegion,
  createGeneratedRegion,
  type GeneratedRegion,
  startTestWorker,
  waitForRun,
} from '../support/matching';

jest.setTimeout(60_000);

describe('matching run optimality', () => {
  let region: GeneratedRegion;
  let worker: RunningWorker;

  beforeAll(async () => {
    region = await createGeneratedRegion({
      clients: 400,
      units: 250,
      seed: 8_001,
      label: 'optimum',
    });
    worker = await startTestWorker({ DATABASE_URL: region.database.url });
  });
  afterAll(async () => {
    await worker.stop();
    await closeGeneratedRegion(region);
  });

  it("when a generated region of a few hundred units and clients is run, then its proposals are the engine's exact optimum for the same snapshot and the stats report the greedy comparison", async () => {
    const { t, loaded, matcherToken } = region;
    const { dataSource } = t.runtime;
    const now = new Date();
    const snapshot = await inSnapshot(dataSource, (db) =>
      loadRegionSnapshot(db, loaded.regionCode, now),
    );
    if (!snapshot) throw new Error('no snapshot');

    // The engine's own reference path: string ids, tiers, groups and caps built from the scoring
    // stage's outputs, its own compact conversion, its own solvers.
    const generated = generatePairs(snapshot.clients, snapshot.units, snapshot.context);
    const { policy, load } = snapshot.context;
    const { instance, realId } = referenceRegion(snapshot);
    expect(generated.groups.length).toBeGreaterThan(0);
    const optimum = solveOptimal(instance);
    const greedy = solveGreedy(instance);
    expect(optimum.assigned).toBeGreaterThan(50);
    expect(optimum.urgent).toBeGreaterThan(0);

    const requested = await request(t.app)
      .post('/api/v1/matching/runs')
      .set(bearer(matcherToken))
      .send({ regionCode: loaded.regionCode })
      .expect(202);
    const run: Run = await waitForRun(t.app, matcherToken, requested.body.id, 30_000);
    expect(run.status).toBe('done');
    expect(run.stats).toMatchObject({
      clients: snapshot.clients.length,
      units: snapshot.units.length,
      pairs: generated.count,
      proposalsCreated: optimum.assigned,
      assigned: optimum.assigned,
      urgentHoused: optimum.urgent,
      waitDaysHoused: optimum.waitDays,
      greedyAssigned: greedy.assigned,
      greedyUrgentHoused: greedy.urgent,
      greedyWaitDaysHoused: greedy.waitDays,
    });
    expect(run.stats!.optimality.exact).toBe(optimum.optimality!.exact);
    expect(run.stats!.fit).toBeCloseTo(optimum.objective, 5);
    expect(run.stats!.greedyFit).toBeCloseTo(greedy.objective, 5);
    // The tiers, compared in order: the optimum is never behind greedy.
    const tiers = (s: NonNullable<Run['stats']>, prefix: '' | 'greedy') =>
      prefix === ''
        ? [s.assigned, s.urgentHoused, s.waitDaysHoused, s.fit]
        : [s.greedyAssigned, s.greedyUrgentHoused, s.greedyWaitDaysHoused, s.greedyFit];
    const [best, baseline] = [tiers(run.stats!, ''), tiers(run.stats!, 'greedy')];
    const first = best.findIndex((value, i) => value !== baseline[i]);
    if (first >= 0) expect(best[first]).toBeGreaterThan(baseline[first]!);
    for (const phase of ['load', 'score', 'solve', 'store'] as const) {
      expect(run.stats!.phases[phase]).toBeGreaterThanOrEqual(0);
    }

    const proposals: Proposal[] = [];
    let cursor: string | null = null;
    do {
      const page = await request(t.app)
        .get('/api/v1/proposals')
        .query({ runId: run.id, limit: 500, ...(cursor ? { cursor } : {}) })
        .set(bearer(matcherToken))
        .expect(200);
      proposals.push(...(page.body.items as Proposal[]));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(proposals).toHaveLength(optimum.assigned);
    const total = proposals.reduce((sum, proposal) => sum + proposal.score, 0);
    expect(run.stats!.objective).toBeCloseTo(total, 5);
    expect(new Set(proposals.map((p) => `${p.unitId}:${p.clientId}`))).toEqual(
      new Set(
        optimum.assignment.map((pair) => `${realId.get(pair.unit)}:${realId.get(pair.client)}`),
      ),
    );

    // Nothing breaks a hard rule or a cap.
    const units = new Map(snapshot.units.map((unit) => [unit.id, unit]));
    const clients = new Map(snapshot.clients.map((client) => [client.id, client]));
    const perNeighbourhood = new Map<string, number>();
    for (const proposal of proposals) {
      const unit = units.get(proposal.unitId)!;
      const evaluation = evaluatePair(clients.get(proposal.clientId)!, unit, snapshot.context);
      expect(evaluation.allowed).toBe(true);
      expect(proposal.policyVersion).toBe(policy.version);
      // Exempt types (omklap, Skaeve Huse) count in no neighbourhood.
      if ((policy.capExemptTypes ?? MATCHING_POLICY_DEFAULTS.capExemptTypes).includes(unit.type)) {
        continue;
      }
      perNeighbourhood.set(
        unit.neighbourhoodCode,
        (perNeighbourhood.get(unit.neighbourhoodCode) ?? 0) + 1,
      );
    }
    for (const [code, count] of perNeighbourhood) {
      expect(count + (load.neighbourhoods.get(code) ?? 0)).toBeLessThanOrEqual(
        policy.neighbourhoodCap,
      );
    }
    // No provider holds more intensive-support clients in a municipality than its capacity.
    const perGroup = new Map<string, number>();
    for (const proposal of proposals) {
      const client = clients.get(proposal.clientId)!;
      if (client.support.intensity !== 'intensive') continue;
      const evaluation = evaluatePair(client, units.get(proposal.unitId)!, snapshot.context);
      const key = `${evaluation.supportProviderId}@${units.get(proposal.unitId)!.municipalityCode}`;
      perGroup.set(key, (perGroup.get(key) ?? 0) + 1);
    }
    for (const [key, count] of perGroup) {
      const [providerId, code] = key.split('@') as [string, string];
      const coverage = snapshot.context.coverage.get(providerId)?.get(code);
      expect(count).toBeLessThanOrEqual(coverage!.capacity - coverage!.used);
    }
  });
});
