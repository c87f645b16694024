import type { Express } from 'express';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import { loadConfig } from '../../config';
import { type Run, RunExecutor } from '../../src/modules/matching';
import { matchRegion } from '../../src/modules/matching/engine/region-match';
import type { Runtime } from '../../src/runtime';
import { type Clock, dutchDate, systemClock } from '../../src/shared/time/clock';
import { type RunningWorker, startWorker } from '../../workers';
import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
} from './factories';
import { eventually } from './tcp-proxy';

/** A run executor that solves on the calling thread: for tests that do not test the thread. */
export function inProcessRunExecutor(runtime: Runtime, clock: Clock = systemClock): RunExecutor {
  return new RunExecutor({
    dataSource: runtime.dataSource,
    match: async (input) => matchRegion(input),
    clock,
    logger: runtime.logger,
    lockTimeoutMs: 30_000,
  });
}

/** The worker (relay, run jobs, engine threads) in this process, on this test worker's database. */
export async function startTestWorker(
  overrides: Record<string, string> = {},
): Promise<RunningWorker> {
  return startWorker(
    loadConfig({
      ...process.env,
      MATCHING_DEBOUNCE_MS: '100',
      OUTBOX_POLL_MS: '500',
      WORKER_CONCURRENCY: '2',
      ...overrides,
    }),
  );
}

/**
 * Leftovers of earlier test files in this database (their changes never had a worker): marked
 * sent, so this file's worker runs only this file's regions.
 */
export async function forgetEarlierOutbox(dataSource: DataSource): Promise<void> {
  await dataSource.query(`UPDATE outbox SET dispatched_at = now() WHERE dispatched_at IS NULL`);
}

export interface MatchingWorld {
  region: TestRegion;
  corporation: TestOrganisation;
  provider: TestOrganisation;
  matcher: TestOrganisation;
  admin: TestOrganisation;
}

/** A region with a corporation, a provider covering every municipality, and its matcher. */
export async function createMatchingWorld(
  app: Express,
  dataSource: DataSource,
  options: { municipalities?: number; neighbourhoods?: number } = {},
): Promise<MatchingWorld> {
  const region = await createRegion(dataSource, options);
  const codes = region.municipalities.map((m) => m.code);
  const corporation = await createOrganisation(dataSource, 'corporatie', {
    regionCode: region.code,
  });
  const provider = await createOrganisation(dataSource, 'zorgaanbieder', {
    regionCode: region.code,
  });
  const matcher = await createOrganisation(dataSource, 'matchingspunt', {
    regionCode: region.code,
    municipalityCodes: codes,
  });
  const admin = await createOrganisation(dataSource, 'platform');
  await request(app)
    .put(`/api/v1/organisations/${provider.id}/coverage`)
    .set(bearer(provider.token))
    .send(codes.map((municipalityCode) => ({ municipalityCode, capacity: 50 })))
    .expect(200);
  return { region, corporation, provider, matcher, admin };
}

/** Today in the Netherlands, as the service counts it. */
export const today = () => dutchDate(new Date());

export async function waitForRun(
  app: Express,
  token: string,
  runId: string,
  timeoutMs = 20_000,
): Promise<Run> {
  const run = await eventually(
    async () =>
      (await request(app).get(`/api/v1/matching/runs/${runId}`).set(bearer(token))).body as Run,
    (body) => body.status === 'done' || body.status === 'failed',
    timeoutMs,
  );
  return run;
}
