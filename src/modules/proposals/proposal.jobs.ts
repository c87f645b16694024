import { z } from 'zod';

import { defineJob } from '../../shared/queue/job-definition';

export const PROPOSALS_QUEUE = 'proposals';

/**
 * A deadline or a reminder falls due at `dueAt`: expire every step past its deadline and send
 * every reminder due, as the sweep does. Delayed until `dueAt`; one per batch of steps that share
 * their deadlines (a run's proposals all do), so a run of thousands of proposals costs two jobs,
 * not two per proposal. Idempotent by stored state (each step expires at most once, under its
 * row lock). Retried when it runs before `dueAt` by the database's clock (clocks of Redis and the
 * database differ a little).
 */
export const deadlineDueJob = defineJob({
  queue: PROPOSALS_QUEUE,
  name: 'deadline-due',
  payload: z.strictObject({ dueAt: z.iso.datetime({ offset: true }) }),
  options: { attempts: 6, backoff: { type: 'exponential', delay: 1_000 } },
});

/**
 * The safety net: every few minutes, expire what is past its deadline and remind what is due,
 * for a job that was lost (Redis emptied, a bug). The same idempotent steps as the jobs.
 */
export const deadlineSweepJob = defineJob({
  queue: PROPOSALS_QUEUE,
  name: 'deadline-sweep',
  payload: z.strictObject({}),
  options: { attempts: 3 },
  schedule: { pattern: '*/5 * * * *', tz: 'Europe/Amsterdam', payload: {} },
});

export const PROPOSAL_JOBS = [deadlineDueJob, deadlineSweepJob];

/** Outbox topics this module writes; the worker's relay turns each into the jobs above. */
export const PROPOSAL_TOPICS = {
  /**
   * `{ proposalIds, deadline, remindAt }`: steps opened, or their deadline moved, all with these
   * deadlines (one message for a run's proposals, one for a single step).
   */
  deadlineSet: 'proposals.deadline_set',
} as const;

/**
 * What the relay reads of a `proposals.deadline_set` message: when its steps fall due. Messages
 * written before steps were batched (`proposalId` and `version` instead of `proposalIds`) read
 * the same.
 */
export const deadlineSetPayload = z.object({
  deadline: z.iso.datetime({ offset: true }),
  remindAt: z.iso.datetime({ offset: true }).nullable(),
});
