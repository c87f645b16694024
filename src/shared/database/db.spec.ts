import { QueryFailedError } from 'typeorm';

import { describeDatabaseError, isDatabaseUnreachable, queryName } from './db';

describe('queryName', () => {
  it.each([
    ['INSERT INTO clients (a, b) VALUES ($1, $2)', /^insert clients#[0-9a-f]{8}$/],
    [
      'WITH org AS (SELECT id FROM organisations WHERE id = $1)\n INSERT INTO api_tokens (x) SELECT $2',
      /^insert api_tokens#/,
    ],
    ['INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = 2', /^insert t#/],
    ['SELECT * FROM units WHERE id = $1 FOR UPDATE', /^select units#/],
    ['UPDATE "units" SET rent = $1', /^update units#/],
    ['DELETE FROM client_anchors WHERE client_id = $1', /^delete client_anchors#/],
    ['VACUUM', /^vacuum#/],
  ])('names %s', (sql, name) => {
    expect(queryName(sql)).toMatch(name);
  });

  it('gives one statement one name, whatever its spacing', () => {
    expect(queryName('SELECT 1 FROM a')).toBe(queryName('SELECT  1\n FROM a'));
  });
});

describe('describeDatabaseError', () => {
  it('keeps code, constraint, table, column and the query name; drops parameters, message and detail', () => {
    const error = Object.assign(new Error('duplicate key value violates "uq" (ref)=(Jan)'), {
      query: 'INSERT INTO clients (external_ref) VALUES ($1)',
      parameters: ['Jan'],
      driverError: {
        severity: 'ERROR',
        code: '23505',
        constraint: 'uq_clients_ref',
        table: 'clients',
        detail: 'Key (external_ref)=(Jan) already exists.',
      },
    });
    expect(describeDatabaseError(error)).toEqual({
      type: 'DatabaseError',
      code: '23505',
      constraint: 'uq_clients_ref',
      table: 'clients',
      query: expect.stringMatching(/^insert clients#/),
    });
    expect(describeDatabaseError(new Error('not a database error'))).toBeUndefined();
  });

  it.each([
    ['a lost connection', new Error('Connection terminated unexpectedly'), {}],
    [
      'a reset connection',
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      { code: 'ECONNRESET' },
    ],
  ])(
    'describes a query that failed on %s by its driver error and query name, never its parameters',
    (_name, driverError, code) => {
      const error = new QueryFailedError(
        'INSERT INTO clients (external_ref) VALUES ($1)',
        ['ZDB-Jan-612'],
        driverError,
      );
      const described = describeDatabaseError(error);
      expect(described).toEqual({
        type: 'DatabaseError',
        ...code,
        message: driverError.message,
        query: expect.stringMatching(/^insert clients#/),
      });
      expect(JSON.stringify(described)).not.toContain('ZDB-Jan-612');
    },
  );

  it.each([
    ['a module not found', 'MODULE_NOT_FOUND'],
    ['a refused connection', 'ECONNREFUSED'],
    ['a broken pipe', 'EPIPE'],
  ])(
    'leaves %s, which has a code but is not from PostgreSQL, to be logged as itself',
    (_name, code) => {
      const error = Object.assign(new Error(`${code} at /app/dist/x.js`), { code });
      expect(describeDatabaseError(error)).toBeUndefined();
      expect(describeDatabaseError({ driverError: error })).toBeUndefined();
    },
  );
});

describe('isDatabaseUnreachable', () => {
  const withCode = (code: string) => Object.assign(new Error('x'), { code });

  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a pool checkout timeout', new Error('timeout exceeded when trying to connect')],
    ['a server shutting down', { driverError: withCode('57P01'), message: 'terminating' }],
    ['a connection exception', withCode('08006')],
    ['too many connections', withCode('53300')],
    ['every address refused', new AggregateError([withCode('ECONNREFUSED')], 'all failed')],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', { driverError: withCode('23505'), message: 'duplicate key' }],
    ['a syntax error', withCode('42601')],
    ['a statement with too few parameters (protocol violation)', withCode('08P01')],
    ['a plain error', new Error('boom')],
    ['not an error', 'ECONNREFUSED'],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });
});
