import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { z } from 'zod';

import { pendingMigrations } from '../database/data-source';
import { publicEndpoint, type Endpoint } from '../http/endpoint';
import { PROBLEM_CONTENT_TYPE, problemSchema } from '../http/problem';
import type { Metrics } from '../metrics/metrics';

const CHECK_TIMEOUT_MS = 2_000;
const tags = ['Operations'];

type CheckState = 'up' | 'down';
const readinessSchema = z
  .object({
    status: z.enum(['ready', 'unavailable']),
    checks: z.object({
      database: z.enum(['up', 'down']),
      redis: z.enum(['up', 'down']),
      migrations: z.enum(['applied', 'pending', 'unknown']),
    }),
  })
  .meta({ id: 'Readiness' });
type Readiness = z.infer<typeof readinessSchema>;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`timed out after ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

export async function checkReadiness(dataSource: DataSource, redis: Redis): Promise<Readiness> {
  const [database, migrations, redisState] = await Promise.all([
    withTimeout(dataSource.query('SELECT 1'), CHECK_TIMEOUT_MS).then(
      (): CheckState => 'up',
      (): CheckState => 'down',
    ),
    withTimeout(pendingMigrations(dataSource), CHECK_TIMEOUT_MS).then(
      (pending) => (pending.length === 0 ? ('applied' as const) : ('pending' as const)),
      () => 'unknown' as const,
    ),
    withTimeout(redis.ping(), CHECK_TIMEOUT_MS).then(
      (): CheckState => 'up',
      (): CheckState => 'down',
    ),
  ]);
  const checks = { database, redis: redisState, migrations };
  const ready = database === 'up' && redisState === 'up' && migrations === 'applied';
  return { status: ready ? 'ready' : 'unavailable', checks };
}

export function healthEndpoints(deps: {
  dataSource: DataSource;
  redis: Redis;
  metrics: Metrics;
}): Endpoint[] {
  return [
    publicEndpoint({
      method: 'get',
      path: '/healthz',
      summary: 'Liveness: the process is up',
      tags,
      responses: { 200: { description: 'Up.', schema: z.object({ status: z.literal('ok') }) } },
      handle: () => ({ status: 200, body: { status: 'ok' } }),
    }),
    publicEndpoint({
      method: 'get',
      path: '/readyz',
      summary: 'Readiness: database and Redis reachable, migrations applied',
      tags,
      responses: {
        200: { description: 'Ready.', schema: readinessSchema },
        503: {
          description: 'Not ready; `checks` says what is missing.',
          schema: problemSchema,
          contentType: PROBLEM_CONTENT_TYPE,
        },
      },
      handle: async ({ req }) => {
        const readiness = await checkReadiness(deps.dataSource, deps.redis);
        if (readiness.status === 'ready') return { status: 200, body: readiness };
        const down = Object.entries(readiness.checks)
          .filter(([, state]) => state !== 'up' && state !== 'applied')
          .map(([name, state]) => `${name} ${state}`);
        return {
          status: 503,
          contentType: PROBLEM_CONTENT_TYPE,
          headers: { 'Retry-After': '5' },
          body: JSON.stringify({
            type: 'urn:matchpunt:problem:not_ready',
            title: 'Service unavailable',
            status: 503,
            detail: `Not ready: ${down.join(', ')}.`,
            code: 'not_ready',
            errors: [],
            requestId: req.requestId,
            checks: readiness.checks,
          }),
        };
      },
    }),
    publicEndpoint({
      method: 'get',
      path: '/metrics',
      summary: 'Prometheus metrics',
      tags,
      responses: {
        200: { description: 'Metrics.', schema: z.string(), contentType: 'text/plain' },
      },
      handle: async () => ({
        status: 200,
        contentType: deps.metrics.registry.contentType,
        body: await deps.metrics.registry.metrics(),
      }),
    }),
  ];
}
