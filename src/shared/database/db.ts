import { createHash } from 'node:crypto';

import type { DataSource, EntityManager } from 'typeorm';

/** What a repository function runs its SQL on: the DataSource, or a transaction's manager. */
export type Db = EntityManager;

export function rootDb(dataSource: DataSource): Db {
  return dataSource.manager;
}

export function inTransaction<T>(dataSource: DataSource, work: (db: Db) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}

interface PgError {
  code: string;
  constraint?: string;
  detail?: string;
}

/** The PostgreSQL error beneath a TypeORM QueryFailedError, if any. */
export function pgError(error: unknown): PgError | undefined {
  const candidate = (error as { driverError?: unknown } | null)?.driverError ?? error;
  if (typeof candidate === 'object' && candidate !== null && 'code' in candidate) {
    const { code, constraint, detail } = candidate as Record<string, unknown>;
    if (typeof code === 'string') {
      return {
        code,
        ...(typeof constraint === 'string' ? { constraint } : {}),
        ...(typeof detail === 'string' ? { detail } : {}),
      };
    }
  }
  return undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgError(error);
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}

/**
 * A short, stable name for a SQL statement: what it does, to which table, and a hash of its text
 * to tell statements on the same table apart (`insert clients#3fa1c2d0`). A statement with CTEs
 * is named by the write it ends in; `FOR UPDATE` and `DO UPDATE` are not writes of their own.
 */
export function queryName(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  const write = /(?<!\b(?:FOR|DO) )\b(INSERT INTO|UPDATE|DELETE FROM) ("?[\w.]+"?)/i.exec(text);
  const [verb, table] = write
    ? [write[1]?.split(' ')[0], write[2]]
    : [
        /^(?:WITH\b|SELECT\b)/i.test(text) ? 'select' : /^\w+/.exec(text)?.[0],
        /\bFROM ("?[\w.]+"?)/i.exec(text)?.[1],
      ];
  const name = [verb?.toLowerCase() ?? 'query', table?.replaceAll('"', '')].filter(Boolean);
  return `${name.join(' ')}#${hash}`;
}

/**
 * What may be logged of a database error: PostgreSQL's code, the constraint, table and column it
 * names, and the query's name. Never the parameters, the message or the detail, which quote the
 * values (a client profile, a token's hash). Undefined when `error` is not a database error.
 */
export function describeDatabaseError(error: unknown): Record<string, string> | undefined {
  const pg = pgError(error);
  if (!pg) return undefined;
  const fields = error as Record<string, unknown>;
  const driver = (fields.driverError ?? fields) as Record<string, unknown>;
  const described: Record<string, string> = { type: 'DatabaseError', code: pg.code };
  for (const key of ['constraint', 'table', 'column', 'routine'] as const) {
    const value = driver[key];
    if (typeof value === 'string') described[key] = value;
  }
  if (typeof fields.query === 'string') described.query = queryName(fields.query);
  return described;
}
