import { Client } from 'pg';

import { TEST_ENV, requireEnv, templateDatabase } from '../setup/test-run';
import { databaseUrl } from '../setup/test-services';
import { uniqueSuffix } from './factories';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database cloned from this run's template, for a test that needs one nobody
 * else has written to (e.g. the demo seed, which uses real CBS codes); with `empty`, one without
 * even the migrations (the release step's first run). Its name starts with the template's, so the
 * global teardown drops it too should `drop` never run.
 */
export async function createScratchDatabase(
  label: string,
  options: { empty?: boolean } = {},
): Promise<ScratchDatabase> {
  const template = templateDatabase(requireEnv(TEST_ENV.runId));
  const name = `${template}_${label.replace(/[^a-z0-9]/g, '')}_${uniqueSuffix()}`;
  const server = requireEnv(TEST_ENV.postgresServerUrl);
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: databaseUrl(server, 'postgres') });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name} TEMPLATE ${options.empty ? 'template0' : template}`);
  return {
    url: databaseUrl(server, name),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
