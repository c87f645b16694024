/**
 * `npm run seed:demo`: loads the demo region Noord- en Midden-Limburg (14 municipalities, two
 * points, corporations, providers, ~300 homes, ~800 pseudonymous clients) into the configured
 * database, which must be migrated, and prints a token per organisation. Running it again creates
 * nothing new. For demo deployments only.
 */
import { loadConfigOrExit } from '../config';
import { createLogger } from '../src/shared/logger/logger';
import { formatSeedReport, runDemoSeed } from './demo/run';

const config = loadConfigOrExit();
const logger = createLogger(config, 'matchpunt-seed-demo');

runDemoSeed(config, logger)
  .then((report) => {
    process.stdout.write(formatSeedReport(report, config.BOOTSTRAP_ADMIN_TOKEN !== undefined));
  })
  .catch((error: unknown) => {
    logger.fatal({ err: error }, 'demo seed failed');
    process.exitCode = 1;
  });
