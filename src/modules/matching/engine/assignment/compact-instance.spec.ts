import { NO_CAP, type AssignmentInstance } from './assignment.types';
import { toAssignmentSolution, toCompactInstance, toMicroPoints } from './compact-instance';

const instance: AssignmentInstance = {
  clients: [{ id: 'c2' }, { id: 'c10' }, { id: 'c1' }],
  units: [
    { id: 'u2', neighbourhood: 'BU2', municipality: 'GM1' },
    { id: 'u1', neighbourhood: 'BU1', municipality: 'GM1' },
    { id: 'u3', neighbourhood: 'BU3', municipality: 'GM0' },
  ],
  caps: { neighbourhoods: { BU2: 0, BU9: 4 }, municipalities: { GM1: 1 } },
  pairs: [
    { client: 'c2', unit: 'u1', score: 0.5 },
    { client: 'c1', unit: 'u2', score: 1 },
    { client: 'c1', unit: 'u1', score: 0.1234565 },
    { client: 'c10', unit: 'u3', score: 0 },
  ],
  fixed: [{ client: 'c10', unit: 'u3' }],
};

describe('toCompactInstance', () => {
  const { compact, clientIds, unitIds } = toCompactInstance(instance);

  it('numbers clients and units in id order (code units, so "c10" < "c2")', () => {
    expect(clientIds).toEqual(['c1', 'c10', 'c2']);
    expect(unitIds).toEqual(['u1', 'u2', 'u3']);
  });

  it('groups pairs by unit, clients ascending, scores in micro-points', () => {
    expect(Array.from(compact.unitPairStart)).toEqual([0, 2, 3, 4]);
    expect(Array.from(compact.pairClient)).toEqual([0, 2, 0, 1]);
    expect(Array.from(compact.pairScore)).toEqual([123_457, 500_000, 1_000_000, 0]);
  });

  it('maps areas and their caps; areas without units are left out', () => {
    // Neighbourhoods BU1, BU2, BU3; municipalities GM0, GM1.
    expect(Array.from(compact.unitNeighbourhood)).toEqual([0, 1, 2]);
    expect(Array.from(compact.neighbourhoodMunicipality)).toEqual([1, 1, 0]);
    expect(Array.from(compact.neighbourhoodCap)).toEqual([NO_CAP, 0, NO_CAP]);
    expect(Array.from(compact.municipalityCap)).toEqual([NO_CAP, 1]);
  });

  it('carries the fixed pairs as indices', () => {
    expect(Array.from(compact.fixedClient)).toEqual([1]);
    expect(Array.from(compact.fixedUnit)).toEqual([2]);
  });

  it('turns a compact solution back into ids, sorted by client id, objective from micro-points', () => {
    const indexed = toCompactInstance(instance);
    const solution = toAssignmentSolution(
      indexed,
      { clientUnit: Int32Array.from([1, 2, 0]), assigned: 3, objectiveMicro: 1_100_001 },
      1.5,
    );
    expect(solution).toEqual({
      assignment: [
        { client: 'c1', unit: 'u2' },
        { client: 'c10', unit: 'u3' },
        { client: 'c2', unit: 'u1' },
      ],
      assigned: 3,
      objective: 1.100001,
      stats: { clients: 3, units: 3, pairs: 4, millis: 1.5 },
    });
  });
});

describe('toMicroPoints', () => {
  it('rounds to the nearest micro-point', () => {
    expect(toMicroPoints(0.82)).toBe(820_000);
    expect(toMicroPoints(0.0000004)).toBe(0);
    expect(toMicroPoints(0.9999996)).toBe(1_000_000);
  });
});
