import net from 'node:net';

/**
 * A TCP proxy in front of a real server, to take it "off the network" and back without touching
 * the server itself: `cut()` drops every connection and refuses new ones, `restore()` listens again.
 */
export class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  /** While set, new connections are accepted and then left unanswered (see `blackhole`). */
  private swallowing = false;
  /** Each forwarded connection: the client's socket and the server's. */
  private readonly pairs = new Set<[net.Socket, net.Socket]>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(port = 0): Promise<void> {
    const server = net.createServer((client) => {
      if (this.swallowing) {
        this.sockets.add(client);
        client.on('close', () => this.sockets.delete(client));
        client.on('error', () => client.destroy());
        return;
      }
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      const pair: [net.Socket, net.Socket] = [client, upstream];
      this.pairs.add(pair);
      client.on('close', () => this.pairs.delete(pair));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /**
   * Starts on a port below the ephemeral range: a client reconnecting to a closed ephemeral port
   * can be given that very port as its own and connect to itself, which would block `restore()`.
   */
  async startOnLowPort(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.start(20_000 + Math.floor(Math.random() * 10_000));
        return;
      } catch (error) {
        if (attempt > 20) throw error;
      }
    }
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.sockets.forEach((socket) => socket.destroy());
    if (server)
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
  }

  async restore(): Promise<void> {
    await this.start(this.port);
  }

  /**
   * A server that is there but does not answer (a host gone without a reset, a full backlog):
   * every connection is dropped, and new ones are accepted and then never answered.
   */
  blackhole(): void {
    this.swallowing = true;
    this.sockets.forEach((socket) => socket.destroy());
  }

  /**
   * A server gone quiet in the middle of a conversation (a host or network lost without a reset):
   * the open connections stay open but nothing more passes either way, and new ones are accepted
   * and never answered. `unblackhole()` drops them all and forwards again.
   */
  stall(): void {
    this.swallowing = true;
    for (const [client, upstream] of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  /** Forwards new connections again after `blackhole()` or `stall()`; the others are dropped. */
  unblackhole(): void {
    this.swallowing = false;
    this.sockets.forEach((socket) => socket.destroy());
  }
}

export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
