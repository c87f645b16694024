import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { type Express, type Router, Router as createRouter } from 'express';

import { requireRole } from '../auth/actor';
import { UnauthenticatedError } from '../errors/app-error';
import type { JobProducer } from '../queue/job-producer';

/** Every queue the worker serves; the dashboard shows these. */
export const DASHBOARD_QUEUES = [
  'matching',
  'notifications',
  'placements',
  'proposals',
  'registry',
] as const;

/**
 * bull-board at `/admin/queues`, for admin tokens only: the caller's authentication runs before
 * this router, which refuses every other role.
 */
export function adminQueuesRouter(jobs: JobProducer, basePath = '/admin/queues'): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: DASHBOARD_QUEUES.map(
      (name) => new BullMQAdapter(jobs.queue(name), { readOnlyMode: false }),
    ),
    serverAdapter,
  });
  const router = createRouter();
  router.use((req, _res, next) => {
    if (!req.actor) throw new UnauthenticatedError();
    requireRole(req.actor, 'admin');
    next();
  });
  // bull-board answers from an Express app of its own, which would announce itself.
  const board = serverAdapter.getRouter() as Express;
  board.disable('x-powered-by');
  router.use(board);
  return router;
}
