import type request from 'supertest';

/** Asserts a problem+json answer with `status`, the shape every error shares, and no internals. */
export function expectProblem(response: request.Response, status: number): void {
  expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({
    type: expect.stringMatching(/^urn:matchpunt:problem:/),
    title: expect.any(String),
    status,
    detail: expect.any(String),
    errors: expect.any(Array),
    requestId: response.headers['x-request-id'],
  });
  expect(response.text).not.toMatch(/\bstack\b|\n\s+at /);
}

/** The paths of a problem's field errors, sorted. */
export const errorPaths = (response: request.Response): string[] =>
  (response.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
