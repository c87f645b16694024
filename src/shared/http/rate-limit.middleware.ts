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

type Request = Parameters<RequestHandler>[0];
type Response = Parameters<RequestHandler>[1];

/** Charges one point; the outcome is either the bucket's state or its 429. */
async function charge(
  rateLimiter: RateLimiterRedis,
  key: string,
): Promise<{ state: RateLimiterRes; limited: boolean }> {
  try {
    return { state: await rateLimiter.consume(key), limited: false };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { state: rejection, limited: true };
  }
}

/** Sets the bucket's headers, and throws the 429 when it is empty. */
function answer(
  res: Response,
  rateLimiter: RateLimiterRedis,
  outcome: { state: RateLimiterRes; limited: boolean },
): void {
  setRateLimitHeaders(res, rateLimiter.points, outcome.state);
  if (!outcome.limited) return;
  const retryAfterSeconds = Math.max(1, Math.ceil(outcome.state.msBeforeNext / 1000));
  throw new AppError(
    'rate_limited',
    'rate_limited',
    `Too many requests; try again in ${retryAfterSeconds} s.`,
    { extensions: { retryAfterSeconds } },
  );
}

/**
 * Two buckets. The IP bucket is charged for every request, whatever token it carries, before
 * anything that could cost a database lookup: made-up tokens share their sender's bucket and cost
 * no lookup once it is empty. The token bucket, keyed by the token's id, is charged once the
 * token is known, so only a real token has a bucket of its own. A token already known to this
 * process (the token cache) is charged to both buckets at once, which on the auto-pipelining
 * connection is one Redis round trip. Either answers 429 problem+json with `Retry-After`; the
 * headers describe the token's bucket when it was charged, else the address's.
 */
export interface RateLimits {
  chargeIp(req: Request, res: Response): Promise<void>;
  chargeToken(res: Response, tokenId: string): Promise<void>;
  chargeIpAndToken(req: Request, res: Response, tokenId: string): Promise<void>;
}

export function rateLimits({ redis, config }: RateLimitOptions): RateLimits {
  const window = config.RATE_LIMIT_WINDOW_SECONDS;
  const prefix = config.REDIS_PREFIX;
  const perIp = limiter(redis, `${prefix}:rl:ip`, config.RATE_LIMIT_IP_POINTS, window);
  const perToken = limiter(redis, `${prefix}:rl:token`, config.RATE_LIMIT_POINTS, window);
  const ipOf = (req: Request) => req.ip ?? 'unknown';
  return {
    chargeIp: async (req, res) => {
      answer(res, perIp, await charge(perIp, ipOf(req)));
    },
    chargeToken: async (res, tokenId) => {
      answer(res, perToken, await charge(perToken, tokenId));
    },
    chargeIpAndToken: async (req, res, tokenId) => {
      const [ip, token] = await Promise.all([charge(perIp, ipOf(req)), charge(perToken, tokenId)]);
      answer(res, perIp, ip);
      answer(res, perToken, token);
    },
  };
}

function setRateLimitHeaders(res: Response, limit: number, state: RateLimiterRes): void {
  res.setHeader('RateLimit-Limit', String(limit));
  res.setHeader('RateLimit-Remaining', String(Math.max(0, state.remainingPoints)));
  res.setHeader('RateLimit-Reset', String(Math.ceil(state.msBeforeNext / 1000)));
}
