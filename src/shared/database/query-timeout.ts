import type pg from 'pg';

import { PreparingClient } from './prepared';

/** What the pool passes to each client it opens, beside node-postgres's own options. */
export interface QueryTimeoutOptions {
  /** How long a statement may go unanswered before its connection is given up; 0 = no limit. */
  queryTimeoutMs?: number;
}

/** A statement's connection was given up because the database did not answer in time. */
export class DatabaseQueryTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`No answer from the database within ${timeoutMs} ms; the connection was given up.`);
    this.name = 'DatabaseQueryTimeout';
  }
}

/**
 * The API's database client: `PreparingClient`, and a statement that gets no answer within
 * `queryTimeoutMs` fails with `DatabaseQueryTimeout` and closes its connection.
 *
 * For a database that stops answering in the middle of a statement without the connection being
 * reset (a host or a network gone quiet), the request would otherwise wait until TCP gives up,
 * many minutes later, holding its connection. node-postgres's own `query_timeout` fails the call
 * but leaves the client waiting for the lost answer, and the pool hands that client out again; so
 * this closes the socket instead: the pool drops the client and opens a fresh one for the next
 * statement, and PostgreSQL rolls back an open transaction when it finds the connection gone.
 */
export class QueryTimeoutClient extends PreparingClient {
  readonly queryTimeoutMs: number;

  constructor(config?: string | (pg.ClientConfig & QueryTimeoutOptions)) {
    super(config);
    this.queryTimeoutMs = typeof config === 'object' ? (config.queryTimeoutMs ?? 0) : 0;
  }
}

type AnyQuery = (this: pg.Client, ...args: unknown[]) => unknown;

const preparing = Reflect.get(PreparingClient.prototype, 'query') as AnyQuery;

QueryTimeoutClient.prototype.query = function query(this: QueryTimeoutClient, ...args: unknown[]) {
  const result = preparing.apply(this, args);
  // Callback and stream forms are left as they are: the application uses promises.
  if (this.queryTimeoutMs <= 0 || !(result instanceof Promise)) return result;
  const timeoutMs = this.queryTimeoutMs;
  // The connection's socket: node-postgres keeps it on its (untyped) connection.
  const socket = (this as unknown as { connection: { stream: { destroy(): void } } }).connection
    .stream;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new DatabaseQueryTimeout(timeoutMs));
      socket.destroy();
    }, timeoutMs);
  });
  // Once timed out, the statement's own failure (the socket closed under it) is not news.
  result.catch(() => undefined);
  return Promise.race([result, timedOut]).finally(() => {
    clearTimeout(timer);
  });
} as typeof pg.Client.prototype.query;
