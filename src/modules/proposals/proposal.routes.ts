import { z } from 'zod';

import type { Role } from '../../shared/auth/actor';
import { apiEndpoint, type Endpoint } from '../../shared/http/endpoint';
import { etag, parseIfMatch } from '../../shared/http/if-match';
import { pageSchema, toPageRequest } from '../../shared/http/pagination';
import {
  createProposalSchema,
  decisionBodySchema,
  listProposalsQuerySchema,
  placementBodySchema,
  proposalParamsSchema,
  proposalListViewSchema,
  proposalViewSchema,
  reasonsBody,
  reasonsSchema,
} from './proposal.schemas';
import type { ProposalService, UserTransition } from './proposal.service';

const tags = ['Proposals'];
const roles = ['admin', 'matcher', 'corporation', 'provider'] as const;
const VIEWS =
  'A matcher (or admin) sees everything; a corporation sees only household size, move-in needs ' +
  'and support of the client (never target group, anchors, wait or the score breakdown); a ' +
  'provider sees the home. Corporations and providers see a proposal only once approved.';

interface TransitionSpec {
  transition: UserTransition;
  roles: readonly Role[];
  summary: string;
  description: string;
  body?: 'decision' | 'placement';
}

const TRANSITION_SPECS: TransitionSpec[] = [
  {
    transition: 'approve',
    roles: ['matcher'],
    summary: 'Approve a proposal (voordracht to corporation and provider)',
    description:
      '`proposed` → `approved`. A manual proposal that overrides a hard rule is approved by a ' +
      'second matcher: another token than the one that created it (409 otherwise).',
  },
  {
    transition: 'reject',
    roles: ['matcher'],
    summary: 'Reject a proposal; unit and client are free at once and a run follows',
    description:
      '`proposed` → `rejected`, with a matcher reason. The pair is never proposed again.',
    body: 'decision',
  },
  {
    transition: 'accept',
    roles: ['corporation', 'provider'],
    summary: "Accept a proposal for your side; both sides' acceptance makes it accepted",
    description: 'While `approved`; once corporation and provider accepted → `accepted`.',
  },
  {
    transition: 'decline',
    roles: ['corporation', 'provider'],
    summary: 'Decline a proposal; unit and client are free at once and a run follows',
    description:
      "`approved` → `declined`, with a reason from your party's list. The pair is never proposed again.",
    body: 'decision',
  },
  {
    transition: 'placement',
    roles: ['corporation'],
    summary: 'Record the placement: the lease starts',
    description:
      "`accepted` → `placed`; the unit becomes `let`, the client `placed`, and a contingent unit counts towards its pledge's `placed`.",
    body: 'placement',
  },
  {
    transition: 'cancel',
    roles: ['matcher'],
    summary: 'Cancel an open proposal; unit and client are free at once and a run follows',
    description:
      '`proposed`, `approved` or `accepted` → `cancelled`, with a matcher reason. The pair is never proposed again.',
    body: 'decision',
  },
];

const emptyBodySchema = z.strictObject({}).optional();

export function proposalEndpoints(proposals: ProposalService): Endpoint[] {
  return [
    apiEndpoint({
      method: 'get',
      path: '/api/v1/proposals',
      roles,
      summary:
        'List proposals (matcher: its municipalities; corporation, provider: approved ones of their own)',
      description: `Oldest first. ${VIEWS}`,
      tags,
      query: listProposalsQuerySchema,
      responses: {
        200: {
          description: "A page; a matcher's items without the rule results (see the single read).",
          schema: pageSchema(proposalListViewSchema),
        },
      },
      handle: async ({ actor, query }) => {
        const { limit: _limit, cursor: _cursor, ...filter } = query;
        return {
          status: 200,
          body: await proposals.list(actor, filter, toPageRequest(query)),
          contentType: 'application/json',
        };
      },
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/proposals/{id}',
      roles,
      summary: 'Get a proposal, as your party may see it',
      description: VIEWS,
      tags,
      params: proposalParamsSchema,
      responses: {
        200: { description: 'The proposal; ETag is its version.', schema: proposalViewSchema },
      },
      handle: async ({ actor, params }) => {
        const proposal = await proposals.get(actor, params.id);
        return { status: 200, body: proposal, headers: { ETag: etag(proposal.version) } };
      },
    }),
    apiEndpoint({
      method: 'post',
      path: '/api/v1/proposals',
      roles: ['matcher'],
      summary: "A matcher's own proposal for a unit and a client",
      description:
        'Evaluated exactly as candidates are. A pair that breaks a hard rule needs `override: true` ' +
        '(422 otherwise); the overridden rules are stored and a second matcher must approve it.',
      tags,
      body: createProposalSchema,
      errors: [409],
      responses: { 201: { description: 'The proposal (`proposed`).', schema: proposalViewSchema } },
      handle: async ({ actor, body }) => {
        const proposal = await proposals.create(actor, body);
        return { status: 201, body: proposal, headers: { ETag: etag(proposal.version) } };
      },
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/reference/reasons',
      summary: 'The reasons each party may give to reject, decline or cancel a proposal',
      description: '`other` needs a short `note`; no other reason takes one.',
      tags: ['Reference', ...tags],
      responses: { 200: { description: 'Reasons by party.', schema: reasonsSchema } },
      handle: () => Promise.resolve({ status: 200, body: reasonsBody }),
    }),
    ...TRANSITION_SPECS.map((spec) =>
      apiEndpoint({
        method: 'post',
        path: `/api/v1/proposals/{id}/${spec.transition}`,
        roles: spec.roles,
        summary: spec.summary,
        description: `${spec.description} Optional \`If-Match\` (412 when stale); a step the current state does not allow → 409 naming the state.`,
        tags,
        params: proposalParamsSchema,
        body:
          spec.body === 'decision'
            ? decisionBodySchema
            : spec.body === 'placement'
              ? placementBodySchema
              : emptyBodySchema,
        errors: [409, 412],
        responses: {
          200: { description: 'The updated proposal.', schema: proposalViewSchema },
        },
        handle: async ({ actor, params, body, req }) => {
          const expected = parseIfMatch(req.header('If-Match'));
          const proposal = await proposals.transition(
            actor,
            params.id,
            spec.transition,
            body ?? {},
            expected,
          );
          return { status: 200, body: proposal, headers: { ETag: etag(proposal.version) } };
        },
      }),
    ),
  ];
}
