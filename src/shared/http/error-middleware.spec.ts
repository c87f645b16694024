import express from 'express';
import request from 'supertest';

import { createLogger } from '../logger/logger';
import { AppError, type ErrorKind } from '../errors/app-error';
import { errorMiddleware, notFoundMiddleware, statusForKind } from './error-middleware';
import { requestContextMiddleware } from './request-context.middleware';

function appThrowing(error: unknown) {
  const app = express();
  app.use(requestContextMiddleware());
  app.get('/boom', () => {
    throw error;
  });
  app.use(notFoundMiddleware());
  app.use(errorMiddleware(createLogger({ LOG_LEVEL: 'silent' }, 'spec')));
  return app;
}

describe('errorMiddleware', () => {
  it('answers an unexpected error with a 500 problem and no stack trace or message', async () => {
    const response = await request(appThrowing(new Error('secret internals at db.ts:12'))).get(
      '/boom',
    );
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 500,
      code: 'internal_error',
      requestId: expect.any(String),
    });
    expect(response.text).not.toContain('secret internals');
    expect(response.text).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('maps each error kind to its status, in one place', () => {
    const expected: Record<ErrorKind, number> = {
      bad_request: 400,
      unauthenticated: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      precondition_failed: 412,
      precondition_required: 428,
      payload_too_large: 413,
      headers_too_large: 431,
      request_timeout: 408,
      unsupported_media_type: 415,
      validation: 422,
      rate_limited: 429,
      unavailable: 503,
      internal: 500,
    };
    for (const [kind, status] of Object.entries(expected)) {
      expect(statusForKind(kind as ErrorKind)).toBe(status);
    }
  });

  it('passes field errors and extensions through, and sets Retry-After for rate limits', async () => {
    const response = await request(
      appThrowing(
        new AppError('rate_limited', 'rate_limited', 'slow down', {
          extensions: { retryAfterSeconds: 7 },
          errors: [{ path: 'x', message: 'y' }],
        }),
      ),
    ).get('/boom');
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('7');
    expect(response.body).toMatchObject({
      errors: [{ path: 'x', message: 'y' }],
      retryAfterSeconds: 7,
    });
  });
});
