import { type ErrorKind, moduleErrorClass } from '../../shared/errors/app-error';

export enum UnitErrorCode {
  NotFound = 'unit_not_found',
  DuplicateExternalRef = 'unit_external_ref_exists',
  NotAvailable = 'unit_not_available',
  AlreadyLet = 'unit_already_let',
  VersionStale = 'unit_version_stale',
}

const KIND: Record<UnitErrorCode, ErrorKind> = {
  [UnitErrorCode.NotFound]: 'not_found',
  [UnitErrorCode.DuplicateExternalRef]: 'conflict',
  [UnitErrorCode.NotAvailable]: 'conflict',
  [UnitErrorCode.AlreadyLet]: 'conflict',
  [UnitErrorCode.VersionStale]: 'precondition_failed',
};

export class UnitError extends moduleErrorClass(KIND) {}
