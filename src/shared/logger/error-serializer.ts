import pino from 'pino';

import { describeDatabaseError } from '../database/db';

/**
 * pino's `err` serializer, made safe: a database error (or one caused by it) is logged by its
 * code, constraint and query name only, never with the statement's parameters or PostgreSQL's
 * message, which quote the values written.
 */
export function serializeError(error: unknown): unknown {
  const database = describeDatabaseError(error);
  if (database) return database;
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  if (error.cause !== undefined) serialized.cause = serializeError(error.cause);
  return serialized;
}
