/**
 * CPU time the service spends per request: its API processes and its PostgreSQL backends, read
 * from `/proc` (Linux, PostgreSQL on this machine). Unlike requests per second it hardly depends
 * on what else a shared machine runs, so it is the figure to compare a change by.
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

export interface CpuSample {
  apiMs: number;
  /** Per backend pid: a backend the pool closes between two samples must not count negative. */
  databaseMs: Map<number, number>;
}

/** Samples the API processes and every backend connected to the service's database. */
export async function sampleCpu(apiPids: number[], databaseUrl: string): Promise<CpuSample> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const backends = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return {
      apiMs: apiPids.reduce((total, pid) => total + cpuMs(pid), 0),
      databaseMs: new Map(backends.rows.map((row) => [row.pid, cpuMs(row.pid)])),
    };
  } finally {
    await client.end();
  }
}

/**
 * CPU ms per request between two samples. A backend that started in between counts whole; one
 * that ended in between is not seen, so the database figure is a lower bound.
 */
export function perRequest(before: CpuSample, after: CpuSample, requests: number) {
  const round = (ms: number) => Math.round((ms / Math.max(1, requests)) * 100) / 100;
  let databaseMs = 0;
  for (const [pid, ms] of after.databaseMs) databaseMs += ms - (before.databaseMs.get(pid) ?? 0);
  return { apiMs: round(after.apiMs - before.apiMs), databaseMs: round(databaseMs) };
}
