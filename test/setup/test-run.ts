/** Names shared by the global set-up, the per-worker environment and the teardown. */
export const TEST_ENV = {
  runId: 'MATCHPUNT_TEST_RUN_ID',
  postgresServerUrl: 'MATCHPUNT_TEST_POSTGRES_SERVER_URL',
  redisUrl: 'MATCHPUNT_TEST_REDIS_URL',
} as const;

export const templateDatabase = (runId: string) => `matchpunt_test_${runId}`;
export const workerDatabase = (runId: string, worker: string) =>
  `matchpunt_test_${runId}_w${worker}`;
export const redisRunPrefix = (runId: string) => `matchpunt-test:${runId}`;

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`${name} is not set: run the integration tests through jest (npm test).`);
  }
  return value;
}
