import type { Actor, Role } from '../../shared/auth/actor';
import { type Access, can, type PlacementAction, type PlacementFacts } from './placement.access';
import { PLACEMENT_EVENT_TYPES } from './placement.lifecycle';

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

const FACTS: PlacementFacts = {
  municipalityCode: 'GM0001',
  corporationId: CORPORATION,
  providerId: PROVIDER,
  supportProviderId: SUPPORT,
};

const ACTIONS: PlacementAction[] = ['read', ...PLACEMENT_EVENT_TYPES];

/**
 * A = allowed, H = hidden (404), F = forbidden (403); columns: read, omklap_flipped,
 * omklap_extended, terugklap, returned_to_waiting, checkin, ended.
 */
const TABLE: Record<keyof typeof ACTORS, string> = {
  admin: 'A F F F F F F',
  matcher: 'A F F F F F F',
  'matcher elsewhere': 'H H H H H H H',
  corporation: 'A A A A F F A',
  'other corporation': 'H H H H H H H',
  provider: 'A F F F A A F',
  'support provider': 'A F F F F A F',
  'other provider': 'H H H H H H H',
  viewer: 'H H H H H H H',
};

const LETTER: Record<Access, string> = { allowed: 'A', hidden: 'H', forbidden: 'F' };

describe('the placement access policy, as a table', () => {
  it('lists the actions in the order of the table', () => {
    expect(ACTIONS).toEqual([
      'read',
      'omklap_flipped',
      'omklap_extended',
      'terugklap',
      'returned_to_waiting',
      'checkin',
      'ended',
    ]);
  });

  it.each(Object.keys(TABLE) as (keyof typeof ACTORS)[])('%s', (name) => {
    const row = ACTIONS.map((action) => LETTER[can(ACTORS[name], action, FACTS)]).join(' ');
    expect(row).toBe(TABLE[name]);
  });

  it('a provider that is both the client’s own and its support provider acts as the own one', () => {
    const facts = { ...FACTS, supportProviderId: PROVIDER };
    expect(can(ACTORS.provider, 'returned_to_waiting', facts)).toBe('allowed');
  });
});
