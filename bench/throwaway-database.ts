/** A database of its own for one benchmark case, migrated, dropped afterwards. */
import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates the database on DATABASE_URL's server, or says why it could not reach the server. */
export async function createThrowawayDatabase(
  serverUrl: string,
): Promise<ThrowawayDatabase | { unreachable: string }> {
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  try {
    await admin.connect();
  } catch (error) {
    return { unreachable: `PostgreSQL unreachable: ${String(error)}` };
  }
  const database = `matchpunt_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${database}`);
  return {
    url: withDatabase(serverUrl, database),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    },
  };
}
