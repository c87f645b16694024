import fc from 'fast-check';

import { generatePopulation } from './engine';
import { rankUnitCandidates } from './engine/region-match';
import { KeptRegion } from './snapshot.cache';
import type { RegionSnapshot } from './snapshot.loader';

/** A generated region as the loader would give it (the bookkeeping fields are placeholders). */
function snapshotOf(seed: number, clients: number, units: number): RegionSnapshot {
  const population = generatePopulation({
    seed,
    clients,
    units,
    geography: 'noord-midden-limburg',
  });
  return {
    regionCode: 'generated',
    policy: population.context.policy,
    capWindowMonths: 12,
    changeSeq: 0,
    pgSnapshot: '1:1:',
    earliestCounted: { load: null, coverage: null },
    unitVersions: new Map(),
    clientVersions: new Map(),
    units: population.units,
    clients: population.clients,
    fixed: [],
    context: population.context,
  };
}

describe('KeptRegion candidates', () => {
  it("rank a unit over its allowed clients exactly as over the region's every client", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const snapshot = snapshotOf(seed, 240, 40);
        const now = snapshot.context.now;
        const region = new KeptRegion(snapshot, now);
        let ranked = 0;
        for (const unit of snapshot.units) {
          const expected = rankUnitCandidates(snapshot, unit);
          expect(region.candidates(unit, now)).toEqual(expected);
          ranked += expected.length;
        }
        // The property says something only if units have candidates.
        expect(ranked).toBeGreaterThan(0);
      }),
      { numRuns: 8 },
    );
  });

  it('rank a unit the snapshot does not hold (not open to matching) over every client', () => {
    const snapshot = snapshotOf(7, 240, 40);
    const now = snapshot.context.now;
    const region = new KeptRegion(snapshot, now);
    const held = snapshot.units.find((unit) => rankUnitCandidates(snapshot, unit).length > 0)!;
    const proposed = { ...held, id: `${held.id}-proposed` };
    const expected = rankUnitCandidates(snapshot, proposed);
    expect(expected.length).toBeGreaterThan(0);
    expect(region.candidates(proposed, now)).toEqual(expected);
  });
});
