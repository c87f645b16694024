import '../../shared/http/express-augment';

import type { RequestHandler } from 'express';

import { currentRequestContext } from '../../shared/context/request-context';
import { UnauthenticatedError } from '../../shared/errors/app-error';
import type { IdentityService } from './identity.service';

/** Resolves `Authorization: Bearer <token>` to the acting organisation; every API call needs one. */
export function authenticationMiddleware(identity: IdentityService): RequestHandler {
  return async (req, _res, next) => {
    const header = req.headers.authorization;
    if (header === undefined) {
      throw new UnauthenticatedError('Send an API token: `Authorization: Bearer <token>`.');
    }
    const secret = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (secret === undefined) throw new UnauthenticatedError('Use the Bearer scheme.');
    const actor = await identity.authenticate(secret);
    if (!actor) throw new UnauthenticatedError('The token is unknown or has been revoked.');
    req.actor = actor;
    const context = currentRequestContext();
    if (context) {
      context.organisationId = actor.organisationId;
      context.tokenId = actor.tokenId;
    }
    next();
  };
}
