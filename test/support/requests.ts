/** Requests made with one bearer token, for tests that act as several organisations. */
import type { Express } from 'express';
import request from 'supertest';

import { bearer } from './factories';

export function requestsAs(app: Express, token: string) {
  return {
    get: (path: string) => request(app).get(path).set(bearer(token)),
    post: (path: string, body: unknown) =>
      request(app)
        .post(path)
        .set(bearer(token))
        .send(body as object),
    patch: (path: string, body: unknown) =>
      request(app)
        .patch(path)
        .set(bearer(token))
        .send(body as object),
    put: (path: string, body: unknown) =>
      request(app)
        .put(path)
        .set(bearer(token))
        .send(body as object),
  };
}
