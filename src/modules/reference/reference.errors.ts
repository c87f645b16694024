import { type ErrorKind, moduleErrorClass } from '../../shared/errors/app-error';

export enum ReferenceErrorCode {
  RegionNotFound = 'region_not_found',
  MunicipalityNotFound = 'municipality_not_found',
  NeighbourhoodNotFound = 'neighbourhood_not_found',
  PolicyVersionNotFound = 'policy_version_not_found',
  RegionExists = 'region_exists',
  MunicipalityExists = 'municipality_exists',
  NeighbourhoodExists = 'neighbourhood_exists',
  PolicyVersionStale = 'policy_version_stale',
}

const KIND: Record<ReferenceErrorCode, ErrorKind> = {
  [ReferenceErrorCode.RegionNotFound]: 'not_found',
  [ReferenceErrorCode.MunicipalityNotFound]: 'not_found',
  [ReferenceErrorCode.NeighbourhoodNotFound]: 'not_found',
  [ReferenceErrorCode.PolicyVersionNotFound]: 'not_found',
  [ReferenceErrorCode.RegionExists]: 'conflict',
  [ReferenceErrorCode.MunicipalityExists]: 'conflict',
  [ReferenceErrorCode.NeighbourhoodExists]: 'conflict',
  [ReferenceErrorCode.PolicyVersionStale]: 'precondition_failed',
};

export class ReferenceError extends moduleErrorClass(KIND) {}
