/**
 * The documented reasons a party may give for ending a proposal (reject, decline, cancel), served
 * at `GET /api/v1/reference/reasons`. Codes are stable: reports count declines by them. `other`
 * needs a short note; no other reason takes one.
 */
import type { Party } from './proposal.workflow';

export interface ReasonDefinition {
  code: string;
  description: string;
}

export const DECISION_REASONS = {
  corporation: [
    { code: 'unit_no_longer_available', description: 'The home is no longer available.' },
    { code: 'household_does_not_fit', description: 'The household does not fit the home.' },
    { code: 'rent_arrears_history', description: 'A history of rent arrears.' },
    { code: 'other', description: 'Another reason, given in a short note.' },
  ],
  provider: [
    { code: 'location_refused', description: 'The client refuses the location.' },
    {
      code: 'support_cannot_be_arranged',
      description: 'The support the client needs cannot be arranged there.',
    },
    { code: 'client_not_reachable', description: 'The client cannot be reached.' },
    { code: 'client_declines', description: 'The client declines the home.' },
    { code: 'other', description: 'Another reason, given in a short note.' },
  ],
  matcher: [
    { code: 'better_alternative', description: 'A better pair is available.' },
    { code: 'information_incomplete', description: 'Information needed to decide is missing.' },
    { code: 'other', description: 'Another reason, given in a short note.' },
  ],
  // Given by the service itself, never sent by a caller.
  system: [
    { code: 'unit_withdrawn', description: 'The corporation withdrew the home.' },
    { code: 'client_withdrawn', description: 'The provider withdrew the client.' },
    { code: 'deadline_passed', description: 'A step was not taken before its deadline.' },
  ],
} as const satisfies Record<Party, readonly ReasonDefinition[]>;

export type ReasonCode = (typeof DECISION_REASONS)[Party][number]['code'];

/** Every code a caller may send, for the request schema; the party's own list is checked after. */
export const CALLER_REASON_CODES = [
  ...new Set(
    [
      ...DECISION_REASONS.corporation,
      ...DECISION_REASONS.provider,
      ...DECISION_REASONS.matcher,
    ].map((reason) => reason.code),
  ),
] as [string, ...string[]];

export function isReasonOf(party: Party, code: string): boolean {
  return DECISION_REASONS[party].some((reason) => reason.code === code);
}
