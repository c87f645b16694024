import fc from 'fast-check';
import request from 'supertest';

import { defaultPolicyInput } from '../../src/modules/reference';
import { databaseFingerprint } from '../support/db-counts';
import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
  uniqueSuffix,
} from '../support/factories';
import {
  HOSTILE_PATH_SEGMENTS,
  HOSTILE_QUERY_VALUES,
  type JsonSchema,
  type KnownValues,
  mutate,
  mutationArbitrary,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  rolesOf,
  SchemaValues,
} from '../support/openapi-fuzz';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

/** Fixed, so a failure reproduces: runs per operation and the seed. */
const RUNS_PER_OPERATION = 6;
const SEED = 20261130;

type Transport = 'plain' | 'gzip-lie' | 'wrong-type' | 'if-match-garbage';
type Caller = 'role' | 'anonymous' | 'invented' | 'other-role';

interface FuzzRequest {
  params: Record<string, { value: string; raw: boolean }>;
  query: Record<string, { value: string; raw: boolean }>;
  body: unknown;
  contentType: string | undefined;
  transport: Transport;
  caller: Caller;
}

/**
 * Every operation of the service's own `/openapi.json` — so operations added later are fuzzed
 * without a line here — with valid and hostile requests. For each: no 5xx, a problem+json on
 * every 4xx, and a refused write leaves the database exactly as it was.
 */
describe('fuzzing every operation of /openapi.json', () => {
  let t: TestApp;
  let region: TestRegion;
  const tokens: Record<string, TestOrganisation> = {};

  beforeAll(async () => {
    t = await createTestApp({
      overrides: {
        RATE_LIMIT_POINTS: '1000000',
        RATE_LIMIT_IP_POINTS: '1000000',
        REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? ''}:fuzz-${uniqueSuffix()}`,
      },
    });
    const ds = t.runtime.dataSource;
    region = await createRegion(ds, { municipalities: 2, neighbourhoods: 2 });
    const municipalityCodes = region.municipalities.map((m) => m.code);
    tokens.admin = await createOrganisation(ds, 'platform');
    tokens.corporation = await createOrganisation(ds, 'corporatie', { regionCode: region.code });
    tokens.provider = await createOrganisation(ds, 'zorgaanbieder', { regionCode: region.code });
    tokens.matcher = await createOrganisation(ds, 'matchingspunt', {
      regionCode: region.code,
      municipalityCodes,
    });
    tokens.viewer = await createOrganisation(ds, 'gemeente', {
      regionCode: region.code,
      municipalityCodes: [municipalityCodes[0]!],
    });
  });
  afterAll(() => t.close());

  async function knownValues(): Promise<KnownValues> {
    const unit = await request(t.app)
      .post('/api/v1/units')
      .set(bearer(tokens.corporation!.token))
      .send(unitBody(region))
      .expect(201);
    const client = await request(t.app)
      .post('/api/v1/clients')
      .set(bearer(tokens.provider!.token))
      .send(clientBody(region))
      .expect(201);
    // A real cursor: the lists share one format, so it is valid on each of them.
    await request(t.app)
      .post('/api/v1/units')
      .set(bearer(tokens.corporation!.token))
      .send(unitBody(region))
      .expect(201);
    const page = await request(t.app)
      .get('/api/v1/units?limit=1')
      .set(bearer(tokens.corporation!.token))
      .expect(200);
    return {
      uuids: [
        unit.body.id as string,
        client.body.id as string,
        ...Object.values(tokens).map((organisation) => organisation.id),
      ],
      strings: [
        region.code,
        ...region.municipalities.flatMap((m) => [m.code, ...m.neighbourhoods]),
        unit.body.externalRef as string,
        client.body.externalRef as string,
        page.body.nextCursor as string,
      ],
      samples: {
        CreateUnit: Array.from({ length: 4 }, () => unitBody(region)),
        CreateClient: Array.from({ length: 4 }, () => clientBody(region)),
        RegionPolicyReplace: [defaultPolicyInput()],
      },
    };
  }

  function requestArbitrary(operation: Operation, values: SchemaValues): fc.Arbitrary<FuzzRequest> {
    const parameters = operation.parameters ?? [];
    const segment = (schema: JsonSchema) =>
      fc.oneof(
        {
          weight: 6,
          arbitrary: values.value(schema).map((v) => ({ value: String(v), raw: false })),
        },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom(...HOSTILE_PATH_SEGMENTS)
            .map((v) => ({ value: v, raw: true })),
        },
      );
    const queryValue = (schema: JsonSchema) =>
      fc.oneof(
        {
          weight: 8,
          arbitrary: values.value(schema).map((v) => ({ value: String(v), raw: false })),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(...HOSTILE_QUERY_VALUES).map((v) => ({ value: v, raw: true })),
        },
      );
    const params = fc.record(
      Object.fromEntries(
        parameters.filter((p) => p.in === 'path').map((p) => [p.name, segment(p.schema)]),
      ),
    );
    const query = fc.record(
      Object.fromEntries(
        parameters.filter((p) => p.in === 'query').map((p) => [p.name, queryValue(p.schema)]),
      ),
      { requiredKeys: parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name) },
    );
    const content = operation.requestBody?.content ?? {};
    const bodies = Object.entries(content).map(([contentType, { schema }]) => {
      if (contentType === 'text/csv') {
        const json = content['application/json']?.schema;
        const items = json && values.resolve(json).items;
        return values.csv(items).map((body) => ({ contentType, body }));
      }
      return fc
        .tuple(values.value(schema), mutationArbitrary)
        .map(([body, mutation]) => ({ contentType, body: mutate(body, mutation) }));
    });
    const body =
      bodies.length > 0
        ? fc.oneof(...bodies)
        : fc.constant({ contentType: undefined, body: undefined });
    return fc
      .record({
        params,
        query,
        content: body,
        transport: fc.oneof(
          { weight: 6, arbitrary: fc.constant<Transport>('plain') },
          {
            weight: 1,
            arbitrary: fc.constantFrom<Transport>('gzip-lie', 'wrong-type', 'if-match-garbage'),
          },
        ),
        caller: fc.oneof(
          { weight: 6, arbitrary: fc.constant<Caller>('role') },
          { weight: 1, arbitrary: fc.constantFrom<Caller>('anonymous', 'invented', 'other-role') },
        ),
      })
      .map(({ content: { contentType, body: generated }, ...rest }) => ({
        ...rest,
        contentType,
        body: generated,
      }));
  }

  function tokenFor(operation: Operation, caller: Caller): string | undefined {
    const roles = rolesOf(operation);
    const own = tokens[roles[0] ?? 'admin']!.token;
    switch (caller) {
      case 'role':
        return own;
      case 'anonymous':
        return undefined;
      case 'invented':
        return `mpt_invented_${uniqueSuffix()}`;
      case 'other-role': {
        const other = Object.keys(tokens).find((role) => !roles.includes(role)) ?? 'admin';
        return tokens[other]!.token;
      }
    }
  }

  function urlFor(operation: Operation, generated: FuzzRequest): string {
    const encode = ({ value, raw }: { value: string; raw: boolean }) =>
      raw ? value : encodeURIComponent(value);
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const param = generated.params[name];
      return param ? encode(param) : name;
    });
    const query = Object.entries(generated.query)
      .map(([name, value]) => `${name}=${encode(value)}`)
      .join('&');
    return query ? `${path}?${query}` : path;
  }

  async function send(operation: Operation, generated: FuzzRequest) {
    const method = operation.method as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let call = request(t.app)[method](urlFor(operation, generated));
    const token = operation.security ? tokenFor(operation, generated.caller) : undefined;
    if (token) call = call.set(bearer(token));
    if (generated.transport === 'gzip-lie') call = call.set('Content-Encoding', 'gzip');
    if (generated.transport === 'if-match-garbage') call = call.set('If-Match', '"x", *, W/"');
    if (generated.contentType === undefined || generated.body === undefined) return call;
    const type = generated.transport === 'wrong-type' ? 'text/plain' : generated.contentType;
    const text =
      typeof generated.body === 'string' && generated.contentType === 'text/csv'
        ? generated.body
        : JSON.stringify(generated.body);
    return call.set('Content-Type', type).send(text);
  }

  it('when every operation gets valid and hostile requests, then none answers 5xx, every 4xx is problem+json, and a refused write changes nothing', async () => {
    const document = (await request(t.app).get('/openapi.json').expect(200))
      .body as OpenApiDocument;
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(30);
    const values = new SchemaValues(document, await knownValues());

    const failures: string[] = [];
    for (const operation of operations) {
      const writes = operation.method !== 'get';
      try {
        await fc.assert(
          fc.asyncProperty(requestArbitrary(operation, values), async (generated) => {
            const before = writes ? await databaseFingerprint(t.runtime.dataSource) : '';
            const response = await send(operation, generated);
            const summary = `${response.status} ${response.text.slice(0, 300)}`;
            expect({ summary, serverError: response.status >= 500 }).toEqual({
              summary,
              serverError: false,
            });
            if (response.status >= 400) {
              expect({ summary, type: response.headers['content-type'] }).toEqual({
                summary,
                type: expect.stringMatching(/^application\/problem\+json/),
              });
              expect(response.body).toMatchObject({
                status: response.status,
                type: expect.any(String),
                errors: expect.any(Array),
              });
              if (writes) {
                expect(await databaseFingerprint(t.runtime.dataSource)).toBe(before);
              }
            }
          }),
          { numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true },
        );
      } catch (error) {
        failures.push(
          `${operation.method.toUpperCase()} ${operation.path}: ${String(error).slice(0, 1500)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
