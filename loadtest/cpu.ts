/**
 * CPU time the service spends: its API and worker processes and its PostgreSQL backends, read from
 * `/proc` (Linux, PostgreSQL on this machine). Unlike requests per second or latency it hardly
 * depends on what else a shared machine runs, so it is the figure to compare a change by, and the
 * one to size a deployment from (cores needed at a rate). Beside it, what the load generator (this
 * process) used and how busy the whole machine was: whether a phase that missed its rates had a
 * core to spare.
 */
import { readFileSync } from 'node:fs';

import { Client } from 'pg';

/** utime + stime of a process, in ms (clock ticks of 10 ms); 0 when it cannot be read. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After the command name: state is field 3, utime 14 and stime 15 (1-based, man proc).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The machine's CPU time since boot, all cores together, in clock ticks: busy and in all. */
function machineTicks(): { busy: number; total: number } {
  try {
    // "cpu  user nice system idle iowait irq softirq steal …" (man proc): idle and iowait are idle.
    const ticks = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1, 9)
      .map(Number);
    const total = ticks.reduce((all, n) => all + n, 0);
    return { busy: total - (ticks[3] ?? 0) - (ticks[4] ?? 0), total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

export interface CpuSample {
  apiMs: number;
  workerMs: number;
  /** Per backend pid: a backend the pool closes between two samples must not count negative. */
  databaseMs: Map<number, number>;
  /** This process: the load generator. */
  generatorMs: number;
  machine: { busy: number; total: number };
}

const sum = (pids: readonly number[]) => pids.reduce((total, pid) => total + cpuMs(pid), 0);

/** Samples the API and worker processes and every backend connected to the service's database. */
export async function sampleCpu(
  pids: { api: readonly number[]; worker: readonly number[] },
  databaseUrl: string,
): Promise<CpuSample> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const backends = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    const { user, system } = process.cpuUsage();
    return {
      apiMs: sum(pids.api),
      workerMs: sum(pids.worker),
      databaseMs: new Map(backends.rows.map((row) => [row.pid, cpuMs(row.pid)])),
      generatorMs: (user + system) / 1000,
      machine: machineTicks(),
    };
  } finally {
    await client.end();
  }
}

/** CPU ms between two samples; a backend that started in between counts whole. */
function spent(before: CpuSample, after: CpuSample) {
  let databaseMs = 0;
  for (const [pid, ms] of after.databaseMs) databaseMs += ms - (before.databaseMs.get(pid) ?? 0);
  return {
    apiMs: after.apiMs - before.apiMs,
    workerMs: after.workerMs - before.workerMs,
    databaseMs,
    generatorMs: after.generatorMs - before.generatorMs,
  };
}

/** `ms` spread over `requests`, to 0.01 ms. */
function perRequestMs(ms: number, requests: number): number {
  return Math.round((ms / Math.max(1, requests)) * 100) / 100;
}

/**
 * CPU ms per request between two samples. A backend that ended in between is not seen, so the
 * database figure is a lower bound.
 */
export function perRequest(before: CpuSample, after: CpuSample, requests: number) {
  const { apiMs, databaseMs } = spent(before, after);
  return { apiMs: perRequestMs(apiMs, requests), databaseMs: perRequestMs(databaseMs, requests) };
}

/**
 * What a phase at a fixed rate used: each part's share of one core over `seconds` (100 = one core
 * busy all the time), and the API's and PostgreSQL's CPU per request. The database's figure
 * includes the worker's statements (the matching runs the writes ask for), so per request it is
 * what the whole mix costs PostgreSQL. `machineBusyPercent` is of all the machine's cores (100 =
 * every core busy): the service, the generator, Redis, the kernel and anything else running.
 */
export function phaseUsage(before: CpuSample, after: CpuSample, seconds: number, requests: number) {
  const { apiMs, workerMs, databaseMs, generatorMs } = spent(before, after);
  const percent = (ms: number) => Math.round(ms / (10 * Math.max(seconds, 0.001)));
  const ticks = after.machine.total - before.machine.total;
  return {
    apiPercent: percent(apiMs),
    workerPercent: percent(workerMs),
    databasePercent: percent(databaseMs),
    generatorPercent: percent(generatorMs),
    machineBusyPercent:
      ticks > 0 ? Math.round(((after.machine.busy - before.machine.busy) / ticks) * 100) : 0,
    apiMsPerRequest: perRequestMs(apiMs, requests),
    databaseMsPerRequest: perRequestMs(databaseMs, requests),
  };
}
