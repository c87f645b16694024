import fc from 'fast-check';

import type { AssignmentInstance } from './assignment/assignment.types';
import { solveGreedy, solveOptimal } from './assignment/assignment.solver';
import { type FixedPair, matchRegion, type RegionMatchInput } from './region-match';
import { generatePairs } from './scoring/pair-generator';
import { generatePopulation } from './scoring/population-generator';

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

/** The same region through the engine's string-id path, fixed pairs as the solver's `fixed`. */
function referenceInstance(input: RegionMatchInput): AssignmentInstance {
  const { units, clients, fixed, context } = input;
  const pairs = generatePairs(clients, units, context);
  const placed = (map: ReadonlyMap<string, number>, code: string, key: keyof FixedPair) =>
    (map.get(code) ?? 0) - fixed.filter((pair) => pair[key] === code).length;
  const neighbourhoods = new Set([
    ...units.map((unit) => unit.neighbourhoodCode),
    ...fixed.map((pair) => pair.neighbourhoodCode),
  ]);
  const municipalityCodes = new Set([
    ...units.map((unit) => unit.municipalityCode),
    ...fixed.map((pair) => pair.municipalityCode),
  ]);
  const { policy, load } = context;
  return {
    clients: [
      ...clients.map((c) => ({ id: c.id })),
      ...fixed.map((pair) => ({ id: pair.clientId })),
    ],
    units: [
      ...units.map((u) => ({
        id: u.id,
        neighbourhood: u.neighbourhoodCode,
        municipality: u.municipalityCode,
      })),
      ...fixed.map((pair) => ({
        id: pair.unitId,
        neighbourhood: pair.neighbourhoodCode,
        municipality: pair.municipalityCode,
      })),
    ],
    caps: {
      neighbourhoods: Object.fromEntries(
        [...neighbourhoods].map((code) => [
          code,
          Math.max(
            0,
            policy.neighbourhoodCap - placed(load.neighbourhoods, code, 'neighbourhoodCode'),
          ),
        ]),
      ),
      municipalities: Object.fromEntries(
        [...municipalityCodes]
          .filter((code) => Object.hasOwn(policy.municipalityCaps, code))
          .map((code) => [
            code,
            Math.max(
              0,
              policy.municipalityCaps[code]! -
                placed(load.municipalities, code, 'municipalityCode'),
            ),
          ]),
      ),
    },
    pairs: Array.from({ length: pairs.count }, (_, i) => ({
      client: clients[pairs.clientIndex[i]!]!.id,
      unit: units[pairs.unitIndex[i]!]!.id,
      score: pairs.score[i]!,
    })),
    fixed: fixed.map((pair) => ({ client: pair.clientId, unit: pair.unitId })),
  };
}

describe('matchRegion', () => {
  it('finds what the engine’s reference path finds, fixed pairs kept and counted against the caps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 25 }),
        (seed, fixedCount) => {
          const input = regionWithFixed(seed, fixedCount);
          const result = matchRegion(input);
          const reference = referenceInstance(input);
          const optimum = solveOptimal(reference);
          const greedy = solveGreedy(reference);
          expect(result.stats.fixedPairs).toBe(input.fixed.length);
          expect(result.stats.assigned).toBe(optimum.assigned - input.fixed.length);
          expect(result.stats.objective).toBeCloseTo(optimum.objective, 6);
          expect(result.stats.greedyAssigned).toBe(greedy.assigned - input.fixed.length);
          expect(result.stats.greedyObjective).toBeCloseTo(greedy.objective, 6);
          // New pairs never touch a fixed unit or client, and every one passes every hard rule.
          const fixedIds = new Set(input.fixed.flatMap((pair) => [pair.unitId, pair.clientId]));
          for (const pair of result.pairs) {
            expect(fixedIds.has(pair.unitId) || fixedIds.has(pair.clientId)).toBe(false);
            expect(pair.rules.every((rule) => rule.passed)).toBe(true);
            expect(pair.policyVersion).toBe(input.context.policy.version);
          }
          const expected = optimum.assignment
            .filter((pair) => !fixedIds.has(pair.client))
            .map((pair) => `${pair.unit}:${pair.client}`)
            .sort();
          expect(result.pairs.map((pair) => `${pair.unitId}:${pair.clientId}`).sort()).toEqual(
            expected,
          );
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
