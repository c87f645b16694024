import { readPool, summarisePool } from './pool';

describe('the database pool during a phase', () => {
  it('reads the gauges from a /metrics text, and nothing from one without them', () => {
    const text = [
      '# HELP matchpunt_db_pool_connections Connections of the pool.',
      '# TYPE matchpunt_db_pool_connections gauge',
      'matchpunt_db_pool_connections{state="in_use"} 10',
      'matchpunt_db_pool_connections{state="idle"} 0',
      'matchpunt_db_pool_waiting_requests 231',
      'matchpunt_outbox_backlog 3',
    ].join('\n');
    expect(readPool(text)).toEqual({ idle: 0, inUse: 10, waiting: 231 });
    expect(readPool('matchpunt_outbox_backlog 3\n')).toBeUndefined();
  });

  it('says how often no connection was idle and how many statements waited', () => {
    expect(
      summarisePool([
        { idle: 4, inUse: 6, waiting: 0 },
        { idle: 0, inUse: 10, waiting: 12 },
        { idle: 0, inUse: 10, waiting: 250 },
        { idle: 1, inUse: 9, waiting: 0 },
      ]),
    ).toEqual({ readings: 4, noneIdlePercent: 50, waitingMedian: 0, waitingMax: 250 });
    expect(summarisePool([])).toBeUndefined();
  });
});
