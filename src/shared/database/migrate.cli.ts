/**
 * `npm run migrate` (apply all pending) and `npm run migrate:revert` (undo the last one).
 * Safe to run concurrently from several containers: an advisory lock serialises them.
 */
import { type Config, loadConfigOrExit } from '../../../config';
import { createLogger } from '../logger/logger';
import { createDataSource } from './data-source';

const MIGRATION_LOCK = 7_263_001;

export async function runMigrations(
  config: Pick<Config, 'DATABASE_URL'>,
  direction: 'up' | 'down',
): Promise<string[]> {
  const dataSource = createDataSource(
    { DATABASE_URL: config.DATABASE_URL, DATABASE_POOL_SIZE: 2 },
    { applicationName: 'matchpunt-migrate' },
  );
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    if (direction === 'up') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    }
    await dataSource.undoLastMigration({ transaction: 'each' });
    return [];
  } finally {
    await dataSource
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
      .catch(() => undefined);
    await dataSource.destroy();
  }
}

if (require.main === module) {
  const direction = process.argv[2];
  if (direction !== 'up' && direction !== 'down') {
    process.stderr.write('usage: migrate.cli (up|down)\n');
    process.exit(2);
  }
  const config = loadConfigOrExit();
  const logger = createLogger(config, 'matchpunt-migrate');
  runMigrations(config, direction)
    .then((applied) => {
      logger.info(
        { applied },
        direction === 'up' ? 'migrations applied' : 'last migration reverted',
      );
    })
    .catch((error: unknown) => {
      logger.fatal({ err: error }, 'migration failed');
      process.exitCode = 1;
    });
}
