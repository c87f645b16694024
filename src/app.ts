import express, { type Express } from 'express';
import helmet from 'helmet';
import pino from 'pino';
import { pinoHttp } from 'pino-http';

import packageJson from '../package.json';
import { AuditService, auditEndpoints, ClientReadLog } from './modules/audit';
import { ClientService, clientEndpoints } from './modules/clients';
import { ContingentService, contingentEndpoints } from './modules/contingents';
import { CoverageService, coverageEndpoints } from './modules/coverage';
import {
  authenticationMiddleware,
  IdentityService,
  identityEndpoints,
  TokenCache,
} from './modules/identity';
import {
  CandidateService,
  matchingEndpoints,
  registerMatchingMetricSources,
  requestMatchingRun,
  RunService,
} from './modules/matching';
import { PlacementService, placementEndpoints, placementFollowUpJob } from './modules/placements';
import {
  WebhookSecretBox,
  webhookEndpoints,
  WebhookService,
  webhookUrlPolicy,
} from './modules/notifications';
import { ProposalService, proposalEndpoints } from './modules/proposals';
import { PolicyService, ReferenceService, referenceEndpoints } from './modules/reference';
import { ReportService, reportEndpoints } from './modules/reports';
import { SubjectAccessService, subjectAccessEndpoints } from './modules/subject-access';
import { UnitService, unitEndpoints } from './modules/units';
import type { Runtime } from './runtime';
import { adminQueuesRouter } from './shared/admin/queue-board';
import { consoleRouter } from './shared/console/console.router';
import { healthEndpoints } from './shared/health/health.routes';
import type { Endpoint } from './shared/http/endpoint';
import { errorMiddleware, notFoundMiddleware } from './shared/http/error-middleware';
import { rateLimits } from './shared/http/rate-limit.middleware';
import { requestContextMiddleware } from './shared/http/request-context.middleware';
import { bodyDecodingMiddleware, pathDecodingMiddleware } from './shared/http/request-decoding';
import { registerDatabasePoolMetrics } from './shared/metrics/database-pool';
import { getMetrics, httpMetricsMiddleware } from './shared/metrics/metrics';
import { docsAssets, docsEndpoints } from './shared/openapi/docs.routes';
import { createOpenApiRegistry, generateOpenApiDocument } from './shared/openapi/openapi-registry';
import { type Clock, systemClock } from './shared/time/clock';

export type AppRuntime = Pick<
  Runtime,
  | 'config'
  | 'logger'
  | 'dataSource'
  | 'accessLogConnection'
  | 'redis'
  | 'rateLimitRedis'
  | 'changes'
  | 'jobs'
> & {
  /** Where services read "now"; tests fix it. */
  clock?: Clock;
};

const OPERATIONS_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** Builds the Express app with every module mounted. Never listens: `server.ts` does. */
export function createApp(runtime: AppRuntime): Express {
  const { config, logger, dataSource, accessLogConnection, redis, rateLimitRedis, changes, jobs } =
    runtime;
  const clock = runtime.clock ?? systemClock;
  const metrics = getMetrics();
  const registry = createOpenApiRegistry();
  let openApiDocument: object | undefined;

  const identity = new IdentityService(dataSource, logger, new TokenCache(changes));

  const app = express();
  app.disable('x-powered-by');
  // No ETag hashed from every body: API answers are `no-store`, and the records that have versions
  // send their version as ETag themselves (If-Match, and If-None-Match still answers 304 on them).
  app.set('etag', false);
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));

  app.use(requestContextMiddleware());
  app.use(
    pinoHttp({
      logger,
      genReqId: (req) => (req as express.Request).requestId,
      // Method, route and status only: no bodies, no query strings, no headers. The serializers
      // read Node's request and response themselves: pino-http's wrapping would first copy each
      // into pino's standard shape (headers, addresses) on every request, only for these to pick
      // two fields. The status is null, as that shape had it, when no headers were sent.
      wrapSerializers: false,
      serializers: {
        req: (req: { method: string; url: string }) => ({
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number; headersSent: boolean }) => ({
          statusCode: res.headersSent ? res.statusCode : null,
        }),
        err: pino.stdSerializers.err,
      },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req) => OPERATIONS_PATHS.has(req.url) },
    }),
  );
  // Every answer: HSTS, nosniff, no referrer, never in a frame; a strict CSP for the console
  // is added by its router.
  app.use(
    helmet({
      frameguard: { action: 'deny' },
      contentSecurityPolicy: { directives: { frameAncestors: ["'none'"] } },
    }),
  );
  app.use(pathDecodingMiddleware());
  app.use(httpMetricsMiddleware(metrics));

  const mount = (endpoints: Endpoint[]) => {
    endpoints.forEach((endpoint) => {
      endpoint.mount(app, registry);
    });
  };

  mount(healthEndpoints({ dataSource, redis, metrics }));
  mount(
    docsEndpoints(
      () => (openApiDocument ??= generateOpenApiDocument(registry, packageJson.version)),
    ),
  );
  app.use('/docs', docsAssets);
  app.use('/console', consoleRouter(config.CONSOLE_DIR));
  registerMatchingMetricSources(dataSource, jobs);
  registerDatabasePoolMetrics(dataSource);

  // The queue dashboard: admin tokens only, and no rate-limit bypass (it sits behind the same auth).
  const authenticate = authenticationMiddleware(
    identity,
    rateLimits({ redis: rateLimitRedis, config }),
  );
  app.use(['/api/v1', '/admin/queues'], noStore);
  app.use('/admin/queues', authenticate, adminQueuesRouter(jobs));

  app.use(
    '/api/v1',
    authenticate,
    bodyDecodingMiddleware({ jsonLimit: config.BODY_LIMIT, textLimit: config.IMPORT_BODY_LIMIT }),
  );
  mount(identityEndpoints(identity));
  mount(referenceEndpoints(new ReferenceService(dataSource), new PolicyService(dataSource)));
  mount(unitEndpoints(new UnitService(dataSource, clock)));
  const clients = new ClientService(dataSource, clock, new ClientReadLog(accessLogConnection));
  mount(clientEndpoints(clients));
  mount(subjectAccessEndpoints(new SubjectAccessService(dataSource, clients, clock)));
  mount(coverageEndpoints(new CoverageService(dataSource)));
  mount(contingentEndpoints(new ContingentService(dataSource)));
  const candidates = new CandidateService(dataSource, clock, {
    regions: config.MATCHING_SNAPSHOT_CACHE_REGIONS,
    maxAgeMs: config.MATCHING_SNAPSHOT_MAX_AGE_SECONDS * 1000,
  });
  mount(matchingEndpoints(new RunService(dataSource), candidates));
  mount(proposalEndpoints(new ProposalService(dataSource, candidates, requestMatchingRun)));
  mount(
    placementEndpoints(
      new PlacementService(dataSource, clock, requestMatchingRun, () =>
        jobs.enqueue(placementFollowUpJob, {}),
      ),
    ),
  );
  mount(auditEndpoints(new AuditService(dataSource)));
  mount(
    webhookEndpoints(
      new WebhookService(dataSource, new WebhookSecretBox(config.WEBHOOK_SECRET_KEY)),
      webhookUrlPolicy(config),
    ),
  );
  mount(
    reportEndpoints(new ReportService(dataSource, clock, config.REPORT_SMALL_NUMBER_THRESHOLD)),
  );

  app.use(notFoundMiddleware());
  app.use(errorMiddleware(logger));
  return app;
}

/**
 * API answers hold personal data (client profiles, exports, CSV reports) or credentials (a new
 * token, a webhook secret): no cache, shared or private, may keep them. Set before authentication,
 * so refusals carry it too.
 */
const noStore: express.RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
