/**
 * The one access policy for placements and their check-ins: may this actor see, or record this
 * event on, this placement? Every placement route asks `can`; `placementScope` is the same read
 * rule written for a WHERE clause (lists of placements and of check-ins).
 */
import type { Actor } from '../../shared/auth/actor';
import { LIFECYCLE, type PlacementEventType, type PlacementParty } from './placement.lifecycle';

export type PlacementAction = 'read' | PlacementEventType;

/** What the policy needs to know about a placement. */
export interface PlacementFacts {
  /** The unit's municipality: a matcher's reach. */
  municipalityCode: string;
  corporationId: string;
  /** The provider that registered the client. */
  providerId: string;
  /** The provider that gives the support, when another one. */
  supportProviderId: string | null;
}

/** Which placements an actor may read. */
export type PlacementScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'municipalities'; codes: readonly string[] }
  | { kind: 'corporation'; organisationId: string }
  | { kind: 'provider'; organisationId: string };

/** `hidden` answers 404 (exactly like a missing placement), `forbidden` 403. */
export type Access = 'allowed' | 'hidden' | 'forbidden';

/** The party an actor acts as on this placement, if it may see it at all. */
export function partyOf(actor: Actor, facts: PlacementFacts): PlacementParty | null {
  switch (actor.role) {
    case 'admin':
    case 'viewer':
      return null;
    case 'matcher':
      return actor.municipalityCodes.includes(facts.municipalityCode) ? 'matcher' : null;
    case 'corporation':
      return facts.corporationId === actor.organisationId ? 'corporation' : null;
    case 'provider':
      if (facts.providerId === actor.organisationId) return 'provider';
      return facts.supportProviderId === actor.organisationId ? 'support_provider' : null;
  }
}

export function can(actor: Actor, action: PlacementAction, facts: PlacementFacts): Access {
  const party = partyOf(actor, facts);
  if (actor.role !== 'admin' && party === null) return 'hidden';
  if (action === 'read') return 'allowed';
  return party !== null && LIFECYCLE[action].parties.includes(party) ? 'allowed' : 'forbidden';
}

/**
 * Whether the actor sees the follow-up (check-ins and their outcome): care information, so the
 * corporation does not.
 */
export function seesFollowUp(actor: Actor): boolean {
  return actor.role !== 'corporation';
}

/** `can(actor, 'read', …)` as a WHERE clause, for lists. */
export function placementScope(actor: Actor): PlacementScope {
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'matcher':
      return { kind: 'municipalities', codes: actor.municipalityCodes };
    case 'corporation':
      return { kind: 'corporation', organisationId: actor.organisationId };
    case 'provider':
      return { kind: 'provider', organisationId: actor.organisationId };
    case 'viewer':
      return { kind: 'none' };
  }
}
