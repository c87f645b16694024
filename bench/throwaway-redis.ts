/**
 * A Redis key prefix for one measurement, and the removal of its keys afterwards: the Redis may be
 * shared, and a national run leaves two delayed jobs per proposal (expiry and reminder) behind.
 */
import { randomBytes } from 'node:crypto';

import { Redis } from 'ioredis';

export function throwawayRedisPrefix(kind: string): string {
  return `matchpunt-${kind}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under `prefix:` and nothing else. */
export async function removeRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
