import fc from 'fast-check';

import {
  ANCHOR_KINDS,
  SCORE_CRITERIA,
  STIMULUS_LEVELS,
  STIMULUS_NEEDS,
  SUPPORT_INTENSITIES,
  UNIT_TYPES,
  type UnitType,
} from '../../../../shared/domain/vocabulary';
import type {
  EngineClient,
  EngineUnit,
  MatchingContext,
  PairEvaluation,
  SupportCoverage,
} from '../engine.types';
import { isoDateOf, isoDayNumber } from './calendar';
import { clientFacts } from './client-facts';
import { HARD_RULES, type HardRuleCode } from './hard-rule-codes';
import { evaluatePreparedPair } from './pair-evaluator';
import { CRITERIA_PER_PAIR, type GeneratedPairs, generatePairs } from './pair-generator';
import { generatePopulation } from './population-generator';
import { prepareContext } from './prepared-context';
import { aClient, aContext, aUnit, TEST_NOW } from './test-factories';

const TODAY = isoDayNumber('2025-06-02');
const MUNICIPALITIES = ['GM0983', 'GM0984', 'GM1507', 'GM1894', 'GM0957'];
/** A code without a centroid in the context. */
const UNKNOWN_MUNICIPALITY = 'GM9999';
const NEIGHBOURHOODS = ['BU09830001', 'BU09830002', 'BU09840001', 'BU15070001', 'BU09570001'];
const PROVIDERS = ['P1', 'P2', 'P3'];

const day = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((offset) => isoDateOf(TODAY + offset));
const lat = fc.double({ min: 51.0, max: 51.8, noNaN: true });
const lon = fc.double({ min: 5.6, max: 6.3, noNaN: true });
const municipality = fc.constantFrom(...MUNICIPALITIES, UNKNOWN_MUNICIPALITY);
/** Few distinct values, so equal rents, loads and caps (the boundaries) come up often. */
const money = fc.oneof(
  fc.constantFrom(500, 650, 700, 800),
  fc.double({ min: 400, max: 900, noNaN: true }),
);

const CORPORATIONS = ['K1', 'K2'];
const CLUSTERS = ['S1', 'S2'];
const NEIGHBOURHOOD_POINTS = new Map(
  NEIGHBOURHOODS.map((code, i) => [
    code,
    { municipalityCode: `GM${code.slice(2, 6)}`, lat: 51.1 + i * 0.13, lon: 5.7 + i * 0.11 },
  ]),
);

const unitArbitrary = fc.record({
  type: fc.constantFrom(...UNIT_TYPES),
  corporationId: fc.option(fc.constantFrom(...CORPORATIONS), { nil: undefined }),
  serviceCosts: fc.option(fc.constantFrom(0, 20, 48.5), { nil: undefined }),
  petsAllowed: fc.option(fc.boolean(), { nil: undefined }),
  seniorOnly: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  clusterId: fc.option(fc.constantFrom(...CLUSTERS), { nil: null }),
  municipalityCode: municipality,
  neighbourhoodCode: fc.constantFrom(...NEIGHBOURHOODS),
  location: fc.record({ lat, lon }),
  rent: money,
  bedrooms: fc.integer({ min: 0, max: 3 }),
  floor: fc.integer({ min: 0, max: 3 }),
  hasLift: fc.boolean(),
  wheelchairAccessible: fc.boolean(),
  stimulus: fc.constantFrom(...STIMULUS_LEVELS),
  availableFrom: day(-10, 80),
});

const clientArbitrary = fc.record({
  household: fc.record({
    adults: fc.integer({ min: 1, max: 3 }),
    children: fc.integer({ min: 0, max: 3 }),
  }),
  maxRent: money,
  municipalityOfBelonging: municipality,
  preferredMunicipalities: fc.array(municipality, { maxLength: 3 }),
  avoidMunicipalities: fc.array(municipality, { maxLength: 2 }),
  avoidNeighbourhoods: fc.array(fc.constantFrom(...NEIGHBOURHOODS, 'BU99999999'), { maxLength: 2 }),
  avoidCorporations: fc.array(fc.constantFrom(...CORPORATIONS), { maxLength: 1 }),
  pets: fc.boolean(),
  huurtoeslagEligible: fc.boolean(),
  under23: fc.boolean(),
  mustMoveBy: fc.option(day(-5, 120), { nil: null, freq: 3 }),
  anchors: fc.array(
    fc.record({
      lat: fc.oneof(
        { weight: 9, arbitrary: lat },
        { weight: 1, arbitrary: fc.constant(Number.NaN) },
      ),
      lon,
      kind: fc.constantFrom(...ANCHOR_KINDS),
    }),
    { maxLength: 3 },
  ),
  stimulusNeed: fc.constantFrom(...STIMULUS_NEEDS),
  support: fc.record({
    intensity: fc.constantFrom(...SUPPORT_INTENSITIES),
    providerId: fc.constantFrom(...PROVIDERS, 'P-unknown'),
  }),
  needs: fc.record({ groundFloorOrLift: fc.boolean(), wheelchair: fc.boolean() }),
  routes: fc.subarray([...UNIT_TYPES]),
  readySince: day(-400, 10),
  urgent: fc.boolean(),
  hasConsent: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
  parkedUntil: fc.option(day(-5, 5), { nil: null, freq: 4 }),
});

interface Instance {
  clients: EngineClient[];
  units: EngineUnit[];
  ctx: MatchingContext;
}

const loadMap = (codes: readonly string[]): fc.Arbitrary<Map<string, number>> =>
  fc
    .array(fc.tuple(fc.constantFrom(...codes), fc.integer({ min: 0, max: 6 })), {
      maxLength: codes.length,
    })
    .map((entries) => new Map(entries));

const coverageMap = fc
  .array(
    fc.tuple(
      fc.constantFrom(...MUNICIPALITIES),
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 0, max: 6 }),
    ),
    { maxLength: 5 },
  )
  .map(
    (entries) =>
      new Map<string, SupportCoverage>(
        entries.map(([code, capacity, used]) => [code, { capacity, used }]),
      ),
  );

const instanceArbitrary: fc.Arbitrary<Instance> = fc
  .record({
    clients: fc.array(clientArbitrary, { maxLength: 10 }),
    units: fc.array(unitArbitrary, { maxLength: 12 }),
    maxDistanceKm: fc.oneof(fc.constantFrom(0, 5, 15), fc.double({ min: 0, max: 40, noNaN: true })),
    weights: fc
      .tuple(...SCORE_CRITERIA.map(() => fc.integer({ min: 0, max: 4 })))
      // At least one fit weight: the wait weight alone scores nothing.
      .filter((weights) => weights.slice(0, 4).some((w) => w > 0)),
    neighbourhoodCap: fc.integer({ min: 0, max: 4 }),
    municipalityCaps: fc.dictionary(
      fc.constantFrom(...MUNICIPALITIES),
      fc.integer({ min: 0, max: 6 }),
    ),
    planningHorizonDays: fc.integer({ min: 0, max: 90 }),
    neighbourhoodLoad: loadMap(NEIGHBOURHOODS),
    municipalityLoad: loadMap(MUNICIPALITIES),
    fairShare: fc.option(
      fc.array(
        fc.tuple(fc.constantFrom(...MUNICIPALITIES), fc.double({ min: 0, max: 1, noNaN: true })),
      ),
      { nil: undefined },
    ),
    coverage: fc.tuple(coverageMap, coverageMap, coverageMap),
    minDistanceKmFromAvoided: fc.constantFrom(0, 2, 5, 12),
    requireOwnProvider: fc.boolean(),
    capExemptTypes: fc.subarray([...UNIT_TYPES]),
    clusterCap: fc.integer({ min: 0, max: 6 }),
    clusterLoad: loadMap(CLUSTERS),
    skaeveDistance: fc.option(fc.constantFrom(10, 50), { nil: undefined }),
    withNeighbourhoods: fc.boolean(),
    pledges: fc.option(loadMap(MUNICIPALITIES), { nil: undefined }),
    maxWaitDays: fc.integer({ min: 0, max: 400 }),
    excluded: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
    hour: fc.integer({ min: 0, max: 23 }),
  })
  .map((r): Instance => {
    const clients = r.clients.map((client, i) => ({ ...client, id: `c${i}` }));
    const units = r.units.map((unit, i) => ({ ...unit, id: `u${i}` }));
    const [location, spreiding, prikkelarm, begeleiding, wait] = r.weights as [
      number,
      number,
      number,
      number,
      number,
    ];
    const excludedPairs = new Set(
      clients.length > 0 && units.length > 0
        ? r.excluded.map(([c, u]) => `c${c % clients.length}:u${u % units.length}`)
        : [],
    );
    const base = aContext();
    return {
      clients,
      units,
      ctx: {
        ...base,
        now: new Date(TEST_NOW.getTime() + (r.hour - 10) * 3_600_000),
        policy: {
          version: 3,
          weights: { location, spreiding, prikkelarm, begeleiding, wait },
          neighbourhoodCap: r.neighbourhoodCap,
          municipalityCaps: r.municipalityCaps,
          maxDistanceKm: r.maxDistanceKm,
          planningHorizonDays: r.planningHorizonDays,
          minDistanceKmFromAvoided: r.minDistanceKmFromAvoided,
          requireOwnProvider: r.requireOwnProvider,
          capExemptTypes: r.capExemptTypes,
          clusterCap: r.clusterCap,
          maxDistanceKmByType:
            r.skaeveDistance === undefined ? {} : { skaeve_huis: r.skaeveDistance },
          maxWaitDays: r.maxWaitDays,
        },
        load: {
          neighbourhoods: r.neighbourhoodLoad,
          municipalities: r.municipalityLoad,
          clusters: r.clusterLoad,
        },
        ...(r.withNeighbourhoods ? { neighbourhoods: NEIGHBOURHOOD_POINTS } : {}),
        ...(r.pledges === undefined ? {} : { pledges: r.pledges }),
        ...(r.fairShare === undefined ? {} : { fairShare: new Map(r.fairShare) }),
        coverage: new Map(
          PROVIDERS.map((id, i) => [id, r.coverage[i] as Map<string, SupportCoverage>]),
        ),
        excludedPairs,
      },
    };
  });

interface BruteForce {
  allowed: Map<string, PairEvaluation>;
  /** Per client id, the best score of its allowed pairs. */
  best: Map<string, number>;
  firstFailure: Map<HardRuleCode, number>;
}

/** evaluatePair over every pair (with the context prepared once: evaluatePair's own body). */
function bruteForce({ clients, units, ctx }: Instance): BruteForce {
  const allowed = new Map<string, PairEvaluation>();
  const best = new Map<string, number>();
  const firstFailure = new Map<HardRuleCode, number>();
  const prepared = prepareContext(ctx);
  for (const client of clients) {
    for (const unit of units) {
      const evaluation = evaluatePreparedPair(client, unit, prepared);
      if (evaluation.allowed) {
        allowed.set(`${client.id}|${unit.id}`, evaluation);
        best.set(client.id, Math.max(best.get(client.id) ?? 0, evaluation.score));
      }
      const failed = evaluation.rules.find((rule) => !rule.passed);
      if (failed) {
        const code = failed.code as HardRuleCode;
        firstFailure.set(code, (firstFailure.get(code) ?? 0) + 1);
      }
    }
  }
  return { allowed, best, firstFailure };
}

function generatedByKey({ clients, units }: Instance, pairs: GeneratedPairs) {
  const result = new Map<
    string,
    { score: number; fit: number; breakdown: number[]; provider: string | null }
  >();
  for (let i = 0; i < pairs.count; i++) {
    const client = clients[pairs.clientIndex[i]!]!;
    const unit = units[pairs.unitIndex[i]!]!;
    const group = pairs.pairGroup[i]!;
    result.set(`${client.id}|${unit.id}`, {
      score: pairs.score[i]!,
      fit: pairs.fit[i]!,
      provider: group < 0 ? null : pairs.groups[group]!.providerId,
      breakdown: Array.from(
        pairs.breakdown.subarray(i * CRITERIA_PER_PAIR, (i + 1) * CRITERIA_PER_PAIR),
      ),
    });
  }
  return result;
}

/** generatePairs must agree with evaluatePair over every pair, to the last bit. */
function expectSameAsBruteForce(instance: Instance): void {
  const pairs = generatePairs(instance.clients, instance.units, instance.ctx);
  const expected = bruteForce(instance);
  const actual = generatedByKey(instance, pairs);

  expect([...actual.keys()].sort()).toEqual([...expected.allowed.keys()].sort());
  for (const [key, evaluation] of expected.allowed) {
    const generated = actual.get(key)!;
    expect(generated.score).toBe(evaluation.score);
    // The fit is normalised per client: its best home is worth exactly 1.
    expect(generated.fit).toBe(1 - (expected.best.get(evaluation.clientId)! - evaluation.score));
    // An intensive pair draws on the capacity group of the provider evaluatePair names.
    const client = instance.clients.find((c) => c.id === evaluation.clientId)!;
    expect(generated.provider).toBe(
      client.support.intensity === 'intensive' ? evaluation.supportProviderId : null,
    );
    expect(generated.breakdown).toEqual(
      SCORE_CRITERIA.map((criterion) => evaluation.breakdown[criterion]),
    );
  }
  expect(pairs.policyVersion).toBe(instance.ctx.policy.version);
  const prepared = prepareContext(instance.ctx);
  instance.clients.forEach((client, c) => {
    const facts = clientFacts(client, prepared);
    expect(pairs.clientWait[c]).toBe(facts.days);
    expect(pairs.clientUrgent[c]).toBe(facts.urgency === null ? 0 : 1);
  });
  for (const group of pairs.groups) {
    const coverage = instance.ctx.coverage.get(group.providerId)!.get(group.municipalityCode)!;
    expect(group.capacity).toBe(coverage.capacity - coverage.used);
    expect(group.capacity).toBeGreaterThan(0);
  }

  const { stats } = pairs;
  const visitedExclusions = Object.values(stats.candidatesExcluded).reduce((sum, n) => sum + n, 0);
  expect(visitedExclusions + stats.allowedPairs).toBe(stats.candidatesVisited);
  // Clients and units excluded by their own rules are counted once each; a visited pair is counted
  // under its first failing rule, so never more often than brute force finds that rule first.
  for (const rule of HARD_RULES) {
    const bulk =
      { ...stats.clientsExcluded, ...stats.unitsExcluded, ...stats.candidatesExcluded }[
        rule.code
      ] ?? 0;
    const brute = expected.firstFailure.get(rule.code) ?? 0;
    if (rule.scope === 'client') {
      expect(bulk * instance.units.length).toBe(brute);
    } else if (rule.scope === 'unit') {
      expect(bulk * stats.matchableClients).toBe(brute);
    } else {
      expect(bulk).toBeLessThanOrEqual(brute);
    }
  }
}

describe('generatePairs', () => {
  it('equals evaluatePair over every pair, on random small populations', () => {
    fc.assert(fc.property(instanceArbitrary, expectSameAsBruteForce), { numRuns: 300 });
  });

  it('equals evaluatePair over every pair of a realistic seeded population', () => {
    const { clients, units, context } = generatePopulation({
      seed: 11,
      clients: 400,
      units: 250,
      geography: 'noord-midden-limburg',
    });
    expectSameAsBruteForce({ clients, units, ctx: context });
  });

  it('visits only a small part of all pairs of a national population, and agrees with brute force', () => {
    const { clients, units, context } = generatePopulation({
      seed: 12,
      clients: 300,
      units: 600,
      geography: 'national',
    });
    const pairs = generatePairs(clients, units, context);

    expect(pairs.count).toBeGreaterThan(clients.length);
    expect(pairs.stats.candidatesVisited).toBeLessThan((clients.length * units.length) / 10);
    expectSameAsBruteForce({ clients, units, ctx: context });
  });

  it('is deterministic and ordered by client, then unit', () => {
    const { clients, units, context } = generatePopulation({
      seed: 13,
      clients: 300,
      units: 200,
      geography: 'noord-midden-limburg',
    });
    const first = generatePairs(clients, units, context);
    const second = generatePairs(clients, units, context);

    expect(second).toEqual(first);
    for (let i = 1; i < first.count; i++) {
      const previous = first.clientIndex[i - 1]! * units.length + first.unitIndex[i - 1]!;
      expect(first.clientIndex[i]! * units.length + first.unitIndex[i]!).toBeGreaterThan(previous);
    }
    expect(first.breakdown.length).toBe(first.count * CRITERIA_PER_PAIR);
  });

  it('without breakdowns gives the same pairs, scores and groups, and an empty breakdown', () => {
    const { clients, units, context } = generatePopulation({
      seed: 14,
      clients: 300,
      units: 200,
      geography: 'noord-midden-limburg',
    });
    const full = generatePairs(clients, units, context);
    const lean = generatePairs(clients, units, context, { breakdowns: false });

    expect(full.count).toBeGreaterThan(0);
    expect(lean.breakdown.length).toBe(0);
    expect({ ...lean, breakdown: full.breakdown }).toEqual(full);
  });

  it('finds a unit just inside the maximum distance east of an anchor far north of the data', () => {
    // The projection is centred far south of the anchor, where a degree of longitude is longer:
    // without the widened search this unit would be missed.
    const anchor = { lat: 53.45, lon: 6.5, kind: 'family' as const };
    const kmPerDegreeLon = (Math.PI / 180) * 6371.0088 * Math.cos((anchor.lat * Math.PI) / 180);
    const inside = aUnit({
      id: 'inside',
      location: { lat: anchor.lat, lon: anchor.lon + 14.999 / kmPerDegreeLon },
    });
    const outside = aUnit({
      id: 'outside',
      location: { lat: anchor.lat, lon: anchor.lon + 15.05 / kmPerDegreeLon },
    });
    const southern = Array.from({ length: 20 }, (_, i) =>
      aUnit({ id: `s${i}`, location: { lat: 50.8, lon: 5.7 + i * 0.01 } }),
    );
    const client = aClient({ anchors: [anchor], municipalityOfBelonging: UNKNOWN_MUNICIPALITY });
    const instance = { clients: [client], units: [inside, outside, ...southern], ctx: aContext() };

    const pairs = generatePairs(instance.clients, instance.units, instance.ctx);
    expect(Array.from(pairs.unitIndex)).toEqual([0]);
    // The unit just beyond the maximum is visited (it lies within the search margin) and counted.
    expect(pairs.stats.candidatesExcluded.OUTSIDE_ACCEPTABLE_AREA).toBe(1);
    expectSameAsBruteForce(instance);
  });

  it('matches declined pairs exactly, also when ids contain colons', () => {
    const clients = [aClient({ id: 'a' }), aClient({ id: 'a:b' })];
    const units = [aUnit({ id: 'b:c' }), aUnit({ id: 'c' }), aUnit({ id: 'd' })];
    const ctx = aContext({ excludedPairs: new Set(['a:b:c']) });

    const pairs = generatePairs(clients, units, ctx);
    const allowed = Array.from(
      pairs.clientIndex,
      (c, i) => `${clients[c]!.id}|${units[pairs.unitIndex[i]!]!.id}`,
    );
    expect(allowed).toEqual(['a|c', 'a|d', 'a:b|b:c', 'a:b|d']);
    expectSameAsBruteForce({ clients, units, ctx });
  });

  it('never allows a unit of a type it does not know', () => {
    const units = [aUnit({ id: 'odd', type: 'villa' as UnitType }), aUnit()];
    const clients = [aClient({ routes: ['contingent', 'villa' as UnitType] })];

    const pairs = generatePairs(clients, units, aContext());
    expect(Array.from(pairs.unitIndex)).toEqual([1]);
    expectSameAsBruteForce({ clients, units, ctx: aContext() });
  });

  it('returns empty columns for an empty input', () => {
    const pairs = generatePairs([], [], aContext());
    expect(pairs.count).toBe(0);
    expect(pairs.stats.candidatesVisited).toBe(0);
  });
});
