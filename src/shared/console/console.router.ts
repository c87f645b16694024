import { existsSync } from 'node:fs';
import path from 'node:path';

import express, { type Router } from 'express';
import helmet from 'helmet';

import { AppError } from '../errors/app-error';

/**
 * The console's Content-Security-Policy: its own origin only, no inline scripts or styles, never in
 * a frame. The built console has no inline script (Vite emits module scripts with a `src`).
 */
export const CONSOLE_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Hashed build files never change under their name; the page itself is always revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * The built console (a single-page app) at `/console`: its assets with long caching, and its
 * `index.html` for every other path under `/console/`, so client-side routes survive a reload. It
 * uses the public API like any other client; nothing here reads a token.
 */
export function consoleRouter(folder: string): Router {
  const root = path.resolve(folder);
  const router = express.Router({ strict: true });
  router.use(
    helmet.contentSecurityPolicy({ useDefaults: false, directives: CONSOLE_CSP_DIRECTIVES }),
  );
  router.get('/', (req, res, next) => {
    // `/console` → `/console/`, where the page's relative links resolve.
    if (!req.originalUrl.split('?')[0]?.endsWith('/')) {
      res.redirect(301, '/console/');
      return;
    }
    next();
  });
  router.use(
    '/assets',
    express.static(path.join(root, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      setHeaders: (res) => res.setHeader('Cache-Control', IMMUTABLE),
    }),
  );
  // A missing build file is a 404, never the page.
  router.use('/assets', (req) => {
    throw new AppError('not_found', 'not_found', `Nothing at ${req.originalUrl.split('?')[0]}.`);
  });
  router.use(
    express.static(root, {
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', REVALIDATE),
    }),
  );
  router.get('/{*rest}', (_req, res) => {
    const page = path.join(root, 'index.html');
    if (!existsSync(page)) {
      throw new AppError(
        'unavailable',
        'console_not_built',
        'The console is not built: run `npm run build:console` (or `npm run build`).',
      );
    }
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(page);
  });
  return router;
}
