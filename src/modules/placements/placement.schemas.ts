import { z } from 'zod';

import { isoDateSchema } from '../../shared/domain/codes';
import { UNIT_TYPES } from '../../shared/domain/vocabulary';
import { pageQuerySchema } from '../../shared/http/pagination';
import { PLACEMENT_STATUSES } from './placement.lifecycle';

/** A check-in as listed: `upcoming`, `due`, `overdue` are open ones by date. */
export const CHECKIN_STATUSES = ['upcoming', 'due', 'overdue', 'done', 'cancelled'] as const;
export type CheckinStatus = (typeof CHECKIN_STATUSES)[number];

/** An open check-in becomes overdue this many days after its due date. */
export const CHECKIN_OVERDUE_AFTER_DAYS = 30;

/** Follow-up check-ins are due this many months after the lease start. */
export const CHECKIN_MONTHS = [3, 6, 12] as const;

export const checkinSchema = z
  .object({
    id: z.uuid(),
    placementId: z.uuid(),
    clientId: z.uuid(),
    unitId: z.uuid(),
    months: z.number().int().meta({ description: 'Months after the lease start: 3, 6 or 12.' }),
    dueDate: z.string(),
    status: z.enum(CHECKIN_STATUSES).meta({
      description: `Open check-ins are upcoming, due (from the due date) or overdue (${CHECKIN_OVERDUE_AFTER_DAYS} days after it).`,
    }),
    stablyHoused: z.boolean().nullable(),
    recordedOn: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Checkin' });
export type Checkin = z.infer<typeof checkinSchema>;

export const placementEventViewSchema = z.object({
  type: z.string(),
  date: z.string(),
  organisationId: z.uuid().nullable(),
  details: z.record(z.string(), z.unknown()),
  recordedAt: z.string(),
});

export const placementSchema = z
  .object({
    id: z.uuid(),
    proposalId: z.uuid(),
    unitId: z.uuid(),
    clientId: z.uuid(),
    corporationId: z.uuid(),
    providerId: z.uuid(),
    regionCode: z.string(),
    municipalityCode: z.string(),
    unitType: z.enum(UNIT_TYPES),
    leaseStart: z.string(),
    status: z.enum(PLACEMENT_STATUSES),
    tenant: z.enum(['provider', 'client']).meta({
      description:
        'Who holds the lease: the provider while an omklap is not (or no longer) flipped.',
    }),
    reviewDate: z.string().nullable().meta({ description: 'omklap only.' }),
    reviewDue: z.boolean().meta({ description: 'An omklap not flipped whose review date came.' }),
    endDate: z.string().nullable().meta({ description: 'doorstroom only: the end of the stay.' }),
    movingOnSince: z.string().nullable().meta({
      description: 'doorstroom only: since when the client is matchable for a permanent home.',
    }),
    endedOn: z.string().nullable(),
    endReason: z.enum(['ended', 'moved_on', 'returned_to_waiting']).nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    events: z.array(placementEventViewSchema).optional().meta({
      description:
        'The history, oldest first (single reads only; a corporation does not see check-ins).',
    }),
    checkins: z.array(checkinSchema).optional().meta({
      description: 'The follow-up (single reads, for everyone but the corporation).',
    }),
  })
  .meta({ id: 'Placement' });
export type Placement = z.infer<typeof placementSchema>;

const eventDate = isoDateSchema.meta({
  description: 'When it happened: on or after the lease start, not after today.',
});

export const placementEventBodySchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('omklap_flipped'), date: eventDate }),
    z.strictObject({
      type: z.literal('omklap_extended'),
      date: eventDate,
      reviewDate: isoDateSchema.meta({ description: 'The new review date, after `date`.' }),
    }),
    z.strictObject({ type: z.literal('terugklap'), date: eventDate }),
    z.strictObject({ type: z.literal('returned_to_waiting'), date: eventDate }),
    z.strictObject({
      type: z.literal('checkin'),
      date: eventDate,
      stablyHoused: z.boolean(),
      months: z
        .union([z.literal(3), z.literal(6), z.literal(12)])
        .optional()
        .meta({ description: 'Which check-in; default the earliest open one due by `date`.' }),
    }),
    z.strictObject({ type: z.literal('ended'), date: eventDate }),
  ])
  .meta({ id: 'PlacementEvent' });
export type PlacementEventBody = z.infer<typeof placementEventBodySchema>;

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const listPlacementsQuerySchema = pageQuerySchema.extend({
  status: z.enum(PLACEMENT_STATUSES).optional(),
  unitType: z.enum(UNIT_TYPES).optional(),
  reviewDue: booleanQuery.optional().meta({
    description: 'true: only omklap placements not flipped whose review date came.',
  }),
  unitId: z.uuid().optional(),
  clientId: z.uuid().optional(),
});
export type PlacementFilter = Omit<z.output<typeof listPlacementsQuerySchema>, 'limit' | 'cursor'>;

export const listCheckinsQuerySchema = pageQuerySchema.extend({
  status: z.enum(CHECKIN_STATUSES).optional(),
  placementId: z.uuid().optional(),
});
export type CheckinFilter = Omit<z.output<typeof listCheckinsQuerySchema>, 'limit' | 'cursor'>;

export const placementParamsSchema = z.object({ id: z.uuid() });

export const followUpAcceptedSchema = z.object({ jobId: z.string() });
