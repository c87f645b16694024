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
