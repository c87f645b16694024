import { createHash } from 'node:crypto';

import type { DataSource, EntityManager } from 'typeorm';

import { DatabaseQueryTimeout } from './query-timeout';

/** What a repository function runs its SQL on: the DataSource, or a transaction's manager. */
export type Db = EntityManager;

export function rootDb(dataSource: DataSource): Db {
  return dataSource.manager;
}

/** Per transaction `inTransaction` began: what `beforeCommit` left to run last. */
const lastInTransaction = new WeakMap<Db, (() => Promise<unknown>)[]>();

/**
 * Runs `work` in a transaction, then what `beforeCommit` left to run last, then commits; any
 * failure rolls it all back. On a `Db` that `onOneConnection` gave, the transaction runs on that
 * connection.
 */
export function inTransaction<T>(
  source: DataSource | Db,
  work: (db: Db) => Promise<T>,
): Promise<T> {
  const manager = 'createQueryRunner' in source ? source.manager : source;
  return manager.transaction(async (db) => {
    // A connection's manager outlives its transaction, and one begun inside another (a savepoint)
    // has the same manager: afterwards `beforeCommit` goes back to what it did before.
    const outer = lastInTransaction.get(db);
    const last: (() => Promise<unknown>)[] = [];
    lastInTransaction.set(db, last);
    try {
      const result = await work(db);
      for (const statement of last) await statement();
      return result;
    } finally {
      if (outer) lastInTransaction.set(db, outer);
      else lastInTransaction.delete(db);
    }
  });
}

/**
 * Runs `work` with all its statements on one connection of the pool, checked out once and
 * returned after. For a request of several round trips (checks, a transaction, the read-back):
 * when every connection is busy it waits in the pool's queue once, not before each round trip
 * (docs/performance.md, "A registration on one connection"). `work` sends its statements one
 * after the other: node-postgres deprecates a second query on a client while one runs.
 */
export async function onOneConnection<T>(
  dataSource: DataSource,
  work: (db: Db) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    return await work(runner.manager);
  } finally {
    await runner.release();
  }
}

/**
 * Runs `statement` as one of the last of `db`'s transaction, just before its commit (in the order
 * given), when `inTransaction` began it; at once otherwise. For a write to a row every writer of
 * the kind updates (a region's change counter): the row stays locked from that write to the
 * commit, so the write is best made when nothing but the commit is left to wait for.
 */
export async function beforeCommit(db: Db, statement: () => Promise<unknown>): Promise<void> {
  const last = lastInTransaction.get(db);
  if (last) last.push(statement);
  else await statement();
}

interface PgError {
  code: string;
  constraint?: string;
  detail?: string;
}

/**
 * The coded error beneath a TypeORM QueryFailedError, if any: PostgreSQL's (its SQLSTATE), or
 * Node's for a connection that could not be made or was lost (`ECONNRESET`), which
 * `isDatabaseUnreachable` tells apart. Whether an error came from PostgreSQL itself is for
 * `describeDatabaseError` to say.
 */
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

/** Socket errors of a connection that could not be made or was lost. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What node-postgres says, without an error code, when a connection fails or drops. */
const LOST_CONNECTION =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

/**
 * True when `error` says the database cannot be reached right now (refused, dropped, timed out,
 * shutting down, out of connections), as opposed to a query the database refused: the request
 * may well succeed when retried later.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (error instanceof AggregateError && error.errors.some(isDatabaseUnreachable)) return true;
  const pg = pgError(error);
  if (pg) {
    if (NETWORK_CODES.has(pg.code)) return true;
    // Class 08 connection exception (but a protocol violation, 08P01, is a statement the code got
    // wrong, such as too few parameters: retrying will not help); admin or crash shutdown, cannot
    // connect now; too many connections.
    if (
      (pg.code.startsWith('08') && pg.code !== '08P01') ||
      ['57P01', '57P02', '57P03', '53300'].includes(pg.code)
    ) {
      return true;
    }
  }
  const driverError = (error as { driverError?: unknown }).driverError;
  if (driverError !== undefined && driverError !== error && isDatabaseUnreachable(driverError)) {
    return true;
  }
  if (error instanceof DatabaseQueryTimeout) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && LOST_CONNECTION.test(message);
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
 * values (a client profile, a token's hash). A query that failed without PostgreSQL's answer (the
 * connection lost, a timeout: TypeORM's QueryFailedError around a Node or driver error) is logged
 * with that error's own message, which quotes no values, and never its parameters. Undefined for
 * any other error, Node's own with a code (MODULE_NOT_FOUND, ECONNREFUSED) included.
 */
export function describeDatabaseError(error: unknown): Record<string, string> | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const fields = error as Record<string, unknown>;
  const driver = (fields.driverError ?? fields) as Record<string, unknown>;
  // PostgreSQL's own errors carry a severity besides their code.
  const fromPostgres = typeof driver.severity === 'string' && typeof driver.code === 'string';
  const failedQuery = typeof fields.query === 'string' && 'driverError' in fields;
  if (!fromPostgres && !failedQuery) return undefined;
  const described: Record<string, string> = { type: 'DatabaseError' };
  if (typeof driver.code === 'string') described.code = driver.code;
  if (fromPostgres) {
    for (const key of ['constraint', 'table', 'column', 'routine'] as const) {
      const value = driver[key];
      if (typeof value === 'string') described[key] = value;
    }
  } else if (typeof driver.message === 'string') {
    described.message = driver.message;
  }
  if (typeof fields.query === 'string') described.query = queryName(fields.query);
  return described;
}
