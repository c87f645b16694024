/**
 * Matching runs through the service, each in a throwaway database (needs PostgreSQL and Redis):
 *
 * - `matching-national`: a generated national population (50,000 clients, 20,000 units, 341
 *   municipalities) loaded as ONE region — the hardest shape, as one run covers everything — and
 *   one full run by the worker's executor (snapshot read, engine thread, store), timed by phase.
 * - `matching-demo`: the demo region (`npm run seed:demo`) with API and worker in this process:
 *   its first full run, then 100 units POSTed one after another, each timed from the POST until
 *   its proposal is stored.
 *
 * `BENCH_NATIONAL=false npm run bench -- matching.bench` runs only the demo case.
 */
import { randomBytes } from 'node:crypto';

import request from 'supertest';

import { type Config, loadConfig } from '../../config';
import { loadPopulation } from '../../scripts/population/load-population';
import { seedDemo } from '../../scripts/demo/seed';
import { createApp } from '../../src/app';
import { EngineThreadPool, RunExecutor } from '../../src/modules/matching';
import { generatePopulation } from '../../src/modules/matching/engine';
import { openRuntime } from '../../src/runtime';
import { createDataSource } from '../../src/shared/database/data-source';
import { createLogger } from '../../src/shared/logger/logger';
import { addDays, dutchDate } from '../../src/shared/time/clock';
import { startWorker } from '../../workers';
import { probeServer, throwawayDatabase } from '../throwaway-database';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function national(config: Config): Promise<Record<string, unknown>> {
  const database = await throwawayDatabase(config.DATABASE_URL);
  const dataSource = createDataSource(
    { DATABASE_URL: database.url, DATABASE_POOL_SIZE: 4 },
    { applicationName: 'bench-matching' },
  );
  const pool = new EngineThreadPool(1);
  try {
    await dataSource.initialize();
    const generatedAt = performance.now();
    const population = generatePopulation({
      seed: 20_240_002,
      clients: 50_000,
      units: 20_000,
      geography: 'national',
      now: new Date(),
    });
    const loadStarted = performance.now();
    await loadPopulation(dataSource, population, 'nl');
    const loadedMs = performance.now() - loadStarted;
    const generateMs = loadStarted - generatedAt;
    const rssBefore = process.memoryUsage().rss;
    await dataSource.query('ANALYZE');

    const executor = new RunExecutor({
      dataSource,
      match: (input) => pool.match(input),
      clock: () => new Date(),
      logger: createLogger(config, 'bench', undefined),
      lockTimeoutMs: 60_000,
    });
    const [{ id } = { id: '' }] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO matching_runs (region_code, trigger) VALUES ('nl', 'request') RETURNING id`,
    );
    const started = performance.now();
    await executor.onRunRequested(id, { jobId: `bench-${id}`, attempt: 1, maxAttempts: 1 });
    const endToEndMs = performance.now() - started;
    const [run] = await dataSource.query<{ status: string; stats: Record<string, unknown> }[]>(
      `SELECT status, stats FROM matching_runs WHERE id = $1`,
      [id],
    );
    const stats = run?.stats ?? {};
    return {
      bench: 'matching-national',
      shape: 'one region: 50,000 clients × 20,000 units, 341 municipalities',
      status: run?.status,
      endToEndMs: Math.round(endToEndMs),
      phases: stats.phases,
      clients: stats.clients,
      units: stats.units,
      pairs: stats.pairs,
      proposalsCreated: stats.proposalsCreated,
      assigned: stats.assigned,
      objective: stats.objective,
      greedyAssigned: stats.greedyAssigned,
      greedyObjective: stats.greedyObjective,
      rssBeforeRunMb: mb(rssBefore),
      peakRssMb: peakRssMb(),
      generateMs: Math.round(generateMs),
      loadIntoDatabaseMs: Math.round(loadedMs),
    };
  } finally {
    await pool.close();
    await dataSource.destroy();
    await database.drop();
  }
}

async function demo(config: Config): Promise<Record<string, unknown>[]> {
  const database = await throwawayDatabase(config.DATABASE_URL);
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    REDIS_PREFIX: `matchpunt-bench-${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'silent',
    BOOTSTRAP_ADMIN_TOKEN: `bench-admin-${'x'.repeat(32)}`,
  };
  const appConfig = loadConfig(env);
  const runtime = await openRuntime(appConfig, { service: 'bench-api' });
  const worker = await startWorker(appConfig);
  try {
    const report = await seedDemo({
      dataSource: runtime.dataSource,
      logger: runtime.logger,
      clock: () => new Date(),
      tokenKey: appConfig.BOOTSTRAP_ADMIN_TOKEN,
    });
    const app = createApp(runtime);
    const token = (role: string) => report.tokens.find((row) => row.role === role)?.token ?? '';
    const region = 'noord-midden-limburg';
    const quiet = async () => {
      for (;;) {
        const [row] = await runtime.dataSource.query<{ quiet: boolean }[]>(
          `SELECT (SELECT coalesce(bool_and(change_seq = served_seq), true) FROM matching_region_state)
              AND NOT EXISTS (SELECT 1 FROM matching_runs WHERE status IN ('queued', 'running')) AS quiet`,
        );
        if (row?.quiet) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await quiet();
    const [first] = await runtime.dataSource.query<{ stats: Record<string, unknown> }[]>(
      `SELECT stats FROM matching_runs WHERE region_code = $1 AND status = 'done'
        ORDER BY created_at LIMIT 1`,
      [region],
    );

    // A requested full run on the settled region (everything proposed that can be).
    const matcher = token('matcher');
    const requested = await request(app)
      .post('/api/v1/matching/runs')
      .set('Authorization', `Bearer ${matcher}`)
      .send({ regionCode: region });
    await quiet();
    const [again] = await runtime.dataSource.query<{ stats: Record<string, unknown> }[]>(
      `SELECT stats FROM matching_runs WHERE id = $1`,
      [(requested.body as { id: string }).id],
    );

    // 100 units, each where a neighbourhood still has room, each timed until its proposal.
    const corporation = report.tokens.find((row) => row.role === 'corporation')?.token ?? '';
    const today = dutchDate(new Date());
    const latencies: number[] = [];
    let withoutProposal = 0;
    for (let i = 0; i < 100; i++) {
      const [place] = await runtime.dataSource.query<
        { code: string; municipality: string; lat: number; lon: number }[]
      >(
        `SELECT n.code, n.municipality_code AS municipality, n.lat, n.lon
           FROM neighbourhoods n JOIN municipalities m ON m.code = n.municipality_code
          WHERE m.region_code = $1
            AND (SELECT count(*) FROM proposals p JOIN units u ON u.id = p.unit_id
                  WHERE u.neighbourhood_code = n.code AND p.status IN ('proposed', 'approved', 'accepted')) < 3
          ORDER BY md5(n.code || $2) LIMIT 1`,
        [region, String(i)],
      );
      if (!place) break;
      const started = performance.now();
      const created = await request(app)
        .post('/api/v1/units')
        .set('Authorization', `Bearer ${corporation}`)
        .send({
          externalRef: `BENCH-${i}`,
          type: 'contingent',
          address: {
            street: 'Bankstraat',
            houseNumber: String(i + 1),
            postcode: '5911 AB',
            municipalityCode: place.municipality,
          },
          neighbourhoodCode: place.code,
          location: { lat: place.lat, lon: place.lon },
          rent: 520,
          bedrooms: 2,
          floor: 0,
          hasLift: true,
          wheelchairAccessible: true,
          stimulus: 'low',
          furnished: false,
          availableFrom: addDays(today, 1),
          contingentYear: Number(today.slice(0, 4)),
        });
      if (created.status !== 201) throw new Error(`unit POST answered ${created.status}`);
      const unitId = (created.body as { id: string }).id;
      for (;;) {
        const rows = await runtime.dataSource.query<{ id: string }[]>(
          `SELECT id FROM proposals WHERE unit_id = $1`,
          [unitId],
        );
        if (rows.length > 0) {
          latencies.push(performance.now() - started);
          break;
        }
        if (performance.now() - started > 15_000) {
          withoutProposal++;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await quiet();
    }
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
    return [
      {
        bench: 'matching-demo-run',
        firstRun: first?.stats,
        requestedRun: again?.stats,
      },
      {
        bench: 'matching-demo-unit-to-proposal',
        debounceMs: appConfig.MATCHING_DEBOUNCE_MS,
        units: latencies.length + withoutProposal,
        withoutProposal,
        p50Ms: at(0.5),
        p95Ms: at(0.95),
        maxMs: Math.round(latencies.at(-1) ?? 0),
      },
    ];
  } finally {
    await worker.stop();
    await runtime.close();
    await database.drop();
  }
}

export default async function run(): Promise<Record<string, unknown>[]> {
  const config = loadConfig(process.env);
  const unreachable = await probeServer(config.DATABASE_URL);
  if (unreachable !== undefined) {
    return [{ bench: 'matching', skipped: `PostgreSQL unreachable: ${unreachable}` }];
  }
  const results = await demo(config);
  // The one-big-region case takes minutes; BENCH_NATIONAL=false leaves it out.
  if (process.env.BENCH_NATIONAL !== 'false') results.push(await national(config));
  return results;
}
