import { type ErrorKind, moduleErrorClass } from '../../shared/errors/app-error';

export enum ReportErrorCode {
  RegionNotFound = 'report_region_not_found',
  OutsideScope = 'report_outside_scope',
}

const KIND: Record<ReportErrorCode, ErrorKind> = {
  [ReportErrorCode.RegionNotFound]: 'not_found',
  [ReportErrorCode.OutsideScope]: 'forbidden',
};

export class ReportError extends moduleErrorClass(KIND) {}
