export {
  cancelOpenProposalsOf,
  insertRunProposals,
  type RunProposalInput,
} from './proposal.repository';
export { can, type ProposalAction, type ProposalFacts, proposalScope } from './proposal.access';
export { DECISION_REASONS } from './proposal.reasons';
export {
  deadlineDueJob,
  deadlineSetPayload,
  deadlineSweepJob,
  PROPOSAL_JOBS,
  PROPOSAL_TOPICS,
} from './proposal.jobs';
export { proposalEndpoints } from './proposal.routes';
export {
  OPEN_STATUSES,
  PROPOSAL_STATUSES,
  type Proposal,
  type ProposalListItem,
  type ProposalStatus,
  type ProposalViewBody,
  ruleResultSchema,
} from './proposal.schemas';
export { type PairEvaluator, ProposalService, type RunRequester } from './proposal.service';
export { planTransition, TRANSITIONS, type Transition, WORKFLOW } from './proposal.workflow';
