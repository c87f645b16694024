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
