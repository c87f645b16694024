import type { DataSource } from 'typeorm';

import { type Actor, requireRole } from '../../shared/auth/actor';
import { type Db, inTransaction, rootDb } from '../../shared/database/db';
import { ValidationError } from '../../shared/errors/app-error';
import { writeOutbox } from '../../shared/outbox/outbox';
import { type Page, type PageRequest, toJsonPage, toPage } from '../../shared/http/pagination';
import { recordAudit } from '../audit';
import { type DomainEventType, emitEvents } from '../notifications';
import { startPlacement } from '../placements';
import { can, partyOf, type ProposalView, proposalScope, viewFor } from './proposal.access';
import { ProposalError, ProposalErrorCode } from './proposal.errors';
import { isReasonOf } from './proposal.reasons';
import * as repository from './proposal.repository';
import type { ListedProposal, PartyListedProposal, StoredProposal } from './proposal.repository';
import type { DecisionBody, ProposalListItem, ProposalListViewBody } from './proposal.schemas';
import {
  type CreateProposalInput,
  type ProposalFilter,
  type ProposalViewBody,
  OPEN_STATUSES,
} from './proposal.schemas';
import {
  type CurrentDeadlines,
  adoptedDeadlines,
  deadlinesAfter,
  type StepDeadlines,
  stepsDueBy,
} from './proposal.deadlines';
import {
  type Party,
  planTransition,
  type Transition,
  type TransitionPlan,
  WORKFLOW,
} from './proposal.workflow';

/** The same "why not" evaluation candidates use (the matching module's CandidateService). */
export interface PairEvaluator {
  whyNot(
    actor: Actor,
    unitId: string,
    clientId: string,
  ): Promise<{
    rules: { code: string; passed: boolean; message: string }[];
    breakdown: ProposalListItem['breakdown'];
    score: number;
    policyVersion: number;
  }>;
}

/** Asks for a matching run in the caller's transaction (the matching module's requestMatchingRun). */
export type RunRequester = (db: Db, where: { regionCodes: readonly string[] }) => Promise<void>;

export type UserTransition = Exclude<Transition, 'expire'>;

/** What a transition's body may carry. */
export interface TransitionInput {
  reason?: DecisionBody['reason'];
  note?: string | undefined;
  leaseStart?: string;
}

const PAST: Record<
  Transition,
  'approved' | 'rejected' | 'accepted' | 'declined' | 'placed' | 'cancelled' | 'expired'
> = {
  approve: 'approved',
  reject: 'rejected',
  accept: 'accepted',
  decline: 'declined',
  placement: 'placed',
  cancel: 'cancelled',
  expire: 'expired',
};

export class ProposalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly evaluator: PairEvaluator,
    private readonly requestRun: RunRequester,
  ) {}

  /**
   * The page's JSON text. A matcher's (and an admin's) is built by PostgreSQL
   * (`listMatcherProposalsJson`); the parties' views here.
   */
  async list(actor: Actor, filter: ProposalFilter, page: PageRequest): Promise<string> {
    requireRole(actor, 'admin', 'matcher', 'corporation', 'provider');
    const view = viewFor(actor);
    if (view === 'matcher') {
      const rows = await repository.listMatcherProposalsJson(
        rootDb(this.dataSource),
        proposalScope(actor),
        filter,
        page,
      );
      return toJsonPage(rows, page.limit).text;
    }
    // One statement: the party's details come with the page, and a corporation's reads of client
    // summaries are logged by it too.
    const rows = await repository.listProposals(
      rootDb(this.dataSource),
      proposalScope(actor),
      filter,
      page,
      { with: view, ...(view === 'corporation' ? { readBy: actor } : {}) },
    );
    const result = toPage(rows, page.limit);
    const body: Page<ProposalListViewBody> = {
      items: result.items.map((p) => listView(view, p)),
      nextCursor: result.nextCursor,
    };
    return JSON.stringify(body);
  }

  async get(actor: Actor, id: string): Promise<ProposalViewBody> {
    requireRole(actor, 'admin', 'matcher', 'corporation', 'provider');
    const db = rootDb(this.dataSource);
    const proposal = await repository.findProposal(db, id);
    if (!proposal || can(actor, 'read', proposal) !== 'allowed') throw notFound(id);
    return this.presentOne(db, actor, proposal);
  }

  /**
   * One step of the workflow, in one transaction: the proposal row is locked, the access policy,
   * `If-Match` and the state machine are checked in that order, then the proposal, its unit and
   * client, the decision and the audit row are written together.
   */
  async transition(
    actor: Actor,
    id: string,
    transition: UserTransition,
    input: TransitionInput,
    expectedVersion?: number,
  ): Promise<ProposalViewBody> {
    requireRole(actor, 'matcher', 'corporation', 'provider');
    return inTransaction(this.dataSource, async (tx) => {
      const current = await repository.findProposal(tx, id, { lock: true });
      if (!current) throw notFound(id);
      const access = can(actor, transition, current);
      if (access === 'hidden') throw notFound(id);
      const party = partyOf(actor, current);
      if (access === 'forbidden' || party === null) {
        throw new ProposalError(
          ProposalErrorCode.NotYourStep,
          `You may not ${transition} this proposal; ${WORKFLOW[transition].parties.join(' or ')} may.`,
        );
      }
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw new ProposalError(
          ProposalErrorCode.VersionStale,
          `Proposal ${id} is at version ${current.version}; reload it and decide again.`,
          { currentVersion: current.version, currentStatus: current.status },
        );
      }
      const plan = planTransition(current, transition, party);
      if ('refused' in plan) {
        throw new ProposalError(
          plan.refused === 'already_decided'
            ? ProposalErrorCode.AlreadyDecided
            : ProposalErrorCode.IllegalTransition,
          plan.detail,
          { currentStatus: current.status },
        );
      }
      if (WORKFLOW[transition].needsReason) checkReason(party, input);
      if (
        transition === 'approve' &&
        current.overriddenRules.length > 0 &&
        current.createdByTokenId === actor.tokenId
      ) {
        throw new ProposalError(
          ProposalErrorCode.SecondMatcherRequired,
          `This proposal overrides ${current.overriddenRules.join(', ')}: a second matcher, not its author, approves it.`,
          { currentStatus: current.status },
        );
      }

      const deadlines = deadlinesAfter(
        plan,
        deadlinesOf(current),
        await repository.transactionTime(tx),
        await repository.deadlineDays(tx, current.regionCode),
      );
      await this.applyPlan(tx, current, { transition, party, plan, input, actor, deadlines });
      return this.presentOne(tx, actor, await repository.findProposal(tx, id));
    });
  }

  /**
   * One step's expiry (what a deadline's wake-up and the sweep do for each step due): expires
   * the step that opened at `version` if it is still open at that version and past its deadline,
   * in one transaction (freed pair, decision, audit row, event, run request). Anything else
   * (moved on, expired already) is left alone, so a repeated or retried call changes nothing.
   */
  async expireStep(id: string, version: number): Promise<'expired' | 'moved_on'> {
    return inTransaction(this.dataSource, async (tx) => {
      const current = await repository.findProposal(tx, id, { lock: true });
      if (!current || current.version !== version) return 'moved_on';
      const plan = planTransition(current, 'expire', 'system');
      if ('refused' in plan) return 'moved_on';
      const now = await repository.transactionTime(tx);
      if (current.deadline === null) return 'moved_on';
      if (Date.parse(current.deadline) > now.getTime())
        throw notYetDue(`proposal ${id}`, current.deadline);
      const lapsed = stepsDueBy(current, now.getTime());
      await this.applyPlan(tx, current, {
        transition: 'expire',
        party: 'system',
        plan,
        input: { reason: 'deadline_passed' },
        actor: null,
        details: { deadline: current.deadline, lapsed },
      });
      return 'expired';
    });
  }

  /**
   * One step's reminder (from a reminder's wake-up or the sweep): `proposal.deadline_near` for
   * the step that opened at `version`, once (the stored `remindedAt` says it went out).
   */
  async remindStep(id: string, version: number): Promise<'reminded' | 'moved_on' | 'sent'> {
    return inTransaction(this.dataSource, async (tx) => {
      const current = await repository.findProposal(tx, id, { lock: true });
      if (!current || current.version !== version || !OPEN_STATUSES.includes(current.status)) {
        return 'moved_on';
      }
      if (current.remindedAt !== null) return 'sent';
      if (current.remindAt === null || current.deadline === null) return 'moved_on';
      const now = await repository.transactionTime(tx);
      if (Date.parse(current.remindAt) > now.getTime())
        throw notYetDue(`proposal ${id}`, current.remindAt);
      await repository.markReminded(tx, id);
      await emitEvents(tx, [
        {
          ...proposalEvent(current, 'proposal.deadline_near', 'system'),
          data: {
            proposalId: id,
            unitId: current.unitId,
            clientId: current.clientId,
            deadline: current.deadline,
            steps: stepsDueBy(current, Date.parse(current.deadline)),
          },
        },
      ]);
      return 'reminded';
    });
  }

  /**
   * An open step without a deadline (opened before this version) gets one as if it opened now,
   * and its jobs; a step that has one, or moved on, is left alone.
   */
  async adoptUndatedStep(id: string, version: number): Promise<boolean> {
    return inTransaction(this.dataSource, async (tx) => {
      const current = await repository.findProposal(tx, id, { lock: true });
      if (!current || current.version !== version || current.deadline !== null) return false;
      const step = adoptedDeadlines(
        current,
        await repository.transactionTime(tx),
        await repository.deadlineDays(tx, current.regionCode),
      );
      if (!step) return false;
      await repository.setStepDeadlines(tx, id, step);
      await writeOutbox(tx, [repository.deadlineMessage([id], step)]);
      return true;
    });
  }

  /**
   * The safety net: gives undated open steps a deadline, expires every step past its deadline
   * and sends every reminder due (at most `limit` of each).
   */
  async sweepDeadlines(limit = 500): Promise<{ expired: number; reminded: number }> {
    const { expired, reminded } = await this.sweepOnce(limit);
    return { expired, reminded };
  }

  /**
   * The wake-up asked for when steps opened: at `dueAt` (a deadline or a reminder) it sweeps
   * until nothing due is left, so every step due by then expires, or is reminded, within
   * seconds of its moment rather than at the next sweep. Before `dueAt` by the database's
   * clock it throws, and the job is retried.
   */
  async onDeadlineDue(dueAt: string, limit = 500): Promise<{ expired: number; reminded: number }> {
    const now = await repository.transactionTime(rootDb(this.dataSource));
    if (Date.parse(dueAt) > now.getTime()) throw notYetDue('steps', dueAt);
    let expired = 0;
    let reminded = 0;
    for (;;) {
      const pass = await this.sweepOnce(limit);
      expired += pass.expired;
      reminded += pass.reminded;
      // A full pass may have left more behind; one that changed nothing would find the same.
      if (!pass.full || pass.expired + pass.reminded === 0) return { expired, reminded };
    }
  }

  private async sweepOnce(
    limit: number,
  ): Promise<{ expired: number; reminded: number; full: boolean }> {
    const db = rootDb(this.dataSource);
    let expired = 0;
    let reminded = 0;
    const undated = await repository.findUndated(db, limit);
    for (const step of undated) await this.adoptUndatedStep(step.id, step.version);
    const past = await repository.findPastDeadline(db, limit);
    for (const step of past) {
      if ((await this.expireStep(step.id, step.version)) === 'expired') expired++;
    }
    const due = await repository.findReminderDue(db, limit);
    for (const step of due) {
      if ((await this.remindStep(step.id, step.version)) === 'reminded') reminded++;
    }
    const full = undated.length === limit || past.length === limit || due.length === limit;
    return { expired, reminded, full };
  }

  /**
   * Writes what a planned step does: the proposal (and its deadlines), the unit and client, the
   * decision, the audit row, the event and, for a step that opened, its deadline jobs.
   */
  private async applyPlan(
    tx: Db,
    current: StoredProposal,
    step: {
      transition: Transition;
      party: Party;
      plan: TransitionPlan;
      input: TransitionInput;
      actor: Actor | null;
      deadlines?: StepDeadlines | undefined;
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
    const { transition, party, plan, input, actor, deadlines } = step;
    const id = current.id;
    await repository.updateProposal(tx, id, {
      status: plan.to,
      ...(transition === 'approve' && actor ? { approvedByTokenId: actor.tokenId } : {}),
      ...(plan.decision ? { decision: plan.decision } : {}),
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
      ...(input.leaseStart !== undefined ? { leaseStart: input.leaseStart } : {}),
      ...(deadlines
        ? {
            deadlines: {
              ...deadlines,
              // A new step is reminded anew; within a step, only when its deadline moved.
              remindAgain:
                plan.to !== current.status || !sameInstant(deadlines.remindAt, current.remindAt),
            },
          }
        : {}),
    });
    let pledgeId: string | undefined;
    let placementId: string | undefined;
    switch (plan.effect) {
      case 'none':
        break;
      case 'free':
        await repository.freePair(tx, current.unitId, current.clientId);
        await this.requestRun(tx, { regionCodes: [current.regionCode] });
        break;
      case 'place':
        if (current.unitType === 'contingent' && current.contingentYear !== null) {
          pledgeId = await repository.lockPledge(
            tx,
            current.corporationId,
            current.municipalityCode,
            current.contingentYear,
          );
        }
        await repository.placePair(tx, current.unitId, current.clientId);
        if (input.leaseStart === undefined || actor === null) {
          throw new Error('a placement needs its leaseStart and the corporation that records it');
        }
        {
          // The tenancy's own record; a doorstroom home the client leaves is offered again.
          const started = await startPlacement(tx, actor, {
            proposalId: id,
            unitId: current.unitId,
            clientId: current.clientId,
            leaseStart: input.leaseStart,
          });
          placementId = started.placementId;
          if (started.freedUnitId !== null) {
            await this.requestRun(tx, { regionCodes: [current.regionCode] });
          }
        }
        break;
    }
    await repository.insertDecision(tx, {
      proposalId: id,
      action: transition,
      party,
      reason: input.reason ?? null,
      note: input.note ?? null,
      organisationId: actor?.organisationId ?? null,
      tokenId: actor?.tokenId ?? null,
    });
    await recordAudit(tx, actor, [
      {
        action: `proposal.${PAST[transition]}`,
        entityType: 'proposal',
        entityId: id,
        details: {
          from: current.status,
          to: plan.to,
          party,
          ...(input.reason !== undefined ? { reason: input.reason } : {}),
          ...(input.leaseStart !== undefined ? { leaseStart: input.leaseStart } : {}),
          ...(pledgeId !== undefined ? { contingentPledgeId: pledgeId } : {}),
          ...(placementId !== undefined ? { placementId } : {}),
          ...(deadlines ? { deadline: deadlines.deadline.toISOString() } : {}),
          ...step.details,
        },
      },
    ]);
    await emitEvents(tx, [
      {
        ...proposalEvent(current, `proposal.${PAST[transition]}`, party),
        ...(step.details ? { data: { ...eventData(current, party), ...step.details } } : {}),
      },
    ]);
    if (deadlines) {
      await writeOutbox(tx, [repository.deadlineMessage([id], deadlines)]);
    }
    if (transition === 'decline' && party === 'provider' && input.reason !== undefined) {
      await this.applyReasonConsequence(tx, current, input.reason, actor);
    }
  }

  /**
   * The region's consequence of a provider's decline reason (docs/workflow.md, "Reason
   * consequences"): a client declined for it often enough within the window is parked.
   */
  private async applyReasonConsequence(
    tx: Db,
    proposal: StoredProposal,
    reason: string,
    actor: Actor | null,
  ): Promise<void> {
    const consequence = await repository.findReasonConsequence(tx, proposal.regionCode, reason);
    if (!consequence) return;
    const declines = await repository.countDeclines(
      tx,
      proposal.clientId,
      reason,
      consequence.withinMonths,
    );
    if (declines < consequence.after) return;
    const until = await repository.parkClient(tx, proposal.clientId, {
      days: consequence.parkDays,
      reason,
      declines,
    });
    await recordAudit(tx, actor, [
      {
        action: 'client.parked',
        entityType: 'client',
        entityId: proposal.clientId,
        details: { parkedUntil: until, reason, declines, proposalId: proposal.id },
      },
    ]);
  }

  /**
   * A matcher's own proposal. It is evaluated exactly as candidates are; one that breaks a hard
   * rule needs `override`, stores the rules it overrides, and waits for a second matcher's
   * approval (another token than its author's).
   */
  async create(actor: Actor, input: CreateProposalInput): Promise<ProposalViewBody> {
    requireRole(actor, 'matcher');
    // 404 for a unit outside the matcher's municipalities or a client of another region.
    const evaluation = await this.evaluator.whyNot(actor, input.unitId, input.clientId);
    const broken = evaluation.rules.filter((rule) => !rule.passed).map((rule) => rule.code);
    if (broken.length > 0 && !input.override) {
      throw new ValidationError([
        {
          path: 'override',
          message: `the pair breaks ${broken.join(', ')}; send override: true to propose it anyway (a second matcher must approve)`,
        },
      ]);
    }
    return inTransaction(this.dataSource, async (tx) => {
      const pair = await repository.lockPair(tx, input.unitId, input.clientId);
      if (!pair || !actor.municipalityCodes.includes(pair.clientMunicipalityCode)) {
        throw new ProposalError(
          ProposalErrorCode.UnitOrClientNotFound,
          `No unit ${input.unitId} with client ${input.clientId} in your municipalities.`,
        );
      }
      if (pair.unitStatus !== 'available' || pair.clientStatus !== 'waiting') {
        throw new ProposalError(
          ProposalErrorCode.PairNotFree,
          `The unit is ${pair.unitStatus} and the client ${pair.clientStatus}; both must be free (available, waiting).`,
        );
      }
      const id = await repository.insertManualProposal(tx, {
        unitId: input.unitId,
        clientId: input.clientId,
        regionCode: pair.regionCode,
        score: Math.min(1, Math.max(0, evaluation.score)),
        breakdown: evaluation.breakdown,
        rules: evaluation.rules,
        policyVersion: evaluation.policyVersion,
        overriddenRules: broken,
        createdByTokenId: actor.tokenId,
      });
      if (id === undefined) {
        throw new ProposalError(
          ProposalErrorCode.PairNotFree,
          'The unit or the client has an open proposal already.',
        );
      }
      await repository.insertDecision(tx, {
        proposalId: id,
        action: 'create',
        party: 'matcher',
        note: input.justification,
        organisationId: actor.organisationId,
        tokenId: actor.tokenId,
      });
      await recordAudit(tx, actor, [
        {
          action: 'proposal.created',
          entityType: 'proposal',
          entityId: id,
          details: { origin: 'manual', overriddenRules: broken },
        },
      ]);
      return this.presentOne(tx, actor, await repository.findProposal(tx, id));
    });
  }

  private async presentOne(
    db: Db,
    actor: Actor,
    proposal: StoredProposal | undefined,
  ): Promise<ProposalViewBody> {
    const [view] = proposal ? await this.present(db, actor, [proposal]) : [];
    if (!proposal || !view) throw new Error('a proposal read in its own transaction went missing');
    return view.view === 'matcher' ? Object.assign(view, { rules: proposal.rules }) : view;
  }

  /**
   * Each party's view (docs/workflow.md): the corporation's shows household, needs and support
   * only, and is written to the access log as a read of the client's profile.
   */
  private async present(
    db: Db,
    actor: Actor,
    proposals: StoredProposal[],
  ): Promise<ProposalListViewBody[]> {
    const view = viewFor(actor);
    switch (view) {
      case 'matcher':
        return proposals.map(matcherListView);
      case 'corporation': {
        const clients = await repository.findClientSummaries(
          db,
          proposals.map((p) => p.clientId),
        );
        await recordAudit(
          db,
          actor,
          proposals.map((p) => ({
            action: 'client.read',
            entityType: 'client',
            entityId: p.clientId,
            details: { via: 'proposal', proposalId: p.id },
          })),
        );
        return proposals.map((p) =>
          Object.assign(baseView(p), {
            view: 'corporation' as const,
            client: found(clients.get(p.clientId), p.clientId),
          }),
        );
      }
      case 'provider': {
        const units = await repository.findUnitDetails(
          db,
          proposals.map((p) => p.unitId),
        );
        return proposals.map((p) =>
          Object.assign(baseView(p), {
            view: 'provider' as const,
            unit: found(units.get(p.unitId), p.unitId),
          }),
        );
      }
    }
  }
}

/** A listed proposal in a party's view; the repository read the party's details with it. */
function listView(
  view: Exclude<ProposalView, 'matcher'>,
  p: PartyListedProposal,
): ProposalListViewBody {
  switch (view) {
    case 'corporation':
      return Object.assign(baseView(p), { view, client: found(p.clientSummary, p.clientId) });
    case 'provider':
      return Object.assign(baseView(p), { view, unit: found(p.unitDetails, p.unitId) });
  }
}

/**
 * The fields every party sees. Views add theirs with `Object.assign`, not `{ ...baseView(p), … }`:
 * on Node 20 a spread followed by more properties builds a new hidden class for every object
 * (about 30 µs and 6 kB for a list item, 40 times `Object.assign`), and a list page makes 20.
 */
function baseView(p: ListedProposal) {
  return {
    id: p.id,
    status: p.status,
    version: p.version,
    unitId: p.unitId,
    clientId: p.clientId,
    regionCode: p.regionCode,
    deadline: p.deadline,
    corporationDeadline: p.corporationDeadline,
    providerDeadline: p.providerDeadline,
    approvedAt: p.approvedAt,
    corporationDecision: p.corporationDecision,
    providerDecision: p.providerDecision,
    reason: p.reason,
    leaseStart: p.leaseStart,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/**
 * Field by field: a stored proposal passed here must not bring its rule results along. The
 * matchers' list builds the same in SQL (`listMatcherProposalsJson`).
 */
function matcherListView(p: ListedProposal): ProposalListItem {
  return Object.assign(baseView(p), {
    view: 'matcher' as const,
    origin: p.origin,
    runId: p.runId,
    score: p.score,
    breakdown: p.breakdown,
    overriddenRules: p.overriddenRules,
    awaitingSecondMatcher: p.overriddenRules.length > 0 && p.approvedAt === null,
    policyVersion: p.policyVersion,
  });
}

/** The reason is one of the party's own, and `other` (only `other`) comes with a note. */
function checkReason(
  party: 'matcher' | 'corporation' | 'provider' | 'system',
  input: TransitionInput,
) {
  const errors = [];
  if (input.reason === undefined) errors.push({ path: 'reason', message: 'required' });
  else if (!isReasonOf(party, input.reason)) {
    errors.push({
      path: 'reason',
      message: `not a ${party}'s reason; see GET /api/v1/reference/reasons`,
    });
  }
  if (input.reason === 'other' && input.note === undefined) {
    errors.push({ path: 'note', message: 'required with reason "other"' });
  }
  if (input.reason !== 'other' && input.note !== undefined) {
    errors.push({ path: 'note', message: 'only with reason "other"' });
  }
  if (errors.length > 0) throw new ValidationError(errors);
}

/** A row joined by a foreign key is there; its absence is a bug, not a 404. */
function found<T>(value: T | undefined, id: string): T {
  if (value === undefined) throw new Error(`row ${id} of a proposal is missing`);
  return value;
}

function notYetDue(what: string, at: string): Error {
  // A plain error: the job is retried (with backoff) until the moment has come.
  return new Error(`${what}: not due before ${at}`);
}

function sameInstant(a: Date | null, b: string | null): boolean {
  return a === null || b === null ? a === b : a.getTime() === Date.parse(b);
}

/** A stored proposal's deadlines as instants. */
function deadlinesOf(p: StoredProposal): CurrentDeadlines {
  const at = (value: string | null) => (value === null ? null : new Date(value));
  return {
    deadline: at(p.deadline),
    corporationDeadline: at(p.corporationDeadline),
    providerDeadline: at(p.providerDeadline),
    remindAt: at(p.remindAt),
  };
}

function eventData(proposal: StoredProposal, party: string): Record<string, unknown> {
  return {
    proposalId: proposal.id,
    unitId: proposal.unitId,
    clientId: proposal.clientId,
    party,
  };
}

function notFound(id: string): ProposalError {
  return new ProposalError(ProposalErrorCode.NotFound, `No proposal ${id}.`);
}

/**
 * The event a step causes. The matchingspunt is always told; the corporation and the provider
 * only of a proposal that was approved (before that they do not see it).
 */
function proposalEvent(
  proposal: StoredProposal,
  type: DomainEventType,
  party: string,
): Parameters<typeof emitEvents>[1][number] {
  const parties =
    proposal.approvedAt !== null || type === 'proposal.approved'
      ? [proposal.corporationId, proposal.providerId, proposal.supportProviderId]
      : [];
  return {
    type,
    subjectType: 'proposal',
    subjectId: proposal.id,
    regionCode: proposal.regionCode,
    municipalityCode: proposal.municipalityCode,
    organisationIds: parties.filter((id): id is string => id !== null),
    data: eventData(proposal, party),
  };
}
