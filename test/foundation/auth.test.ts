import request from 'supertest';

import { IdentityService } from '../../src/modules/identity';
import { hashTokenSecret } from '../../src/modules/identity/token-secret';
import type { OrganisationKind } from '../../src/shared/auth/actor';
import { bearer, createRegion, type TestRegion } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const BOOTSTRAP = `bootstrap-${'x'.repeat(40)}`;

describe('auth, roles and tokens', () => {
  let t: TestApp;
  let region: TestRegion;

  beforeAll(async () => {
    t = await createTestApp({ overrides: { BOOTSTRAP_ADMIN_TOKEN: BOOTSTRAP } });
    region = await createRegion(t.runtime.dataSource, { municipalities: 3 });
    const identity = new IdentityService(t.runtime.dataSource, t.runtime.logger);
    // Twice, as on every restart: it must not create a second credential.
    await identity.ensureBootstrapAdmin(BOOTSTRAP);
    await identity.ensureBootstrapAdmin(BOOTSTRAP);
  });
  afterAll(() => t.close());

  it('when the bootstrap admin credential is ensured twice, then exactly one exists', async () => {
    const rows = await t.runtime.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM api_tokens WHERE token_hash = $1 AND role = 'admin'`,
      [hashTokenSecret(BOOTSTRAP)],
    );
    expect(rows[0]?.n).toBe('1');
  });

  it('when the admin sets up one organisation of each kind, then each token may do what its role may and gets 403 for the rest', async () => {
    const [m1, m2, m3] = region.municipalities.map((m) => m.code);
    const specs: { kind: OrganisationKind; role: string; municipalityCodes?: string[] }[] = [
      { kind: 'matchingspunt', role: 'matcher', municipalityCodes: [m1!, m2!] },
      { kind: 'corporatie', role: 'corporation' },
      { kind: 'zorgaanbieder', role: 'provider' },
      { kind: 'welzijnsaanbieder', role: 'provider' },
      { kind: 'gemeente', role: 'viewer', municipalityCodes: [m3!] },
    ];
    const created: { id: string; token: string; kind: OrganisationKind }[] = [];
    for (const spec of specs) {
      const org = await request(t.app)
        .post('/api/v1/organisations')
        .set(bearer(BOOTSTRAP))
        .send({
          name: `${spec.kind} organisatie`,
          kind: spec.kind,
          regionCode: region.code,
          ...(spec.municipalityCodes ? { municipalityCodes: spec.municipalityCodes } : {}),
        })
        .expect(201);
      expect(org.body).toMatchObject({
        kind: spec.kind,
        regionCode: region.code,
        municipalityCodes: spec.municipalityCodes ?? [],
      });
      const wrongRole = await request(t.app)
        .post(`/api/v1/organisations/${org.body.id}/tokens`)
        .set(bearer(BOOTSTRAP))
        .send({ role: spec.role === 'admin' ? 'viewer' : 'admin', label: 'wrong' })
        .expect(422);
      expect(wrongRole.body.errors).toEqual([expect.objectContaining({ path: 'role' })]);

      const token = await request(t.app)
        .post(`/api/v1/organisations/${org.body.id}/tokens`)
        .set(bearer(BOOTSTRAP))
        .send({ role: spec.role, label: 'test koppeling' })
        .expect(201);
      expect(token.body.token).toMatch(/^mpt_[A-Za-z0-9_-]{43}$/);
      expect(token.headers['cache-control']).toBe('no-store');
      created.push({ id: org.body.id, token: token.body.token, kind: spec.kind });
    }

    for (const [index, org] of created.entries()) {
      const other = created[(index + 1) % created.length]!;
      // Allowed: read its own organisation and list (only itself).
      await request(t.app)
        .get(`/api/v1/organisations/${org.id}`)
        .set(bearer(org.token))
        .expect(200);
      const list = await request(t.app)
        .get('/api/v1/organisations')
        .set(bearer(org.token))
        .expect(200);
      expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([org.id]);
      // Another organisation's record is a 404, exactly like a missing one.
      await request(t.app)
        .get(`/api/v1/organisations/${other.id}`)
        .set(bearer(org.token))
        .expect(404);
      // Admin-only actions are 403.
      await request(t.app)
        .post('/api/v1/organisations')
        .set(bearer(org.token))
        .send({ name: 'x', kind: 'corporatie', regionCode: region.code })
        .expect(403);
      await request(t.app)
        .post(`/api/v1/organisations/${org.id}/tokens`)
        .set(bearer(org.token))
        .send({ role: 'matcher', label: 'x' })
        .expect(403);
      await request(t.app)
        .get(`/api/v1/organisations/${org.id}/tokens`)
        .set(bearer(org.token))
        .expect(403);
    }

    // The admin sees them all.
    const all = await request(t.app)
      .get(`/api/v1/organisations?regionCode=${region.code}`)
      .set(bearer(BOOTSTRAP))
      .expect(200);
    expect(all.body.items).toHaveLength(specs.length);
  });

  it('when a token is revoked, then it gets 401 and revoking again changes nothing', async () => {
    const org = await request(t.app)
      .post('/api/v1/organisations')
      .set(bearer(BOOTSTRAP))
      .send({ name: 'Woonstichting Test', kind: 'corporatie', regionCode: region.code })
      .expect(201);
    const created = await request(t.app)
      .post(`/api/v1/organisations/${org.body.id}/tokens`)
      .set(bearer(BOOTSTRAP))
      .send({ role: 'corporation', label: 'to revoke' })
      .expect(201);
    await request(t.app)
      .get(`/api/v1/organisations/${org.body.id}`)
      .set(bearer(created.body.token))
      .expect(200);

    const path = `/api/v1/organisations/${org.body.id}/tokens/${created.body.id}`;
    await request(t.app).delete(path).set(bearer(BOOTSTRAP)).expect(204);
    await request(t.app).delete(path).set(bearer(BOOTSTRAP)).expect(204);
    // A token that is not this organisation's is not there.
    await request(t.app)
      .delete(`/api/v1/organisations/${org.body.id}/tokens/0b0f6a3e-8a8e-4f57-9b55-8a3c1c1c2a10`)
      .set(bearer(BOOTSTRAP))
      .expect(404);
    const denied = await request(t.app)
      .get(`/api/v1/organisations/${org.body.id}`)
      .set(bearer(created.body.token))
      .expect(401);
    expect(denied.headers['content-type']).toMatch(/^application\/problem\+json/);

    const tokens = await request(t.app)
      .get(`/api/v1/organisations/${org.body.id}/tokens`)
      .set(bearer(BOOTSTRAP))
      .expect(200);
    expect(tokens.body).toEqual([
      expect.objectContaining({ id: created.body.id, revokedAt: expect.any(String) }),
    ]);
    expect(JSON.stringify(tokens.body)).not.toContain(created.body.token);
    // Only a hash is stored.
    const stored = await t.runtime.dataSource.query<{ token_hash: string }[]>(
      `SELECT token_hash FROM api_tokens WHERE id = $1`,
      [created.body.id],
    );
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]?.token_hash).not.toContain(created.body.token);
  });

  it('when a matchingspunt claims a municipality another point serves, or a name repeats, then 409 and nothing is stored', async () => {
    const local = await createRegion(t.runtime.dataSource, { municipalities: 1 });
    const code = local.municipalities[0]!.code;
    const body = { kind: 'matchingspunt', regionCode: local.code, municipalityCodes: [code] };
    await request(t.app)
      .post('/api/v1/organisations')
      .set(bearer(BOOTSTRAP))
      .send({ ...body, name: 'Punt A' })
      .expect(201);
    const taken = await request(t.app)
      .post('/api/v1/organisations')
      .set(bearer(BOOTSTRAP))
      .send({ ...body, name: 'Punt B' })
      .expect(409);
    expect(taken.body.code).toBe('municipality_already_served');
    await request(t.app)
      .post('/api/v1/organisations')
      .set(bearer(BOOTSTRAP))
      .send({ name: 'punt a', kind: 'corporatie', regionCode: local.code })
      .expect(409);
    const rows = await t.runtime.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM organisations WHERE region_code = $1`,
      [local.code],
    );
    expect(rows[0]?.n).toBe('1');
  });

  it('when an organisation names unknown or foreign municipalities, then 422 lists each', async () => {
    const other = await createRegion(t.runtime.dataSource, { municipalities: 1 });
    const response = await request(t.app)
      .post('/api/v1/organisations')
      .set(bearer(BOOTSTRAP))
      .send({
        name: 'Punt C',
        kind: 'matchingspunt',
        regionCode: region.code,
        municipalityCodes: ['GM0000', other.municipalities[0]!.code],
      })
      .expect(422);
    expect(response.body.errors).toEqual([
      { path: 'municipalityCodes[0]', message: expect.stringContaining('unknown municipality') },
      {
        path: 'municipalityCodes[1]',
        message: expect.stringContaining(`lies in region "${other.code}"`),
      },
    ]);
  });
});
