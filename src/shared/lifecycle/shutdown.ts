import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import net from 'node:net';

import type { Logger } from '../logger/logger';

/**
 * Traps SIGTERM and SIGINT at once, before start-up, so that a signal arriving while the process
 * is still starting is not fatal (the default action) but remembered. The returned function is
 * called when start-up is done: from then on the first signal runs `stop` once and exits 0 (1 if
 * stopping fails or takes longer than `timeoutMs`); a signal that came during start-up runs it at
 * once. A second signal while stopping is ignored: the timeout is the backstop.
 */
export function trapShutdownSignals(
  timeoutMs: number,
): (logger: Logger, stop: () => Promise<void>) => void {
  let pending: NodeJS.Signals | undefined;
  let onSignal = (signal: NodeJS.Signals) => {
    pending ??= signal;
  };
  const listener = (signal: NodeJS.Signals) => {
    onSignal(signal);
  };
  process.on('SIGTERM', listener);
  process.on('SIGINT', listener);

  return (logger, stop) => {
    let stopping = false;
    onSignal = (signal) => {
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
    if (pending) onSignal(pending);
  };
}

/**
 * Stops the process, as SIGTERM would, once its parent has gone: `npm run dev &` followed by
 * `kill $!` signals npm only, and npm exits without passing the signal on, which would leave
 * this process serving with nobody to stop it. An orphan is re-parented, so `process.ppid`
 * changes; it is checked every `intervalMs` on a timer that does not keep the process alive.
 */
export function stopWhenParentExits(intervalMs = 500): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
  }, intervalMs);
  timer.unref();
}

/**
 * How long a keep-alive connection that is idle when draining starts stays open: a request its
 * client is sending at that very moment is still answered (with `Connection: close`).
 */
const IDLE_GRACE_MS = 1_000;

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
        // `http.Server#close` would also drop idle keep-alive connections at once, and a client
        // sending its next request on one just then would see a reset, not an answer. So: stop
        // listening (net's close: done when the last connection ends), and close the connections
        // still idle after a short grace; those that carried a request meanwhile close after it.
        const idle = setTimeout(() => {
          server.closeIdleConnections();
        }, IDLE_GRACE_MS);
        net.Server.prototype.close.call(server, (error?: Error) => {
          clearTimeout(idle);
          if (error) reject(error);
          else resolve();
        });
      });
    },
  };
}
