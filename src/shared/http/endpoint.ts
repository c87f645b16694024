import './express-augment';

import type { Express, Request, Response } from 'express';
import type { z } from 'zod';

import { type Actor, type Role, requireRole } from '../auth/actor';
import {
  AppError,
  BadRequestError,
  UnauthenticatedError,
  ValidationError,
} from '../errors/app-error';
import { fieldErrorsFromZod } from '../errors/zod-issues';
import { BEARER_SCHEME, type OpenAPIRegistry, type RouteConfig } from '../openapi/openapi-registry';
import { PROBLEM_CONTENT_TYPE, problemSchema } from './problem';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = z.ZodType | undefined;
type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
type BodyContentType = 'application/json' | 'text/csv';

export interface EndpointResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Defaults to `application/json`; a string body with another type is sent as it is. */
  contentType?: string;
}

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

interface EndpointSpecBase<P extends Schema, Q extends Schema, B extends Schema> {
  method: Method;
  /** Full path in OpenAPI form, e.g. `/api/v1/organisations/{id}`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** One type, or several that the handler tells apart (a CSV string or parsed JSON). */
  bodyContentType?: BodyContentType | readonly BodyContentType[];
  /** Per-type schemas for the document, where `body` is a union of them. */
  bodyDocs?: Partial<Record<BodyContentType, z.ZodType>>;
  responses: Record<number, ResponseDoc>;
  /** Error statuses particular to this endpoint (e.g. 409), besides those every endpoint has. */
  errors?: number[];
}

interface HandlerInput<P extends Schema, Q extends Schema, B extends Schema> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  req: Request;
  res: Response;
}

export interface ApiEndpointSpec<
  P extends Schema,
  Q extends Schema,
  B extends Schema,
> extends EndpointSpecBase<P, Q, B> {
  /**
   * Roles that may call this at all: others get 403 before their input is even read. The service
   * still checks (and decides what each role may see); this keeps a forbidden caller from learning
   * anything from validation errors.
   */
  roles?: readonly Role[];
  handle(input: HandlerInput<P, Q, B> & { actor: Actor }): Promise<EndpointResult>;
}

export interface PublicEndpointSpec<
  P extends Schema,
  Q extends Schema,
  B extends Schema,
> extends EndpointSpecBase<P, Q, B> {
  handle(input: HandlerInput<P, Q, B>): Promise<EndpointResult> | EndpointResult;
}

/** A route that validates its input with zod and documents itself in the OpenAPI registry. */
export interface Endpoint {
  readonly method: Method;
  readonly path: string;
  mount(app: Express, registry: OpenAPIRegistry): void;
}

/** An authenticated `/api/v1` endpoint: the handler receives the acting organisation. */
export function apiEndpoint<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
>(spec: ApiEndpointSpec<P, Q, B>): Endpoint {
  const roles = spec.roles;
  const gate = (req: Request) => {
    const actor = req.actor;
    if (!actor) throw new UnauthenticatedError();
    if (roles) requireRole(actor, ...roles);
    return actor;
  };
  return buildEndpoint(
    spec,
    true,
    // Not `{ ...input, actor }`: on Node 20 a spread followed by more properties builds a new
    // hidden class each time; `input` is made for this call alone.
    (input) => spec.handle(Object.assign(input, { actor: gate(input.req) })),
    gate,
    roles,
  );
}

/** An endpoint without authentication (operations: health, metrics, documents). */
export function publicEndpoint<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
>(spec: PublicEndpointSpec<P, Q, B>): Endpoint {
  return buildEndpoint(
    spec,
    false,
    (input) => spec.handle(input),
    () => undefined,
    undefined,
  );
}

function buildEndpoint<P extends Schema, Q extends Schema, B extends Schema>(
  spec: EndpointSpecBase<P, Q, B>,
  secured: boolean,
  call: (input: HandlerInput<P, Q, B>) => Promise<EndpointResult> | EndpointResult,
  /** Runs before any input is parsed: authentication and the role gate. */
  before: (req: Request) => unknown,
  roles: readonly Role[] | undefined,
): Endpoint {
  const expressPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
  const bodyContentTypes: readonly BodyContentType[] =
    typeof spec.bodyContentType === 'string'
      ? [spec.bodyContentType]
      : (spec.bodyContentType ?? ['application/json']);
  return {
    method: spec.method,
    path: spec.path,
    mount(app, registry) {
      registry.registerPath(describe(spec, secured, bodyContentTypes, roles));
      app[spec.method](expressPath, async (req: Request, res: Response) => {
        before(req);
        const params = parseParams(spec.params, req);
        const query = parseQuery(spec.query, req);
        const body = parseBody(spec.body, bodyContentTypes, req);
        const result = await call({ params, query, body, req, res } as HandlerInput<P, Q, B>);
        send(res, result);
      });
    },
  };
}

function parseParams(schema: Schema, req: Request): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(req.params);
  // A malformed id names nothing that exists: answer as for a missing record.
  if (!parsed.success) throw new AppError('not_found', 'not_found', `Nothing at ${req.path}.`);
  return parsed.data;
}

function parseQuery(schema: Schema, req: Request): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(req.query);
  if (!parsed.success) {
    const errors = fieldErrorsFromZod(parsed.error);
    throw new BadRequestError('The query string is invalid; see errors.', errors);
  }
  return parsed.data;
}

function parseBody(
  schema: Schema,
  contentTypes: readonly BodyContentType[],
  req: Request,
): unknown {
  if (!schema) return undefined;
  const hasBody =
    (req.headers['content-length'] ?? '0') !== '0' || 'transfer-encoding' in req.headers;
  if (hasBody && !req.is([...contentTypes])) {
    throw new AppError(
      'unsupported_media_type',
      'unsupported_media_type',
      `Send the body as ${contentTypes.join(' or ')}.`,
    );
  }
  const raw: unknown = req.body ?? (contentTypes.includes('application/json') ? undefined : '');
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error));
  return parsed.data;
}

function send(res: Response, result: EndpointResult): void {
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  res.status(result.status);
  if (result.body === undefined) {
    res.end();
    return;
  }
  if (result.contentType && typeof result.body === 'string') {
    res.type(result.contentType).send(result.body);
    return;
  }
  res.json(result.body);
}

const COMMON_ERRORS: Record<number, string> = {
  400: 'Malformed JSON or query string.',
  401: 'No valid bearer token.',
  403: 'The role may not do this.',
  404: 'No such record, or not one of yours.',
  409: 'Conflict: a duplicate, or a transition the current state does not allow.',
  412: 'The `If-Match` version is stale.',
  413: 'The body is too large.',
  415: 'The body has the wrong content type.',
  422: 'The body is well-formed but invalid; `errors` lists every offending field.',
  428: 'Send `If-Match` with the ETag of the version you read.',
  429: 'Rate limited; see `Retry-After`.',
  500: 'Unexpected error.',
};

function describe<P extends Schema, Q extends Schema, B extends Schema>(
  spec: EndpointSpecBase<P, Q, B>,
  secured: boolean,
  bodyContentTypes: readonly BodyContentType[],
  roles: readonly Role[] | undefined,
): RouteConfig {
  const errorStatuses = new Set<number>(spec.errors ?? []);
  if (secured) [401, 403, 429].forEach((status) => errorStatuses.add(status));
  if (spec.params) errorStatuses.add(404);
  if (spec.query) errorStatuses.add(400);
  if (spec.body) [400, 413, 415, 422].forEach((status) => errorStatuses.add(status));
  errorStatuses.add(500);

  const responses: RouteConfig['responses'] = {};
  for (const [status, doc] of Object.entries(spec.responses)) {
    responses[status] = doc.schema
      ? {
          description: doc.description,
          content: { [doc.contentType ?? 'application/json']: { schema: doc.schema } },
        }
      : { description: doc.description };
  }
  for (const status of [...errorStatuses].sort()) {
    responses[String(status)] = {
      description: COMMON_ERRORS[status] ?? 'Error.',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } },
    };
  }

  const request: NonNullable<RouteConfig['request']> = {};
  if (spec.params) request.params = spec.params as NonNullable<typeof request.params>;
  if (spec.query) request.query = spec.query as NonNullable<typeof request.query>;
  if (spec.body) {
    const body = spec.body;
    request.body = {
      required: true,
      content: Object.fromEntries(
        bodyContentTypes.map((type) => [type, { schema: spec.bodyDocs?.[type] ?? body }]),
      ),
    };
  }

  return {
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    ...(spec.description !== undefined || roles
      ? {
          description: [spec.description, roles && `Roles: ${roles.join(', ')}.`]
            .filter((part) => part !== undefined)
            .join('\n\n'),
        }
      : {}),
    tags: spec.tags,
    ...(secured ? { security: [{ [BEARER_SCHEME]: [] }] } : {}),
    request,
    responses,
  };
}
