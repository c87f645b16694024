/** Throwaway PostgreSQL databases for the benchmark cases (never the service's own database). */
import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

import { runMigrations } from '../src/shared/database/migrate.cli';

export interface ThrowawayDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** True when PostgreSQL answers at `serverUrl`; else the error, for the bench to report. */
export async function probeServer(serverUrl: string): Promise<string | undefined> {
  try {
    await onServer(serverUrl, 'SELECT 1');
    return undefined;
  } catch (error) {
    return String(error);
  }
}

/**
 * A new database on the server of `serverUrl`: migrated, or a copy of `template` (a database
 * nobody is connected to) when given.
 */
export async function throwawayDatabase(
  serverUrl: string,
  template?: string,
): Promise<ThrowawayDatabase> {
  const name = `matchpunt_bench_${randomBytes(4).toString('hex')}`;
  await onServer(
    serverUrl,
    template === undefined
      ? `CREATE DATABASE ${name}`
      : `CREATE DATABASE ${name} TEMPLATE ${template}`,
  );
  const url = withDatabase(serverUrl, name);
  if (template === undefined) await runMigrations({ DATABASE_URL: url }, 'up');
  return {
    url,
    name,
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
