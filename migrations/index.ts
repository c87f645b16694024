import { ReferenceAndIdentity1763800000000 } from './1763800000000-reference-and-identity';
import { Registry1763800100000 } from './1763800100000-registry';
import { PolicyWeightRange1764000000000 } from './1764000000000-policy-weight-range';
import { Matching1764100000000 } from './1764100000000-matching';
import { MatchingRules1764300000000 } from './1764300000000-matching-rules';
import { MatchingPriorities1764400000000 } from './1764400000000-matching-priorities';
import { ProposalWorkflow1764500000000 } from './1764500000000-proposal-workflow';
import { DomainEvents1764550000000 } from './1764550000000-domain-events';
import { DeadlinesAndParking1764600000000 } from './1764600000000-deadlines-and-parking';
import { Placements1764650000000 } from './1764650000000-placements';
import { Webhooks1764700000000 } from './1764700000000-webhooks';
import { ReportIndexes1764900000000 } from './1764900000000-report-indexes';
import { ActorChangeNotifications1765400000000 } from './1765400000000-actor-change-notifications';
import { RegionChangeLog1765900000000 } from './1765900000000-region-change-log';
import { ListOrderIndexes1766000000000 } from './1766000000000-list-order-indexes';
import { ClientReads1766100000000 } from './1766100000000-client-reads';
import { RegionChangeIds1766200000000 } from './1766200000000-region-change-ids';
import { ClientLists1766300000000 } from './1766300000000-client-lists';
import { ApprovedProposalsIndex1766400000000 } from './1766400000000-approved-proposals-index';

/** Every migration, in order. Listed explicitly so tsx, jest and the built image run the same set. */
export const MIGRATIONS = [
  ReferenceAndIdentity1763800000000,
  Registry1763800100000,
  PolicyWeightRange1764000000000,
  Matching1764100000000,
  MatchingRules1764300000000,
  MatchingPriorities1764400000000,
  ProposalWorkflow1764500000000,
  DomainEvents1764550000000,
  DeadlinesAndParking1764600000000,
  Placements1764650000000,
  Webhooks1764700000000,
  ReportIndexes1764900000000,
  ActorChangeNotifications1765400000000,
  RegionChangeLog1765900000000,
  ListOrderIndexes1766000000000,
  ClientReads1766100000000,
  RegionChangeIds1766200000000,
  ClientLists1766300000000,
  ApprovedProposalsIndex1766400000000,
];
