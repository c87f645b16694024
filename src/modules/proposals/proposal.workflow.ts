/**
 * The proposal state machine, as data: every transition, the states it may start from, the party
 * that may take it, and what it does to the unit, the client and the contingent count. Pure: the
 * service locks the rows, asks `planTransition`, and writes what the plan says.
 */
import type { ProposalStatus } from './proposal.schemas';

export const TRANSITIONS = [
  'approve',
  'reject',
  'accept',
  'decline',
  'placement',
  'cancel',
  'expire',
] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** Who takes a step: a matcher of the point, either side of the pair, or the deadline job. */
export type Party = 'matcher' | 'corporation' | 'provider' | 'system';

/** What a transition does to the proposal's unit and client. */
export type SideEffect =
  /** Nothing changes for the unit or client. */
  | 'none'
  /** Unit `available`, client `waiting` again, at once; a run is requested; the pair is never proposed again. */
  | 'free'
  /** Unit `let`, client `placed`; a contingent unit counts towards its pledge's `placed`. */
  | 'place';

export interface TransitionRule {
  from: readonly ProposalStatus[];
  parties: readonly Party[];
  /** The status it leads to (accept: once both sides accepted; until then it stays `approved`). */
  to: ProposalStatus;
  effect: SideEffect;
  /** A reason code from the party's list is required. */
  needsReason: boolean;
}

const OPEN: readonly ProposalStatus[] = ['proposed', 'approved', 'accepted'];

export const WORKFLOW: Readonly<Record<Transition, TransitionRule>> = {
  approve: {
    from: ['proposed'],
    parties: ['matcher'],
    to: 'approved',
    effect: 'none',
    needsReason: false,
  },
  reject: {
    from: ['proposed'],
    parties: ['matcher'],
    to: 'rejected',
    effect: 'free',
    needsReason: true,
  },
  accept: {
    from: ['approved'],
    parties: ['corporation', 'provider'],
    to: 'accepted',
    effect: 'none',
    needsReason: false,
  },
  decline: {
    from: ['approved'],
    parties: ['corporation', 'provider'],
    to: 'declined',
    effect: 'free',
    needsReason: true,
  },
  placement: {
    from: ['accepted'],
    parties: ['corporation'],
    to: 'placed',
    effect: 'place',
    needsReason: false,
  },
  cancel: { from: OPEN, parties: ['matcher'], to: 'cancelled', effect: 'free', needsReason: true },
  // Reserved for the deadline job: a step not taken in time.
  expire: { from: OPEN, parties: ['system'], to: 'expired', effect: 'free', needsReason: false },
};

export type Decision = 'accepted' | 'declined';

export interface ProposalState {
  status: ProposalStatus;
  corporationDecision: Decision | null;
  providerDecision: Decision | null;
}

export interface TransitionPlan {
  to: ProposalStatus;
  effect: SideEffect;
  /** The side's decision to record (accept and decline by a corporation or provider). */
  decision?: { side: 'corporation' | 'provider'; value: Decision };
}

export type TransitionRefusal =
  | { refused: 'wrong_party'; detail: string }
  | { refused: 'illegal_state'; detail: string }
  | { refused: 'already_decided'; detail: string };

/** What `transition` by `party` does to a proposal in `state`, or why it may not happen. */
export function planTransition(
  state: ProposalState,
  transition: Transition,
  party: Party,
): TransitionPlan | TransitionRefusal {
  const rule = WORKFLOW[transition];
  if (!rule.parties.includes(party)) {
    return {
      refused: 'wrong_party',
      detail: `A ${party} may not ${transition} a proposal; ${rule.parties.join(' or ')} may.`,
    };
  }
  if (!rule.from.includes(state.status)) {
    return {
      refused: 'illegal_state',
      detail: `The proposal is ${state.status}; ${transition} needs it ${rule.from.join(' or ')}.`,
    };
  }
  if (transition !== 'accept' && transition !== 'decline') {
    return { to: rule.to, effect: rule.effect };
  }
  const side = party === 'corporation' ? 'corporation' : 'provider';
  const own = side === 'corporation' ? state.corporationDecision : state.providerDecision;
  if (own !== null) {
    return {
      refused: 'already_decided',
      detail: `The ${side} has ${own} this proposal already.`,
    };
  }
  if (transition === 'decline') {
    return { to: rule.to, effect: rule.effect, decision: { side, value: 'declined' } };
  }
  const other = side === 'corporation' ? state.providerDecision : state.corporationDecision;
  return {
    to: other === 'accepted' ? 'accepted' : 'approved',
    effect: 'none',
    decision: { side, value: 'accepted' },
  };
}
