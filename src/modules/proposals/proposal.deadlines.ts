/**
 * Which deadline each workflow step has (docs/workflow.md, "Deadlines"). Pure: the service passes
 * the moment the step opened (the transaction's time) and the region's policy.
 *
 * - `proposed`: the matcher approves or rejects within `matcherDays`.
 * - `approved`: the corporation within `corporationDays`, the provider within `providerDays`, each
 *   from the approval; the proposal's `deadline` is the earliest side that has not decided.
 * - `accepted`: the corporation records the lease within `placementDays`.
 *
 * The reminder (`proposal.deadline_near`) is due one working day before the deadline, at the same
 * clock time, or at once when the step has less than that; none when the step is due at once.
 */
import { isWorkingDate, addWorkingDays, startOfDutchDay } from '../../shared/time/working-days';
import { addDays, dutchDate } from '../../shared/time/clock';
import type { Decision, TransitionPlan } from './proposal.workflow';

export interface DeadlineDays {
  matcherDays: number;
  corporationDays: number;
  providerDays: number;
  placementDays: number;
}

export interface StepDeadlines {
  deadline: Date;
  corporationDeadline: Date | null;
  providerDeadline: Date | null;
  remindAt: Date | null;
}

/** The step whose deadline it is, for events and the audit trail. */
export type DeadlineStep = 'matcher' | 'corporation' | 'provider' | 'placement';

/** The same time since midnight, on the last working day before `deadline`'s day. */
export function previousWorkingDayAt(deadline: Date): Date {
  const date = dutchDate(deadline);
  const sinceMidnight = deadline.getTime() - startOfDutchDay(date).getTime();
  let previous = addDays(date, -1);
  while (!isWorkingDate(previous)) previous = addDays(previous, -1);
  const start = startOfDutchDay(previous).getTime();
  const end = startOfDutchDay(addDays(previous, 1)).getTime();
  return new Date(Math.min(start + sinceMidnight, end - 1));
}

/** When to remind of `deadline` for a step opened at `openedAt`; null when there is no time. */
export function reminderFor(deadline: Date, openedAt: Date): Date | null {
  if (deadline.getTime() <= openedAt.getTime()) return null;
  const before = previousWorkingDayAt(deadline);
  return before.getTime() > openedAt.getTime() ? before : openedAt;
}

function opened(deadline: Date, openedAt: Date): StepDeadlines {
  return {
    deadline,
    corporationDeadline: null,
    providerDeadline: null,
    remindAt: reminderFor(deadline, openedAt),
  };
}

/** A new proposal: the matcher's step. */
export function matcherStep(createdAt: Date, days: DeadlineDays): StepDeadlines {
  return opened(addWorkingDays(createdAt, days.matcherDays), createdAt);
}

export interface CurrentDeadlines {
  deadline: Date | null;
  corporationDeadline: Date | null;
  providerDeadline: Date | null;
  remindAt: Date | null;
}

/**
 * The deadlines after a transition that keeps the proposal open, or `undefined` when they stay
 * as they are (a closing transition keeps its last deadline as history).
 */
export function deadlinesAfter(
  plan: TransitionPlan,
  current: CurrentDeadlines,
  now: Date,
  days: DeadlineDays,
): StepDeadlines | undefined {
  if (plan.to === 'approved' && plan.decision === undefined) {
    const corporationDeadline = addWorkingDays(now, days.corporationDays);
    const providerDeadline = addWorkingDays(now, days.providerDays);
    const deadline =
      corporationDeadline <= providerDeadline ? corporationDeadline : providerDeadline;
    return {
      deadline,
      corporationDeadline,
      providerDeadline,
      remindAt: reminderFor(deadline, now),
    };
  }
  if (plan.to === 'approved' && plan.decision?.value === 'accepted') {
    // One side accepted: the other side's deadline is what is left.
    const left =
      plan.decision.side === 'corporation' ? current.providerDeadline : current.corporationDeadline;
    if (left === null) return undefined;
    const unchanged = current.deadline !== null && current.deadline.getTime() === left.getTime();
    return {
      deadline: left,
      corporationDeadline: current.corporationDeadline,
      providerDeadline: current.providerDeadline,
      remindAt: unchanged ? current.remindAt : reminderFor(left, now),
    };
  }
  if (plan.to === 'accepted') {
    const deadline = addWorkingDays(now, days.placementDays);
    return {
      deadline,
      corporationDeadline: current.corporationDeadline,
      providerDeadline: current.providerDeadline,
      remindAt: reminderFor(deadline, now),
    };
  }
  return undefined;
}

/**
 * The deadlines of an open step that has none (a proposal opened before deadlines existed), as if
 * the step opened at `now`; for an approved proposal, only the undecided sides count.
 */
export function adoptedDeadlines(
  proposal: {
    status: string;
    corporationDecision: Decision | null;
    providerDecision: Decision | null;
  },
  now: Date,
  days: DeadlineDays,
): StepDeadlines | undefined {
  switch (proposal.status) {
    case 'proposed':
      return matcherStep(now, days);
    case 'accepted':
      return opened(addWorkingDays(now, days.placementDays), now);
    case 'approved': {
      const corporationDeadline = addWorkingDays(now, days.corporationDays);
      const providerDeadline = addWorkingDays(now, days.providerDays);
      const open = [
        ...(proposal.corporationDecision === null ? [corporationDeadline] : []),
        ...(proposal.providerDecision === null ? [providerDeadline] : []),
      ];
      const deadline = open.reduce((a, b) => (a <= b ? a : b), open[0] ?? now);
      return {
        deadline,
        corporationDeadline,
        providerDeadline,
        remindAt: reminderFor(deadline, now),
      };
    }
    default:
      return undefined;
  }
}

/**
 * The open steps whose deadline is at or before `at`: the matcher's, an undecided side's, or the
 * placement's.
 */
export function stepsDueBy(
  proposal: {
    status: string;
    deadline: string | null;
    corporationDeadline: string | null;
    providerDeadline: string | null;
    corporationDecision: Decision | null;
    providerDecision: Decision | null;
  },
  at: number,
): DeadlineStep[] {
  const due = (deadline: string | null) => deadline !== null && Date.parse(deadline) <= at;
  switch (proposal.status) {
    case 'proposed':
      return due(proposal.deadline) ? ['matcher'] : [];
    case 'accepted':
      return due(proposal.deadline) ? ['placement'] : [];
    case 'approved':
      return [
        ...(proposal.corporationDecision === null && due(proposal.corporationDeadline)
          ? (['corporation'] as const)
          : []),
        ...(proposal.providerDecision === null && due(proposal.providerDeadline)
          ? (['provider'] as const)
          : []),
      ];
    default:
      return [];
  }
}
