/**
 * What went wrong, in domain terms. The HTTP status is chosen from `kind` in exactly one place,
 * the error middleware (`src/shared/http/error-middleware.ts`); services know no HTTP.
 */
export type ErrorKind =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'precondition_required'
  | 'payload_too_large'
  | 'headers_too_large'
  | 'request_timeout'
  | 'unsupported_media_type'
  | 'validation'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export interface FieldError {
  /** Dotted path of the offending field, e.g. `address.postcode` or `rows[12].rent`. */
  path: string;
  message: string;
}

export interface AppErrorOptions {
  errors?: FieldError[];
  /** Extra members for the problem document (RFC 9457 extensions), e.g. `retryAfterSeconds`. */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly errors: FieldError[];
  readonly extensions: Record<string, unknown>;

  constructor(
    readonly kind: ErrorKind,
    /** Stable machine-readable code, e.g. `unit_not_found`; part of the problem `type`. */
    readonly code: string,
    detail: string,
    options: AppErrorOptions = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.errors = options.errors ?? [];
    this.extensions = options.extensions ?? {};
  }
}

export class ValidationError extends AppError {
  constructor(errors: FieldError[], detail = describeFieldErrors(errors)) {
    super('validation', 'validation_failed', detail, { errors });
  }
}

/** A query string or path that cannot be understood (400), as opposed to invalid content (422). */
export class BadRequestError extends AppError {
  constructor(detail: string, errors: FieldError[] = []) {
    super('bad_request', 'bad_request', detail, { errors });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(detail = 'A valid bearer token is required.') {
    super('unauthenticated', 'unauthenticated', detail);
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = 'Your role may not do this.') {
    super('forbidden', 'forbidden', detail);
  }
}

export class NotFoundError extends AppError {
  constructor(resource: string, id: string) {
    super('not_found', `${resource}_not_found`, `No ${resource.replaceAll('_', ' ')} "${id}".`);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, detail: string, errors: FieldError[] = []) {
    super('conflict', code, detail, { errors });
  }
}

function describeFieldErrors(errors: FieldError[]): string {
  if (errors.length === 1 && errors[0]) return `${errors[0].path}: ${errors[0].message}`;
  return `${errors.length} fields are invalid; see errors.`;
}

/**
 * The base of a module's one error class: `kinds` maps each of the module's codes to its kind
 * (what went wrong, in domain terms), e.g.
 * `class UnitError extends moduleErrorClass(KIND) {}` and `new UnitError(UnitErrorCode.NotFound, '…')`.
 */
export function moduleErrorClass<C extends string>(kinds: Record<C, ErrorKind>) {
  return class ModuleError extends AppError {
    constructor(code: C, detail: string, extensions: Record<string, unknown> = {}) {
      super(kinds[code], code, detail, { extensions });
    }
  };
}
