import { type ErrorKind, moduleErrorClass } from '../../shared/errors/app-error';

export enum ProposalErrorCode {
  NotFound = 'proposal_not_found',
}

const KIND: Record<ProposalErrorCode, ErrorKind> = {
  [ProposalErrorCode.NotFound]: 'not_found',
};

export class ProposalError extends moduleErrorClass(KIND) {}
