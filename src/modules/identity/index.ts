export { authenticationMiddleware } from './authentication.middleware';
export { identityEndpoints } from './identity.routes';
export type { Organisation } from './identity.schemas';
export { IdentityService } from './identity.service';
export { ACTOR_CHANGES_CHANNEL, TokenCache } from './token-cache';
