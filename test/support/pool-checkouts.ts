import type { DataSource } from 'typeorm';

import { nodePostgresPool } from '../../src/shared/database/data-source';

/**
 * How many times connections were checked out of `dataSource`'s pool (node-postgres's `acquire`
 * event) while `work` ran, with `work`'s result.
 */
export async function countCheckouts<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<{ checkouts: number; result: T }> {
  const pool = nodePostgresPool(dataSource);
  if (!pool) throw new Error('the DataSource is not initialised');
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
