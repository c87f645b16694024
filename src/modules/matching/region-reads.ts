/**
 * Reads of a region shared by the requests that miss its kept snapshot.
 *
 * While a region is being written to, a kept snapshot rarely holds, and every candidates request
 * would read the whole region itself. Instead, a request that misses joins the region's next read:
 * at most one read of a region runs at a time, and the requests that missed meanwhile wait for the
 * one after it, which starts when it ends and serves them all in one REPEATABLE READ transaction.
 * A read starts its snapshot after every request it serves had arrived, so each answer is as
 * exact as the request's own read would have been (it sees every write committed before the
 * request).
 *
 * Under writes that never stop, reads would follow each other back to back, and loading a region
 * is mostly this process's own work (parsing and building the snapshot, scoring it anew): one
 * region written to continuously would take the whole API. So a region's next read starts no
 * sooner than `RESTING` times what the previous read spent on that shared work (its work reports
 * it: `charge`) after that one ended: loading a region takes at most 1 / (1 + RESTING) of the
 * time, whatever the rate of writes. What each request does for itself in the read (its probe,
 * its unit's ranking) it would do in any case, and is not rested on: a read serving many requests
 * is long, but no more of it is shared. Resting costs waiting, not exactness: each read still
 * starts after its requests arrived. After a quiet spell nobody waits.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

import type { DataSource } from 'typeorm';

import type { Db } from '../../shared/database/db';
import type { Clock } from '../../shared/time/clock';
import { inSnapshot } from './snapshot.loader';

/** A region's reads rest this many times their shared work's duration between them (above). */
export const RESTING = 3;

/** What a read's work reports: `ms` of work shared by the read's requests (a region's load). */
export type Charge = (ms: number) => void;

interface Entry {
  run: (db: Db, now: Date, charge: Charge) => Promise<void>;
  fail: (error: unknown) => void;
}

export class SharedRegionReads {
  private readonly running = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Entry[]>();
  /** When each region's next read may start (performance.now() ms). */
  private readonly restedAt = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs `work` in the region's next read, which starts after this call: in its transaction, at
   * its `now`, after the work of the requests that joined before; `work` charges the read with
   * the time it spent on work the read's requests share. One work's failure is its own; a failure
   * of the transaction itself (its start) fails every work of the read.
   */
  join<T>(regionCode: string, work: (db: Db, now: Date, charge: Charge) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry: Entry = {
        run: (db, now, charge) => work(db, now, charge).then(resolve, reject),
        fail: reject,
      };
      const queue = this.queued.get(regionCode);
      if (queue) {
        queue.push(entry);
        return;
      }
      this.queued.set(regionCode, [entry]);
      void this.readNext(regionCode);
    });
  }

  private async readNext(regionCode: string): Promise<void> {
    const previous = this.running.get(regionCode);
    if (previous) await previous;
    // Whoever joins meanwhile joins this read: its queue stays until it starts.
    const rest = (this.restedAt.get(regionCode) ?? 0) - performance.now();
    if (rest > 0) await sleep(rest);
    // From here to `running.set` nothing awaits: whoever joins later joins the read after this.
    const entries = this.queued.get(regionCode) ?? [];
    this.queued.delete(regionCode);
    let shared = 0;
    const charge: Charge = (ms) => {
      shared += ms;
    };
    const read = inSnapshot(
      this.dataSource,
      async (db) => {
        const now = this.clock();
        for (const entry of entries) await entry.run(db, now, charge);
      },
      // Its statements are of fixed forms: the probes and the region's update, prepared, or a full
      // read (inSnapshot's comment has what generic plans gave each).
      { genericPlans: true },
    ).catch((error: unknown) => {
      // Settled entries ignore this; the others never ran.
      for (const entry of entries) entry.fail(error);
    });
    this.running.set(regionCode, read);
    await read;
    this.restedAt.set(regionCode, performance.now() + RESTING * shared);
    if (this.running.get(regionCode) === read) this.running.delete(regionCode);
  }
}
