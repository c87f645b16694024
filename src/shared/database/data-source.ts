import type { Pool } from 'pg';
import { DataSource, type EntitySchema } from 'typeorm';

import type { Config } from '../../../config';
import { MIGRATIONS } from '../../../migrations';
import { QueryTimeoutClient } from './query-timeout';

export const MIGRATIONS_TABLE = 'typeorm_migrations';

/** How long opening a connection may take before the statement waiting for it fails. */
export const CONNECT_TIMEOUT_MS = 5_000;

export interface DataSourceOptions {
  /** Shown in pg_stat_activity, e.g. `matchpunt-api`. */
  applicationName: string;
  /** How long a statement may go unanswered before its connection is given up (query-timeout.ts); none if not given. */
  queryTimeoutMs?: number;
  entities?: EntitySchema[];
}

/** The one DataSource shape for the API, the worker and the migration CLI. */
export function createDataSource(
  config: Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
  options: DataSourceOptions,
): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.DATABASE_URL,
    applicationName: options.applicationName,
    poolSize: config.DATABASE_POOL_SIZE,
    entities: options.entities ?? [],
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // Fail a checkout instead of hanging when the database is unreachable; keep every connection
    // once opened (`min`, below); statements marked `prepared()` run by name (prepared.ts); a
    // statement left unanswered fails after `queryTimeoutMs` (query-timeout.ts).
    extra: {
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      min: config.DATABASE_POOL_SIZE,
      Client: QueryTimeoutClient,
      queryTimeoutMs: options.queryTimeoutMs ?? 0,
    },
  });
}

/**
 * Opens every connection of the pool now, as a start-up step: they are then kept (the pool is of
 * fixed size: `min` is its size, so an idle connection is not closed after pg's 10 s). A new
 * connection is a new PostgreSQL backend: a fork, caches that start cold, and every named
 * statement prepared again on it. A pool that had shrunk during a quiet spell opened them all at
 * once when traffic came back, and the first seconds of the load test's mix waited for
 * connections (docs/performance.md, "A pool of fixed size").
 */
export async function fillPool(dataSource: DataSource): Promise<void> {
  const size = dataSource.options.poolSize ?? 1;
  const runners = Array.from({ length: size }, () => dataSource.createQueryRunner());
  try {
    await Promise.all(runners.map((runner) => runner.query('SELECT 1')));
  } finally {
    await Promise.all(runners.map((runner) => runner.release()));
  }
}

/**
 * node-postgres's pool behind `dataSource`, which TypeORM's PostgreSQL driver keeps, untyped, as
 * `master`; undefined before the DataSource is initialised. For what TypeORM does not show: the
 * pool's counts (the metrics) and its events.
 */
export function nodePostgresPool(dataSource: DataSource): Pool | undefined {
  return (dataSource.driver as unknown as { master?: Pool }).master;
}

/** Names of known migrations that the database has not applied yet. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const exists = await dataSource.query<{ present: boolean }[]>(
    `SELECT to_regclass($1) IS NOT NULL AS present`,
    [MIGRATIONS_TABLE],
  );
  const applied = new Set<string>();
  if (exists[0]?.present) {
    const rows = await dataSource.query<{ name: string }[]>(`SELECT name FROM ${MIGRATIONS_TABLE}`);
    rows.forEach((row) => applied.add(row.name));
  }
  return MIGRATIONS.map((migration) => migration.name).filter((name) => !applied.has(name));
}
