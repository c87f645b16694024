/**
 * Where the integration tests find PostgreSQL and Redis. Order of preference:
 * 1. the servers named by DATABASE_URL / REDIS_URL (default: the local ones);
 * 2. throwaway containers via testcontainers, when those are unreachable but a Docker engine runs;
 * 3. neither: stop at once with one sentence saying what to start.
 */
import { Redis } from 'ioredis';
import { Client } from 'pg';

import { loadConfig } from '../../config';

export interface TestServices {
  /** Server URL without a database name, e.g. `postgres://postgres@127.0.0.1:5432`. */
  postgresServerUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function postgresReachable(serverUrl: string): Promise<boolean> {
  const client = new Client({
    connectionString: databaseUrl(serverUrl, 'postgres'),
    connectionTimeoutMillis: 3_000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisReachable(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    // Not `disconnect()`: after a refused connection it leaves a timer of about 2 s behind, which
    // keeps the test file's process alive that long; `quit()` leaves none, and on a closed
    // connection it fails at once.
    await redis.quit().catch(() => undefined);
  }
}

async function dockerAvailable(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

export async function provideTestServices(
  env: NodeJS.ProcessEnv = process.env,
  probeDocker: () => Promise<boolean> = dockerAvailable,
): Promise<TestServices> {
  const config = loadConfig(env);
  const configuredServer = databaseUrl(config.DATABASE_URL, '');
  const [pgUp, redisUp] = await Promise.all([
    postgresReachable(configuredServer),
    redisReachable(config.REDIS_URL),
  ]);
  if (pgUp && redisUp) {
    return {
      postgresServerUrl: configuredServer,
      redisUrl: config.REDIS_URL,
      stop: async () => {},
    };
  }
  if (!(await probeDocker())) {
    const missing = [
      pgUp ? null : `PostgreSQL (${configuredServer})`,
      redisUp ? null : `Redis (${config.REDIS_URL})`,
    ]
      .filter((name) => name !== null)
      .join(' and ');
    throw new Error(
      `${missing} not reachable and no Docker engine for testcontainers: start them (README, "Set-up: two commands") and run again.`,
    );
  }
  const stops: (() => Promise<unknown>)[] = [];
  let postgresServerUrl = configuredServer;
  let redisUrl = config.REDIS_URL;
  if (!pgUp) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:15-alpine').start();
    stops.push(() => container.stop());
    postgresServerUrl = databaseUrl(container.getConnectionUri(), '');
  }
  if (!redisUp) {
    const { RedisContainer } = await import('@testcontainers/redis');
    const container = await new RedisContainer('redis:7-alpine').start();
    stops.push(() => container.stop());
    redisUrl = container.getConnectionUrl();
  }
  return {
    postgresServerUrl,
    redisUrl,
    stop: async () => {
      await Promise.all(stops.map((stop) => stop()));
    },
  };
}
