import { z } from 'zod';

import { defineJob } from '../../shared/queue/job-definition';

/**
 * Nightly: closed client records past their region's retention period lose everything that could
 * point to a person (docs/domain-overview.md, "Privacy"). No payload: the database says what is due.
 */
export const anonymiseClosedClientsJob = defineJob({
  queue: 'registry',
  name: 'anonymise-closed-clients',
  payload: z.strictObject({}),
  options: { attempts: 3 },
  schedule: { pattern: '15 3 * * *', tz: 'Europe/Amsterdam', payload: {} },
});

export const CLIENT_JOBS = [anonymiseClosedClientsJob];
