import type { Actor } from '../auth/actor';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own extension point
  namespace Express {
    interface Request {
      /** From a well-formed `X-Request-Id` header, else generated; on every response and log line. */
      requestId: string;
      /** Set by the authentication middleware for every `/api/v1` request. */
      actor?: Actor;
    }
  }
}
