/**
 * Runs in each test file's process before the file: points the configuration at this worker's
 * own database and Redis prefix. Nothing else in tests sets these.
 */
import { TEST_ENV, redisRunPrefix, requireEnv, workerDatabase } from './test-run';
import { databaseUrl } from './test-services';

const runId = requireEnv(TEST_ENV.runId);
const worker = process.env.JEST_WORKER_ID ?? '1';

process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = databaseUrl(
  requireEnv(TEST_ENV.postgresServerUrl),
  workerDatabase(runId, worker),
);
process.env.REDIS_URL = requireEnv(TEST_ENV.redisUrl);
process.env.REDIS_PREFIX = `${redisRunPrefix(runId)}:w${worker}`;
process.env.LOG_LEVEL ??= 'silent';
process.env.DATABASE_POOL_SIZE = '5';
// Workers started by tests solve small regions: warming the engine up would only cost CPU.
process.env.ENGINE_WARM_UP ??= 'false';
// Every test request comes from this one address: its bucket must not be what a test meets,
// except in the tests of the limit itself, which set their own.
process.env.RATE_LIMIT_IP_POINTS ??= '1000000';
