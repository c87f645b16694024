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
    contextKey: `generated ${seed}`,
    regionMunicipalities: [],
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

describe('KeptRegion brought up to date', () => {
  /**
   * The region after some units and clients left, changed or came (`pick` decides per entry from
   * a random stream), in the same context: what `loadRegionDelta` hands over.
   */
  function changedRegion(before: RegionSnapshot, pick: () => number) {
    const changedUnits = new Set<string>();
    const changedClients = new Set<string>();
    const units: RegionSnapshot['units'][number][] = [];
    for (const unit of before.units) {
      const roll = pick();
      if (roll < 0.1) {
        changedUnits.add(unit.id);
      } else if (roll < 0.2) {
        changedUnits.add(unit.id);
        units.push({ ...unit, rent: unit.rent * 0.8, floor: 0, hasLift: true });
      } else if (roll < 0.25) {
        changedUnits.add(`${unit.id}-new`);
        units.push(unit, { ...unit, id: `${unit.id}-new`, rent: unit.rent * 0.9 });
      } else {
        units.push(unit);
      }
    }
    const clients: RegionSnapshot['clients'][number][] = [];
    for (const client of before.clients) {
      const roll = pick();
      if (roll < 0.1) {
        changedClients.add(client.id);
      } else if (roll < 0.2) {
        changedClients.add(client.id);
        clients.push({
          ...client,
          maxRent: client.maxRent + 150,
          anchors: client.anchors.slice(1),
        });
      } else if (roll < 0.25) {
        changedClients.add(`${client.id}-new`);
        clients.push(client, { ...client, id: `${client.id}-new`, maxRent: client.maxRent + 50 });
      } else {
        clients.push(client);
      }
    }
    // Something changed, or the property would check nothing new.
    expect(changedUnits.size + changedClients.size).toBeGreaterThan(0);
    return { snapshot: { ...before, units, clients }, changedUnits, changedClients };
  }

  function expectSameCandidates(region: KeptRegion, snapshot: RegionSnapshot): number {
    const now = snapshot.context.now;
    const fresh = new KeptRegion(snapshot, now);
    let ranked = 0;
    for (const unit of snapshot.units) {
      const expected = fresh.candidates(unit, now);
      expect(region.candidates(unit, now)).toEqual(expected);
      ranked += expected.length;
    }
    return ranked;
  }

  it("ranks every unit as a fresh read of the changed region does, after one change or several, with the earlier snapshot's pairs used or not", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 99 })),
        fc.boolean(),
        (seed, stream, rankedBetween) => {
          const rolls = stream[Symbol.iterator]();
          const pick = () => (rolls.next().value as number) / 100;
          const first = snapshotOf(seed, 240, 40);
          const now = first.context.now;
          const region = new KeptRegion(first, now);
          // Its pairs are generated when a unit is ranked.
          region.candidates(first.units[0]!, now);
          const second = changedRegion(first, pick);
          const middle = region.updated(second, now);
          if (rankedBetween)
            expect(expectSameCandidates(middle, second.snapshot)).toBeGreaterThan(0);
          const third = changedRegion(second.snapshot, pick);
          const last = middle.updated(third, now);
          expect(expectSameCandidates(last, third.snapshot)).toBeGreaterThan(0);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('generates only the pairs of what changed when the context is the same', () => {
    const first = snapshotOf(13, 240, 40);
    const now = first.context.now;
    const region = new KeptRegion(first, now);
    region.candidates(first.units[0]!, now);
    const [moved] = first.units;
    const changed: RegionSnapshot = {
      ...first,
      units: [{ ...moved!, rent: moved!.rent - 50 }, ...first.units.slice(1)],
    };
    const updated = region.updated(
      { snapshot: changed, changedUnits: new Set([moved!.id]), changedClients: new Set() },
      now,
    );
    const fresh = new KeptRegion(changed, now);
    expect(expectSameCandidates(updated, changed)).toBeGreaterThan(0);
    // The one unit's pairs, against all of them.
    expect(updated.pairsGenerated).toBe(fresh.candidates(changed.units[0]!, now).length);
    expect(fresh.pairsGenerated).toBeGreaterThan(updated.pairsGenerated * 4);
  });

  it('generates every pair anew when the context changed', () => {
    const first = snapshotOf(11, 240, 40);
    const now = first.context.now;
    const region = new KeptRegion(first, now);
    region.candidates(first.units[0]!, now);
    const load = new Map(first.context.load.municipalities);
    for (const code of load.keys()) load.set(code, (load.get(code) ?? 0) + 3);
    const changed: RegionSnapshot = {
      ...first,
      context: { ...first.context, load: { ...first.context.load, municipalities: load } },
      contextKey: 'another load',
    };
    const updated = region.updated(
      { snapshot: changed, changedUnits: new Set(), changedClients: new Set() },
      now,
    );
    expect(expectSameCandidates(updated, changed)).toBeGreaterThan(0);
    const fresh = new KeptRegion(changed, now);
    fresh.candidates(changed.units[0]!, now);
    expect(updated.pairsGenerated).toBe(fresh.pairsGenerated);
  });
});
