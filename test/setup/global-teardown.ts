import { Redis } from 'ioredis';
import { Client } from 'pg';

import { TEST_ENV, redisRunPrefix, requireEnv, templateDatabase } from './test-run';
import { databaseUrl } from './test-services';

/** Drops every database of this run and deletes every Redis key under the run's prefix. */
export default async function globalTeardown(): Promise<void> {
  const runId = requireEnv(TEST_ENV.runId);
  const admin = new Client({
    connectionString: databaseUrl(requireEnv(TEST_ENV.postgresServerUrl), 'postgres'),
  });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${templateDatabase(runId)}%`],
    );
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }

  const redis = new Redis(requireEnv(TEST_ENV.redisUrl));
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${redisRunPrefix(runId)}*`,
        'COUNT',
        1000,
      );
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  await globalThis.matchpuntTestServices?.stop();
}
