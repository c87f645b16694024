import type { DataSource } from 'typeorm';

import { type Actor, requireRole } from '../../shared/auth/actor';
import { type Db, inTransaction, rootDb } from '../../shared/database/db';
import { ValidationError } from '../../shared/errors/app-error';
import type { FieldError } from '../../shared/errors/app-error';
import { type Page, type PageRequest, toPage } from '../../shared/http/pagination';
import { type Clock, dutchDate } from '../../shared/time/clock';
import { MATCHING_POLICY_DEFAULTS } from '../../shared/domain/matching-policy';
import { recordAudit } from '../audit';
import { type DomainEvent, type DomainEventType, emitEvents } from '../notifications';
import { can, partyOf, placementScope, seesFollowUp } from './placement.access';
import { PlacementError, PlacementErrorCode } from './placement.errors';
import { LIFECYCLE, planEvent } from './placement.lifecycle';
import * as repository from './placement.repository';
import type { DuePlacement, StoredPlacement } from './placement.repository';
import type {
  Checkin,
  CheckinFilter,
  Placement,
  PlacementEventBody,
  PlacementFilter,
} from './placement.schemas';

/** Asks for a matching run in the caller's transaction (the matching module's requestMatchingRun). */
export type RunRequester = (db: Db, where: { regionCodes: readonly string[] }) => Promise<void>;

/** Puts the follow-up job on its queue now; returns the job's id. */
export type FollowUpEnqueuer = () => Promise<string>;

export interface FollowUpResult {
  checkinsDue: number;
  reviewsDue: number;
  movingOn: number;
}

export class PlacementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly requestRun: RunRequester,
    private readonly enqueueFollowUp?: FollowUpEnqueuer,
  ) {}

  async list(actor: Actor, filter: PlacementFilter, page: PageRequest): Promise<Page<Placement>> {
    requireRole(actor, 'admin', 'matcher', 'corporation', 'provider');
    const today = dutchDate(this.clock());
    const rows = await repository.listPlacements(
      rootDb(this.dataSource),
      placementScope(actor),
      filter,
      page,
      today,
    );
    const result = toPage(rows, page.limit);
    return { items: result.items.map((row) => view(row, today)), nextCursor: result.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Placement> {
    requireRole(actor, 'admin', 'matcher', 'corporation', 'provider');
    const db = rootDb(this.dataSource);
    const placement = await repository.findPlacement(db, id);
    if (!placement || can(actor, 'read', placement) !== 'allowed') throw notFound(id);
    return this.present(db, actor, placement);
  }

  async listCheckins(
    actor: Actor,
    filter: CheckinFilter,
    page: PageRequest,
  ): Promise<Page<Checkin>> {
    requireRole(actor, 'admin', 'matcher', 'provider');
    const rows = await repository.listCheckins(
      rootDb(this.dataSource),
      placementScope(actor),
      filter,
      page,
      dutchDate(this.clock()),
    );
    return toPage(rows, page.limit);
  }

  /**
   * One event on a placement, in one transaction: the placement row is locked, the access policy,
   * `If-Match`, the lifecycle and the dates are checked in that order, then the placement, its
   * unit and client, the event, the audit row and the domain event are written together.
   */
  async recordEvent(
    actor: Actor,
    id: string,
    body: PlacementEventBody,
    expectedVersion?: number,
  ): Promise<Placement> {
    requireRole(actor, 'corporation', 'provider');
    const today = dutchDate(this.clock());
    return inTransaction(this.dataSource, async (tx) => {
      const current = await repository.findPlacement(tx, id, { lock: true });
      if (!current) throw notFound(id);
      const access = can(actor, body.type, current);
      if (access === 'hidden') throw notFound(id);
      const party = partyOf(actor, current);
      if (access === 'forbidden' || party === null) {
        throw new PlacementError(
          PlacementErrorCode.NotYourEvent,
          `You may not record ${body.type} on this placement; the ${LIFECYCLE[body.type].parties.join(' or ')} may.`,
        );
      }
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw new PlacementError(
          PlacementErrorCode.VersionStale,
          `Placement ${id} is at version ${current.version}; reload it and record again.`,
          { currentVersion: current.version, currentStatus: current.status },
        );
      }
      const plan = planEvent(current, body.type, party);
      if ('refused' in plan) {
        throw new PlacementError(PlacementErrorCode.IllegalEvent, plan.detail, {
          currentStatus: current.status,
        });
      }
      checkDates(current, body, today);

      const details: Record<string, unknown> = {};
      let checkin: { id: string; months: number } | undefined;
      switch (plan.effect) {
        case 'none':
          break;
        case 'checkin':
          if (body.type !== 'checkin') throw new Error('a check-in plan for another event');
          checkin = await repository.findCheckinToRecord(tx, id, body.date, body.months);
          if (!checkin) {
            throw new PlacementError(
              PlacementErrorCode.NoCheckinDue,
              body.months === undefined
                ? `No open check-in of this placement is due by ${body.date}.`
                : `The ${body.months}-month check-in is not open and due by ${body.date}.`,
              { currentStatus: current.status },
            );
          }
          await repository.recordCheckin(
            tx,
            checkin.id,
            body.stablyHoused,
            body.date,
            actor.organisationId,
          );
          Object.assign(details, {
            checkinId: checkin.id,
            months: checkin.months,
            stablyHoused: body.stablyHoused,
          });
          break;
        case 'end':
          await repository.releaseUnit(tx, id, current.unitId);
          await this.requestRun(tx, { regionCodes: [current.regionCode] });
          break;
        case 'return_client':
          await repository.releaseUnit(tx, id, current.unitId);
          details.clientReturned = await repository.returnClient(tx, current.clientId);
          await this.requestRun(tx, { regionCodes: [current.regionCode] });
          break;
      }
      const ends = plan.to === 'ended';
      await repository.updatePlacement(tx, id, {
        status: plan.to,
        ...(plan.tenant !== undefined ? { tenant: plan.tenant } : {}),
        ...(body.type === 'omklap_extended' ? { reviewDate: body.reviewDate } : {}),
        ...(ends
          ? {
              endedOn: body.date,
              endReason: body.type === 'returned_to_waiting' ? 'returned_to_waiting' : 'ended',
            }
          : {}),
      });
      if (body.type === 'omklap_extended') details.reviewDate = body.reviewDate;
      await repository.insertEvent(tx, {
        placementId: id,
        type: body.type,
        date: body.date,
        details,
        organisationId: actor.organisationId,
        tokenId: actor.tokenId,
      });
      await recordAudit(tx, actor, [
        {
          action: `placement.${body.type}`,
          entityType: 'placement',
          entityId: id,
          details: {
            from: current.status,
            to: plan.to,
            party,
            date: body.date,
            // The outcome of a check-in is follow-up, not for the audit trail: its field only.
            ...(checkin ? { checkinId: checkin.id, changed: ['stablyHoused'] } : {}),
            ...(body.type === 'omklap_extended' ? { reviewDate: body.reviewDate } : {}),
            ...(body.type === 'returned_to_waiting'
              ? { clientId: current.clientId, clientStatus: 'waiting' }
              : {}),
          },
        },
      ]);
      await emitEvents(tx, [eventFor(current, body, checkin)]);
      const updated = await repository.findPlacement(tx, id);
      if (!updated) throw new Error('a placement read in its own transaction went missing');
      return this.present(tx, actor, updated);
    });
  }

  /** `POST /placements/follow-up`: the follow-up job, now rather than at its next hour. */
  async requestFollowUp(actor: Actor): Promise<{ jobId: string }> {
    requireRole(actor, 'admin', 'matcher');
    if (!this.enqueueFollowUp) throw new Error('this service was built without a job queue');
    return { jobId: await this.enqueueFollowUp() };
  }

  /**
   * The follow-up job: announces check-ins and omklap reviews that came due (each once: the
   * stored state says what was announced), and lets doorstroom clients whose moment came move on.
   * Each part is one transaction; a second sweep at the same time waits or skips, never repeats.
   */
  async followUp(): Promise<FollowUpResult> {
    const today = dutchDate(this.clock());
    const checkinsDue = await inTransaction(this.dataSource, async (tx) => {
      const due = await repository.claimDueCheckins(tx, today);
      await emitEvents(
        tx,
        due.map((row) =>
          followUpEvent(row, 'checkin.due', 'checkin', row.checkinId, false, {
            checkinId: row.checkinId,
            months: row.months,
            dueDate: row.dueDate,
          }),
        ),
      );
      return due.length;
    });
    const reviewsDue = await inTransaction(this.dataSource, async (tx) => {
      const due = await repository.claimDueReviews(tx, today);
      await emitEvents(
        tx,
        due.map((row) =>
          followUpEvent(row, 'placement.review_due', 'placement', row.id, true, {
            reviewDate: row.reviewDate,
          }),
        ),
      );
      return due.length;
    });
    const movingOn = await inTransaction(this.dataSource, async (tx) => {
      const due = await repository.lockDueDoorstroom(
        tx,
        today,
        MATCHING_POLICY_DEFAULTS.doorstroomLeadMonths,
      );
      for (const row of due) {
        await repository.updatePlacement(tx, row.id, {
          status: 'moving_on',
          movingOnSince: today,
        });
        const clientWaiting = await repository.moveOnClient(tx, row.clientId, row.endDate);
        await repository.insertEvent(tx, {
          placementId: row.id,
          type: 'doorstroom_moving_on',
          date: today,
          details: { endDate: row.endDate, clientWaiting },
          organisationId: null,
          tokenId: null,
        });
        await recordAudit(tx, null, [
          {
            action: 'placement.doorstroom_moving_on',
            entityType: 'placement',
            entityId: row.id,
            details: { from: 'active', to: 'moving_on', endDate: row.endDate },
          },
          ...(clientWaiting
            ? [
                {
                  action: 'client.moving_on',
                  entityType: 'client',
                  entityId: row.clientId,
                  details: {
                    via: 'placement',
                    placementId: row.id,
                    changed: ['status', 'urgent', 'urgencyReason', 'mustMoveBy'],
                  },
                },
              ]
            : []),
        ]);
      }
      await emitEvents(
        tx,
        due.map((row) =>
          followUpEvent(row, 'placement.doorstroom_due', 'placement', row.id, true, {
            endDate: row.endDate,
          }),
        ),
      );
      const regions = [...new Set(due.map((row) => row.regionCode))];
      if (regions.length > 0) await this.requestRun(tx, { regionCodes: regions });
      return due.length;
    });
    return { checkinsDue, reviewsDue, movingOn };
  }

  private async present(db: Db, actor: Actor, placement: StoredPlacement): Promise<Placement> {
    const today = dutchDate(this.clock());
    const followUp = seesFollowUp(actor);
    const events = await repository.findEvents(db, placement.id, { withCheckins: followUp });
    return {
      ...view(placement, today),
      events,
      ...(followUp ? { checkins: await repository.checkinsOf(db, placement.id, today) } : {}),
    };
  }
}

/**
 * Makes the placement of a proposal being placed, in the proposal's transaction (its unit and
 * client are locked): a client moving on from a doorstroom home leaves it, and that home is
 * offered again. Returns the new placement's id and whether a home was freed (a run is due).
 */
export async function startPlacement(
  tx: Db,
  actor: Actor,
  input: repository.NewPlacement,
): Promise<{ placementId: string; freedUnitId: string | null }> {
  const previous = await repository.findOpenDoorstroomOf(tx, input.clientId);
  if (previous) {
    const endedOn = input.leaseStart > previous.leaseStart ? input.leaseStart : previous.leaseStart;
    await repository.releaseUnit(tx, previous.id, previous.unitId);
    await repository.updatePlacement(tx, previous.id, {
      status: 'ended',
      endedOn,
      endReason: 'moved_on',
    });
    await repository.insertEvent(tx, {
      placementId: previous.id,
      type: 'moved_on',
      date: endedOn,
      details: { proposalId: input.proposalId },
      organisationId: actor.organisationId,
      tokenId: actor.tokenId,
    });
    await recordAudit(tx, actor, [
      {
        action: 'placement.moved_on',
        entityType: 'placement',
        entityId: previous.id,
        details: { from: previous.status, to: 'ended', date: endedOn, unitId: previous.unitId },
      },
    ]);
    await emitEvents(tx, [
      {
        ...audienceOf(previous, true),
        type: 'placement.ended',
        subjectType: 'placement',
        subjectId: previous.id,
        data: {
          placementId: previous.id,
          unitId: previous.unitId,
          clientId: previous.clientId,
          endReason: 'moved_on',
          date: endedOn,
        },
      },
    ]);
  }
  const placementId = await repository.insertPlacement(tx, input);
  await repository.insertEvent(tx, {
    placementId,
    type: 'placed',
    date: input.leaseStart,
    details: { proposalId: input.proposalId },
    organisationId: actor.organisationId,
    tokenId: actor.tokenId,
  });
  await recordAudit(tx, actor, [
    {
      action: 'placement.created',
      entityType: 'placement',
      entityId: placementId,
      details: { proposalId: input.proposalId, leaseStart: input.leaseStart },
    },
  ]);
  return { placementId, freedUnitId: previous?.unitId ?? null };
}

/** 422 naming each date that does not fit the placement. */
function checkDates(placement: StoredPlacement, body: PlacementEventBody, today: string): void {
  const errors: FieldError[] = [];
  if (body.date < placement.leaseStart) {
    errors.push({ path: 'date', message: `on or after the lease start ${placement.leaseStart}` });
  }
  if (body.date > today) errors.push({ path: 'date', message: `not after today (${today})` });
  if (body.type === 'omklap_extended') {
    if (body.reviewDate <= body.date) {
      errors.push({ path: 'reviewDate', message: 'after the date of the extension' });
    }
    if (placement.reviewDate !== null && body.reviewDate <= placement.reviewDate) {
      errors.push({
        path: 'reviewDate',
        message: `after the current review date ${placement.reviewDate}`,
      });
    }
  }
  if (errors.length > 0) throw new ValidationError(errors);
}

function view(row: StoredPlacement, today: string): Placement {
  return {
    id: row.id,
    proposalId: row.proposalId,
    unitId: row.unitId,
    clientId: row.clientId,
    corporationId: row.corporationId,
    providerId: row.providerId,
    regionCode: row.regionCode,
    municipalityCode: row.municipalityCode,
    unitType: row.unitType,
    leaseStart: row.leaseStart,
    status: row.status,
    tenant: row.tenant,
    reviewDate: row.reviewDate,
    reviewDue:
      row.unitType === 'omklap' &&
      row.status === 'active' &&
      row.reviewDate !== null &&
      row.reviewDate <= today,
    endDate: row.endDate,
    movingOnSince: row.movingOnSince,
    endedOn: row.endedOn,
    endReason: row.endReason,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function notFound(id: string): PlacementError {
  return new PlacementError(PlacementErrorCode.NotFound, `No placement ${id}.`);
}

/**
 * Who is told: the matchingspunt always (emitEvents adds it); the client's providers; the
 * corporation only of the tenancy, never of the follow-up (care information).
 */
function audienceOf(
  placement: Pick<
    DuePlacement,
    'regionCode' | 'municipalityCode' | 'corporationId' | 'providerId' | 'supportProviderId'
  >,
  withCorporation: boolean,
): Pick<DomainEvent, 'regionCode' | 'municipalityCode' | 'organisationIds'> {
  const ids = [
    placement.providerId,
    placement.supportProviderId,
    withCorporation ? placement.corporationId : null,
  ];
  return {
    regionCode: placement.regionCode,
    municipalityCode: placement.municipalityCode,
    organisationIds: ids.filter((id): id is string => id !== null),
  };
}

function followUpEvent(
  row: DuePlacement,
  type: DomainEventType,
  subjectType: 'placement' | 'checkin',
  subjectId: string,
  withCorporation: boolean,
  data: Record<string, unknown>,
): DomainEvent {
  return {
    ...audienceOf(row, withCorporation),
    type,
    subjectType,
    subjectId,
    data: { placementId: row.id, unitId: row.unitId, clientId: row.clientId, ...data },
  };
}

const EVENT_TYPE: Record<PlacementEventBody['type'], DomainEventType> = {
  omklap_flipped: 'placement.omklap_flipped',
  omklap_extended: 'placement.omklap_extended',
  terugklap: 'placement.terugklap',
  returned_to_waiting: 'placement.ended',
  checkin: 'checkin.recorded',
  ended: 'placement.ended',
};

/** The domain event a recorded event causes; a check-in's outcome stays out of it. */
function eventFor(
  placement: StoredPlacement,
  body: PlacementEventBody,
  checkin: { id: string; months: number } | undefined,
): DomainEvent {
  const data: Record<string, unknown> = {
    placementId: placement.id,
    unitId: placement.unitId,
    clientId: placement.clientId,
    date: body.date,
  };
  if (body.type === 'omklap_extended') data.reviewDate = body.reviewDate;
  if (body.type === 'returned_to_waiting') data.endReason = 'returned_to_waiting';
  if (body.type === 'ended') data.endReason = 'ended';
  if (checkin) Object.assign(data, { checkinId: checkin.id, months: checkin.months });
  return {
    ...audienceOf(placement, body.type !== 'checkin'),
    type: EVENT_TYPE[body.type],
    subjectType: checkin ? 'checkin' : 'placement',
    subjectId: checkin ? checkin.id : placement.id,
    data,
  };
}
