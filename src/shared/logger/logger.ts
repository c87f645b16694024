import pino, { type DestinationStream, type Logger } from 'pino';

import type { Config } from '../../../config';
import { currentRequestContext } from '../context/request-context';
import { serializeError } from './error-serializer';

export type { Logger } from 'pino';

/**
 * JSON logs; each line within a request carries its `requestId` (and acting organisation/token).
 * Bodies, client profiles and credentials are never logged: request logging records method,
 * route and status only, authorization headers are redacted should anything log them, and a
 * database error is logged by its code, constraint and query name, never its parameters.
 */
export function createLogger(
  config: Pick<Config, 'LOG_LEVEL'>,
  service: string,
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
        censor: '[redacted]',
      },
      mixin: () => {
        const context = currentRequestContext();
        return context ? { ...context } : {};
      },
    },
    destination,
  );
}
