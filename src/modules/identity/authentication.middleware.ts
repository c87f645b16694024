import '../../shared/http/express-augment';

import type { RequestHandler } from 'express';

import type { Actor } from '../../shared/auth/actor';
import { currentRequestContext } from '../../shared/context/request-context';
import { UnauthenticatedError } from '../../shared/errors/app-error';
import type { RateLimits } from '../../shared/http/rate-limit.middleware';
import type { IdentityService } from './identity.service';

/**
 * Resolves `Authorization: Bearer <token>` to the acting organisation; every API call needs one.
 * Charges the rate limits on the way: a token this process knows is charged to its address and
 * its own bucket together; anything else to its address first, before the database is asked,
 * and to the token's bucket once it is found.
 */
export function authenticationMiddleware(
  identity: IdentityService,
  limits: RateLimits,
): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    const secret = header === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    const known = secret === undefined ? undefined : identity.knownActor(secret);
    if (known) {
      await limits.chargeIpAndToken(req, res, known.tokenId);
      actAs(req, known);
      next();
      return;
    }
    await limits.chargeIp(req, res);
    if (header === undefined) {
      throw new UnauthenticatedError('Send an API token: `Authorization: Bearer <token>`.');
    }
    if (secret === undefined) throw new UnauthenticatedError('Use the Bearer scheme.');
    const actor = await identity.authenticate(secret);
    if (!actor) throw new UnauthenticatedError('The token is unknown or has been revoked.');
    actAs(req, actor);
    await limits.chargeToken(res, actor.tokenId);
    next();
  };
}

function actAs(req: Parameters<RequestHandler>[0], actor: Actor): void {
  req.actor = actor;
  const context = currentRequestContext();
  if (context) {
    context.organisationId = actor.organisationId;
    context.tokenId = actor.tokenId;
  }
}
