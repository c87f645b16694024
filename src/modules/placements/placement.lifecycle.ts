/**
 * The placement lifecycle, as data: every event a party may record on a placement, the unit types
 * and states it may start from, who may record it, and what it leads to. Pure: the service locks
 * the placement, asks `planEvent`, and writes what the plan says (docs/workflow.md, "Placements
 * and follow-up").
 */
import type { UnitType } from '../../shared/domain/vocabulary';

export const PLACEMENT_STATUSES = ['active', 'flipped', 'terugklap', 'moving_on', 'ended'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/** The events a party records through `POST /placements/{id}/events`. */
export const PLACEMENT_EVENT_TYPES = [
  'omklap_flipped',
  'omklap_extended',
  'terugklap',
  'returned_to_waiting',
  'checkin',
  'ended',
] as const;
export type PlacementEventType = (typeof PLACEMENT_EVENT_TYPES)[number];

/**
 * Who acts on a placement: the unit's corporation (the lease), the client's own provider (the
 * client), the provider that gives the support when another one (follow-up only), a matcher.
 */
export type PlacementParty = 'corporation' | 'provider' | 'support_provider' | 'matcher';

/** What an event does besides the placement's own status. */
export type PlacementEffect =
  /** Nothing else changes. */
  | 'none'
  /** A follow-up check-in is recorded. */
  | 'checkin'
  /** The tenancy ends: the unit is `available` again, open check-ins are cancelled. */
  | 'end'
  /** As `end`, and the client is `waiting` again (matchable); a run is requested. */
  | 'return_client';

export interface PlacementEventRule {
  unitTypes: readonly UnitType[];
  from: readonly PlacementStatus[];
  parties: readonly PlacementParty[];
  /** The status it leads to; `null`: the status stays. */
  to: PlacementStatus | null;
  /** Who holds the lease afterwards, when it changes. */
  tenant?: 'provider' | 'client';
  effect: PlacementEffect;
}

const ALL_TYPES: readonly UnitType[] = ['contingent', 'omklap', 'skaeve_huis', 'doorstroom'];
const LIVING: readonly PlacementStatus[] = ['active', 'flipped', 'terugklap', 'moving_on'];

export const LIFECYCLE: Readonly<Record<PlacementEventType, PlacementEventRule>> = {
  // The review's outcome "ready": the lease goes to the client's own name, in the same home.
  omklap_flipped: {
    unitTypes: ['omklap'],
    from: ['active'],
    parties: ['corporation'],
    to: 'flipped',
    tenant: 'client',
    effect: 'none',
  },
  // The review's outcome "not yet": a new review date, the provider keeps the lease.
  omklap_extended: {
    unitTypes: ['omklap'],
    from: ['active'],
    parties: ['corporation'],
    to: null,
    effect: 'none',
  },
  // The lease goes (back) to the provider: at review instead of a flip, or after one.
  terugklap: {
    unitTypes: ['omklap'],
    from: ['active', 'flipped'],
    parties: ['corporation'],
    to: 'terugklap',
    tenant: 'provider',
    effect: 'none',
  },
  // After a terugklap the client's provider says when the client moves out and waits again.
  returned_to_waiting: {
    unitTypes: ['omklap'],
    from: ['terugklap'],
    parties: ['provider'],
    to: 'ended',
    effect: 'return_client',
  },
  checkin: {
    unitTypes: ALL_TYPES,
    from: LIVING,
    parties: ['provider', 'support_provider'],
    to: null,
    effect: 'checkin',
  },
  ended: {
    unitTypes: ALL_TYPES,
    from: LIVING,
    parties: ['corporation'],
    to: 'ended',
    effect: 'end',
  },
};

export interface PlacementState {
  unitType: UnitType;
  status: PlacementStatus;
}

export interface PlacementPlan {
  to: PlacementStatus;
  tenant?: 'provider' | 'client';
  effect: PlacementEffect;
}

export type PlacementRefusal =
  { refused: 'wrong_party'; detail: string } | { refused: 'illegal_state'; detail: string };

/** What recording `event` by `party` does to a placement in `state`, or why it may not. */
export function planEvent(
  state: PlacementState,
  event: PlacementEventType,
  party: PlacementParty,
): PlacementPlan | PlacementRefusal {
  const rule = LIFECYCLE[event];
  if (!rule.parties.includes(party)) {
    return {
      refused: 'wrong_party',
      detail: `A ${partyName(party)} may not record ${event}; ${rule.parties.map(partyName).join(' or ')} may.`,
    };
  }
  if (!rule.unitTypes.includes(state.unitType)) {
    return {
      refused: 'illegal_state',
      detail: `This is a ${state.unitType} placement; ${event} is for ${rule.unitTypes.join(' or ')} placements.`,
    };
  }
  if (!rule.from.includes(state.status)) {
    return {
      refused: 'illegal_state',
      detail: `The placement is ${state.status}; ${event} needs it ${rule.from.join(' or ')}.`,
    };
  }
  return {
    to: rule.to ?? state.status,
    effect: rule.effect,
    ...(rule.tenant !== undefined ? { tenant: rule.tenant } : {}),
  };
}

function partyName(party: PlacementParty): string {
  return party === 'support_provider' ? 'support provider' : party;
}
