import { randomUUID } from 'node:crypto';
import { createServer, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

import type { Express } from 'express';

import { AppError } from '../errors/app-error';
import type { Logger } from '../logger/logger';
import { statusForKind } from './error-middleware';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';

/** What Node's HTTP parser refused, before Express saw a request. */
function clientErrorToAppError(code: string | undefined): AppError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return new AppError(
        'headers_too_large',
        'headers_too_large',
        'The request line and headers are too large (the query string counts).',
      );
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'HPE_HEADERS_TIMEOUT':
      return new AppError('request_timeout', 'request_timeout', 'The request took too long.');
    default:
      return new AppError(
        'bad_request',
        'malformed_request',
        'The request is not valid HTTP (e.g. a control character in a header).',
      );
  }
}

/**
 * The API's HTTP server. Requests Node's own parser refuses (headers over 16 KB → 431, control
 * characters in a header → 400, a header timeout → 408) are answered as problem+json too, not
 * with Node's empty default; the connection is closed after.
 */
export function createHttpServer(app: Express, logger: Logger): Server {
  const server = createServer(app);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const appError = clientErrorToAppError(error.code);
    const status = statusForKind(appError.kind);
    const requestId = randomUUID();
    logger.warn({ requestId, status, parserCode: error.code }, 'request refused by the parser');
    const body = JSON.stringify(toProblem(appError, status, requestId));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
  return server;
}
