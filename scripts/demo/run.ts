import type { Config } from '../../config';
import { createDataSource } from '../../src/shared/database/data-source';
import type { Logger } from '../../src/shared/logger/logger';
import { systemClock } from '../../src/shared/time/clock';
import { DEMO_REGION } from './region.data';
import { type SeedReport, seedDemo } from './seed';

/** Opens its own connections, seeds the demo region, closes them: for `seed:demo` and the release. */
export async function runDemoSeed(
  config: Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'BOOTSTRAP_ADMIN_TOKEN'>,
  logger: Logger,
): Promise<SeedReport> {
  const dataSource = createDataSource(config, { applicationName: 'matchpunt-seed-demo' });
  await dataSource.initialize();
  try {
    const report = await seedDemo({
      dataSource,
      logger,
      clock: systemClock,
      tokenKey: config.BOOTSTRAP_ADMIN_TOKEN,
    });
    // Statistics of the rows just loaded, so the first requests are planned on them rather than
    // on empty tables (autovacuum gets there only after its next round, about a minute): on a
    // freshly seeded database the client list answered at half its rate until then.
    if (Object.values(report.created).some((count) => count > 0)) await dataSource.query('ANALYZE');
    return report;
  } finally {
    await dataSource.destroy();
  }
}

/** What a person reads after the seed: what it created and a token per organisation. */
export function formatSeedReport(report: SeedReport, keyed: boolean): string {
  const created = Object.entries(report.created)
    .filter(([, count]) => count > 0)
    .map(([what, count]) => `${count} ${what === 'coverage' ? 'coverage rows' : what}`);
  const rows = [
    ['role', 'organisation', 'token'],
    ...report.tokens.map((t) => [
      t.role,
      t.organisation,
      t.revoked ? `${t.token} (revoked)` : t.token,
    ]),
  ];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    `Demo region ${DEMO_REGION.name} (${DEMO_REGION.code}) is ready (${(report.millis / 1000).toFixed(1)} s).`,
    created.length > 0
      ? `Created: ${created.join(', ')}.`
      : 'Nothing to create: the demo region was complete.',
    '',
    'Demo tokens - for demo deployments only, never for real data: they are derived from ' +
      (keyed ? 'BOOTSTRAP_ADMIN_TOKEN' : 'the source code, so anyone can know them') +
      '.',
    '',
    line(rows[0] ?? []),
    ...rows.slice(1).map(line),
    '',
  ].join('\n');
}
