import { z } from 'zod';

import { defineJob } from '../../shared/queue/job-definition';

export const MATCHING_QUEUE = 'matching';

const retries = { attempts: 3, backoff: { type: 'exponential', delay: 2_000 } } as const;

/**
 * A change in the region: run it unless a run since has already seen the change (the region's
 * change counter says so), so a burst of changes costs one run, not one per change.
 */
export const regionChangedRunJob = defineJob({
  queue: MATCHING_QUEUE,
  name: 'region-changed',
  payload: z.strictObject({ regionCode: z.string().min(1).max(40) }),
  options: retries,
});

/** A run someone asked for (`POST /matching/runs`, the nightly run): always runs. */
export const requestedRunJob = defineJob({
  queue: MATCHING_QUEUE,
  name: 'requested-run',
  payload: z.strictObject({ runId: z.uuid() }),
  options: retries,
});

/** Nightly: a full run per region, so nothing waits on a change that never comes. */
export const nightlyRunsJob = defineJob({
  queue: MATCHING_QUEUE,
  name: 'nightly-runs',
  payload: z.strictObject({}),
  options: { attempts: 3 },
  schedule: { pattern: '30 2 * * *', tz: 'Europe/Amsterdam', payload: {} },
});

/**
 * Every ten minutes: delete the region change log's rows older than an hour. Candidates check a
 * kept snapshot against the log; the rows a kept snapshot needs are younger than it.
 */
export const regionChangesPruneJob = defineJob({
  queue: MATCHING_QUEUE,
  name: 'region-changes-prune',
  payload: z.strictObject({}),
  options: { attempts: 3 },
  schedule: { pattern: '*/10 * * * *', tz: 'Europe/Amsterdam', payload: {} },
});

export const MATCHING_JOBS = [
  regionChangedRunJob,
  requestedRunJob,
  nightlyRunsJob,
  regionChangesPruneJob,
];

/** Outbox topics this module writes; the worker's relay turns each into one of the jobs above. */
export const MATCHING_TOPICS = {
  regionChanged: 'matching.region_changed',
  runRequested: 'matching.run_requested',
} as const;
