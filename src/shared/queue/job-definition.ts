import type { JobsOptions } from 'bullmq';
import type { z } from 'zod';

/**
 * A job a module declares in its `<module>.jobs.ts`: which queue, which name, what payload.
 * Payloads carry ids, never personal data.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  queue: string;
  name: string;
  payload: S;
  options?: JobsOptions;
  /** For housekeeping: the worker keeps one scheduler per such job, run on this cron pattern. */
  schedule?: { pattern: string; tz: string; payload: z.input<S> };
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

export interface JobContext {
  jobId: string;
  attempt: number;
  /** Attempts this job gets in all; on the last one a handler may record a final failure. */
  maxAttempts: number;
}

export interface JobHandler<S extends z.ZodType = z.ZodType> {
  definition: JobDefinition<S>;
  handle(payload: z.output<S>, context: JobContext): Promise<unknown>;
}

export function handleJob<S extends z.ZodType>(
  definition: JobDefinition<S>,
  handle: JobHandler<S>['handle'],
): JobHandler<S> {
  return { definition, handle };
}

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
