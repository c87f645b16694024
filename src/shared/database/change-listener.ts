import { Client } from 'pg';

import type { Logger } from '../logger/logger';
import { CONNECT_TIMEOUT_MS } from './data-source';

/** What a subscriber to a channel hears. */
export interface ChangeHandlers {
  /** A notification arrived on the channel (the payload as sent to `pg_notify`). */
  onChange(payload: string): void;
  /**
   * The listening connection was lost or has just been (re)made: notifications may have been
   * missed, so whatever was derived from the database must be forgotten.
   */
  onReset(): void;
}

export interface ChangeListenerOptions {
  connectionString: string;
  /** Shown in pg_stat_activity next to the pool's connections. */
  applicationName: string;
  logger: Logger;
  /** Wait before reconnecting after the connection is lost; doubles per failure up to 10 s. */
  reconnectDelayMs?: number;
}

const MAX_RECONNECT_DELAY_MS = 10_000;

/**
 * One dedicated PostgreSQL connection per process that `LISTEN`s on the channels its subscribers
 * name and hands each `NOTIFY` to them. It connects on the first subscription and reconnects
 * after losing the connection; while it is down `isLive` is false, and every subscriber is reset
 * both when the connection is lost and when it is back, since it may have missed notifications.
 * A cache built on it must only be trusted while `isLive(channel)` holds.
 */
export class ChangeListener {
  private readonly subscribers = new Map<string, Set<ChangeHandlers>>();
  private readonly listening = new Set<string>();
  /** Connections already given up on: their late `error` and `end` events change nothing. */
  private readonly retired = new WeakSet<Client>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;

  constructor(private readonly options: ChangeListenerOptions) {}

  /** True while this process is receiving the channel's notifications. */
  isLive(channel: string): boolean {
    return this.client !== undefined && this.listening.has(channel);
  }

  /** Starts listening on `channel` (connecting if need be); returns the unsubscribe. */
  subscribe(channel: string, handlers: ChangeHandlers): () => void {
    assertChannelName(channel);
    let set = this.subscribers.get(channel);
    if (!set) {
      set = new Set();
      this.subscribers.set(channel, set);
    }
    set.add(handlers);
    if (this.client) {
      const client = this.client;
      this.listen(client, channel).catch((error: unknown) => {
        this.lost(client, error);
      });
    } else {
      this.connect();
    }
    return () => {
      set.delete(handlers);
    };
  }

  /** Resolves once every subscribed channel is being listened to (for start-up and tests). */
  async ready(): Promise<void> {
    while (!this.closed && [...this.subscribers.keys()].some((c) => !this.isLive(c))) {
      await (this.connecting ?? new Promise((resolve) => setTimeout(resolve, 20)));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    if (client) this.retired.add(client);
    this.drop();
    await client?.end().catch(() => undefined);
  }

  private connect(): void {
    if (this.closed || this.connecting || this.client) return;
    this.connecting = this.open().finally(() => {
      this.connecting = undefined;
    });
  }

  private async open(): Promise<void> {
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: this.options.applicationName,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    client.on('notification', (message) => {
      this.subscribers.get(message.channel)?.forEach((handlers) => {
        handlers.onChange(message.payload ?? '');
      });
    });
    client.on('error', (error) => {
      this.lost(client, error);
    });
    client.on('end', () => {
      this.lost(client, undefined);
    });
    try {
      await client.connect();
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      await Promise.all(
        [...this.subscribers.keys()].map((channel) => this.listen(client, channel)),
      );
      this.failures = 0;
      this.options.logger.info({ channels: [...this.listening] }, 'listening for database changes');
    } catch (error) {
      this.lost(client, error);
    }
  }

  private async listen(client: Client, channel: string): Promise<void> {
    if (this.listening.has(channel)) return;
    await client.query(`LISTEN ${channel}`);
    if (this.client !== client) return;
    this.listening.add(channel);
    // Whatever was cached before this moment was not covered by notifications.
    this.reset(channel);
  }

  private lost(client: Client, error: unknown): void {
    if (this.retired.has(client) || (this.client !== undefined && this.client !== client)) return;
    this.retired.add(client);
    const wasLive = this.client === client;
    this.drop();
    client.end().catch(() => undefined);
    if (this.closed) return;
    if (wasLive || this.failures === 0) {
      this.options.logger.warn(
        { err: error instanceof Error ? { message: error.message } : undefined },
        'lost the database change listener; caches are off until it reconnects',
      );
    }
    const delay = Math.min(
      (this.options.reconnectDelayMs ?? 250) * 2 ** this.failures,
      MAX_RECONNECT_DELAY_MS,
    );
    this.failures += 1;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }

  private drop(): void {
    this.client = undefined;
    const channels = [...this.listening];
    this.listening.clear();
    channels.forEach((channel) => {
      this.reset(channel);
    });
  }

  private reset(channel: string): void {
    this.subscribers.get(channel)?.forEach((handlers) => {
      handlers.onReset();
    });
  }
}

/** Channel names go into `LISTEN` unquoted: lower-case identifiers only. */
function assertChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) {
    throw new Error(`not a channel name: ${channel}`);
  }
}
