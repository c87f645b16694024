/**
 * The national full run as the service does it (needs PostgreSQL and Redis): a generated nation
 * of 50,000 clients and 20,000 units in 341 municipalities, split into 14 regions of neighbouring
 * municipalities (`regionsByArea`), loaded into a throwaway database. Then, with one and with two
 * worker processes (`workers/index.ts`, each with its default `WORKER_CONCURRENCY`): the nightly
 * request of a full run for every region (runs and outbox rows in one transaction, as the nightly
 * job writes them), relayed to BullMQ, run by the workers, stored. Timed from the request's commit
 * until the last region's run is stored; each worker's peak RSS read from `/proc`.
 *
 * Each measurement starts from the same loaded database (a copy by template), so both see the
 * same regions with no proposals yet.
 *
 * For profiling: `BENCH_WORKERS=1` measures one worker process only; `BENCH_NODE_ARGS` passes
 * Node arguments to the worker processes (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`);
 * `BENCH_KEEP_DATABASES=true` keeps the loaded and the measured databases for a look afterwards
 * (drop them by hand).
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

import type { DataSource } from 'typeorm';

import { loadConfig } from '../../config';
import { RunExecutor } from '../../src/modules/matching';
import { createDataSource } from '../../src/shared/database/data-source';
import { createLogger } from '../../src/shared/logger/logger';
import { loadNation, NATION_REGIONS } from '../nation';
import { startProcess, stopProcess } from '../processes';
import { probeServer, throwawayDatabase, type ThrowawayDatabase } from '../throwaway-database';
import { removeRedisPrefix, throwawayRedisPrefix } from '../throwaway-redis';

interface RunRow {
  regionCode: string;
  status: string;
  stats: {
    clients: number;
    units: number;
    pairs: number;
    proposalsCreated: number;
    assigned: number;
    objective: number;
    greedyAssigned: number;
    optimality: { exact: boolean };
    millis: number;
    phases: { load: number; score: number; solve: number; report?: number; store: number };
  } | null;
  error: string | null;
  queuedMs: number;
}

/** Peak resident memory of a process (Linux), in MB. */
function peakRssMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU time a process has used (user + system), in ms, from `/proc` (Linux; clock ticks of 10 ms).
 * Unlike wall time it hardly depends on what else the machine runs.
 */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After the command name: state is field 3, utime 14 and stime 15 (1-based, man proc).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU time of the PostgreSQL backends serving `database` (the workers' pools and the relay's
 * listener; not the bench's own polling connection), per backend pid. PostgreSQL runs on this machine, so `/proc` has them.
 */
/**
 * CPU time the whole machine has been busy (every core: user, nice, system, irq, softirq, steal),
 * in ms, from `/proc/stat`: what the run cost everything on the box (workers, PostgreSQL with its
 * background processes, Redis, this bench), against the cores × wall time it had.
 */
function machineBusyMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (
    ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 10
  );
}

/** The pid of the Redis server the workers use, when it runs on this machine (else undefined). */
function redisServerPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'redis-server')
        return Number(entry);
    } catch {
      // The process ended while the list was read.
    }
  }
  return undefined;
}

async function backendCpuMs(
  dataSource: DataSource,
  database: string,
): Promise<Map<number, number>> {
  const rows = await dataSource.query<{ pid: number }[]>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name <> 'bench-nation'`,
    [database],
  );
  return new Map(rows.map((row) => [row.pid, cpuMs(row.pid)]));
}

async function measure(
  serverUrl: string,
  template: string,
  workerCount: number,
): Promise<Record<string, unknown>> {
  const database: ThrowawayDatabase = await throwawayDatabase(serverUrl, template);
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    REDIS_PREFIX: throwawayRedisPrefix('bench'),
    LOG_LEVEL: 'info',
    // Readiness is the engine threads' warm-up (unless ENGINE_WARM_UP=false is given), so timings
    // start with a worker as it runs all day.
    ENGINE_WARM_UP: process.env.ENGINE_WARM_UP ?? 'true',
  };
  const config = loadConfig(env);
  const dataSource = createDataSource(
    { DATABASE_URL: database.url, DATABASE_POOL_SIZE: 2 },
    { applicationName: 'bench-nation' },
  );
  const workers: ChildProcess[] = [];
  try {
    await dataSource.initialize();
    for (let i = 0; i < workerCount; i++) {
      workers.push(
        await startProcess(
          'workers/index.ts',
          env,
          env.ENGINE_WARM_UP === 'false' ? 'worker started' : 'engine threads warm',
        ),
      );
    }
    const requester = new RunExecutor({
      dataSource,
      match: () => Promise.reject(new Error('the bench process runs no matching itself')),
      clock: () => new Date(),
      logger: createLogger(config, 'bench', undefined),
      lockTimeoutMs: config.MATCHING_LOCK_TIMEOUT_MS,
    });
    const loadAtStart = loadavg()[0] ?? 0;
    const cpuBefore = workers.map((child) => cpuMs(child.pid ?? -1));
    const backendsBefore = await backendCpuMs(dataSource, database.name);
    const redisPid = redisServerPid();
    const redisBefore = redisPid === undefined ? Number.NaN : cpuMs(redisPid);
    const machineBefore = machineBusyMs();
    const started = performance.now();
    const requested = await requester.requestNightlyRuns();
    for (;;) {
      const [row] = await dataSource.query<{ open: number }[]>(
        `SELECT count(*)::int AS open FROM matching_runs WHERE status IN ('queued', 'running')`,
      );
      if (row?.open === 0) break;
      // Every 100 ms: polling every 20 ms cost the database about 0.8 s of CPU over a run,
      // taken from the two cores the run is measured on.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const endToEndMs = performance.now() - started;
    const machineCpuMs = machineBusyMs() - machineBefore;
    const redisCpuMs = redisPid === undefined ? undefined : cpuMs(redisPid) - redisBefore;
    const peaks = workers.map((child) => peakRssMb(child.pid ?? -1));
    const workerCpuMs = workers.reduce(
      (total, child, i) => total + cpuMs(child.pid ?? -1) - (cpuBefore[i] ?? 0),
      0,
    );
    const loadAtEnd = loadavg()[0] ?? 0;
    // A backend that started during the runs counts whole; one that ended is missed (the workers'
    // pools keep theirs open, so that is at most a stray connection).
    let databaseCpuMs = 0;
    for (const [pid, after] of await backendCpuMs(dataSource, database.name)) {
      if (Number.isFinite(after)) databaseCpuMs += after - (backendsBefore.get(pid) ?? 0);
    }
    const runs = await dataSource.query<RunRow[]>(
      `SELECT region_code AS "regionCode", status, stats, error,
              (extract(epoch FROM started_at - created_at) * 1000)::int AS "queuedMs"
         FROM matching_runs ORDER BY region_code`,
    );
    const [span] = await dataSource.query<{ ms: number }[]>(
      `SELECT (extract(epoch FROM max(finished_at) - min(created_at)) * 1000)::int AS ms
         FROM matching_runs`,
    );
    const done = runs.filter((run) => run.status === 'done' && run.stats !== null);
    const sum = (pick: (run: RunRow) => number) =>
      done.reduce((total, run) => total + pick(run), 0);
    const largest = done.reduce<RunRow | undefined>(
      (best, run) =>
        best?.stats && run.stats && best.stats.clients >= run.stats.clients ? best : run,
      undefined,
    );
    return {
      bench: 'matching-nation',
      shape: `${NATION_REGIONS} regions (neighbouring municipalities), 50,000 clients × 20,000 units in all`,
      workerProcesses: workerCount,
      workerConcurrency: config.WORKER_CONCURRENCY,
      runsRequested: requested,
      runsDone: done.length,
      failed: runs.filter((run) => run.status !== 'done').map((run) => run.error),
      endToEndMs: Math.round(endToEndMs),
      databaseSpanMs: span?.ms,
      workerCpuMs,
      databaseCpuMs,
      redisCpuMs,
      machineCpuMs,
      loadAverage: {
        start: Math.round(loadAtStart * 10) / 10,
        end: Math.round(loadAtEnd * 10) / 10,
      },
      peakWorkerRssMb: peaks,
      clients: sum((run) => run.stats?.clients ?? 0),
      units: sum((run) => run.stats?.units ?? 0),
      pairs: sum((run) => run.stats?.pairs ?? 0),
      proposalsCreated: sum((run) => run.stats?.proposalsCreated ?? 0),
      assigned: sum((run) => run.stats?.assigned ?? 0),
      objective: Math.round(sum((run) => run.stats?.objective ?? 0) * 1000) / 1000,
      greedyAssigned: sum((run) => run.stats?.greedyAssigned ?? 0),
      exactRegions: done.filter((run) => run.stats?.optimality.exact).length,
      phaseTotals: {
        load: sum((run) => run.stats?.phases.load ?? 0),
        score: Math.round(sum((run) => run.stats?.phases.score ?? 0)),
        solve: Math.round(sum((run) => run.stats?.phases.solve ?? 0)),
        report: sum((run) => run.stats?.phases.report ?? 0),
        store: sum((run) => run.stats?.phases.store ?? 0),
      },
      largestRegion: largest && {
        region: largest.regionCode,
        clients: largest.stats?.clients,
        units: largest.stats?.units,
        pairs: largest.stats?.pairs,
        ms: largest.stats?.millis,
        phases: largest.stats?.phases,
      },
      perRegion: done.map((run) => ({
        region: run.regionCode,
        clients: run.stats?.clients,
        units: run.stats?.units,
        ms: run.stats?.millis,
        queuedMs: run.queuedMs,
      })),
    };
  } finally {
    await Promise.all(workers.map(stopProcess));
    await dataSource.destroy();
    if (process.env.BENCH_KEEP_DATABASES !== 'true') await database.drop();
    await removeRedisPrefix(config.REDIS_URL, config.REDIS_PREFIX);
  }
}

/** `BENCH_WORKERS=1` (or `2`) measures with that many worker processes only; else with 1, then 2. */
function workerCounts(): number[] {
  const only = Number(process.env.BENCH_WORKERS);
  return Number.isInteger(only) && only > 0 ? [only] : [1, 2];
}

export default async function run(): Promise<Record<string, unknown>[]> {
  const config = loadConfig(process.env);
  const unreachable = await probeServer(config.DATABASE_URL);
  if (unreachable !== undefined) {
    return [{ bench: 'matching-nation', skipped: `PostgreSQL unreachable: ${unreachable}` }];
  }
  const loaded = await throwawayDatabase(config.DATABASE_URL);
  try {
    const dataSource = createDataSource(
      { DATABASE_URL: loaded.url, DATABASE_POOL_SIZE: 2 },
      { applicationName: 'bench-nation-load' },
    );
    await dataSource.initialize();
    try {
      await loadNation(dataSource);
    } finally {
      await dataSource.destroy();
    }
    const results: Record<string, unknown>[] = [];
    for (const workerCount of workerCounts()) {
      results.push(await measure(config.DATABASE_URL, loaded.name, workerCount));
    }
    return results;
  } finally {
    if (process.env.BENCH_KEEP_DATABASES !== 'true') await loaded.drop();
  }
}
