import './express-augment';

import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import type { Config } from '../../../config';
import { AppError } from '../errors/app-error';

export interface RateLimitOptions {
  redis: Redis;
  config: Pick<
    Config,
    'REDIS_PREFIX' | 'RATE_LIMIT_POINTS' | 'RATE_LIMIT_IP_POINTS' | 'RATE_LIMIT_WINDOW_SECONDS'
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

function limitBy(
  rateLimiter: RateLimiterRedis,
  keyOf: (req: Parameters<RequestHandler>[0]) => string,
): RequestHandler {
  return async (req, res, next) => {
    try {
      const result = await rateLimiter.consume(keyOf(req));
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

/**
 * Two buckets. `perIp` runs before authentication and is charged for every request, whatever
 * token it carries: made-up tokens share their sender's bucket and cost no database lookup once
 * it is empty. `perToken` runs after authentication, keyed by the token's id, so only a real
 * token has a bucket of its own. Either answers 429 problem+json with `Retry-After`.
 */
export function rateLimitMiddleware({ redis, config }: RateLimitOptions): {
  perIp: RequestHandler;
  perToken: RequestHandler;
} {
  const window = config.RATE_LIMIT_WINDOW_SECONDS;
  const prefix = config.REDIS_PREFIX;
  return {
    perIp: limitBy(
      limiter(redis, `${prefix}:rl:ip`, config.RATE_LIMIT_IP_POINTS, window),
      (req) => req.ip ?? 'unknown',
    ),
    perToken: limitBy(
      limiter(redis, `${prefix}:rl:token`, config.RATE_LIMIT_POINTS, window),
      (req) => req.actor?.tokenId ?? 'unauthenticated',
    ),
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
