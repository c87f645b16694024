/**
 * The one access policy for proposals: may this actor see, or take this step on, this proposal?
 * Every proposal route asks `can`; the list query's SQL scope (`proposalScope`) is the same read
 * rule written for a WHERE clause (the workflow tests list and read as each party, before and
 * after approval, and find the same).
 */
import type { Actor } from '../../shared/auth/actor';
import type { ProposalScope } from './proposal.repository';
import { type Party, type Transition, WORKFLOW } from './proposal.workflow';

export type ProposalAction = 'read' | Exclude<Transition, 'expire'>;

/** What the policy needs to know about a proposal. */
export interface ProposalFacts {
  /** Set once a matcher approved it: before that only matchers see it. */
  approvedAt: string | null;
  /** The unit's municipality: a matcher's reach. */
  municipalityCode: string;
  corporationId: string;
  /** The provider that registered the client (and decides for it). */
  providerId: string;
  /** The provider that delivers the support, when another one: it may read, not decide. */
  supportProviderId: string | null;
}

/** `hidden` answers 404 (exactly like a missing proposal), `forbidden` 403. */
export type Access = 'allowed' | 'hidden' | 'forbidden';

function visible(actor: Actor, facts: ProposalFacts): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'matcher':
      return actor.municipalityCodes.includes(facts.municipalityCode);
    case 'corporation':
      return facts.approvedAt !== null && facts.corporationId === actor.organisationId;
    case 'provider':
      return (
        facts.approvedAt !== null &&
        (facts.providerId === actor.organisationId ||
          facts.supportProviderId === actor.organisationId)
      );
    case 'viewer':
      return false;
  }
}

/** The party an actor acts as on this proposal, if any. */
export function partyOf(actor: Actor, facts: ProposalFacts): Party | null {
  switch (actor.role) {
    case 'matcher':
      return 'matcher';
    case 'corporation':
      return 'corporation';
    case 'provider':
      return facts.providerId === actor.organisationId ? 'provider' : null;
    case 'admin':
    case 'viewer':
      return null;
  }
}

export function can(actor: Actor, action: ProposalAction, facts: ProposalFacts): Access {
  if (!visible(actor, facts)) return 'hidden';
  if (action === 'read') return 'allowed';
  const party = partyOf(actor, facts);
  return party !== null && WORKFLOW[action].parties.includes(party) ? 'allowed' : 'forbidden';
}

/** `can(actor, 'read', …)` as a WHERE clause, for lists. */
export function proposalScope(actor: Actor): ProposalScope {
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

/** Which view of a proposal an actor gets (docs/workflow.md, "What each party sees"). */
export type ProposalView = 'matcher' | 'corporation' | 'provider';

export function viewFor(actor: Actor): ProposalView {
  switch (actor.role) {
    case 'corporation':
      return 'corporation';
    case 'provider':
      return 'provider';
    case 'admin':
    case 'matcher':
    case 'viewer':
      return 'matcher';
  }
}
