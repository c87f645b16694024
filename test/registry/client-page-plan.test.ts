/**
 * The client list's page statement on a table of national size keeps one plan, and that plan reads
 * each client's kept lists by one probe. With `LIMIT $n` PostgreSQL planned the page again at every
 * call there: a generic plan assumed a tenth of the table, and so joined the whole of
 * `client_lists` to it (docs/performance.md, "The client page's plan at national size"). A scratch
 * database: the table is filled to 20,000 clients and analysed.
 */
import request from 'supertest';

import { listClientsJson } from '../../src/modules/clients/client.repository';
import { onOneConnection } from '../../src/shared/database/db';
import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
} from '../support/factories';
import { clientBody } from '../support/registry-fixtures';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database';
import { createTestApp, type TestApp } from '../support/test-app';

const CLIENTS = 20_000;

describe("the client page's plan on a national-size table", () => {
  let database: ScratchDatabase;
  let t: TestApp;
  let region: TestRegion;
  let provider: TestOrganisation;

  beforeAll(async () => {
    database = await createScratchDatabase('clientplan');
    t = await createTestApp({ overrides: { DATABASE_URL: database.url } });
    region = await createRegion(t.runtime.dataSource, { municipalities: 2 });
    provider = await createOrganisation(t.runtime.dataSource, 'zorgaanbieder', {
      regionCode: region.code,
    });
    const municipalities = region.municipalities.map((m) => m.code);
    for (const [i, code] of municipalities.entries()) {
      const created = await request(t.app)
        .post('/api/v1/clients')
        .set(bearer(provider.token))
        .send(
          clientBody(region, {
            externalRef: `PLAN-${i}`,
            municipalityOfBelonging: code,
            preferredMunicipalities: [code],
            avoidMunicipalities: [],
          }),
        );
      expect(created.status).toBe(201);
    }
    // Copies of the two, each with its own id and reference, without list rows: their kept lists
    // are written here, empty (what they hold does not change the plan).
    await t.runtime.dataSource.query(
      `INSERT INTO clients
       SELECT r.* FROM clients c, generate_series(1, $1::int) n,
              LATERAL jsonb_populate_record(null::clients, to_jsonb(c) || jsonb_build_object(
                'id', gen_random_uuid(), 'external_ref', c.external_ref || '-' || n,
                'created_at', c.created_at + n * interval '1 millisecond')) r`,
      [CLIENTS / municipalities.length - 1],
    );
    await t.runtime.dataSource.query(
      `INSERT INTO client_lists (client_id)
       SELECT id FROM clients ON CONFLICT (client_id) DO NOTHING`,
    );
    await t.runtime.dataSource.query('ANALYZE clients, client_lists');
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  it('keeps a generic plan after five calls, and reads the lists by one probe a client', async () => {
    const scope = {
      kind: 'municipalities' as const,
      codes: region.municipalities.map((m) => m.code),
    };
    const plan = await onOneConnection(t.runtime.dataSource, async (db) => {
      for (let i = 0; i < 8; i++) {
        const page = await listClientsJson(db, scope, {}, { limit: 20 }, '2026-12-02');
        expect(page).toHaveLength(21);
      }
      const [statement] = await db.query<{ name: string; generic: number; custom: number }[]>(
        `SELECT name, generic_plans::int AS generic, custom_plans::int AS custom
           FROM pg_prepared_statements WHERE statement LIKE '%FROM page c%client_lists%'`,
      );
      // Five custom plans, then the generic one for the rest.
      expect(statement).toMatchObject({ custom: 5, generic: 3 });
      await db.query('SET plan_cache_mode = force_generic_plan');
      // The codes are the factory's own (letters and digits): written into the text as they are.
      const explained = await db.query<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN EXECUTE ${statement?.name}('{${scope.codes.join(',')}}', '2026-12-02')`,
      );
      await db.query('RESET plan_cache_mode');
      return explained.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index Scan using pk_client_lists on client_lists/);
    expect(plan).not.toMatch(/Seq Scan on client_lists/);
  });
});
