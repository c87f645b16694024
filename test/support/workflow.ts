/** Requests the workflow tests share: register, offer, list open proposals, take a step, count. */
import type { Express } from 'express';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import type { ProposalViewBody } from '../../src/modules/proposals';
import { bearer } from './factories';
import { createMatchingWorld, type MatchingWorld, today } from './matching';
import { clientBody, unitBody } from './registry-fixtures';
import { listAllPages } from './requests';

/** A client of the world's provider; returns its id. */
export async function registerClient(
  app: Express,
  world: MatchingWorld,
  client: Record<string, unknown> = {},
): Promise<string> {
  const created = await request(app)
    .post('/api/v1/clients')
    .set(bearer(world.provider.token))
    .send(clientBody(world.region, client))
    .expect(201);
  return created.body.id as string;
}

/** A unit of the world's corporation, available today at a rent the default client can pay. */
export async function offerUnit(
  app: Express,
  world: MatchingWorld,
  unit: Record<string, unknown> = {},
): Promise<string> {
  const created = await request(app)
    .post('/api/v1/units')
    .set(bearer(world.corporation.token))
    .send(unitBody(world.region, { rent: 600, availableFrom: today(), ...unit }))
    .expect(201);
  return created.body.id as string;
}

/** The proposed, approved and accepted proposals matching `query`, as the matcher sees them. */
export async function openProposals(
  app: Express,
  world: MatchingWorld,
  query: Record<string, string>,
): Promise<ProposalViewBody[]> {
  const open: ProposalViewBody[] = [];
  for (const status of ['proposed', 'approved', 'accepted']) {
    const response = await request(app)
      .get('/api/v1/proposals')
      .query({ ...query, status })
      .set(bearer(world.matcher.token))
      .expect(200);
    open.push(...(response.body as { items: ProposalViewBody[] }).items);
  }
  return open;
}

/**
 * Every proposal of the world's region in the matcher's list, two to a page, held to its single
 * read without the rule results (the last key): the list's JSON is built by PostgreSQL, the single
 * read's by the service, and they must not drift (values, nulls, numbers, key order). Returns the
 * statuses listed.
 */
export async function expectListedAsRead(app: Express, world: MatchingWorld): Promise<string[]> {
  const listed = await listAllPages(app, world.matcher.token, '/api/v1/proposals', {
    regionCode: world.region.code,
  });
  for (const item of listed) {
    const single = await request(app)
      .get(`/api/v1/proposals/${String(item.id)}`)
      .set(bearer(world.matcher.token))
      .expect(200);
    const { rules: _rules, ...withoutRules } = single.body as Record<string, unknown>;
    expect(Object.keys(single.body as object).at(-1)).toBe('rules');
    expect(JSON.stringify(item)).toBe(JSON.stringify(withoutRules));
  }
  return listed.map((item) => String(item.status));
}

/** `POST /proposals/{id}/{transition}`, with `If-Match` when a version is given. */
export function proposalStep(
  app: Express,
  token: string,
  id: string,
  transition: string,
  body: Record<string, unknown> = {},
  ifMatch?: number,
) {
  const call = request(app)
    .post(`/api/v1/proposals/${id}/${transition}`)
    .set(bearer(token))
    .send(body);
  return ifMatch === undefined ? call : call.set('If-Match', `"${ifMatch}"`);
}

/** The `placed` of every pledge of the world's corporation, summed. */
export async function placedSoFar(app: Express, world: MatchingWorld): Promise<number> {
  const response = await request(app)
    .get('/api/v1/contingents')
    .set(bearer(world.corporation.token))
    .expect(200);
  const pledges = response.body as { items?: { placed: number }[] } | { placed: number }[];
  const list = Array.isArray(pledges) ? pledges : (pledges.items ?? []);
  return list.reduce((sum, pledge) => sum + pledge.placed, 0);
}

/** A matching world whose corporation pledged `pledged` contingent homes in its first municipality for 2026. */
export async function worldWithPledge(
  app: Express,
  dataSource: DataSource,
  pledged = 3,
): Promise<MatchingWorld> {
  const world = await createMatchingWorld(app, dataSource);
  await request(app)
    .post('/api/v1/contingents')
    .set(bearer(world.corporation.token))
    .send({ municipalityCode: world.region.municipalities[0]!.code, year: 2026, pledged })
    .expect(201);
  return world;
}
