import type { DataSource } from 'typeorm';

/**
 * Row counts of every table in the schema: comparing two snapshots shows that a failed request
 * wrote nothing anywhere, not even an audit line. Each jest worker has its own database and runs
 * its files one at a time, so nothing else writes in between.
 */
export async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const tables = await dataSource.query<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const rows = await dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM "${name}"`);
    counts[name] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/**
 * One value that changes when any row of any table is added, removed or changed: per table its
 * row count and a sum of row hashes, in one round trip. A token's `last_used_at` is left out:
 * authentication records it now and then, whatever the request's outcome.
 */
export async function databaseFingerprint(dataSource: DataSource): Promise<string> {
  const tables = await dataSource.query<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const rows = await dataSource.query<{ name: string; n: string; h: string }[]>(
    tables
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, count(*) AS n,
                  coalesce(sum(hashtext((to_jsonb(x) - 'last_used_at')::text)::bigint), 0) AS h
             FROM "${name}" x`,
      )
      .join(' UNION ALL '),
  );
  return rows.map(({ name, n, h }) => `${name}:${n}:${h}`).join(' ');
}
