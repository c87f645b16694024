import type { UnitType } from '../../shared/domain/vocabulary';
import {
  PLACEMENT_EVENT_TYPES,
  PLACEMENT_STATUSES,
  type PlacementEventType,
  type PlacementParty,
  type PlacementStatus,
  planEvent,
} from './placement.lifecycle';

const owner: Record<PlacementEventType, PlacementParty> = {
  omklap_flipped: 'corporation',
  omklap_extended: 'corporation',
  terugklap: 'corporation',
  returned_to_waiting: 'provider',
  checkin: 'provider',
  ended: 'corporation',
};

/** Every (type, status) an event may start from, and what it leads to. */
const EXPECTED: Record<PlacementEventType, Record<string, string>> = {
  omklap_flipped: { 'omklap/active': 'flipped' },
  omklap_extended: { 'omklap/active': 'active' },
  terugklap: { 'omklap/active': 'terugklap', 'omklap/flipped': 'terugklap' },
  returned_to_waiting: { 'omklap/terugklap': 'ended' },
  checkin: {
    'contingent/active': 'active',
    'omklap/active': 'active',
    'omklap/flipped': 'flipped',
    'omklap/terugklap': 'terugklap',
    'skaeve_huis/active': 'active',
    'doorstroom/active': 'active',
    'doorstroom/moving_on': 'moving_on',
  },
  ended: {
    'contingent/active': 'ended',
    'omklap/active': 'ended',
    'omklap/flipped': 'ended',
    'omklap/terugklap': 'ended',
    'skaeve_huis/active': 'ended',
    'doorstroom/active': 'ended',
    'doorstroom/moving_on': 'ended',
  },
};

/** The states a placement of each type can be in. */
const REACHABLE: Record<UnitType, readonly PlacementStatus[]> = {
  contingent: ['active', 'ended'],
  omklap: ['active', 'flipped', 'terugklap', 'ended'],
  skaeve_huis: ['active', 'ended'],
  doorstroom: ['active', 'moving_on', 'ended'],
};

describe('the placement lifecycle', () => {
  it.each(PLACEMENT_EVENT_TYPES)(
    '%s starts only where the table says, and leads where it says',
    (event) => {
      const allowed: Record<string, string> = {};
      for (const [unitType, statuses] of Object.entries(REACHABLE) as [
        UnitType,
        PlacementStatus[],
      ][]) {
        for (const status of statuses) {
          const plan = planEvent({ unitType, status }, event, owner[event]);
          if (!('refused' in plan)) allowed[`${unitType}/${status}`] = plan.to;
        }
      }
      expect(allowed).toEqual(EXPECTED[event]);
    },
  );

  it('a flip gives the lease to the client and a terugklap gives it back to the provider', () => {
    expect(
      planEvent({ unitType: 'omklap', status: 'active' }, 'omklap_flipped', 'corporation'),
    ).toMatchObject({ tenant: 'client' });
    expect(
      planEvent({ unitType: 'omklap', status: 'flipped' }, 'terugklap', 'corporation'),
    ).toMatchObject({ tenant: 'provider' });
  });

  it('only the returned_to_waiting event makes the client waiting again; ended frees the home only', () => {
    expect(
      planEvent({ unitType: 'omklap', status: 'terugklap' }, 'returned_to_waiting', 'provider'),
    ).toMatchObject({ effect: 'return_client' });
    expect(
      planEvent({ unitType: 'doorstroom', status: 'active' }, 'ended', 'corporation'),
    ).toMatchObject({ effect: 'end' });
  });

  it('names the state and the parties when it refuses', () => {
    expect(
      planEvent({ unitType: 'omklap', status: 'ended' }, 'omklap_flipped', 'corporation'),
    ).toEqual({
      refused: 'illegal_state',
      detail: 'The placement is ended; omklap_flipped needs it active.',
    });
    expect(
      planEvent({ unitType: 'contingent', status: 'active' }, 'terugklap', 'corporation'),
    ).toMatchObject({ refused: 'illegal_state' });
    expect(
      planEvent({ unitType: 'omklap', status: 'active' }, 'omklap_flipped', 'provider'),
    ).toEqual({
      refused: 'wrong_party',
      detail: 'A provider may not record omklap_flipped; corporation may.',
    });
    expect(
      planEvent({ unitType: 'omklap', status: 'active' }, 'checkin', 'support_provider'),
    ).not.toHaveProperty('refused');
    expect(
      planEvent(
        { unitType: 'omklap', status: 'terugklap' },
        'returned_to_waiting',
        'support_provider',
      ),
    ).toMatchObject({ refused: 'wrong_party' });
  });

  it('covers every status in some reachable state', () => {
    const seen = new Set(Object.values(REACHABLE).flat());
    expect([...seen].sort()).toEqual([...PLACEMENT_STATUSES].sort());
  });
});
