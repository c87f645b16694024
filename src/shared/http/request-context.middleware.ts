import './express-augment';

import { randomUUID } from 'node:crypto';

import type { RequestHandler } from 'express';

import { runWithRequestContext } from '../context/request-context';

const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Gives every request an id (a caller's own, if well-formed) and runs it in a log context. */
export function requestContextMiddleware(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    req.requestId =
      typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming)
        ? incoming
        : randomUUID();
    res.setHeader('X-Request-Id', req.requestId);
    runWithRequestContext({ requestId: req.requestId }, next);
  };
}
