import { type ErrorKind, moduleErrorClass } from '../../shared/errors/app-error';

export enum ProposalErrorCode {
  NotFound = 'proposal_not_found',
  NotYourStep = 'proposal_not_your_step',
  IllegalTransition = 'proposal_illegal_transition',
  AlreadyDecided = 'proposal_already_decided',
  VersionStale = 'proposal_version_stale',
  SecondMatcherRequired = 'proposal_second_matcher_required',
  PairNotFree = 'proposal_pair_not_free',
  UnitOrClientNotFound = 'proposal_unit_or_client_not_found',
}

const KIND: Record<ProposalErrorCode, ErrorKind> = {
  [ProposalErrorCode.NotFound]: 'not_found',
  [ProposalErrorCode.NotYourStep]: 'forbidden',
  [ProposalErrorCode.IllegalTransition]: 'conflict',
  [ProposalErrorCode.AlreadyDecided]: 'conflict',
  [ProposalErrorCode.VersionStale]: 'precondition_failed',
  [ProposalErrorCode.SecondMatcherRequired]: 'conflict',
  [ProposalErrorCode.PairNotFree]: 'conflict',
  [ProposalErrorCode.UnitOrClientNotFound]: 'not_found',
};

export class ProposalError extends moduleErrorClass(KIND) {}
