import { apiEndpoint, type Endpoint } from '../../shared/http/endpoint';
import { etag, parseIfMatch } from '../../shared/http/if-match';
import { pageSchema, toPageRequest } from '../../shared/http/pagination';
import {
  checkinSchema,
  followUpAcceptedSchema,
  listCheckinsQuerySchema,
  listPlacementsQuerySchema,
  placementEventBodySchema,
  placementParamsSchema,
  placementSchema,
} from './placement.schemas';
import type { PlacementService } from './placement.service';

const tags = ['Placements'];
const roles = ['admin', 'matcher', 'corporation', 'provider'] as const;
const WHO =
  "A matcher sees the placements of its municipalities, a corporation those of its homes, a provider those of its clients (and those it supports); another organisation's placement is 404.";

export function placementEndpoints(placements: PlacementService): Endpoint[] {
  return [
    apiEndpoint({
      method: 'get',
      path: '/api/v1/placements',
      roles,
      summary: 'List placements (the tenancies that followed a placed proposal)',
      description: `Oldest first. ${WHO}`,
      tags,
      query: listPlacementsQuerySchema,
      responses: { 200: { description: 'A page.', schema: pageSchema(placementSchema) } },
      handle: async ({ actor, query }) => {
        const { limit: _limit, cursor: _cursor, ...filter } = query;
        return { status: 200, body: await placements.list(actor, filter, toPageRequest(query)) };
      },
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/placements/{id}',
      roles,
      summary: 'Get a placement with its history (and follow-up, for all but the corporation)',
      description: WHO,
      tags,
      params: placementParamsSchema,
      responses: {
        200: { description: 'The placement; ETag is its version.', schema: placementSchema },
      },
      handle: async ({ actor, params }) => {
        const placement = await placements.get(actor, params.id);
        return { status: 200, body: placement, headers: { ETag: etag(placement.version) } };
      },
    }),
    apiEndpoint({
      method: 'post',
      path: '/api/v1/placements/{id}/events',
      roles: ['corporation', 'provider'],
      summary: 'Record what happened to a placement',
      description:
        "The corporation records the lease: `omklap_flipped` (the lease to the client's own name), " +
        '`omklap_extended` (a new `reviewDate`), `terugklap` (the lease back to the provider), ' +
        "`ended` (the tenancy ended; the home is available again). The client's provider records " +
        '`returned_to_waiting` after a terugklap (the client is matchable again, the home ' +
        'available) and `checkin` (`stablyHoused`, for a check-in due by `date`; the support ' +
        "provider may too). Optional `If-Match` (412 when stale); an event the placement's type " +
        'or state does not allow → 409 naming the state.',
      tags,
      params: placementParamsSchema,
      body: placementEventBodySchema,
      errors: [409, 412],
      responses: { 200: { description: 'The updated placement.', schema: placementSchema } },
      handle: async ({ actor, params, body, req }) => {
        const expected = parseIfMatch(req.header('If-Match'));
        const placement = await placements.recordEvent(actor, params.id, body, expected);
        return { status: 200, body: placement, headers: { ETag: etag(placement.version) } };
      },
    }),
    apiEndpoint({
      method: 'post',
      path: '/api/v1/placements/follow-up',
      roles: ['admin', 'matcher'],
      summary: 'Run the follow-up job now (it also runs every hour)',
      description:
        'Announces check-ins and omklap reviews that came due (`checkin.due`, ' +
        '`placement.review_due`, each once) and lets doorstroom clients whose moment came move on ' +
        '(matchable again, urgent; `placement.doorstroom_due`), requesting a run for their region.',
      tags,
      responses: { 202: { description: 'Queued.', schema: followUpAcceptedSchema } },
      handle: async ({ actor }) => ({
        status: 202,
        body: await placements.requestFollowUp(actor),
      }),
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/checkins',
      roles: ['admin', 'matcher', 'provider'],
      summary: 'List follow-up check-ins (provider: its clients; matcher: its municipalities)',
      description:
        'Each placement has check-ins due 3, 6 and 12 months after the lease start; an open one is ' +
        '`upcoming`, `due` from its due date, `overdue` 30 days after. Corporations do not see ' +
        'the follow-up.',
      tags,
      query: listCheckinsQuerySchema,
      responses: { 200: { description: 'A page.', schema: pageSchema(checkinSchema) } },
      handle: async ({ actor, query }) => {
        const { limit: _limit, cursor: _cursor, ...filter } = query;
        return {
          status: 200,
          body: await placements.listCheckins(actor, filter, toPageRequest(query)),
        };
      },
    }),
  ];
}
