import { Redis } from 'ioredis';

import type { Config } from '../../../config';
import type { Logger } from '../logger/logger';

export type { Redis } from 'ioredis';

/**
 * `producer`: the API's connection — commands fail fast while Redis is away (no offline queue),
 * so requests and readiness checks answer at once instead of hanging.
 * `worker`: BullMQ workers block on Redis and must retry forever (`maxRetriesPerRequest: null`).
 * `rate-limits`: the API's rate-limit counters, failing fast like `producer`, with automatic
 * pipelining so a request's two buckets (and concurrent requests' buckets) share a round trip;
 * apart from BullMQ's connection so its commands are never held in a pipeline.
 */
export function createRedis(
  config: Pick<Config, 'REDIS_URL'>,
  purpose: 'producer' | 'worker' | 'rate-limits',
  logger: Logger,
): Redis {
  const redis = new Redis(config.REDIS_URL, {
    connectionName: `matchpunt-${purpose}`,
    enableOfflineQueue: purpose === 'worker',
    maxRetriesPerRequest: purpose === 'worker' ? null : 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    enableAutoPipelining: purpose === 'rate-limits',
  });
  let lastLogged = 0;
  redis.on('error', (error: Error) => {
    // A Redis outage raises an error per reconnect attempt; one line every 10 s is enough.
    const now = Date.now();
    if (now - lastLogged > 10_000) {
      lastLogged = now;
      logger.warn({ err: { message: error.message }, purpose }, 'redis connection problem');
    }
  });
  return redis;
}

/** Closes politely, or drops the connection when Redis is unreachable (QUIT would wait). */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    await redis.quit().catch(() => {
      redis.disconnect();
    });
  } else {
    redis.disconnect();
  }
}
