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
  databaseMs: number;
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
      databaseMs: backends.rows.reduce((total, row) => total + cpuMs(row.pid), 0),
    };
  } finally {
    await client.end();
  }
}

/** CPU ms per request between two samples (backends that ended in between are not counted). */
export function perRequest(before: CpuSample, after: CpuSample, requests: number) {
  const round = (ms: number) => Math.round((ms / Math.max(1, requests)) * 100) / 100;
  return {
    apiMs: round(after.apiMs - before.apiMs),
    databaseMs: round(after.databaseMs - before.databaseMs),
  };
}
