import type { ErrorRequestHandler, RequestHandler } from 'express';

import { isDatabaseUnreachable } from '../database/db';
import { AppError, type ErrorKind } from '../errors/app-error';
import type { Logger } from '../logger/logger';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';
import { bodyErrorToAppError } from './request-decoding';

/** The one place where a domain error becomes an HTTP status. */
export function statusForKind(kind: ErrorKind): number {
  switch (kind) {
    case 'bad_request':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'precondition_failed':
      return 412;
    case 'precondition_required':
      return 428;
    case 'payload_too_large':
      return 413;
    case 'headers_too_large':
      return 431;
    case 'request_timeout':
      return 408;
    case 'unsupported_media_type':
      return 415;
    case 'validation':
      return 422;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
  }
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // A client error raised by Express itself or a library it uses keeps its 4xx.
  const clientError = bodyErrorToAppError(error);
  if (clientError) return clientError;
  // Nothing was wrong with the request: the client may retry it as it is (a transaction whose
  // connection drops before it commits is rolled back by PostgreSQL).
  if (isDatabaseUnreachable(error)) {
    return new AppError(
      'unavailable',
      'database_unavailable',
      'The database cannot be reached just now. Try again shortly.',
      { cause: error, extensions: { retryAfterSeconds: 5 } },
    );
  }
  return new AppError('internal', 'internal_error', 'Something went wrong on our side.', {
    cause: error,
  });
}

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const appError = toAppError(error);
    const status = statusForKind(appError.kind);
    if (status >= 500) {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      logger.error({ err: appError.cause ?? appError, route }, 'request failed');
    }
    if (appError.kind === 'unauthenticated') {
      res.setHeader('WWW-Authenticate', 'Bearer realm="matchpunt"');
    }
    const retryAfter = appError.extensions.retryAfterSeconds;
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    res
      .status(status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(toProblem(appError, status, req.requestId)));
  };
}

export function notFoundMiddleware(): RequestHandler {
  return (req, _res, next) => {
    next(new AppError('not_found', 'route_not_found', `No route ${req.method} ${req.path}.`));
  };
}
