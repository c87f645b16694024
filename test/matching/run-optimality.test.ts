import request from 'supertest';

import { inSnapshot, loadRegionSnapshot, type Run } from '../../src/modules/matching';
import {
  type AssignmentInstance,
  evaluatePair,
  generatePairs,
  solveGreedy,
  solveOptimal,
} from '../../src/modules/matching/engine';
import type { Proposal } from '../../src/modules/proposals';
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

    // The engine's own reference path: string ids, its own compact conversion, its own solvers.
    const generated = generatePairs(snapshot.clients, snapshot.units, snapshot.context);
    const { policy, load } = snapshot.context;
    const instance: AssignmentInstance = {
      clients: snapshot.clients.map((client) => ({ id: client.id })),
      units: snapshot.units.map((unit) => ({
        id: unit.id,
        neighbourhood: unit.neighbourhoodCode,
        municipality: unit.municipalityCode,
      })),
      caps: {
        neighbourhoods: Object.fromEntries(
          snapshot.units.map((unit) => [
            unit.neighbourhoodCode,
            Math.max(
              0,
              policy.neighbourhoodCap - (load.neighbourhoods.get(unit.neighbourhoodCode) ?? 0),
            ),
          ]),
        ),
      },
      pairs: Array.from({ length: generated.count }, (_, i) => ({
        client: snapshot.clients[generated.clientIndex[i]!]!.id,
        unit: snapshot.units[generated.unitIndex[i]!]!.id,
        score: generated.score[i]!,
      })),
    };
    const optimum = solveOptimal(instance);
    const greedy = solveGreedy(instance);
    expect(optimum.assigned).toBeGreaterThan(50);

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
      greedyAssigned: greedy.assigned,
    });
    expect(run.stats!.objective).toBeCloseTo(optimum.objective, 6);
    expect(run.stats!.greedyObjective).toBeCloseTo(greedy.objective, 6);
    expect(run.stats!.objective).toBeGreaterThanOrEqual(run.stats!.greedyObjective);
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
    expect(Math.abs(total - optimum.objective)).toBeLessThan(proposals.length * 1e-6);
    expect(new Set(proposals.map((p) => `${p.unitId}:${p.clientId}`))).toEqual(
      new Set(optimum.assignment.map((pair) => `${pair.unit}:${pair.client}`)),
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
  });
});
