import { createHash } from 'node:crypto';

import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import type { Config } from '../../../config';
import { AppError } from '../errors/app-error';

export interface RateLimitOptions {
  redis: Redis;
  config: Pick<
    Config,
    | 'REDIS_PREFIX'
    | 'RATE_LIMIT_POINTS'
    | 'RATE_LIMIT_ANONYMOUS_POINTS'
    | 'RATE_LIMIT_WINDOW_SECONDS'
  >;
}

function limiter(redis: Redis, keyPrefix: string, points: number, duration: number) {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration,
    rejectIfRedisNotReady: true,
    // While Redis is down each process limits on its own rather than failing every request.
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
  });
}

/**
 * Limits requests per API token (keyed by a hash of the presented token, so no database lookup
 * is needed first) and per client IP without one. Answers 429 problem+json with `Retry-After`.
 */
export function rateLimitMiddleware({ redis, config }: RateLimitOptions): RequestHandler {
  const window = config.RATE_LIMIT_WINDOW_SECONDS;
  const perToken = limiter(
    redis,
    `${config.REDIS_PREFIX}:rl:token`,
    config.RATE_LIMIT_POINTS,
    window,
  );
  const perIp = limiter(
    redis,
    `${config.REDIS_PREFIX}:rl:ip`,
    config.RATE_LIMIT_ANONYMOUS_POINTS,
    window,
  );

  return async (req, res, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const [rateLimiter, key] = bearer
      ? [perToken, createHash('sha256').update(bearer).digest('hex').slice(0, 32)]
      : [perIp, req.ip ?? 'unknown'];
    try {
      const result = await rateLimiter.consume(key);
      setRateLimitHeaders(res, rateLimiter.points, result);
      next();
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      setRateLimitHeaders(res, rateLimiter.points, rejection);
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError(
        'rate_limited',
        'rate_limited',
        `Too many requests; try again in ${retryAfterSeconds} s.`,
        { extensions: { retryAfterSeconds } },
      );
    }
  };
}

function setRateLimitHeaders(
  res: Parameters<RequestHandler>[1],
  limit: number,
  state: RateLimiterRes,
): void {
  res.setHeader('RateLimit-Limit', String(limit));
  res.setHeader('RateLimit-Remaining', String(Math.max(0, state.remainingPoints)));
  res.setHeader('RateLimit-Reset', String(Math.ceil(state.msBeforeNext / 1000)));
}
