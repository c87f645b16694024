/**
 * The list pages' statements (clients, units, the matchers' proposals, runs) on tables of national
 * size keep one plan. With `LIMIT $n` PostgreSQL planned each page again at every call there: a
 * generic plan assumed a tenth of the table, and for the client page so joined the whole of
 * `client_lists` to it (docs/performance.md, "The list pages' plans at national size"). A scratch
 * database: the clients, units, runs and proposals are filled to 20,000 each and analysed.
 */
import request from 'supertest';

import { listClientsJson } from '../../src/modules/clients/client.repository';
import { listRunsJson } from '../../src/modules/matching/run.repository';
import {
  listMatcherProposalsJson,
  listProposals,
} from '../../src/modules/proposals/proposal.repository';
import { listUnitsJson } from '../../src/modules/units/unit.repository';
import { type Db, onOneConnection } from '../../src/shared/database/db';
import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
} from '../support/factories';
import {
  explainPrepared,
  type PreparedStatement,
  preparedStatements,
} from '../support/prepared-statements';
import { clientBody, unitBody } from '../support/registry-fixtures';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database';
import { createTestApp, type TestApp } from '../support/test-app';

const ROWS = 20_000;

/**
 * Copies of every row of `table`, each with its own id and reference, until the table holds `ROWS`.
 * A copy is of a row the API registered, so it keeps every check.
 */
async function fill(t: TestApp, table: 'clients' | 'units'): Promise<void> {
  const [row] = await t.runtime.dataSource.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM ${table}`,
  );
  const count = row?.count ?? 0;
  expect(count).toBeGreaterThan(0);
  await t.runtime.dataSource.query(
    `INSERT INTO ${table}
     SELECT r.* FROM ${table} x, generate_series(1, $1::int) n,
            LATERAL jsonb_populate_record(null::${table}, to_jsonb(x) || jsonb_build_object(
              'id', gen_random_uuid(), 'external_ref', x.external_ref || '-' || n,
              'created_at', x.created_at + n * interval '1 millisecond')) r`,
    [Math.ceil(ROWS / count) - 1],
  );
}

/** How `pageStatement` was planned on one connection after eight calls of `page`. */
async function plansAfterEightCalls(
  db: Db,
  page: () => Promise<unknown[]>,
  pageStatement: string,
): Promise<PreparedStatement | undefined> {
  for (let i = 0; i < 8; i++) expect(await page()).toHaveLength(21);
  const [statement] = await preparedStatements(db, pageStatement);
  return statement;
}

describe("the list pages' plans on national-size tables", () => {
  let database: ScratchDatabase;
  let t: TestApp;
  let region: TestRegion;
  let codes: string[];
  let parties: { corporation: string; provider: string };

  beforeAll(async () => {
    database = await createScratchDatabase('pageplans');
    t = await createTestApp({ overrides: { DATABASE_URL: database.url } });
    region = await createRegion(t.runtime.dataSource, { municipalities: 2, neighbourhoods: 1 });
    codes = region.municipalities.map((m) => m.code);
    const provider: TestOrganisation = await createOrganisation(
      t.runtime.dataSource,
      'zorgaanbieder',
      { regionCode: region.code },
    );
    const corporation = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: region.code,
    });
    for (const [i, code] of codes.entries()) {
      const client = await request(t.app)
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
      expect(client.status).toBe(201);
    }
    parties = { corporation: corporation.id, provider: provider.id };
    const unit = await request(t.app)
      .post('/api/v1/units')
      .set(bearer(corporation.token))
      .send(unitBody(region, { externalRef: 'PLAN-U1' }));
    expect(unit.status).toBe(201);
    await fill(t, 'clients');
    await fill(t, 'units');
    // The copies' kept lists, empty: what they hold does not change the plan.
    await t.runtime.dataSource.query(
      `INSERT INTO client_lists (client_id)
       SELECT id FROM clients ON CONFLICT (client_id) DO NOTHING`,
    );
    // Runs of the region, done, and one rejected proposal for each: rows of a region's history.
    await t.runtime.dataSource.query(
      `INSERT INTO matching_runs (region_code, status, trigger, finished_at, created_at)
       SELECT $1, 'done', 'change', now(), now() - n * interval '1 millisecond'
         FROM generate_series(1, $2::int) n`,
      [region.code, ROWS],
    );
    await t.runtime.dataSource.query(
      `INSERT INTO proposals (unit_id, client_id, region_code, status, run_id, score, breakdown,
                              rules, policy_version, closed_at, created_at)
       SELECT (SELECT id FROM units LIMIT 1), (SELECT id FROM clients LIMIT 1), r.region_code,
              'rejected', r.id, 0.5, '{}', '[]', 1, now(), r.created_at
         FROM matching_runs r`,
    );
    await t.runtime.dataSource.query(
      'ANALYZE clients, client_lists, units, matching_runs, proposals',
    );
    // A database of its own, migrated, and 80,000 rows: 3-7 s, more beside the rest of a CI run.
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  it('the client page keeps a generic plan after five calls, which reads the lists by one probe a client', async () => {
    const scope = { kind: 'municipalities' as const, codes };
    const plan = await onOneConnection(t.runtime.dataSource, async (db) => {
      const statement = await plansAfterEightCalls(
        db,
        () => listClientsJson(db, scope, {}, { limit: 20 }, '2026-12-02'),
        '%FROM page c%client_lists%',
      );
      // Five custom plans, then the generic one for the rest.
      expect(statement).toMatchObject({ custom: 5, generic: 3 });
      // The codes are the factory's own (letters and digits): written into the text as they are.
      return explainPrepared(
        db,
        String(statement?.name),
        `'{${codes.join(',')}}', '2026-12-02'`,
        'force_generic_plan',
      );
    });
    expect(plan).toMatch(/Index Scan using pk_client_lists on client_lists/);
    expect(plan).not.toMatch(/Seq Scan on client_lists/);
  });

  it('the unit page keeps a generic plan after five calls', async () => {
    const scope = { kind: 'municipalities' as const, codes };
    const statement = await onOneConnection(t.runtime.dataSource, (db) =>
      plansAfterEightCalls(
        db,
        () => listUnitsJson(db, scope, {}, { limit: 20 }),
        '%FROM units u WHERE%ORDER BY u.created_at, u.id LIMIT%',
      ),
    );
    expect(statement).toMatchObject({ custom: 5, generic: 3 });
  });

  it("the matcher's proposal page and the run page keep a generic plan after five calls", async () => {
    const scope = { kind: 'municipalities' as const, codes };
    const [proposals, runs] = await onOneConnection(t.runtime.dataSource, async (db) => [
      await plansAfterEightCalls(
        db,
        () => listMatcherProposalsJson(db, scope, {}, { limit: 20 }),
        '%FROM (SELECT p.*%',
      ),
      await plansAfterEightCalls(
        db,
        () => listRunsJson(db, [region.code], { regionCode: region.code }, { limit: 20 }),
        '%FROM matching_runs r%',
      ),
    ]);
    expect(proposals).toMatchObject({ custom: 5, generic: 3 });
    expect(runs).toMatchObject({ custom: 5, generic: 3 });
  });

  it("a corporation's and a provider's proposal pages read the approved proposals only, by their index", async () => {
    const pages = [
      {
        scope: { kind: 'corporation', organisationId: parties.corporation },
        with: 'corporation',
        statement: '%p.approved_at IS NOT NULL AND u.corporation_id%',
      },
      {
        scope: { kind: 'provider', organisationId: parties.provider },
        with: 'provider',
        statement: '%p.approved_at IS NOT NULL AND (c.provider_id%',
      },
    ] as const;
    // The 20,000 proposals are rejected, never approved: neither party sees any of them.
    const plans = await onOneConnection(t.runtime.dataSource, async (db) => {
      const explained: string[] = [];
      for (const page of pages) {
        const rows = await listProposals(db, page.scope, {}, { limit: 20 }, { with: page.with });
        expect(rows).toEqual([]);
        const [statement] = await preparedStatements(db, page.statement);
        // The plan of the first calls (for the value) and the one PostgreSQL may keep after five.
        for (const mode of ['force_custom_plan', 'force_generic_plan'] as const) {
          const args = `'${page.scope.organisationId}'`;
          explained.push(await explainPrepared(db, String(statement?.name), args, mode));
        }
      }
      return explained;
    });
    expect(plans).toHaveLength(4);
    for (const plan of plans) {
      expect(plan).toMatch(/ix_proposals_approved/);
      expect(plan).not.toMatch(/Seq Scan on proposals/);
    }
  });
});
