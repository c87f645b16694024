import request from 'supertest';

import type { Actor } from '../../src/shared/auth/actor';
import { ClientReadLog } from '../../src/modules/audit';
import { expectProblem } from '../support/problem';
import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
} from '../support/factories';
import { clientBody } from '../support/registry-fixtures';
import { eventually } from '../support/tcp-proxy';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database';
import { createTestApp, type TestApp } from '../support/test-app';

interface TrailRow {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  organisationId: string | null;
  tokenId: string | null;
}

/**
 * The access log keeps one row per read request; the audit trail and the data subject's export
 * show it as one `client.read` per client, in the trail's order.
 */
describe('the access log', () => {
  // A database of its own: the whole trail is looked at, and only this file writes to it.
  let database: ScratchDatabase;
  let t: TestApp;
  let region: TestRegion;
  let provider: TestOrganisation;
  let matcher: TestOrganisation;
  let otherMatcher: TestOrganisation;
  let admin: TestOrganisation;
  const clients: string[] = [];

  beforeAll(async () => {
    database = await createScratchDatabase('accesslog');
    t = await createTestApp({ overrides: { DATABASE_URL: database.url }, captureLogs: true });
    region = await createRegion(t.runtime.dataSource, { municipalities: 2 });
    const [own, other] = region.municipalities;
    provider = await createOrganisation(t.runtime.dataSource, 'zorgaanbieder', {
      regionCode: region.code,
    });
    matcher = await createOrganisation(t.runtime.dataSource, 'matchingspunt', {
      regionCode: region.code,
      municipalityCodes: [own!.code],
    });
    otherMatcher = await createOrganisation(t.runtime.dataSource, 'matchingspunt', {
      regionCode: region.code,
      municipalityCodes: [other!.code],
    });
    admin = await createOrganisation(t.runtime.dataSource, 'platform');
    for (let i = 0; i < 3; i += 1) {
      const created = await request(t.app)
        .post('/api/v1/clients')
        .set(bearer(provider.token))
        .send(clientBody(region, { municipalityOfBelonging: own!.code }))
        .expect(201);
      clients.push(created.body.id as string);
    }
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  const trail = async (token: string, query: Record<string, string | number>) =>
    (
      await request(t.app)
        .get('/api/v1/audit')
        .query({ limit: 500, ...query })
        .set(bearer(token))
        .expect(200)
    ).body.items as TrailRow[];

  /** The whole trail, paged `limit` rows at a time. */
  const allPages = async (token: string, limit: number): Promise<TrailRow[]> => {
    const rows: TrailRow[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await request(t.app)
        .get('/api/v1/audit')
        .query({ limit, ...(cursor ? { cursor } : {}) })
        .set(bearer(token))
        .expect(200);
      rows.push(...(page.body.items as TrailRow[]));
      cursor = page.body.nextCursor as string | null;
    } while (cursor !== null);
    return rows;
  };

  it('when a matcher reads a page and a profile, then each is one row, shown per client in order', async () => {
    const page = await request(t.app)
      .get('/api/v1/clients')
      .query({ limit: 3 })
      .set(bearer(matcher.token))
      .expect(200);
    const shown = (page.body.items as { id: string }[]).map((item) => item.id);
    expect([...shown].sort()).toEqual([...clients].sort());
    await request(t.app)
      .get(`/api/v1/clients/${clients[1]}`)
      .set(bearer(matcher.token))
      .expect(200);
    // The registering provider's own reads are not logged.
    await request(t.app)
      .get(`/api/v1/clients/${clients[1]}`)
      .set(bearer(provider.token))
      .expect(200);

    const stored = await t.runtime.dataSource.query<{ ids: string[]; token_id: string }[]>(
      `SELECT client_ids::text[] AS ids, token_id FROM client_reads ORDER BY id`,
    );
    expect(stored).toEqual([
      { ids: shown, token_id: matcher.tokenId },
      { ids: [clients[1]], token_id: matcher.tokenId },
    ]);

    // The whole trail, as the admin sees it: the page's read is three rows, `<read>.<position>`.
    const rows = await trail(admin.token, {});
    const reads = rows.filter((row) => row.action === 'client.read');
    expect(reads.map((row) => row.entityId)).toEqual([...shown, clients[1]]);
    const pageRead = reads[0]!.id.split('.')[0];
    expect(reads.slice(0, 3).map((row) => row.id)).toEqual(
      [1, 2, 3].map((position) => `${pageRead}.${position}`),
    );
    expect(reads.every((row) => row.organisationId === matcher.id)).toBe(true);
    expect(reads.every((row) => row.entityType === 'client')).toBe(true);
    // The trail's order is the order things happened: the creations, then the reads.
    expect(rows.map((row) => row.action)).toEqual([
      'client.created',
      'client.created',
      'client.created',
      'client.read',
      'client.read',
      'client.read',
      'client.read',
    ]);

    // One client's trail: its creation and the two reads that showed it.
    const one = await trail(matcher.token, { entityType: 'client', entityId: clients[1]! });
    expect(one.map((row) => [row.action, row.entityId])).toEqual([
      ['client.created', clients[1]],
      ['client.read', clients[1]],
      ['client.read', clients[1]],
    ]);
    expect(one[2]!.id).toBe(reads[3]!.id);
    // Reads are of clients only: another entity type, or an id that is no client's, has none.
    expect(await trail(admin.token, { entityType: 'unit', entityId: clients[1]! })).toEqual([]);
    expect(await trail(admin.token, { entityId: 'not-a-uuid' })).toEqual([]);
  });

  it('when the trail is paged through a read, then every row comes once, in order', async () => {
    const whole = await trail(admin.token, {});
    for (const limit of [1, 2, 3]) {
      expect(await allPages(admin.token, limit)).toEqual(whole);
    }
  });

  it('when a matcher of other municipalities looks, then it sees none of these reads', async () => {
    expect(await trail(otherMatcher.token, {})).toEqual([]);
    expect(
      await trail(otherMatcher.token, { entityType: 'client', entityId: clients[0]! }),
    ).toEqual([]);
  });

  it('when a matcher unparks a client, then the profile it gets back is logged as read', async () => {
    const before = await trail(admin.token, { entityType: 'client', entityId: clients[2]! });
    await request(t.app)
      .post(`/api/v1/clients/${clients[2]}/unpark`)
      .set(bearer(matcher.token))
      .expect(200);
    const after = await trail(admin.token, { entityType: 'client', entityId: clients[2]! });
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((row) => [row.action, row.organisationId])).toEqual([
      ['client.read', matcher.id],
    ]);
  });

  it('when a cursor is not one of the trail, then 400', async () => {
    for (const id of ['1.2.3', '12345678901234567890', 'x']) {
      const cursor = Buffer.from(JSON.stringify({ c: new Date().toISOString(), i: id })).toString(
        'base64url',
      );
      expectProblem(
        await request(t.app).get('/api/v1/audit').query({ cursor }).set(bearer(admin.token)),
        400,
      );
    }
  });

  it('keeps the access log append-only and its rows whole', async () => {
    const sql = (text: string) => t.runtime.dataSource.query(text);
    await expect(sql(`UPDATE client_reads SET request_id = 'x'`)).rejects.toThrow();
    await expect(sql(`DELETE FROM client_reads`)).rejects.toThrow();
    const insert = (ids: string) =>
      sql(
        `INSERT INTO client_reads (organisation_id, client_ids) VALUES ('${matcher.id}', ${ids})`,
      );
    await expect(insert(`'{}'::uuid[]`)).rejects.toThrow(/ck_client_reads_client_ids/);
    await expect(insert(`ARRAY[NULL]::uuid[]`)).rejects.toThrow(/ck_client_reads_client_ids/);
    await expect(insert(`'{{${clients[0]}}}'::uuid[]`)).rejects.toThrow(
      /ck_client_reads_client_ids/,
    );
  });

  describe('written in groups', () => {
    const actor = (): Actor => ({
      tokenId: matcher.tokenId,
      role: 'matcher',
      organisationId: matcher.id,
      organisationKind: 'matchingspunt',
      regionCode: region.code,
      municipalityCodes: [],
    });
    /** The rows a token logged after `afterId`, with the transaction that wrote each. */
    const rowsAfter = (afterId: string) =>
      t.runtime.dataSource.query<{ id: string; clientIds: string[]; tx: string }[]>(
        `SELECT id, client_ids::text[] AS "clientIds", xmin::text AS tx
           FROM client_reads WHERE id > $1 ORDER BY id`,
        [afterId],
      );
    const lastId = async () =>
      (
        await t.runtime.dataSource.query<{ id: string }[]>(
          `SELECT coalesce(max(id), 0)::text AS id FROM client_reads`,
        )
      )[0]!.id;
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

    it('when reads arrive together, then one insert writes a row for each, in order', async () => {
      const log = new ClientReadLog(t.runtime.dataSource);
      const before = await lastId();
      const shown = [
        [clients[0]!],
        [clients[2]!, clients[1]!],
        [clients[1]!, clients[0]!, clients[2]!],
      ];
      await Promise.all(shown.map((ids) => log.record(actor(), ids)));
      const rows = await rowsAfter(before);
      expect(rows.map((row) => row.clientIds)).toEqual(shown);
      expect(new Set(rows.map((row) => row.tx)).size).toBe(1);
    });

    it('when reads arrive while an insert is under way, then the next insert writes them together', async () => {
      const log = new ClientReadLog(t.runtime.dataSource);
      const before = await lastId();
      const first = log.record(actor(), [clients[0]!]);
      await nextTurn(); // the first insert has taken its read
      const later = [log.record(actor(), [clients[1]!]), log.record(actor(), [clients[2]!])];
      await Promise.all([first, ...later]);
      const rows = await rowsAfter(before);
      expect(rows.map((row) => row.clientIds)).toEqual([[clients[0]], [clients[1]], [clients[2]]]);
      expect(rows[1]!.tx).not.toBe(rows[0]!.tx);
      expect(rows[2]!.tx).toBe(rows[1]!.tx);
    });

    it('when an insert fails, then every read of it fails, none is written, and the next insert writes', async () => {
      const log = new ClientReadLog(t.runtime.dataSource);
      const before = await lastId();
      const broken = { ...actor(), organisationId: 'not-an-organisation' };
      const outcomes = await Promise.allSettled([
        log.record(actor(), [clients[0]!]),
        log.record(broken, [clients[1]!]),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
      expect(await rowsAfter(before)).toEqual([]);
      await log.record(actor(), [clients[2]!]);
      expect((await rowsAfter(before)).map((row) => row.clientIds)).toEqual([[clients[2]]]);
    });

    /** The backends of the API's access-log connection in this database. */
    const logBackends = () =>
      t.runtime.dataSource.query<{ pid: number }[]>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'matchpunt-test access log'`,
      );

    it("when every pool connection is taken, then reads are still logged, on the log's own connection", async () => {
      const before = await lastId();
      const held = Array.from({ length: t.runtime.config.DATABASE_POOL_SIZE }, () =>
        t.runtime.dataSource.createQueryRunner(),
      );
      await Promise.all(held.map((runner) => runner.connect()));
      try {
        await new ClientReadLog(t.runtime.accessLogConnection).record(actor(), [clients[1]!]);
        const rows = await held[0]!.query(
          `SELECT client_ids::text[] AS "clientIds" FROM client_reads WHERE id > $1`,
          [before],
        );
        expect(rows).toEqual([{ clientIds: [clients[1]] }]);
      } finally {
        await Promise.all(held.map((runner) => runner.release()));
      }
    });

    it('the API logs its reads on that connection, and opens it again once it is lost', async () => {
      await request(t.app)
        .get(`/api/v1/clients/${clients[0]}`)
        .set(bearer(matcher.token))
        .expect(200);
      const [backend] = await logBackends();
      expect(backend).toBeDefined();
      await t.runtime.dataSource.query(`SELECT pg_terminate_backend($1)`, [backend!.pid]);
      // The pool notices the idle connection's end, logs it and drops it; the process goes on.
      const lost = await eventually(
        async () => t.logLines.filter((line) => String(line.msg).includes('connection lost')),
        (lines) => lines.length > 0,
      );
      expect(lost[0]).toMatchObject({ level: 'warn', connection: 'matchpunt-test access log' });
      const before = await lastId();
      await request(t.app)
        .get(`/api/v1/clients/${clients[2]}`)
        .set(bearer(matcher.token))
        .expect(200);
      expect((await rowsAfter(before)).map((row) => row.clientIds)).toEqual([[clients[2]]]);
      // Opened again by the API's read: nothing else in this process uses it.
      const [again] = await logBackends();
      expect(again).toBeDefined();
      expect(again!.pid).not.toBe(backend!.pid);
    });

    it('when the log cannot be written, then no profile is answered; a provider reading its own still is', async () => {
      const sql = (text: string) => t.runtime.dataSource.query(text);
      await sql(`CREATE FUNCTION refuse_read() RETURNS trigger LANGUAGE plpgsql AS $$
                   BEGIN RAISE EXCEPTION 'the access log is out of order'; END $$`);
      await sql(`CREATE TRIGGER tr_refuse_read BEFORE INSERT ON client_reads
                   FOR EACH ROW EXECUTE FUNCTION refuse_read()`);
      try {
        const page = await request(t.app).get('/api/v1/clients').set(bearer(matcher.token));
        expect(page.status).toBe(500);
        expect(page.body.items).toBeUndefined();
        const one = await request(t.app)
          .get(`/api/v1/clients/${clients[0]}`)
          .set(bearer(matcher.token));
        expect(one.status).toBe(500);
        expect(one.body.id).toBeUndefined();
        const own = await request(t.app).get('/api/v1/clients').set(bearer(provider.token));
        expect(own.status).toBe(200);
        expect(own.body.items).toHaveLength(3);
      } finally {
        await sql(`DROP TRIGGER tr_refuse_read ON client_reads`);
        await sql(`DROP FUNCTION refuse_read()`);
      }
      await request(t.app).get('/api/v1/clients').set(bearer(matcher.token)).expect(200);
    });
  });
});
