import { Client } from 'pg';
import request from 'supertest';

import { loadConfig } from '../../config';
import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
} from '../support/factories';
import { nextRef, unitBody } from '../support/registry-fixtures';
import { eventually, TcpProxy } from '../support/tcp-proxy';
import { createTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

// A request that hangs instead of failing is what these tests are about: give up well before
// jest does, so a hang shows as a failed expectation.
const HANG = 20_000;

const CSV_HEADER =
  'externalRef,type,street,houseNumber,postcode,municipalityCode,neighbourhoodCode,lat,lon,' +
  'rent,bedrooms,floor,hasLift,wheelchairAccessible,stimulus,furnished,availableFrom,contingentYear';

function unitsCsv(region: TestRegion, prefix: string, count: number): string {
  const m = region.municipalities[0]!;
  const rows = Array.from({ length: count }, (_, i) =>
    [
      `${prefix}-${i}`,
      'contingent',
      'Maasboulevard',
      String(i + 1),
      '5911 AB',
      m.code,
      m.neighbourhoods[0],
      (m.lat + 0.001).toFixed(4),
      (m.lon + 0.001).toFixed(4),
      '612.40',
      '2',
      '0',
      'false',
      'false',
      'medium',
      'false',
      '2026-12-01',
      '2026',
    ].join(','),
  );
  return [CSV_HEADER, ...rows].join('\n');
}

describe('PostgreSQL unreachable', () => {
  const config = loadConfig(process.env);
  const target = new URL(config.DATABASE_URL);
  const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
  /** The app under test, whose only way to PostgreSQL is the proxy. */
  let t: TestApp;
  /** The same database reached directly: the test's own view of what was stored. */
  let direct: TestApp;
  let region: TestRegion;
  let corporation: TestOrganisation;

  const countUnits = async (refPrefix: string) => {
    const [row] = await direct.runtime.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM units WHERE corporation_id = $1 AND external_ref LIKE $2`,
      [corporation.id, `${refPrefix}%`],
    );
    return row!.n;
  };
  const postUnit = (body: Record<string, unknown>) =>
    request(t.app).post('/api/v1/units').set(bearer(corporation.token)).send(body).timeout(HANG);
  const listUnits = () =>
    request(t.app).get('/api/v1/units?limit=5').set(bearer(corporation.token)).timeout(HANG);
  const importCsv = (csv: string) =>
    request(t.app)
      .post('/api/v1/units/import')
      .set(bearer(corporation.token))
      .set('Content-Type', 'text/csv')
      .send(csv)
      .timeout(HANG);

  beforeAll(async () => {
    await proxy.startOnLowPort();
    const proxied = new URL(config.DATABASE_URL);
    proxied.host = `127.0.0.1:${proxy.port}`;
    direct = await createTestApp();
    t = await createTestApp({ overrides: { DATABASE_URL: proxied.toString() } });
    region = await createRegion(direct.runtime.dataSource);
    corporation = await createOrganisation(direct.runtime.dataSource, 'corporatie', {
      regionCode: region.code,
    });
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await t.close();
    await direct.close();
    await proxy.cut();
  });

  it('when PostgreSQL is cut off, then reads and writes answer 503 problem+json, /readyz 503 names the database, /healthz stays 200; when it is back, the same requests succeed without a restart', async () => {
    await listUnits().expect(200);
    const body = unitBody(region);

    await proxy.cut();
    for (const response of [await listUnits(), await postUnit(body)]) {
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body).toMatchObject({ status: 503, code: 'database_unavailable' });
    }
    const ready = await request(t.app).get('/readyz').timeout(HANG);
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toMatchObject({ database: 'down', redis: 'up' });
    expect(ready.body.detail).toMatch(/database down/);
    await request(t.app).get('/healthz').timeout(HANG).expect(200);
    expect(await countUnits(String(body.externalRef))).toBe(0);

    await proxy.restore();
    const back = await eventually(listUnits, (response) => response.status === 200);
    expect(back.status).toBe(200);
    await postUnit(body).expect(201);
    // The retry of a write that did get through: its externalRef is its idempotency key.
    const again = await postUnit(body);
    expect(again.status).toBe(409);
    expect(await countUnits(String(body.externalRef))).toBe(1);
    await request(t.app).get('/readyz').timeout(HANG).expect(200);
  });

  it('when PostgreSQL accepts connections but never answers, then a request answers 503 once the pool gives up connecting, not never', async () => {
    await listUnits().expect(200);
    proxy.blackhole();
    try {
      const response = await listUnits();
      expect(response.status).toBe(503);
      expect(response.body.code).toBe('database_unavailable');
    } finally {
      proxy.unblackhole();
    }
    const back = await eventually(listUnits, (response) => response.status === 200);
    expect(back.status).toBe(200);
  });

  it('when the connection drops in the middle of a CSV import, then none of its rows is stored, and the import retried stores each row once', async () => {
    const dataSource = direct.runtime.dataSource;
    // The import ends by asking for a matching run (an outbox message); the test holds the
    // outbox, so the import waits there, its units inserted but not committed.
    const outboxBefore = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->>'regionCode' = $1`,
      [region.code],
    );
    const holder = new Client({ connectionString: config.DATABASE_URL });
    await holder.connect();
    const prefix = nextRef('CUT');
    const csv = unitsCsv(region, prefix, 40);
    try {
      await holder.query('BEGIN');
      await holder.query(`LOCK TABLE outbox IN EXCLUSIVE MODE`);
      const cutShort = importCsv(csv).then((response) => response);
      const waiting = await eventually(
        () =>
          dataSource.query<{ pid: number }[]>(
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'
                AND query LIKE '%INSERT INTO outbox%'`,
          ),
        (rows) => rows.length === 1,
        HANG,
      );
      expect(waiting).toHaveLength(1);
      const importer = waiting[0]!.pid;
      const {
        rows: [inserted],
      } = await holder.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE pid = $1 AND locktype = 'transactionid'`,
        [importer],
      );
      expect(inserted!.n).toBeGreaterThan(0); // it holds a transaction: its inserts are made

      await proxy.cut();
      const response = await cutShort;
      expect(response.status).toBe(503);
      expect(response.body.code).toBe('database_unavailable');

      // Let the import's statement through: PostgreSQL finds its client gone and rolls back.
      await holder.query('ROLLBACK');
      const gone = await eventually(
        () =>
          dataSource.query<unknown[]>(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [importer]),
        (rows) => rows.length === 0,
        HANG,
      );
      expect(gone).toEqual([]);
      expect(await countUnits(prefix)).toBe(0);
      const outboxAfter = await dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM outbox WHERE payload->>'regionCode' = $1`,
        [region.code],
      );
      expect(outboxAfter).toEqual(outboxBefore);
    } finally {
      await holder.end();
      await proxy.restore().catch(() => undefined);
    }

    const stored = await eventually(
      () => importCsv(csv),
      (response) => response.status !== 503,
    );
    expect(stored.status).toBe(201);
    expect(stored.body).toEqual({ created: 40, unchanged: 0, total: 40 });
    // Sent again (the client never saw the first answer): every row is found unchanged.
    const retried = await importCsv(csv);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ created: 0, unchanged: 40, total: 40 });
    expect(await countUnits(prefix)).toBe(40);
  });
});

describe('PostgreSQL silent in the middle of a request', () => {
  const config = loadConfig(process.env);
  const target = new URL(config.DATABASE_URL);
  const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
  const QUERY_TIMEOUT_MS = 1_000;
  let t: TestApp;
  let direct: TestApp;
  let region: TestRegion;
  let corporation: TestOrganisation;

  beforeAll(async () => {
    await proxy.startOnLowPort();
    const proxied = new URL(config.DATABASE_URL);
    proxied.host = `127.0.0.1:${proxy.port}`;
    direct = await createTestApp();
    t = await createTestApp({
      captureLogs: true,
      overrides: {
        DATABASE_URL: proxied.toString(),
        DATABASE_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
      },
    });
    region = await createRegion(direct.runtime.dataSource);
    corporation = await createOrganisation(direct.runtime.dataSource, 'corporatie', {
      regionCode: region.code,
    });
  });
  afterAll(async () => {
    proxy.unblackhole();
    await t.close();
    await direct.close();
    await proxy.cut();
  });

  it('when the database stops answering without closing the connection, then a read and a write answer 503 after the query timeout, nothing is stored, and the API recovers by itself', async () => {
    const list = () =>
      request(t.app).get('/api/v1/units?limit=5').set(bearer(corporation.token)).timeout(HANG);
    const body = unitBody(region);
    const post = () =>
      request(t.app).post('/api/v1/units').set(bearer(corporation.token)).send(body).timeout(HANG);
    await list().expect(200);

    proxy.stall();
    try {
      for (const response of [await list(), await post()]) {
        expect(response.status).toBe(503);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({ status: 503, code: 'database_unavailable' });
      }
      const failures = t.logLines.filter((line) => line.msg === 'request failed');
      expect(JSON.stringify(failures)).toMatch(/No answer from the database within 1000 ms/);
      // What failed is named, never the values the statements carried.
      expect(JSON.stringify(t.logLines)).not.toContain(String(body.externalRef));
    } finally {
      proxy.unblackhole();
    }

    const back = await eventually(list, (response) => response.status === 200);
    expect(back.status).toBe(200);
    const [stored] = await direct.runtime.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM units WHERE corporation_id = $1 AND external_ref = $2`,
      [corporation.id, body.externalRef],
    );
    expect(stored!.n).toBe(0);
    await post().expect(201);
  });
});
