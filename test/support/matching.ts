import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

import type { Express } from 'express';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import { loadConfig } from '../../config';
import { loadPopulation, type LoadedPopulation } from '../../scripts/population/load-population';
import {
  inSnapshot,
  loadRegionSnapshot,
  regionOutcome,
  type Run,
  RunExecutor,
} from '../../src/modules/matching';
import { generatePopulation } from '../../src/modules/matching/engine';
import { matchRegion } from '../../src/modules/matching/engine/region-match';
import type { Runtime } from '../../src/runtime';
import { type Clock, dutchDate, systemClock } from '../../src/shared/time/clock';
import { type RunningWorker, startWorker } from '../../workers';
import {
  bearer,
  createOrganisation,
  createRegion,
  createToken,
  type TestOrganisation,
  type TestRegion,
} from './factories';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';
import { listAllPages } from './requests';
import { eventually } from './tcp-proxy';
import { createTestApp, type TestApp } from './test-app';

/** A run executor that solves on the calling thread: for tests that do not test the thread. */
export function inProcessRunExecutor(runtime: Runtime, clock: Clock = systemClock): RunExecutor {
  return new RunExecutor({
    dataSource: runtime.dataSource,
    match: async (input) => regionOutcome(matchRegion(input)),
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

/**
 * An app and a started worker shared by every test of a file: made in `beforeAll` (after marking
 * earlier files' outbox rows sent, so this worker starts clean), stopped in `afterAll`. The app
 * is handed to `use`, e.g. `useAppWithWorker((app) => (t = app))`; `overrides` tweak the
 * configuration of both.
 */
export function useAppWithWorker(
  use: (app: TestApp) => void,
  overrides: Record<string, string> = {},
): void {
  let app: TestApp | undefined;
  let worker: RunningWorker | undefined;
  beforeAll(async () => {
    app = await createTestApp({ overrides });
    use(app);
    await forgetEarlierOutbox(app.runtime.dataSource);
    worker = await startTestWorker(overrides);
  });
  afterAll(async () => {
    await worker?.stop();
    await app?.close();
  });
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

/**
 * Lists the region's runs two to a page, and holds each listed run, serialised again, to the
 * single read of it (the list is built by PostgreSQL, the single read by `res.json`: the same
 * values, keys in the same order). Returns the runs' statuses in list order.
 */
export async function expectRunsListedAsRead(
  app: Express,
  token: string,
  regionCode: string,
): Promise<string[]> {
  const listed = await listAllPages(app, token, '/api/v1/matching/runs', { regionCode });
  for (const item of listed) {
    const single = await request(app)
      .get(`/api/v1/matching/runs/${String(item.id)}`)
      .set(bearer(token))
      .expect(200);
    expect(JSON.stringify(item)).toBe(JSON.stringify(single.body));
  }
  return listed.map((item) => String(item.status));
}

export interface GeneratedRegion {
  database: ScratchDatabase;
  /** The test app on the scratch database. */
  t: TestApp;
  loaded: LoadedPopulation;
  matcherToken: string;
}

/**
 * A generated region (Noord- en Midden-Limburg geography, made-up homes and clients) in a
 * database of its own, with the app on it.
 */
export async function createGeneratedRegion(options: {
  clients: number;
  units: number;
  seed: number;
  label: string;
}): Promise<GeneratedRegion> {
  const database = await createScratchDatabase(options.label);
  const t = await createTestApp({ overrides: { DATABASE_URL: database.url } });
  const population = generatePopulation({
    seed: options.seed,
    clients: options.clients,
    units: options.units,
    geography: 'noord-midden-limburg',
    now: new Date(),
  });
  const loaded = await loadPopulation(t.runtime.dataSource, population, `gen-${options.label}`);
  const { token } = await createToken(
    t.runtime.dataSource,
    loaded.matcherOrganisationId,
    'matchingspunt',
  );
  return { database, t, loaded, matcherToken: token };
}

export async function closeGeneratedRegion(region: GeneratedRegion): Promise<void> {
  await region.t.close();
  await region.database.drop();
}

/** What a clean run would propose for the region right now: the facade on a fresh snapshot. */
export async function cleanRunPairs(dataSource: DataSource, regionCode: string): Promise<string[]> {
  const snapshot = await inSnapshot(dataSource, (db) =>
    loadRegionSnapshot(db, regionCode, new Date()),
  );
  if (!snapshot) throw new Error(`no region ${regionCode}`);
  return matchRegion(snapshot)
    .pairs.map((pair) => `${pair.unitId}:${pair.clientId}`)
    .sort();
}

export async function storedPairs(dataSource: DataSource, regionCode: string): Promise<string[]> {
  const rows = await dataSource.query<{ key: string }[]>(
    `SELECT unit_id || ':' || client_id AS key FROM proposals WHERE region_code = $1 ORDER BY 1`,
    [regionCode],
  );
  return rows.map((row) => row.key);
}

const ROOT = path.join(__dirname, '..', '..');

export interface SpawnedWorker {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The worker as its own process (`workers/index.ts` under tsx), started and ready. */
export async function spawnWorker(env: Record<string, string>): Promise<SpawnedWorker> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      MATCHING_DEBOUNCE_MS: '100',
      OUTBOX_POLL_MS: '500',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let seen = '';
  child.stdout.on('data', (chunk: Buffer) => {
    seen += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    seen += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      resolve(code);
    });
  });
  const started = await eventually(
    async () => seen,
    (text) => text.includes('worker started') || child.exitCode !== null,
    30_000,
  );
  if (!started.includes('worker started')) {
    child.kill('SIGKILL');
    throw new Error(`worker did not start:\n${seen}`);
  }
  return { child, output: () => seen, exited };
}

/**
 * Every change of the region counted (its messages relayed) and served, and no run queued or
 * running: the region is quiet.
 */
export async function waitUntilSettled(dataSource: DataSource, regionCode: string): Promise<void> {
  await eventually(
    async () => {
      const rows = await dataSource.query<{ quiet: boolean }[]>(
        `SELECT (SELECT coalesce(bool_and(change_seq = served_seq), true) FROM matching_region_state
                  WHERE region_code = $1)
            AND NOT EXISTS (SELECT 1 FROM outbox WHERE dispatched_at IS NULL
                               AND topic = 'matching.region_changed'
                               AND payload->>'regionCode' = $1)
            AND NOT EXISTS (SELECT 1 FROM matching_runs WHERE region_code = $1
                               AND status IN ('queued', 'running')) AS quiet`,
        [regionCode],
      );
      return rows[0]?.quiet ?? false;
    },
    (quiet) => quiet,
    20_000,
  );
}
