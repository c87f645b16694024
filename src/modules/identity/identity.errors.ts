import { type ErrorKind, moduleErrorClass } from '../../shared/errors/app-error';

export enum IdentityErrorCode {
  OrganisationNotFound = 'organisation_not_found',
  TokenNotFound = 'token_not_found',
  OrganisationNameTaken = 'organisation_name_taken',
  MunicipalityAlreadyServed = 'municipality_already_served',
}

const KIND: Record<IdentityErrorCode, ErrorKind> = {
  [IdentityErrorCode.OrganisationNotFound]: 'not_found',
  [IdentityErrorCode.TokenNotFound]: 'not_found',
  [IdentityErrorCode.OrganisationNameTaken]: 'conflict',
  [IdentityErrorCode.MunicipalityAlreadyServed]: 'conflict',
};

export class IdentityError extends moduleErrorClass(KIND) {}
