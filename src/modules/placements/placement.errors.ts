import { type ErrorKind, moduleErrorClass } from '../../shared/errors/app-error';

export enum PlacementErrorCode {
  NotFound = 'placement_not_found',
  NotYourEvent = 'placement_not_your_event',
  IllegalEvent = 'placement_illegal_event',
  NoCheckinDue = 'placement_no_checkin_due',
  VersionStale = 'placement_version_stale',
}

const KIND: Record<PlacementErrorCode, ErrorKind> = {
  [PlacementErrorCode.NotFound]: 'not_found',
  [PlacementErrorCode.NotYourEvent]: 'forbidden',
  [PlacementErrorCode.IllegalEvent]: 'conflict',
  [PlacementErrorCode.NoCheckinDue]: 'conflict',
  [PlacementErrorCode.VersionStale]: 'precondition_failed',
};

export class PlacementError extends moduleErrorClass(KIND) {}
