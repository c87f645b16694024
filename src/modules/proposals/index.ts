export {
  cancelOpenProposalsOf,
  insertRunProposals,
  type RunProposalInput,
} from './proposal.repository';
export { proposalEndpoints } from './proposal.routes';
export {
  OPEN_STATUSES,
  PROPOSAL_STATUSES,
  type Proposal,
  type ProposalStatus,
  ruleResultSchema,
} from './proposal.schemas';
export { ProposalService, proposalScope } from './proposal.service';
