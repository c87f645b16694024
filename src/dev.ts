/**
 * `npm run dev`: migrations, the console's build, then the API and the worker in one process, for a
 * developer machine.
 * Production runs them as separate processes (see docker-compose.yml). It runs under plain
 * `node --import tsx`, with no wrapper process between npm and it, and stops when npm goes.
 */
import { loadConfigOrExit } from '../config';
import { startWorker } from '../workers';
import { startApi } from './server';
import { buildConsole } from './shared/console/build-console';
import { runMigrations } from './shared/database/migrate.cli';
import { stopWhenParentExits, trapShutdownSignals } from './shared/lifecycle/shutdown';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const onStarted = trapShutdownSignals(config.SHUTDOWN_TIMEOUT_MS);
  stopWhenParentExits();
  await runMigrations(config, 'up');
  // Built on every start (a second or two), so /console never shows an older console.
  buildConsole(config.CONSOLE_DIR);
  const api = await startApi(config);
  const worker = await startWorker(config);
  onStarted(api.logger, async () => {
    await api.stop();
    await worker.stop();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`matchpunt failed to start: ${String(error)}\n`);
  process.exit(1);
});
