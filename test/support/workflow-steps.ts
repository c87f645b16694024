import type { Express } from 'express';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import type { ProposalViewBody } from '../../src/modules/proposals';
import { bearer } from './factories';
import { type MatchingWorld, waitUntilSettled } from './matching';
import { eventually } from './tcp-proxy';
import { offerUnit, openProposals, proposalStep, registerClient } from './workflow';

/** Steps of the proposal workflow through the API, for the tests of deadlines and what follows. */
export function workflowSteps(app: Express, dataSource: DataSource) {
  const sql = <T>(text: string, params: unknown[] = []) => dataSource.query<T[]>(text, params);

  const register = (world: MatchingWorld, client: Record<string, unknown> = {}) =>
    registerClient(app, world, client);
  const offer = (world: MatchingWorld, unit: Record<string, unknown> = {}) =>
    offerUnit(app, world, unit);
  /** The open proposals (proposed, approved, accepted) a matcher sees with this filter. */
  const open = (world: MatchingWorld, query: Record<string, string>) =>
    openProposals(app, world, query);

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
    proposalStep(app, token, id, transition, body as Record<string, unknown>);

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
