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

/**
 * Every item a list endpoint gives, page by page: `limit` to a page, following `nextCursor` until
 * it is null; each page must answer 200 with JSON.
 */
export async function listAllPages(
  app: Express,
  token: string,
  path: string,
  query: Record<string, string | number> = {},
  limit = 2,
): Promise<Record<string, unknown>[]> {
  const listed: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await request(app)
      .get(path)
      .query({ ...query, limit, ...(cursor === undefined ? {} : { cursor }) })
      .set(bearer(token))
      .expect(200)
      .expect('Content-Type', 'application/json; charset=utf-8');
    listed.push(...(page.body.items as Record<string, unknown>[]));
    cursor = (page.body.nextCursor as string | null) ?? undefined;
  } while (cursor !== undefined);
  return listed;
}
