import pino, { type DestinationStream, type Logger } from 'pino';

import type { Config } from '../../../config';
import { currentRequestContext } from '../context/request-context';
import { serializeError } from './error-serializer';

export type { Logger } from 'pino';

/**
 * Credentials under these names are censored should any log call pass them: headers as pino-http
 * or an HTTP client error carries them, and secrets by name (at the top or one level down). The
 * logs never need them: a token is named by its `tokenId`.
 */
const SECRET_NAMES = ['token', 'secret', 'password', 'authorization', 'cookie'];
const REDACTED_PATHS = [
  ...['req.headers', 'res.headers', 'headers', 'config.headers'].flatMap((parent) => [
    `${parent}.authorization`,
    `${parent}.cookie`,
    `${parent}["set-cookie"]`,
    `${parent}["matchpunt-signature"]`,
  ]),
  ...SECRET_NAMES.flatMap((name) => [name, `*.${name}`]),
  'BOOTSTRAP_ADMIN_TOKEN',
  'WEBHOOK_SECRET_KEY',
  '*.BOOTSTRAP_ADMIN_TOKEN',
  '*.WEBHOOK_SECRET_KEY',
];

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
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => {
        const context = currentRequestContext();
        return context ? { ...context } : {};
      },
    },
    destination,
  );
}
