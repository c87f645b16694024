import SwaggerParser from '@apidevtools/swagger-parser';
import type { Express } from 'express';
import request from 'supertest';

import { createTestApp, type TestApp } from '../support/test-app';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every method + path the Express app actually routes, in OpenAPI form. */
function servedRoutes(app: Express): string[] {
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  return stack
    .flatMap((layer) =>
      layer.route
        ? Object.keys(layer.route.methods)
            .filter((method) => method !== '_all')
            .map(
              (method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`,
            )
        : [],
    )
    .sort();
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('when fetched, then it is a valid OpenAPI 3.1 document', async () => {
    const response = await request(t.app).get('/openapi.json').expect(200);
    expect(response.body.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(response.body))).resolves.toBeDefined();
  });

  it('when compared with the routes the app serves, then both list exactly the same', async () => {
    const response = await request(t.app).get('/openapi.json').expect(200);
    const documented = Object.entries(
      response.body.paths as Record<string, Record<string, unknown>>,
    )
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    const served = servedRoutes(t.app);
    expect(served.length).toBeGreaterThan(5);
    expect(documented).toEqual(served);
  });

  it('when /docs is opened, then Swagger UI loads with its assets', async () => {
    await request(t.app).get('/docs').expect(301).expect('Location', '/docs/');
    const page = await request(t.app).get('/docs/').expect(200);
    expect(page.text).toContain('swagger-ui');
    await request(t.app).get('/docs/swagger-ui-bundle.js').expect(200);
    const init = await request(t.app).get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('/openapi.json');
  });

  it('when metrics are scraped, then request counts and latency are there by route template, with event-loop lag', async () => {
    await request(t.app).get('/api/v1/organisations/7e9a2f7c-0b7e-4d8c-9d6e-0c1d2e3f4a5b');
    const metrics = await request(t.app).get('/metrics').expect(200);
    expect(metrics.text).toMatch(
      /matchpunt_http_requests_total\{[^}]*route="\/healthz"|matchpunt_http_requests_total\{[^}]*route="\/openapi.json"/,
    );
    expect(metrics.text).toContain('matchpunt_http_request_duration_seconds_bucket');
    expect(metrics.text).toContain('matchpunt_nodejs_eventloop_lag_seconds');
    // Never the raw URL with an id in it.
    expect(metrics.text).not.toContain('7e9a2f7c-0b7e-4d8c-9d6e-0c1d2e3f4a5b');
  });
});
