import { apiEndpoint, type Endpoint } from '../../shared/http/endpoint';
import { etag } from '../../shared/http/if-match';
import { pageSchema, toPageRequest } from '../../shared/http/pagination';
import { listProposalsQuerySchema, proposalParamsSchema, proposalSchema } from './proposal.schemas';
import type { ProposalService } from './proposal.service';

const tags = ['Proposals'];
const roles = ['admin', 'matcher', 'corporation', 'provider'] as const;

export function proposalEndpoints(proposals: ProposalService): Endpoint[] {
  return [
    apiEndpoint({
      method: 'get',
      path: '/api/v1/proposals',
      roles,
      summary:
        'List proposals (matcher: its municipalities; corporation, provider: approved ones of their own)',
      description:
        'Oldest first. A corporation or provider sees a proposal only after a matcher approved it.',
      tags,
      query: listProposalsQuerySchema,
      responses: { 200: { description: 'A page.', schema: pageSchema(proposalSchema) } },
      handle: async ({ actor, query }) => {
        const { limit: _limit, cursor: _cursor, ...filter } = query;
        return { status: 200, body: await proposals.list(actor, filter, toPageRequest(query)) };
      },
    }),
    apiEndpoint({
      method: 'get',
      path: '/api/v1/proposals/{id}',
      roles,
      summary: 'Get a proposal: score, breakdown, hard-rule results, policy version',
      tags,
      params: proposalParamsSchema,
      responses: {
        200: { description: 'The proposal; ETag is its version.', schema: proposalSchema },
      },
      handle: async ({ actor, params }) => {
        const proposal = await proposals.get(actor, params.id);
        return { status: 200, body: proposal, headers: { ETag: etag(proposal.version) } };
      },
    }),
  ];
}
