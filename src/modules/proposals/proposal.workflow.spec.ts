import { PROPOSAL_STATUSES, type ProposalStatus } from './proposal.schemas';
import {
  type Party,
  planTransition,
  type ProposalState,
  TRANSITIONS,
  WORKFLOW,
} from './proposal.workflow';

const state = (status: ProposalStatus, overrides: Partial<ProposalState> = {}): ProposalState => ({
  status,
  corporationDecision: null,
  providerDecision: null,
  ...overrides,
});

describe('the proposal state machine', () => {
  it('allows exactly the documented steps from each state', () => {
    const allowed: Record<string, string[]> = {};
    for (const status of PROPOSAL_STATUSES) {
      allowed[status] = TRANSITIONS.filter((transition) => {
        const party = WORKFLOW[transition].parties[0]!;
        return !('refused' in planTransition(state(status), transition, party));
      });
    }
    expect(allowed).toEqual({
      proposed: ['approve', 'reject', 'cancel', 'expire'],
      approved: ['accept', 'decline', 'cancel', 'expire'],
      accepted: ['placement', 'cancel', 'expire'],
      rejected: [],
      declined: [],
      placed: [],
      cancelled: [],
      expired: [],
    });
  });

  it.each([
    ['approve', 'corporation'],
    ['reject', 'provider'],
    ['accept', 'matcher'],
    ['placement', 'provider'],
    ['cancel', 'corporation'],
    ['expire', 'matcher'],
  ] as const)('refuses %s by a %s', (transition, party: Party) => {
    const from = WORKFLOW[transition].from[0]!;
    expect(planTransition(state(from), transition, party)).toMatchObject({
      refused: 'wrong_party',
    });
  });

  it('needs both sides to accept, in either order, and records each side', () => {
    const first = planTransition(state('approved'), 'accept', 'corporation');
    expect(first).toEqual({
      to: 'approved',
      effect: 'none',
      decision: { side: 'corporation', value: 'accepted' },
    });
    expect(
      planTransition(state('approved', { corporationDecision: 'accepted' }), 'accept', 'provider'),
    ).toEqual({
      to: 'accepted',
      effect: 'none',
      decision: { side: 'provider', value: 'accepted' },
    });
    expect(
      planTransition(state('approved', { providerDecision: 'accepted' }), 'accept', 'corporation'),
    ).toMatchObject({ to: 'accepted' });
  });

  it('lets a side decide once', () => {
    const accepted = state('approved', { providerDecision: 'accepted' });
    expect(planTransition(accepted, 'accept', 'provider')).toMatchObject({
      refused: 'already_decided',
    });
    expect(planTransition(accepted, 'decline', 'provider')).toMatchObject({
      refused: 'already_decided',
    });
    expect(planTransition(accepted, 'decline', 'corporation')).toEqual({
      to: 'declined',
      effect: 'free',
      decision: { side: 'corporation', value: 'declined' },
    });
  });

  it('frees unit and client on every exit but placement, which lets and places them', () => {
    expect(
      Object.fromEntries(
        TRANSITIONS.map((transition) => [transition, WORKFLOW[transition].effect]),
      ),
    ).toEqual({
      approve: 'none',
      reject: 'free',
      accept: 'none',
      decline: 'free',
      placement: 'place',
      cancel: 'free',
      expire: 'free',
    });
  });

  it('names the current state when a step is not allowed', () => {
    expect(planTransition(state('placed'), 'cancel', 'matcher')).toEqual({
      refused: 'illegal_state',
      detail: 'The proposal is placed; cancel needs it proposed or approved or accepted.',
    });
  });
});
