import { Client } from 'pg';
import type { DataSource } from 'typeorm';

import { prepared, rowCount } from '../database/prepared';
import type { Logger } from '../logger/logger';

export interface OutboxRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
}

/** Hands one message to its queue; throws when that is not possible now (e.g. Redis down). */
export type OutboxDispatcher = (row: OutboxRow) => Promise<void>;

/**
 * Hands several messages of one topic to their queues in one go (one round trip), for topics
 * written by the thousand (a run's proposals); throws when that is not possible now.
 */
export interface OutboxBatchDispatcher {
  batch: (rows: OutboxRow[]) => Promise<void>;
}

export type OutboxTopicDispatcher = OutboxDispatcher | OutboxBatchDispatcher;

/** What one pass over a batch of rows sent, and the first row that could not be sent. */
export interface DispatchOutcome<R extends OutboxRow = OutboxRow> {
  sent: string[];
  failure?: { row: R; error: unknown };
}

/**
 * Dispatches `rows` in their order. Consecutive rows of a batched topic go out together; the
 * first failure ends the pass (the rows after it stay for the next pass, as if not taken), and
 * it is charged to the first row of what failed.
 */
export async function dispatchInOrder<R extends OutboxRow>(
  rows: readonly R[],
  dispatchers: Readonly<Record<string, OutboxTopicDispatcher>>,
): Promise<DispatchOutcome<R>> {
  const sent: string[] = [];
  for (let i = 0; i < rows.length;) {
    const row = rows[i] as R;
    const dispatch = dispatchers[row.topic];
    let end = i + 1;
    try {
      if (!dispatch) throw new Error(`no dispatcher for topic ${row.topic}`);
      if (typeof dispatch === 'function') {
        await dispatch(row);
      } else {
        while (end < rows.length && rows[end]?.topic === row.topic) end++;
        await dispatch.batch(rows.slice(i, end));
      }
    } catch (error) {
      return { sent, failure: { row, error } };
    }
    for (let k = i; k < end; k++) sent.push((rows[k] as R).id);
    i = end;
  }
  return { sent };
}

export interface OutboxRelayOptions {
  dataSource: DataSource;
  /** For LISTEN: a connection of its own, outside the pool. */
  databaseUrl: string;
  dispatchers: Readonly<Record<string, OutboxTopicDispatcher>>;
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
        prepared(`SELECT id::text, topic, payload, attempts FROM outbox
          WHERE dispatched_at IS NULL AND available_at <= now()
          ORDER BY id LIMIT ${rowCount(batchSize)} FOR UPDATE SKIP LOCKED`),
        [],
      );
      const { sent, failure } = await dispatchInOrder(rows, dispatchers);
      if (failure) {
        const { row, error } = failure;
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
        // Most likely the queue is down: the rest is left for the next pass.
        logger.warn(
          {
            outboxId: row.id,
            topic: row.topic,
            attempt: row.attempts + 1,
            err: { message: String(error) },
          },
          'outbox dispatch failed; will retry',
        );
      }
      if (sent.length > 0) {
        await tx.query(
          prepared(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`),
          [sent],
        );
      }
      return { taken: rows.length, failed: failure !== undefined };
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
