import { Client } from 'pg';
import type { DataSource } from 'typeorm';

import { loadConfig } from '../../config';
import { countRegionChange, requestMatchingRun } from '../../src/modules/matching';
import { createDataSource, nodePostgresPool } from '../../src/shared/database/data-source';
import {
  beforeCommit,
  type Db,
  inTransaction,
  onOneConnection,
  rootDb,
} from '../../src/shared/database/db';
import { createRegion } from '../support/factories';

const transactionId = async (db: Db) =>
  (await db.query<{ id: string }[]>(`SELECT pg_current_xact_id()::text AS id`))[0]?.id;

describe('statements left to run before commit', () => {
  const config = loadConfig(process.env);
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = createDataSource(config, { applicationName: 'before-commit-test' });
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE IF NOT EXISTS before_commit_probe (n int NOT NULL)`);
  });
  afterAll(async () => {
    await dataSource.query(`DROP TABLE IF EXISTS before_commit_probe`);
    await dataSource.destroy();
  });

  it('run after the work, in the order given, in its transaction', async () => {
    const order: string[] = [];
    const ids = await inTransaction(dataSource, async (tx) => {
      await beforeCommit(tx, async () => {
        order.push('first left');
        return transactionId(tx);
      });
      await beforeCommit(tx, async () => {
        order.push('second left');
      });
      order.push('work');
      const work = await transactionId(tx);
      let last: string | undefined;
      await beforeCommit(tx, async () => {
        last = await transactionId(tx);
      });
      return { work, last: () => last };
    });
    expect(order).toEqual(['work', 'first left', 'second left']);
    expect(ids.last()).toBe(ids.work);
  });

  it('roll the work back when one of them fails', async () => {
    await expect(
      inTransaction(dataSource, async (tx) => {
        await tx.query(`INSERT INTO before_commit_probe (n) VALUES (1)`);
        await beforeCommit(tx, () => tx.query(`INSERT INTO before_commit_probe (n) VALUES (NULL)`));
      }),
    ).rejects.toThrow(/null value/);
    expect(await dataSource.query(`SELECT n FROM before_commit_probe`)).toEqual([]);
  });

  it('run at once outside a transaction inTransaction began', async () => {
    let ran = false;
    await beforeCommit(rootDb(dataSource), async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });

  it('on one connection, run in the transaction begun there, and at once after it', async () => {
    const pid = async (db: Db) =>
      (await db.query<{ pid: number }[]>(`SELECT pg_backend_pid() AS pid`))[0]?.pid;
    const seen = await onOneConnection(dataSource, async (db) => {
      const before = await pid(db);
      let left: number | undefined;
      const inside = await inTransaction(db, async (tx) => {
        await beforeCommit(tx, async () => {
          left = await pid(tx);
        });
        return pid(tx);
      });
      let after = false;
      await beforeCommit(db, async () => {
        after = true;
      });
      return { before, inside, left, after, last: await pid(db) };
    });
    expect(seen.after).toBe(true);
    expect(new Set([seen.inside, seen.left, seen.last])).toEqual(new Set([seen.before]));
  });

  it('in a transaction begun inside another, run at its end, and the outer ones at the outer end', async () => {
    const order: string[] = [];
    await onOneConnection(dataSource, (db) =>
      inTransaction(db, async (outer) => {
        await beforeCommit(outer, async () => {
          order.push('outer, left first');
        });
        await inTransaction(outer, async (inner) => {
          await beforeCommit(inner, async () => {
            order.push('inner, left');
          });
          order.push('inner work');
        });
        await beforeCommit(outer, async () => {
          order.push('outer, left after the inner');
        });
        order.push('outer work');
      }),
    );
    expect(order).toEqual([
      'inner work',
      'inner, left',
      'outer work',
      'outer, left first',
      'outer, left after the inner',
    ]);
  });

  it('on one connection, roll back a failed transaction and return the connection', async () => {
    const pool = nodePostgresPool(dataSource)!;
    await expect(
      onOneConnection(dataSource, (db) =>
        inTransaction(db, async (tx) => {
          await tx.query(`INSERT INTO before_commit_probe (n) VALUES (2)`);
          await tx.query(`INSERT INTO before_commit_probe (n) VALUES (NULL)`);
        }),
      ),
    ).rejects.toThrow(/null value/);
    expect(await dataSource.query(`SELECT n FROM before_commit_probe`)).toEqual([]);
    expect(pool.idleCount).toBe(pool.totalCount);
  });

  it("when a write asks for a matching run, then it writes one message and leaves the region's counter row alone; the relay's count is committed at once", async () => {
    const region = await createRegion(dataSource);
    await dataSource.query(`INSERT INTO matching_region_state (region_code) VALUES ($1)`, [
      region.code,
    ]);
    const other = new Client({ connectionString: config.DATABASE_URL });
    await other.connect();
    const seq = async () =>
      dataSource.query(
        `SELECT change_seq::int AS seq FROM matching_region_state WHERE region_code = $1`,
        [region.code],
      );
    try {
      await inTransaction(dataSource, async (tx) => {
        await requestMatchingRun(tx, { regionCodes: [region.code] });
        await tx.query(`SELECT 1`);
        // Another region writer could take the row now: nothing of this transaction holds it.
        await other.query('BEGIN');
        await other.query(
          `SELECT 1 FROM matching_region_state WHERE region_code = $1 FOR UPDATE NOWAIT`,
          [region.code],
        );
        await other.query('COMMIT');
      });
      expect(await seq()).toEqual([{ seq: 0 }]);
      expect(
        await dataSource.query(
          `SELECT count(*)::int AS n FROM outbox WHERE topic = 'matching.region_changed' AND payload->>'regionCode' = $1`,
          [region.code],
        ),
      ).toEqual([{ n: 1 }]);
      // The relay counts it outside its own transaction: seen by others before the job exists.
      await inTransaction(dataSource, async () => {
        await countRegionChange(rootDb(dataSource), region.code);
        expect(
          (
            await other.query(
              `SELECT change_seq::int AS seq FROM matching_region_state WHERE region_code = $1`,
              [region.code],
            )
          ).rows,
        ).toEqual([{ seq: 1 }]);
      });
    } finally {
      await other.end();
    }
  });
});
