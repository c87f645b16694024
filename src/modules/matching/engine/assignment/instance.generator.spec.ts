import { toCompactInstance } from './compact-instance';
import {
  generateAssignmentInstance,
  REGION_SHAPE,
  type AssignmentInstanceShape,
} from './instance.generator';
import { parseInstance } from './instance.schema';

const shape: AssignmentInstanceShape = {
  ...REGION_SHAPE,
  clients: 300,
  units: 120,
  pairsPerClient: 10,
  neighbourhoods: 40,
  fixedShare: 0.05,
  seed: 5,
};

describe('generateAssignmentInstance', () => {
  const instance = generateAssignmentInstance(shape);

  it('is reproducible from its seed', () => {
    expect(generateAssignmentInstance(shape)).toEqual(instance);
    expect(generateAssignmentInstance({ ...shape, seed: 6 })).not.toEqual(instance);
  });

  it('makes a valid instance of the requested size', () => {
    expect(() => parseInstance(instance)).not.toThrow();
    expect(instance.clients).toHaveLength(300);
    expect(instance.units).toHaveLength(120);
    expect(instance.pairs).toHaveLength(300 * 10);
    expect(instance.fixed?.length).toBeGreaterThan(0);
  });

  it('scores in [0, 1] in thousandths, so some scores tie', () => {
    const scores = instance.pairs.map((pair) => pair.score);
    expect(scores.every((s) => s >= 0 && s <= 1 && Math.round(s * 1000) === s * 1000)).toBe(true);
    expect(new Set(scores).size).toBeLessThan(scores.length);
  });

  it('has caps, some of them binding', () => {
    const { compact } = toCompactInstance(instance);
    const unitsIn = new Int32Array(compact.neighbourhoodCount);
    for (const n of compact.unitNeighbourhood) unitsIn[n] = (unitsIn[n] ?? 0) + 1;
    const binding = Array.from(compact.neighbourhoodCap).filter(
      (cap, n) => cap >= 0 && cap < (unitsIn[n] ?? 0),
    );
    expect(binding.length).toBeGreaterThan(0);
    expect(Object.keys(instance.caps.municipalities ?? {}).length).toBeGreaterThan(0);
  });
});
