import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as it arrived: what the signature covers. */
  body: string;
}

/**
 * A real HTTP receiver on a spare port of 127.0.0.1. Each path answers from its own script of
 * status codes (then 200 once the script is used up), and records everything it got.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private readonly scripts = new Map<string, number[]>();
  private readonly gates = new Map<string, Promise<void>>();
  private server: Server | undefined;

  /** Requests on `path` are recorded at once but answered only after the returned release. */
  hold(path: string): () => void {
    let release: (() => void) | undefined;
    this.gates.set(
      path,
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    return () => {
      release?.();
    };
  }

  /** `statuses` are answered in order to the requests on `path`; afterwards 200. */
  script(path: string, statuses: number[]): void {
    this.scripts.set(path, [...statuses]);
  }

  on(path: string): ReceivedDelivery[] {
    return this.received.filter((delivery) => delivery.path === path);
  }

  url(path: string): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('the receiver is not listening');
    return `http://127.0.0.1:${address.port}${path}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.received.push({
          path,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const status = this.scripts.get(path)?.shift() ?? 200;
        void (this.gates.get(path) ?? Promise.resolve()).then(() => {
          res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
        });
      });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  }
}
