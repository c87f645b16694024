import { type ErrorKind, moduleErrorClass } from '../../shared/errors/app-error';

export enum MatchingErrorCode {
  RunNotFound = 'matching_run_not_found',
  RegionNotFound = 'region_not_found',
  UnitNotFound = 'unit_not_found',
  ClientNotFound = 'client_not_found',
}

const KIND: Record<MatchingErrorCode, ErrorKind> = {
  [MatchingErrorCode.RunNotFound]: 'not_found',
  [MatchingErrorCode.RegionNotFound]: 'not_found',
  [MatchingErrorCode.UnitNotFound]: 'not_found',
  [MatchingErrorCode.ClientNotFound]: 'not_found',
};

export class MatchingError extends moduleErrorClass(KIND) {}
