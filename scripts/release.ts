/**
 * The release step, run once per deployment before the API and the worker start (docker compose's
 * `migrate` service): applies pending migrations, then, when SEED_DEMO says so, loads the demo
 * region and prints its tokens. Exits 0 when done, 1 on any failure, so nothing starts on a
 * half-migrated database.
 */
import { loadConfigOrExit } from '../config';
import { runMigrations } from '../src/shared/database/migrate.cli';
import { createLogger } from '../src/shared/logger/logger';
import { formatSeedReport, runDemoSeed } from './demo/run';

async function release(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config, 'matchpunt-release');
  try {
    const applied = await runMigrations(config, 'up');
    logger.info({ applied }, 'migrations applied');
    if (!config.SEED_DEMO) return;
    logger.warn('SEED_DEMO is set: loading the demo region (never do this with real data)');
    const report = await runDemoSeed(config, logger);
    logger.info({ created: report.created, millis: report.millis }, 'demo region seeded');
    process.stdout.write(formatSeedReport(report, config.BOOTSTRAP_ADMIN_TOKEN !== undefined));
  } catch (error) {
    logger.fatal({ err: error }, 'release failed');
    process.exitCode = 1;
  }
}

void release();
