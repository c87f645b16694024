/**
 * `client_lists`: each client's five lists as the client list shows them, kept by triggers on the
 * four list tables. Held here to the client's own read (`readClient`), which aggregates the list
 * tables itself, after every kind of write: through the API, and directly in SQL.
 */
import request from 'supertest';

import { readClient } from '../../src/modules/clients/client.repository';
import type { Db } from '../../src/shared/database/db';
import {
  bearer,
  createOrganisation,
  createRegion,
  type TestOrganisation,
  type TestRegion,
} from '../support/factories';
import { clientBody } from '../support/registry-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

const LISTS = [
  'preferredMunicipalities',
  'avoidMunicipalities',
  'anchors',
  'avoidNeighbourhoods',
  'avoidCorporations',
] as const;

describe('client lists kept for the client list', () => {
  let t: TestApp;
  let region: TestRegion;
  let provider: TestOrganisation;
  let corporations: TestOrganisation[];

  beforeAll(async () => {
    t = await createTestApp();
    region = await createRegion(t.runtime.dataSource, { municipalities: 3, neighbourhoods: 2 });
    provider = await createOrganisation(t.runtime.dataSource, 'zorgaanbieder', {
      regionCode: region.code,
    });
    corporations = [
      await createOrganisation(t.runtime.dataSource, 'corporatie', { regionCode: region.code }),
      await createOrganisation(t.runtime.dataSource, 'corporatie', { regionCode: region.code }),
    ];
  });
  afterAll(() => t.close());

  /** The kept lists of `ids`, an absent row as five empty lists. */
  function kept(db: Db, ids: string[]) {
    return db.query<Record<string, unknown>[]>(
      `SELECT c.id,
              coalesce(l.preferred_municipalities, '[]') AS "preferredMunicipalities",
              coalesce(l.avoid_municipalities, '[]') AS "avoidMunicipalities",
              coalesce(l.anchors, '[]') AS anchors,
              coalesce(l.avoid_neighbourhoods, '[]') AS "avoidNeighbourhoods",
              coalesce(l.avoid_corporations, '[]') AS "avoidCorporations"
         FROM unnest($1::uuid[]) AS c(id) LEFT JOIN client_lists l ON l.client_id = c.id
        ORDER BY c.id`,
      [ids],
    );
  }

  /** The same lists as the client's own read gives them, from the list tables. */
  async function read(db: Db, ids: string[]) {
    const rows = [];
    for (const id of [...ids].sort()) {
      const client = await readClient(db, id, { kind: 'all' });
      if (!client) throw new Error(`no client ${id}`);
      rows.push({ id, ...Object.fromEntries(LISTS.map((list) => [list, client[list]])) });
    }
    return rows;
  }

  async function expectKept(db: Db, ids: string[]) {
    expect(await kept(db, ids)).toEqual(await read(db, ids));
  }

  async function register(overrides: Record<string, unknown>): Promise<string> {
    const response = await request(t.app)
      .post('/api/v1/clients')
      .set(bearer(provider.token))
      .send(clientBody(region, overrides));
    expect([response.status, response.body.errors]).toEqual([201, undefined]);
    return response.body.id as string;
  }

  /** Every list filled, each out of its stored order. */
  function fullLists() {
    const [first, second, third] = region.municipalities;
    return {
      preferredMunicipalities: [third!.code, first!.code],
      avoidMunicipalities: [second!.code],
      anchors: [
        { kind: 'work', lat: first!.lat + 0.03, lon: first!.lon - 0.01 },
        { kind: 'family', lat: first!.lat - 0.02, lon: first!.lon + 0.04 },
        { kind: 'support', lat: first!.lat, lon: first!.lon },
      ],
      avoidNeighbourhoods: [third!.neighbourhoods[1], third!.neighbourhoods[0]],
      avoidCorporations: corporations.map((c) => c.id).reverse(),
    };
  }

  it('when clients are registered and their lists patched through the API, then after every write the kept lists are the client’s own read', async () => {
    const [first, , third] = region.municipalities;
    const full = await register(fullLists());
    const none = await register({ preferredMunicipalities: [], anchors: [] });
    const plain = await register({});
    const ids = [full, none, plain];
    await expectKept(t.runtime.dataSource.manager, ids);

    const patches: [string, Record<string, unknown>][] = [
      [full, { maxRent: 640 }],
      [full, { preferredMunicipalities: [first!.code, third!.code] }],
      [full, { anchors: [{ kind: 'daytime', lat: first!.lat + 0.01, lon: first!.lon }] }],
      [full, { avoidNeighbourhoods: [], avoidCorporations: [corporations[0]!.id] }],
      [full, { avoidMunicipalities: [], preferredMunicipalities: [], anchors: [] }],
      [none, fullLists()],
      [plain, { avoidCorporations: corporations.map((c) => c.id) }],
    ];
    const versions = new Map<string, number>();
    for (const [id, patch] of patches) {
      const version = (versions.get(id) ?? 1) + 1;
      versions.set(id, version);
      const response = await request(t.app)
        .patch(`/api/v1/clients/${id}`)
        .set(bearer(provider.token))
        .set('If-Match', `"${version - 1}"`)
        .send(patch);
      expect([response.status, response.body.errors]).toEqual([200, undefined]);
      await expectKept(t.runtime.dataSource.manager, ids);
    }
    // The last patches emptied one client's lists and filled the other's.
    const [emptied] = await kept(t.runtime.dataSource.manager, [full]);
    expect(LISTS.filter((list) => (emptied![list] as unknown[]).length > 0)).toEqual([
      'avoidCorporations',
    ]);
    const [filled] = await kept(t.runtime.dataSource.manager, [none]);
    expect(LISTS.filter((list) => (filled![list] as unknown[]).length === 0)).toEqual([]);
  });

  it('when the list tables are written directly (reordered, moved to another client, deleted, truncated), then the kept lists follow in the same transaction', async () => {
    const a = await register(fullLists());
    const b = await register({ anchors: [] });
    const c = await register(fullLists());
    const ids = [a, b, c];
    const runner = t.runtime.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      const db = runner.manager;
      // Reordered: a's first preferred municipality moved behind its second.
      await db.query(
        `UPDATE client_municipalities SET rank = 2
          WHERE client_id = $1 AND relation = 'preferred' AND rank = 0`,
        [a],
      );
      // Moved: a's anchors become b's; both clients' lists change.
      await db.query(`UPDATE client_anchors SET client_id = $2 WHERE client_id = $1`, [a, b]);
      // Deleted: one avoided corporation of c.
      await db.query(
        `DELETE FROM client_avoided_corporations WHERE client_id = $1 AND corporation_id = $2`,
        [c, corporations[0]!.id],
      );
      await expectKept(db, ids);
      const [movedTo] = await kept(db, [b]);
      expect(movedTo!.anchors).toHaveLength(3);

      // Truncated: every client's avoided neighbourhoods are empty, the other lists stay.
      await db.query(`TRUNCATE client_avoided_neighbourhoods`);
      await expectKept(db, ids);
      const [truncated] = await kept(db, [c]);
      expect(truncated!.avoidNeighbourhoods).toEqual([]);
      expect(truncated!.avoidMunicipalities).toHaveLength(1);

      // A deleted client's row goes with it, through the cascades, without the triggers
      // writing it back.
      await db.query(`DELETE FROM clients WHERE id = $1`, [c]);
      const left = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM client_lists WHERE client_id = $1`,
        [c],
      );
      expect(left[0]!.n).toBe(0);
      await expectKept(db, [a, b]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    await expectKept(t.runtime.dataSource.manager, ids);
  });
});
