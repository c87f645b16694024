import type { Server } from 'node:http';

import { type Config, loadConfigOrExit } from '../config';
import { createApp } from './app';
import { IdentityService } from './modules/identity';
import { openRuntime } from './runtime';
import { fillPool, pendingMigrations } from './shared/database/data-source';
import { createHttpServer } from './shared/http/http-server';
import { drainableHttpServer, trapShutdownSignals } from './shared/lifecycle/shutdown';
import { bufferedStdout, createLogger, type Logger } from './shared/logger/logger';

export interface RunningApi {
  server: Server;
  logger: Logger;
  /** Stops accepting, lets in-flight requests finish, then closes queues, Redis and the database. */
  stop(): Promise<void>;
}

export async function startApi(config: Config): Promise<RunningApi> {
  const runtime = await openRuntime(config, {
    service: 'matchpunt-api',
    logger: createLogger(config, 'matchpunt-api', bufferedStdout()),
    queryTimeoutMs: config.DATABASE_QUERY_TIMEOUT_MS,
  });
  const { logger, dataSource } = runtime;
  await fillPool(dataSource);
  const pending = await pendingMigrations(dataSource);
  if (pending.length > 0) {
    logger.warn(
      { pending },
      'migrations pending: run `npm run migrate`; /readyz answers 503 until then',
    );
  } else if (config.BOOTSTRAP_ADMIN_TOKEN !== undefined) {
    await new IdentityService(dataSource, logger).ensureBootstrapAdmin(
      config.BOOTSTRAP_ADMIN_TOKEN,
    );
  }
  const app = createApp(runtime);
  const server = createHttpServer(app, logger);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const drainable = drainableHttpServer(server);
  logger.info({ host: config.HOST, port: config.PORT }, 'api listening');
  return {
    server,
    logger,
    stop: async () => {
      await drainable.drain();
      await runtime.close();
    },
  };
}

if (require.main === module) {
  const config = loadConfigOrExit();
  const onStarted = trapShutdownSignals(config.SHUTDOWN_TIMEOUT_MS);
  startApi(config).then(
    (api) => {
      onStarted(api.logger, () => api.stop());
    },
    (error: unknown) => {
      process.stderr.write(`matchpunt api failed to start: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
