import fc from 'fast-check';

import { InstanceError } from './assignment.errors';
import type { CompactAssignmentInstance } from './assignment.types';
import { checkCompactInstance } from './compact-instance.check';
import { toCompactInstance } from './compact-instance';
import { instanceArbitrary } from './testing/instance.arbitrary';

function small(): CompactAssignmentInstance {
  return toCompactInstance({
    clients: [{ id: 'a' }, { id: 'b' }],
    units: [
      { id: 'x', neighbourhood: 'n1', municipality: 'm' },
      { id: 'y', neighbourhood: 'n2', municipality: 'm' },
    ],
    caps: { neighbourhoods: { n1: 1 } },
    pairs: [
      { client: 'a', unit: 'x', score: 0.5 },
      { client: 'b', unit: 'x', score: 0.25 },
      { client: 'b', unit: 'y', score: 1 },
    ],
    fixed: [{ client: 'a', unit: 'y' }],
  }).compact;
}

function messageFor(instance: CompactAssignmentInstance): string {
  try {
    checkCompactInstance(instance);
  } catch (error) {
    if (error instanceof InstanceError) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('checkCompactInstance', () => {
  it('accepts whatever toCompactInstance builds', () => {
    fc.assert(
      fc.property(
        instanceArbitrary({ maxClients: 8, maxUnits: 8, density: 0.4, withFixed: true }),
        (instance) => {
          expect(messageFor(toCompactInstance(instance).compact)).toBe('accepted');
        },
      ),
      { numRuns: 100 },
    );
  });

  it.each<[string, (instance: CompactAssignmentInstance) => void, string]>([
    [
      'a client index out of range',
      (i) => (i.pairClient[1] = 2),
      'pairClient[1]: client 2 out of range',
    ],
    [
      'a duplicate pair',
      (i) => (i.pairClient[1] = 0),
      'pairClient[1]: duplicate pair of client 0 and unit 0',
    ],
    [
      'a score above the maximum',
      (i) => (i.pairScore[2] = 1_000_001),
      'pairScore[2]: must be an integer in [0, 1000000]',
    ],
    [
      'pair starts going down',
      (i) => (i.unitPairStart = Int32Array.from([0, 4, 3])),
      'unitPairStart[2]: must not be below the one before',
    ],
    [
      'a missing pair count',
      (i) => (i.unitPairStart = Int32Array.from([0, 2, 2])),
      'unitPairStart[2]: must be the pair count, 3',
    ],
    [
      'a short array',
      (i) => (i.unitNeighbourhood = new Int32Array(1)),
      'unitNeighbourhood: must have length 2, not 1',
    ],
    [
      'a neighbourhood out of range',
      (i) => (i.unitNeighbourhood[1] = 5),
      'unitNeighbourhood[1]: 5 out of range',
    ],
    [
      'a cap below -1',
      (i) => (i.neighbourhoodCap[0] = -2),
      'neighbourhoodCap[0]: must be -1 (no cap) or non-negative',
    ],
    [
      'a unit fixed twice',
      (i) => {
        i.fixedClient = Int32Array.from([0, 1]);
        i.fixedUnit = Int32Array.from([1, 1]);
      },
      'fixedUnit[1]: 1 is already in fixedUnit[0]',
    ],
  ])('rejects %s', (_case, edit, message) => {
    const instance = small();
    edit(instance);
    expect(messageFor(instance)).toBe(message);
  });
});
