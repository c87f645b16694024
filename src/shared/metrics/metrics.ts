import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
}

let processMetrics: Metrics | undefined;

/**
 * One registry per process: default metrics (event-loop lag, heap, GC, handles) are process-wide,
 * so apps created in the same process (tests) share it rather than registering them twice.
 */
export function getMetrics(): Metrics {
  if (processMetrics) return processMetrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'matchpunt_' });
  processMetrics = {
    registry,
    httpRequests: new Counter({
      name: 'matchpunt_http_requests_total',
      help: 'HTTP requests by route template and status.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'matchpunt_http_request_duration_seconds',
      help: 'HTTP request latency by route template and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
  return processMetrics;
}

/** Records each request under its route template (`/api/v1/units/:id`), never the raw URL. */
export function httpMetricsMiddleware(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const routePath: unknown = (req.route as { path?: unknown } | undefined)?.path;
      const labels = {
        method: req.method,
        route: typeof routePath === 'string' ? routePath : 'unmatched',
        status: String(res.statusCode),
      };
      end(labels);
      metrics.httpRequests.inc(labels);
    });
    next();
  };
}
