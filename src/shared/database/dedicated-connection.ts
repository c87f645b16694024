import pg from 'pg';

import type { Logger } from '../logger/logger';
import { CONNECT_TIMEOUT_MS } from './data-source';
import { type QueryTimeoutOptions, QueryTimeoutClient } from './query-timeout';

export interface DedicatedConnectionOptions {
  connectionString: string;
  /** Shown in pg_stat_activity next to the pool's connections. */
  applicationName: string;
  /** As the pool's: a statement left unanswered this long fails and its connection is given up. */
  queryTimeoutMs?: number;
  logger: Logger;
}

/**
 * One PostgreSQL connection of its own, outside the DataSource's pool, for a writer that sends one
 * statement at a time and must not wait behind the pool's checkouts: under load every connection of
 * the pool can be taken by requests and transactions, and whatever waits for the writer would wait
 * in that queue too (the access log, docs/performance.md, "The access log on a connection of its
 * own").
 *
 * It opens at its first statement and is kept; lost, it is opened again at the next statement (the
 * failed statement's caller sees the error). As on the pool, statements marked `prepared()` run by
 * name and one left unanswered fails after `queryTimeoutMs`. Statements sent while one is under way
 * wait for it.
 */
export class DedicatedConnection {
  private readonly pool: pg.Pool;

  constructor(options: DedicatedConnectionOptions) {
    const config: pg.PoolConfig & QueryTimeoutOptions = {
      connectionString: options.connectionString,
      application_name: options.applicationName,
      max: 1,
      // Kept however long it is idle; given up on only when it breaks.
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      Client: QueryTimeoutClient,
      queryTimeoutMs: options.queryTimeoutMs ?? 0,
    };
    this.pool = new pg.Pool(config);
    // An idle connection that breaks (a database restart) is dropped by the pool; without a
    // listener its error would end the process.
    this.pool.on('error', (error) => {
      options.logger.warn(
        { err: error, connection: options.applicationName },
        'dedicated database connection lost; it opens again at the next statement',
      );
    });
  }

  async query<T = unknown>(sql: string, params: unknown[]): Promise<T[]> {
    const result = await this.pool.query(sql, params);
    return result.rows as T[];
  }

  /** Waits for the statement under way, then closes the connection. */
  close(): Promise<void> {
    return this.pool.end();
  }
}
