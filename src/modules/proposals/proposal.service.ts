import type { DataSource } from 'typeorm';

import { type Actor, requireRole } from '../../shared/auth/actor';
import { rootDb } from '../../shared/database/db';
import { type Page, type PageRequest, toPage } from '../../shared/http/pagination';
import { ProposalError, ProposalErrorCode } from './proposal.errors';
import * as repository from './proposal.repository';
import type { ProposalScope } from './proposal.repository';
import type { Proposal, ProposalFilter } from './proposal.schemas';

/**
 * Who reads which proposal: matchers those for units in their point's municipalities, admins all;
 * a corporation (its units) or a provider (its clients) only once a matcher approved it — before
 * that a proposal is the matchers' working material and answers 404 to them.
 */
export function proposalScope(actor: Actor): ProposalScope {
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'matcher':
      return { kind: 'municipalities', codes: actor.municipalityCodes };
    case 'corporation':
      return { kind: 'corporation', organisationId: actor.organisationId };
    case 'provider':
      return { kind: 'provider', organisationId: actor.organisationId };
    case 'viewer':
      // Viewers see aggregates only; requireRole below answers 403 before this is reached.
      return { kind: 'municipalities', codes: [] };
  }
}

export class ProposalService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, filter: ProposalFilter, page: PageRequest): Promise<Page<Proposal>> {
    requireRole(actor, 'admin', 'matcher', 'corporation', 'provider');
    const rows = await repository.listProposals(
      rootDb(this.dataSource),
      proposalScope(actor),
      filter,
      page,
    );
    return toPage(rows, page.limit);
  }

  async get(actor: Actor, id: string): Promise<Proposal> {
    requireRole(actor, 'admin', 'matcher', 'corporation', 'provider');
    const proposal = await repository.findProposal(
      rootDb(this.dataSource),
      id,
      proposalScope(actor),
    );
    if (!proposal) throw new ProposalError(ProposalErrorCode.NotFound, `No proposal ${id}.`);
    return proposal;
  }
}
