import express, { type RequestHandler } from 'express';

import { AppError } from '../errors/app-error';

/**
 * The one place a request path is decoded. Express decodes each path parameter on its own and
 * throws on malformed percent-encoding (`/units/%E0%A4%A`); checking every segment before any
 * route runs turns that into one 400 for every route, present and future.
 */
export function pathDecodingMiddleware(): RequestHandler {
  return (req, _res, next) => {
    for (const segment of req.path.split('/')) {
      if (!segment.includes('%')) continue;
      try {
        decodeURIComponent(segment);
      } catch {
        throw new AppError(
          'bad_request',
          'malformed_path',
          'The path has malformed percent-encoding.',
        );
      }
    }
    next();
  };
}

interface HttpError {
  status: number;
  type?: string;
  code?: string;
}

function isHttpError(error: unknown): error is HttpError {
  return (
    typeof error === 'object' &&
    error !== null &&
    'status' in error &&
    typeof error.status === 'number' &&
    'expose' in error
  );
}

/** What went wrong reading a body, in the API's terms; undefined for our own faults. */
export function bodyErrorToAppError(error: unknown): AppError | undefined {
  if (!isHttpError(error) || error.status >= 500) return undefined;
  switch (error.type) {
    case 'entity.parse.failed':
      return new AppError('bad_request', 'malformed_json', 'The body is not valid JSON.');
    case 'entity.too.large':
      return new AppError('payload_too_large', 'payload_too_large', 'The body is too large.');
    case 'encoding.unsupported':
      return new AppError(
        'unsupported_media_type',
        'unsupported_encoding',
        'Send the body uncompressed, or as gzip, deflate or br.',
      );
    case 'charset.unsupported':
      return new AppError(
        'unsupported_media_type',
        'unsupported_encoding',
        'Send the body as UTF-8.',
      );
    case 'request.aborted':
    case 'request.size.invalid':
      return new AppError('bad_request', 'incomplete_body', 'The body was not received whole.');
    default:
      // A zlib error (Z_DATA_ERROR, …): the body does not match its Content-Encoding.
      if (error.code?.startsWith('Z_')) {
        return new AppError(
          'bad_request',
          'malformed_body_encoding',
          'The body is not valid for its Content-Encoding.',
        );
      }
      return new AppError('bad_request', 'malformed_body', 'The body could not be read.');
  }
}

/**
 * The one place request bodies are decoded: JSON (and `+json`) within `jsonLimit`, CSV text
 * within `textLimit`, gzip/deflate/br inflated on the way. Every failure is a 4xx problem.
 */
export function bodyDecodingMiddleware(limits: {
  jsonLimit: string;
  textLimit: string;
}): RequestHandler {
  const parsers: RequestHandler[] = [
    express.json({ limit: limits.jsonLimit, type: ['application/json', 'application/*+json'] }),
    express.text({ limit: limits.textLimit, type: 'text/csv' }),
  ];
  return (req, res, next) => {
    const run = (index: number) => {
      const parser = parsers[index];
      if (!parser) {
        next();
        return;
      }
      void parser(req, res, (error?: unknown) => {
        if (error === undefined) run(index + 1);
        else next(bodyErrorToAppError(error) ?? error);
      });
    };
    run(0);
  };
}
