import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import type { Logger } from '../logger/logger';

/**
 * Runs `stop` once on SIGTERM or SIGINT, then exits 0 (1 if stopping fails or takes longer than
 * `timeoutMs`). A second signal while stopping is ignored: the timeout is the backstop.
 */
export function exitOnSignals(logger: Logger, timeoutMs: number, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, timeoutMs).unref();
    stop().then(
      () => {
        logger.info('shut down cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/**
 * Wraps an HTTP server so that `drain()` stops accepting connections and resolves once in-flight
 * requests have been answered. Responses still to be sent then carry `Connection: close`, so
 * keep-alive clients do not hold the process open until their idle timeout.
 */
export function drainableHttpServer(server: Server): { drain(): Promise<void> } {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    if (draining) res.setHeader('Connection', 'close');
    res.on('close', () => inFlight.delete(res));
  });
  return {
    drain: () => {
      draining = true;
      inFlight.forEach((res) => {
        if (!res.headersSent) res.setHeader('Connection', 'close');
      });
      return new Promise((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}
