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
      hooks: {
        // A fatal line is the last a process writes: it must not wait in a buffer.
        logMethod(args, method, level) {
          method.apply(this, args);
          if (level >= FATAL && destination && isBuffered(destination)) destination.flushSync();
        },
      },
    },
    destination,
  );
}

const FATAL = 60;
const FLUSH_EVERY_MS = 100;

/**
 * Standard output through a buffer written asynchronously: the API writes a line per request,
 * and a blocking write per line costs it a system call each time the event loop could be
 * answering. Lines are written once 4 kB have gathered or every 100 ms, whichever comes first;
 * pino writes what is left synchronously when the process exits (`process.exit`, an uncaught
 * exception, the end of the event loop), and a fatal line at once. A crash of the machine can
 * lose the last 100 ms of lines.
 */
export function bufferedStdout(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => {
    stream.flush();
  }, FLUSH_EVERY_MS).unref();
  return stream;
}

function isBuffered(
  destination: DestinationStream,
): destination is DestinationStream & { flushSync(): void } {
  return 'flushSync' in destination && typeof destination.flushSync === 'function';
}
