import type { Actor, Role } from '../../shared/auth/actor';
import { type Access, can, type ProposalAction, type ProposalFacts } from './proposal.access';
import { TRANSITIONS } from './proposal.workflow';

const CORPORATION = 'c0000000-0000-4000-8000-000000000001';
const PROVIDER = 'a0000000-0000-4000-8000-000000000002';
const SUPPORT = 'b0000000-0000-4000-8000-000000000003';
const OTHER = 'd0000000-0000-4000-8000-000000000004';

function actor(role: Role, organisationId: string, municipalityCodes: string[] = []): Actor {
  return {
    tokenId: 'e0000000-0000-4000-8000-000000000005',
    role,
    organisationId,
    organisationKind: 'platform',
    regionCode: 'r',
    municipalityCodes,
  };
}

const ACTORS = {
  admin: actor('admin', OTHER),
  matcher: actor('matcher', OTHER, ['GM0001']),
  'matcher elsewhere': actor('matcher', OTHER, ['GM0002']),
  corporation: actor('corporation', CORPORATION),
  'other corporation': actor('corporation', OTHER),
  provider: actor('provider', PROVIDER),
  'support provider': actor('provider', SUPPORT),
  'other provider': actor('provider', OTHER),
  viewer: actor('viewer', OTHER, ['GM0001']),
};

const facts = (approved: boolean): ProposalFacts => ({
  approvedAt: approved ? '2026-11-30T10:00:00Z' : null,
  municipalityCode: 'GM0001',
  corporationId: CORPORATION,
  providerId: PROVIDER,
  supportProviderId: SUPPORT,
});

const ACTIONS: ProposalAction[] = [
  'read',
  ...TRANSITIONS.filter(
    (transition): transition is Exclude<typeof transition, 'expire'> => transition !== 'expire',
  ),
];

/** A = allowed, H = hidden (404), F = forbidden (403); columns in ACTIONS order. */
const TABLE: Record<keyof typeof ACTORS, { before: string; after: string }> = {
  admin: { before: 'A F F F F F F', after: 'A F F F F F F' },
  matcher: { before: 'A A A F F F A', after: 'A A A F F F A' },
  'matcher elsewhere': { before: 'H H H H H H H', after: 'H H H H H H H' },
  corporation: { before: 'H H H H H H H', after: 'A F F A A A F' },
  'other corporation': { before: 'H H H H H H H', after: 'H H H H H H H' },
  provider: { before: 'H H H H H H H', after: 'A F F A A F F' },
  'support provider': { before: 'H H H H H H H', after: 'A F F F F F F' },
  'other provider': { before: 'H H H H H H H', after: 'H H H H H H H' },
  viewer: { before: 'H H H H H H H', after: 'H H H H H H H' },
};

const LETTER: Record<Access, string> = { allowed: 'A', hidden: 'H', forbidden: 'F' };

describe('the proposal access policy, as a table', () => {
  it.each(Object.keys(TABLE) as (keyof typeof ACTORS)[])('%s', (name) => {
    const row = (approved: boolean) =>
      ACTIONS.map((action) => LETTER[can(ACTORS[name], action, facts(approved))]).join(' ');
    expect({ before: row(false), after: row(true) }).toEqual(TABLE[name]);
  });
});
