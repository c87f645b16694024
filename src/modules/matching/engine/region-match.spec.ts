import fc from 'fast-check';

import { solveGreedy, solveOptimal } from './assignment/assignment.solver';
import { type FixedPair, matchRegion, type RegionMatchInput } from './region-match';
import { generatePairs } from './scoring/pair-generator';
import { generatePopulation } from './scoring/population-generator';
import { referenceRegion } from './testing/region-reference';

/**
 * A region with some of its pairs already proposed: the first `fixedCount` allowed pairs (one per
 * unit and client) become fixed, their units and clients leave the solve, their load stays.
 */
function regionWithFixed(seed: number, fixedCount: number): RegionMatchInput {
  const population = generatePopulation({
    seed,
    clients: 160,
    units: 60,
    geography: 'noord-midden-limburg',
  });
  const all = generatePairs(population.clients, population.units, population.context);
  const usedUnits = new Set<number>();
  const usedClients = new Set<number>();
  const fixed: FixedPair[] = [];
  const neighbourhoods = new Map(population.context.load.neighbourhoods);
  const municipalities = new Map(population.context.load.municipalities);
  for (let i = 0; i < all.count && fixed.length < fixedCount; i++) {
    const u = all.unitIndex[i]!;
    const c = all.clientIndex[i]!;
    if (usedUnits.has(u) || usedClients.has(c)) continue;
    usedUnits.add(u);
    usedClients.add(c);
    const unit = population.units[u]!;
    fixed.push({
      clientId: population.clients[c]!.id,
      unitId: unit.id,
      neighbourhoodCode: unit.neighbourhoodCode,
      municipalityCode: unit.municipalityCode,
    });
    neighbourhoods.set(
      unit.neighbourhoodCode,
      (neighbourhoods.get(unit.neighbourhoodCode) ?? 0) + 1,
    );
    municipalities.set(unit.municipalityCode, (municipalities.get(unit.municipalityCode) ?? 0) + 1);
  }
  return {
    units: population.units.filter((_unit, u) => !usedUnits.has(u)),
    clients: population.clients.filter((_client, c) => !usedClients.has(c)),
    fixed,
    context: { ...population.context, load: { neighbourhoods, municipalities } },
  };
}

describe('matchRegion', () => {
  it('finds what the engine’s reference path finds, with tiers and groups, fixed pairs kept and counted against the caps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 25 }),
        (seed, fixedCount) => {
          const input = regionWithFixed(seed, fixedCount);
          const result = matchRegion(input);
          const { instance, realId } = referenceRegion(input);
          const optimum = solveOptimal(instance);
          const greedy = solveGreedy(instance);
          expect(result.stats.fixedPairs).toBe(input.fixed.length);
          expect(result.stats.assigned).toBe(optimum.assigned - input.fixed.length);
          expect(result.stats.urgentHoused).toBe(optimum.urgent);
          expect(result.stats.waitDaysHoused).toBe(optimum.waitDays);
          expect(result.stats.fit).toBeCloseTo(optimum.objective, 5);
          expect(result.stats.optimality.exact).toBe(optimum.optimality?.exact);
          expect(result.stats.greedyAssigned).toBe(greedy.assigned - input.fixed.length);
          expect(result.stats.greedyUrgentHoused).toBe(greedy.urgent);
          expect(result.stats.greedyFit).toBeCloseTo(greedy.objective, 5);
          // New pairs never touch a fixed unit or client, and every one passes every hard rule.
          const fixedIds = new Set(input.fixed.flatMap((pair) => [pair.unitId, pair.clientId]));
          for (const pair of result.pairs) {
            expect(fixedIds.has(pair.unitId) || fixedIds.has(pair.clientId)).toBe(false);
            expect(pair.rules.every((rule) => rule.passed)).toBe(true);
            expect(pair.policyVersion).toBe(input.context.policy.version);
          }
          const expected = optimum.assignment
            .map((pair) => `${realId.get(pair.unit)}:${realId.get(pair.client)}`)
            .filter((key) => !input.fixed.some((f) => key === `${f.unitId}:${f.clientId}`))
            .sort();
          expect(result.pairs.map((pair) => `${pair.unitId}:${pair.clientId}`).sort()).toEqual(
            expected,
          );
          const total = result.pairs.reduce((sum, pair) => sum + pair.score, 0);
          expect(result.stats.objective).toBeCloseTo(total, 5);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('reports phase times only when given a clock', () => {
    const input = regionWithFixed(7, 3);
    expect(matchRegion(input).stats.millis).toEqual({ score: 0, solve: 0 });
    let tick = 0;
    const timed = matchRegion(input, { clock: () => (tick += 5) });
    expect(timed.stats.millis).toEqual({ score: 5, solve: 5 });
  });
});
