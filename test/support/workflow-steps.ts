import type { Express } from 'express';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import type { ProposalViewBody } from '../../src/modules/proposals';
import { bearer } from './factories';
import { type MatchingWorld, today, waitUntilSettled } from './matching';
import { clientBody, unitBody } from './registry-fixtures';
import { eventually } from './tcp-proxy';

/** Steps of the proposal workflow through the API, for the tests of deadlines and what follows. */
export function workflowSteps(app: Express, dataSource: DataSource) {
  const sql = <T>(text: string, params: unknown[] = []) => dataSource.query<T[]>(text, params);

  async function register(world: MatchingWorld, client: Record<string, unknown> = {}) {
    const created = await request(app)
      .post('/api/v1/clients')
      .set(bearer(world.provider.token))
      .send(clientBody(world.region, client))
      .expect(201);
    return created.body.id as string;
  }

  async function offer(world: MatchingWorld, unit: Record<string, unknown> = {}) {
    const created = await request(app)
      .post('/api/v1/units')
      .set(bearer(world.corporation.token))
      .send(unitBody(world.region, { rent: 600, availableFrom: today(), ...unit }))
      .expect(201);
    return created.body.id as string;
  }

  /** The open proposals (proposed, approved, accepted) a matcher sees with this filter. */
  async function open(world: MatchingWorld, query: Record<string, string>) {
    const found: ProposalViewBody[] = [];
    for (const status of ['proposed', 'approved', 'accepted']) {
      const response = await request(app)
        .get('/api/v1/proposals')
        .query({ ...query, status })
        .set(bearer(world.matcher.token))
        .expect(200);
      found.push(...(response.body as { items: ProposalViewBody[] }).items);
    }
    return found;
  }

  /** A new client, then a unit that fits it: the run proposes that pair. */
  async function pairUp(world: MatchingWorld) {
    const clientId = await register(world);
    await waitUntilSettled(dataSource, world.region.code);
    const unitId = await offer(world);
    const [proposal] = await eventually(
      () => open(world, { unitId }),
      (items) => items.length > 0,
      15_000,
    );
    if (proposal?.clientId !== clientId) throw new Error('the run proposed another pair');
    return { proposalId: proposal.id, unitId, clientId, proposal };
  }

  const step = (token: string, id: string, transition: string, body: object = {}) =>
    request(app).post(`/api/v1/proposals/${id}/${transition}`).set(bearer(token)).send(body);

  const read = async (token: string, id: string) =>
    (await request(app).get(`/api/v1/proposals/${id}`).set(bearer(token)).expect(200))
      .body as ProposalViewBody;

  async function statusesOf(unitId: string, clientId: string) {
    const [unit] = await sql<{ status: string }>(`SELECT status FROM units WHERE id = $1`, [
      unitId,
    ]);
    const [client] = await sql<{ status: string }>(`SELECT status FROM clients WHERE id = $1`, [
      clientId,
    ]);
    return { unit: unit?.status, client: client?.status };
  }

  /** Changes the region's policy (as its admin) and waits for the run the change requests. */
  async function setPolicy(world: MatchingWorld, patch: Record<string, unknown>) {
    await request(app)
      .patch(`/api/v1/regions/${world.region.code}/policy`)
      .set(bearer(world.admin.token))
      .send(patch)
      .expect(200);
    await waitUntilSettled(dataSource, world.region.code);
  }

  /** How many rows of each kind a proposal has: decisions, audit rows and events by action. */
  async function trail(proposalId: string, action: string) {
    const [counts] = await sql<{ decisions: number; audits: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM proposal_decisions WHERE proposal_id = $1 AND action = $2) AS decisions,
              (SELECT count(*)::int FROM audit_events WHERE entity_id = $1::text
                  AND action = 'proposal.' || $3) AS audits,
              (SELECT count(*)::int FROM domain_events WHERE subject_id = $1
                  AND type = 'proposal.' || $3) AS events`,
      [proposalId, action, action === 'expire' ? 'expired' : action],
    );
    return counts;
  }

  return { sql, register, offer, open, pairUp, step, read, statusesOf, setPolicy, trail };
}
