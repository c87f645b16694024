import { z } from 'zod';

import { defineJob } from '../../shared/queue/job-definition';

export const PROPOSALS_QUEUE = 'proposals';

/** One proposal step, identified by the version the step opened at. */
const stepPayload = z.strictObject({ proposalId: z.uuid(), version: z.number().int().min(1) });

/**
 * The step opened at `version` was not taken by its deadline: expire it. Delayed until the
 * deadline; idempotent by stored state (a proposal that moved on or expired already is left
 * alone). Retried when it runs a little before its deadline (clocks of Redis and the database).
 */
export const expireProposalJob = defineJob({
  queue: PROPOSALS_QUEUE,
  name: 'expire-step',
  payload: stepPayload,
  options: { attempts: 6, backoff: { type: 'exponential', delay: 1_000 } },
});

/** The working day before a step's deadline: `proposal.deadline_near`, once per step. */
export const remindDeadlineJob = defineJob({
  queue: PROPOSALS_QUEUE,
  name: 'deadline-near',
  payload: stepPayload,
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

export const PROPOSAL_JOBS = [expireProposalJob, remindDeadlineJob, deadlineSweepJob];

/** Outbox topics this module writes; the worker's relay turns each into the jobs above. */
export const PROPOSAL_TOPICS = {
  /** `{ proposalId, version, deadline, remindAt }`: a step opened or its deadline moved. */
  deadlineSet: 'proposals.deadline_set',
} as const;

export const deadlineSetPayload = z.object({
  proposalId: z.uuid(),
  version: z.number().int().min(1),
  deadline: z.iso.datetime({ offset: true }),
  remindAt: z.iso.datetime({ offset: true }).nullable(),
});
