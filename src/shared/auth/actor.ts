import { ForbiddenError } from '../errors/app-error';

export const ORGANISATION_KINDS = [
  'platform',
  'matchingspunt',
  'corporatie',
  'zorgaanbieder',
  'welzijnsaanbieder',
  'gemeente',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = ['admin', 'matcher', 'corporation', 'provider', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Which role a token of an organisation of this kind carries (docs/api-contract.md, "Auth, roles, isolation"). */
export const ROLE_FOR_KIND: Record<OrganisationKind, Role> = {
  platform: 'admin',
  matchingspunt: 'matcher',
  corporatie: 'corporation',
  zorgaanbieder: 'provider',
  welzijnsaanbieder: 'provider',
  gemeente: 'viewer',
};

/** The authenticated caller, resolved from the bearer token for every API request. */
export interface Actor {
  tokenId: string;
  role: Role;
  organisationId: string;
  organisationKind: OrganisationKind;
  /** null for the platform organisation. */
  regionCode: string | null;
  /** The municipalities a matchingspunt covers or a gemeente is; empty for other kinds. */
  municipalityCodes: readonly string[];
}

/** Throws 403 unless the actor has one of the roles. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new ForbiddenError(
      `The ${actor.role} role may not do this; it needs ${roles.join(' or ')}.`,
    );
  }
}
