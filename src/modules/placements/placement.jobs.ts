import { z } from 'zod';

import { defineJob } from '../../shared/queue/job-definition';

/**
 * Hourly, and on demand (`POST /api/v1/placements/follow-up`): announce check-ins and omklap
 * reviews that came due, and let doorstroom clients whose moment came move on. No payload: the
 * database says what is due, and what was announced (so each is announced once).
 */
export const placementFollowUpJob = defineJob({
  queue: 'placements',
  name: 'placement-follow-up',
  payload: z.strictObject({}),
  options: { attempts: 3, backoff: { type: 'exponential', delay: 2_000 } },
  schedule: { pattern: '5 * * * *', tz: 'Europe/Amsterdam', payload: {} },
});

export const PLACEMENT_JOBS = [placementFollowUpJob];
