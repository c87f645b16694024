import { z } from 'zod';

import type { AppError, ErrorKind } from '../errors/app-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemSchema = z
  .object({
    type: z.string().meta({ example: 'urn:matchpunt:problem:validation_failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ description: 'Stable machine-readable error code.' }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .meta({ description: 'Every offending field; empty when the problem is not about fields.' }),
    requestId: z.string(),
  })
  .loose()
  .meta({ id: 'Problem', description: 'RFC 9457 problem details.' });

export type Problem = z.infer<typeof problemSchema>;

const TITLES: Record<ErrorKind, string> = {
  bad_request: 'Bad request',
  unauthenticated: 'Unauthenticated',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  precondition_failed: 'Precondition failed',
  precondition_required: 'Precondition required',
  payload_too_large: 'Payload too large',
  headers_too_large: 'Request header fields too large',
  request_timeout: 'Request timeout',
  unsupported_media_type: 'Unsupported media type',
  validation: 'Validation failed',
  rate_limited: 'Too many requests',
  unavailable: 'Service unavailable',
  internal: 'Internal server error',
};

export function toProblem(error: AppError, status: number, requestId: string): Problem {
  return {
    ...error.extensions,
    type: `urn:matchpunt:problem:${error.code}`,
    title: TITLES[error.kind],
    status,
    detail: error.message,
    code: error.code,
    errors: error.errors,
    requestId,
  };
}
