import type { DataSource } from 'typeorm';

interface EventSource {
  on(event: 'acquire', listener: () => void): unknown;
  off(event: 'acquire', listener: () => void): unknown;
}

/**
 * How many times connections were checked out of `dataSource`'s pool (node-postgres's `acquire`
 * event) while `work` ran, with `work`'s result. The pool is the one TypeORM's driver keeps as
 * `master`.
 */
export async function countCheckouts<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<{ checkouts: number; result: T }> {
  const pool = (dataSource.driver as unknown as { master: EventSource }).master;
  let checkouts = 0;
  const counted = () => {
    checkouts += 1;
  };
  pool.on('acquire', counted);
  try {
    const result = await work();
    return { checkouts, result };
  } finally {
    pool.off('acquire', counted);
  }
}
