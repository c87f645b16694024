import { Client } from 'pg';
import type { DataSource } from 'typeorm';

import type { Logger } from '../logger/logger';

export interface OutboxRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
}

/** Hands one message to its queue; throws when that is not possible now (e.g. Redis down). */
export type OutboxDispatcher = (row: OutboxRow) => Promise<void>;

export interface OutboxRelayOptions {
  dataSource: DataSource;
  /** For LISTEN: a connection of its own, outside the pool. */
  databaseUrl: string;
  dispatchers: Readonly<Record<string, OutboxDispatcher>>;
  logger: Logger;
  /** Safety-net poll, for a missed notification or a message that became due. */
  pollMs: number;
  batchSize?: number;
  /** Dispatched messages are kept this long (to trace them), then deleted. */
  retainMs?: number;
}

const MAX_BACKOFF_MS = 60_000;

/**
 * Moves outbox rows to their queues. Several relays (one per worker process) may run: each takes
 * rows with `FOR UPDATE SKIP LOCKED`, so a row goes out once per success. A failed dispatch stays
 * in the outbox and is tried again with backoff: a write succeeds and its job follows even when
 * Redis is down at the time. Delivery is at least once (a crash between the queue add and the
 * commit repeats it), so consumers are idempotent by stored state.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private listener: Client | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private lastCleanup = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  async start(): Promise<void> {
    await this.listen();
    this.schedule(0);
  }

  /** Drain now (also called on every NOTIFY). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => {
        this.options.logger.warn({ err: { message: String(error) } }, 'outbox relay pass failed');
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.nudge();
      this.schedule(this.options.pollMs);
    }, ms);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.options.databaseUrl });
    client.on('notification', () => {
      this.nudge();
    });
    client.on('error', (error) => {
      if (this.stopped) return;
      this.options.logger.warn({ err: { message: error.message } }, 'outbox listener lost');
      this.listener = undefined;
      setTimeout(() => void this.listen().catch(() => undefined), 1_000).unref();
    });
    try {
      await client.connect();
      await client.query('LISTEN outbox');
      this.listener = client;
    } catch (error) {
      // Polling carries on; the listener is only there to make the relay quick.
      this.options.logger.warn({ err: { message: String(error) } }, 'outbox listener not started');
      await client.end().catch(() => undefined);
    }
  }

  /** One pass: as many batches as there are due rows, until one fails or none are left. */
  private async drain(): Promise<void> {
    const batchSize = this.options.batchSize ?? 100;
    for (;;) {
      if (this.stopped) return;
      const { taken, failed } = await this.relayBatch(batchSize);
      if (failed || taken < batchSize) break;
    }
    await this.cleanUp();
  }

  private async relayBatch(batchSize: number): Promise<{ taken: number; failed: boolean }> {
    const { dataSource, dispatchers, logger } = this.options;
    return dataSource.transaction(async (tx) => {
      const rows = await tx.query<(OutboxRow & { attempts: number })[]>(
        `SELECT id::text, topic, payload, attempts FROM outbox
          WHERE dispatched_at IS NULL AND available_at <= now()
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      const sent: string[] = [];
      let failed = false;
      for (const row of rows) {
        const dispatch = dispatchers[row.topic];
        try {
          if (!dispatch) throw new Error(`no dispatcher for topic ${row.topic}`);
          await dispatch(row);
          sent.push(row.id);
        } catch (error) {
          failed = true;
          const backoff = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(row.attempts, 7));
          await tx.query(
            `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
                    available_at = now() + make_interval(secs => $3)
              WHERE id = $1`,
            [
              row.id,
              String(error instanceof Error ? error.message : error).slice(0, 500),
              backoff / 1000,
            ],
          );
          logger.warn(
            {
              outboxId: row.id,
              topic: row.topic,
              attempt: row.attempts + 1,
              err: { message: String(error) },
            },
            'outbox dispatch failed; will retry',
          );
          // Most likely the queue is down: leave the rest for the next pass.
          break;
        }
      }
      if (sent.length > 0) {
        await tx.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [
          sent,
        ]);
      }
      return { taken: rows.length, failed };
    });
  }

  private async cleanUp(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 60_000) return;
    this.lastCleanup = now;
    const retainMs = this.options.retainMs ?? 7 * 24 * 3600 * 1000;
    await this.options.dataSource.query(
      `DELETE FROM outbox WHERE dispatched_at < now() - make_interval(secs => $1)`,
      [retainMs / 1000],
    );
  }
}
