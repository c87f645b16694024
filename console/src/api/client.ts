import createClient, { type Client } from 'openapi-fetch';

import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Api = Client<paths>;

export interface FieldProblem {
  path: string;
  message: string;
}

/** A problem+json answer of the API, thrown so that queries and mutations fail with it. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldProblem[];

  constructor(status: number, body: unknown) {
    const problem = isProblem(body) ? body : undefined;
    super(problem?.detail ?? `De server antwoordde ${status}.`);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = problem?.code ?? 'unknown';
    this.errors = problem?.errors ?? [];
  }

  /** The messages for one field (`address.postcode`), or for a field and everything under it. */
  forField(path: string): string[] {
    return this.errors
      .filter((error) => error.path === path || error.path.startsWith(`${path}.`))
      .map((error) => error.message);
  }
}

function isProblem(
  body: unknown,
): body is { detail: string; code: string; errors: FieldProblem[] } {
  return typeof body === 'object' && body !== null && 'code' in body && 'detail' in body;
}

/**
 * The typed client of the public API. Every request carries the signed-in token; a 401 signs out
 * (the token was revoked or the session ended).
 */
export function createApi(options: {
  token: () => string | null;
  onUnauthenticated: () => void;
  fetch?: typeof globalThis.fetch;
}): Api {
  const client = createClient<paths>({
    // The page's own origin: the console calls only the API that serves it.
    baseUrl: globalThis.location.origin,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use({
    onRequest({ request }) {
      const token = options.token();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) options.onUnauthenticated();
      return response;
    },
  });
  return client;
}

/** The data of an answer, or its problem thrown. */
export function must<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiProblem(result.response.status, result.error);
  }
  return result.data as T;
}

/** Every page of a keyset-paged list (bounded: at most `maxPages` pages of 500). */
export async function allPages<T>(
  load: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  maxPages = 20,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const answer = await load(cursor);
    items.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return items;
}
