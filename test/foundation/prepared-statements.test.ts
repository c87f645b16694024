import type { DataSource } from 'typeorm';

import { loadConfig } from '../../config';
import { createDataSource } from '../../src/shared/database/data-source';
import { allOf, Params, prepared, rowCount } from '../../src/shared/database/prepared';
import { type PreparedStatement, preparedStatements } from '../support/prepared-statements';

/** The statements the session of `run`'s connection has prepared, with how often each ran. */
async function preparedHere(
  dataSource: DataSource,
  run: (query: (sql: string, values?: unknown[]) => Promise<unknown>) => Promise<void>,
): Promise<PreparedStatement[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await run((sql, values) => runner.query(sql, values));
    return await preparedStatements(runner);
  } finally {
    await runner.release();
  }
}

describe('prepared statements', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = createDataSource(loadConfig(process.env), { applicationName: 'prepared-test' });
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  it('runs a marked statement by one name per text on a connection, and unmarked ones unnamed', async () => {
    const statements = await preparedHere(dataSource, async (query) => {
      for (let i = 0; i < 8; i++) {
        await query(prepared('SELECT code FROM municipalities WHERE code = $1'), [`GM${i}`]);
        await query('SELECT code FROM municipalities WHERE code = $1', [`GM${i}`]);
      }
      await query(prepared('SELECT count(*) FROM regions WHERE code = $1'), ['x']);
    });
    expect(statements).toHaveLength(2);
    const [first, second] = statements.map((s) => s.statement).sort();
    expect(first).toBe('/* prepared */ SELECT code FROM municipalities WHERE code = $1');
    expect(second).toBe('/* prepared */ SELECT count(*) FROM regions WHERE code = $1');
    expect(statements.every((s) => /^mp_[0-9a-f]{24}$/.test(s.name))).toBe(true);
    // PostgreSQL plans the first five executions for their values and then keeps a plan.
    const municipalities = statements.find((s) => s.statement.includes('municipalities'));
    expect((municipalities?.generic ?? 0) + (municipalities?.custom ?? 0)).toBe(8);
    expect(municipalities?.generic).toBeGreaterThan(0);
  });

  it('answers a marked statement the same as the unmarked one, and survives one that fails', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      const sql = 'SELECT $1::int + 1 AS n';
      await expect(
        runner.query(prepared('SELECT nope FROM nowhere WHERE x = $1'), [1]),
      ).rejects.toThrow(/nowhere/);
      expect(await runner.query(prepared(sql), [41])).toEqual(await runner.query(sql, [41]));
      expect(await runner.query(prepared(sql), [1])).toEqual([{ n: 2 }]);
      // A failed statement was never prepared: running it again fails the same way, not with
      // "prepared statement does not exist".
      await expect(
        runner.query(prepared('SELECT nope FROM nowhere WHERE x = $1'), [1]),
      ).rejects.toThrow(/relation "nowhere" does not exist/);
    } finally {
      await runner.release();
    }
  });

  it('keeps at most 200 names on a connection and runs further texts unnamed', async () => {
    // A connection of its own: the bound counts every name a connection has used.
    const own = createDataSource(
      { ...loadConfig(process.env), DATABASE_POOL_SIZE: 1 },
      { applicationName: 'prepared-test-bound' },
    );
    await own.initialize();
    try {
      const statements = await preparedHere(own, async (query) => {
        for (let i = 0; i < 210; i++) await query(prepared(`SELECT $1::int + ${i} AS n`), [1]);
        // A text prepared before the bound still runs by its name.
        await query(prepared('SELECT $1::int + 0 AS n'), [1]);
      });
      expect(statements).toHaveLength(200);
      expect(statements.find((s) => s.statement.endsWith('+ 0 AS n'))?.custom).toBe(2);
    } finally {
      await own.destroy();
    }
  });
});

describe('Params', () => {
  it('numbers the placeholders of the filters given, in the order they are added', () => {
    const params = new Params();
    const where = allOf([
      params.equal('u.status', 'available'),
      params.equal('u.type', undefined),
      params.equal('u.municipality_code', null),
      params.after('u', { createdAt: '2026-01-01T00:00:00Z', id: 'a' }),
      params.include((at) => ({ sql: `u.corporation_id = $${at}`, params: ['c'] })),
    ]);
    expect(where).toBe(
      'u.status = $1 AND (u.created_at, u.id) > ($2::timestamptz, $3::uuid) AND u.corporation_id = $4',
    );
    expect(params.add(21)).toBe('$5');
    expect(params.values).toEqual(['available', '2026-01-01T00:00:00Z', 'a', 'c', 21]);
  });

  it('compares with one value by `=` and with several by `= ANY`', () => {
    const params = new Params();
    expect(`c.id ${params.oneOf(['a'], 'uuid')}`).toBe('c.id = $1::uuid');
    expect(`c.id ${params.oneOf(['b', 'c'], 'uuid')}`).toBe('c.id = ANY($2::uuid[])');
    expect(`c.id ${params.oneOf([], 'uuid')}`).toBe('c.id = ANY($3::uuid[])');
    expect(params.values).toEqual(['a', ['b', 'c'], []]);
  });

  it('writes a row count into the text only as a whole number above 0', () => {
    expect(rowCount(21)).toBe('21');
    for (const bad of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => rowCount(bad)).toThrow(RangeError);
    }
  });

  it('is TRUE when no filter is given', () => {
    const params = new Params();
    expect(allOf([params.equal('u.type', undefined), params.after('u', undefined)])).toBe('TRUE');
    expect(params.values).toEqual([]);
  });
});
