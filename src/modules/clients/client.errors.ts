import { type ErrorKind, moduleErrorClass } from '../../shared/errors/app-error';

export enum ClientErrorCode {
  NotFound = 'client_not_found',
  DuplicateExternalRef = 'client_external_ref_exists',
  NotWaiting = 'client_not_waiting',
  AlreadyPlaced = 'client_already_placed',
  VersionStale = 'client_version_stale',
}

const KIND: Record<ClientErrorCode, ErrorKind> = {
  [ClientErrorCode.NotFound]: 'not_found',
  [ClientErrorCode.DuplicateExternalRef]: 'conflict',
  [ClientErrorCode.NotWaiting]: 'conflict',
  [ClientErrorCode.AlreadyPlaced]: 'conflict',
  [ClientErrorCode.VersionStale]: 'precondition_failed',
};

export class ClientError extends moduleErrorClass(KIND) {}
