import { solveOptimal } from '../assignment';
import type { EngineClient, EngineUnit, MatchingContext, SupportCoverage } from '../engine.types';
import { rankCandidates } from './candidate-ranking';
import { evaluatePair } from './pair-evaluator';
import { generatePairs, type GeneratedPairs } from './pair-generator';
import { capAreasOf, capBlockedClients, comparePairsByTier, passedOverReport } from './priorities';
import { aClient, aContext, aUnit, VENLO } from './test-factories';

/** A municipality code with no known centre: only anchors count as network points. */
const NOWHERE = 'GM9999';
const UNIT_AT = { lat: 51.372, lon: 6.168 };
/** About `km` km due south of the unit. */
const southOfUnit = (km: number) => ({ lat: UNIT_AT.lat - km / 111.2, lon: UNIT_AT.lon });

function clientAt(id: string, km: number, overrides: Partial<EngineClient> = {}): EngineClient {
  return aClient({
    id,
    municipalityOfBelonging: NOWHERE,
    anchors: [{ ...southOfUnit(km), kind: 'family' }],
    ...overrides,
  });
}

/** The pair index of client `id` with the first unit. */
function pairOf(pairs: GeneratedPairs, clients: readonly EngineClient[], id: string): number {
  const c = clients.findIndex((client) => client.id === id);
  const i = Array.from(pairs.clientIndex).indexOf(c);
  expect(i).toBeGreaterThanOrEqual(0);
  return i;
}

describe('priority tiers at the scoring level', () => {
  it('favours an urgent client on day 0 over a nearer client waiting 30 days', () => {
    const clients = [
      clientAt('near', 0.5, { readySince: '2025-05-03' }),
      clientAt('urgent', 4, { readySince: '2025-06-02', urgent: true }),
    ];
    const ctx = aContext();
    const pairs = generatePairs(clients, [aUnit()], ctx);
    const near = pairOf(pairs, clients, 'near');
    const urgent = pairOf(pairs, clients, 'urgent');

    // The nearer client fits better, so a score-only assignment would house it ...
    expect(pairs.score[near]).toBeGreaterThan(pairs.score[urgent]!);
    // ... but the urgency tier comes first.
    expect(Array.from(pairs.clientUrgent)).toEqual([0, 1]);
    expect(comparePairsByTier(pairs, urgent, near)).toBeLessThan(0);
    expect(rankCandidates(aUnit(), clients, ctx).map((c) => c.clientId)).toEqual([
      'urgent',
      'near',
    ]);
  });

  it('favours a two-year wait twelve km away over a 30-day wait one km away, urgency aside', () => {
    const clients = [
      clientAt('recent', 1, { readySince: '2025-05-03' }),
      clientAt('long', 12, { readySince: '2023-06-03' }),
    ];
    // A maximum wait beyond two years: the wait tier alone decides, not urgency.
    const ctx = aContext({ policy: { maxWaitDays: 1000 } });
    const pairs = generatePairs(clients, [aUnit()], ctx);
    const recent = pairOf(pairs, clients, 'recent');
    const long = pairOf(pairs, clients, 'long');

    expect(pairs.score[recent]).toBeGreaterThan(pairs.score[long]!);
    expect(Array.from(pairs.clientUrgent)).toEqual([0, 0]);
    expect(Array.from(pairs.clientWait)).toEqual([30, 730]);
    expect(comparePairsByTier(pairs, long, recent)).toBeLessThan(0);

    // With the default maxWaitDays (365) the two-year wait even counts as urgent.
    const byDefault = generatePairs(clients, [aUnit()], aContext());
    expect(Array.from(byDefault.clientUrgent)).toEqual([0, 1]);
  });

  it('decides otherwise equal clients by their index, which the caller orders by readySince', () => {
    const clients = [clientAt('first', 2), clientAt('second', 2)];
    const pairs = generatePairs(clients, [aUnit()], aContext());

    expect(pairs.score[0]).toBe(pairs.score[1]);
    expect(comparePairsByTier(pairs, 0, 1)).toBeLessThan(0);
    expect(comparePairsByTier(pairs, 1, 0)).toBeGreaterThan(0);
  });

  it('makes a client urgent when it must move within mustMoveUrgentDays', () => {
    const clients = [
      clientAt('soon', 2, { mustMoveBy: '2025-07-01' }),
      clientAt('later', 2, { mustMoveBy: '2025-12-01' }),
    ];
    const pairs = generatePairs(
      clients,
      [aUnit()],
      aContext({ policy: { mustMoveUrgentDays: 60 } }),
    );
    expect(Array.from(pairs.clientUrgent)).toEqual([1, 0]);
  });

  it('does not let begeleiding disadvantage an intensive-support client who waited longer', () => {
    const busy: MatchingContext = aContext({
      coverage: new Map([
        ['P1', new Map<string, SupportCoverage>([[VENLO, { capacity: 10, used: 8 }]])],
      ]),
    });
    const clients = [
      clientAt('intensive', 2, {
        readySince: '2025-01-01',
        support: { intensity: 'intensive', providerId: 'P1' },
      }),
      clientAt('light', 2, {
        readySince: '2025-04-01',
        support: { intensity: 'light', providerId: 'P1' },
      }),
    ];
    const pairs = generatePairs(clients, [aUnit()], busy);
    const intensive = pairOf(pairs, clients, 'intensive');
    const light = pairOf(pairs, clients, 'light');

    // A busy team lowers every pair of the intensive client ...
    expect(pairs.score[intensive]).toBeLessThan(pairs.score[light]!);
    // ... which neither its tier nor its normalised fit feels: its best home is worth 1 too.
    expect(pairs.fit[intensive]).toBe(1);
    expect(pairs.fit[light]).toBe(1);
    expect(comparePairsByTier(pairs, intensive, light)).toBeLessThan(0);
  });

  it('normalises fit per client, so a criterion lowering all its pairs alike changes nothing', () => {
    const units = [
      aUnit({ id: 'u1' }),
      aUnit({ id: 'u2', location: { lat: 51.4, lon: 6.2 } }),
      aUnit({ id: 'u3', location: { lat: 51.33, lon: 6.1 }, stimulus: 'medium' }),
    ];
    const client = aClient({ support: { intensity: 'intensive', providerId: 'P1' } });
    const withCapacity = (used: number) =>
      aContext({
        coverage: new Map([
          ['P1', new Map<string, SupportCoverage>([[VENLO, { capacity: 10, used }]])],
        ]),
      });
    const free = generatePairs([client], units, withCapacity(0));
    const busy = generatePairs([client], units, withCapacity(8));

    expect(busy.count).toBe(3);
    for (let i = 0; i < 3; i++) {
      expect(busy.score[i]).toBeLessThan(free.score[i]!);
      expect(busy.fit[i]).toBeCloseTo(free.fit[i]!, 12);
    }
  });

  it('with today’s solver (no tiers yet), the normalised fit leaves the tie to readySince order', () => {
    // The caller numbers clients by readySince: the two-year client comes first.
    const clients = [
      clientAt('a-two-years', 12, { readySince: '2023-06-03' }),
      clientAt('b-thirty-days', 1, { readySince: '2025-05-03' }),
    ];
    const units: EngineUnit[] = [aUnit()];
    const pairs = generatePairs(clients, units, aContext({ policy: { maxWaitDays: 1000 } }));
    const instance = {
      clients: clients.map((client) => ({ id: client.id })),
      units: units.map((unit) => ({
        id: unit.id,
        neighbourhood: unit.neighbourhoodCode,
        municipality: unit.municipalityCode,
      })),
      caps: {},
      pairs: Array.from(pairs.clientIndex, (c, i) => ({
        client: clients[c]!.id,
        unit: units[pairs.unitIndex[i]!]!.id,
        score: pairs.fit[i]!,
      })),
    };
    expect(solveOptimal(instance).assignment).toEqual([{ client: 'a-two-years', unit: 'u1' }]);
    // Scored on raw fit, the nearer, shorter-waiting client would have won.
    const raw = {
      ...instance,
      pairs: instance.pairs.map((pair, i) => ({ ...pair, score: pairs.score[i]! })),
    };
    expect(solveOptimal(raw).assignment).toEqual([{ client: 'b-thirty-days', unit: 'u1' }]);
  });
});

describe('safety: avoided areas', () => {
  // Venlo's kernen as neighbourhood centroids: the avoided area's distance is measured to them.
  const venloNeighbourhoods = new Map(
    [
      ['BU09830001', 51.37, 6.172],
      ['BU09830002', 51.368, 6.145],
      ['BU09830003', 51.345, 6.137],
      ['BU09830004', 51.41, 6.17],
      ['BU09830005', 51.476, 6.179],
    ].map(([code, lat, lon]) => [
      code as string,
      { municipalityCode: VENLO, lat: lat as number, lon: lon as number },
    ]),
  );
  const ctx = aContext({
    neighbourhoods: venloNeighbourhoods,
    coverage: new Map([
      [
        'P1',
        new Map<string, SupportCoverage>([
          [VENLO, { capacity: 10, used: 0 }],
          ['GM1507', { capacity: 10, used: 0 }],
        ]),
      ],
    ]),
  });
  const inVenlo = aUnit({ id: 'venlo' });
  /** Grubbenvorst, Horst aan de Maas: about 2.4 km from Venlo's northern kern. */
  const justOver = aUnit({
    id: 'grubbenvorst',
    municipalityCode: 'GM1507',
    neighbourhoodCode: 'BU15070001',
    location: { lat: 51.42, lon: 6.14 },
  });
  /** Horst, about 9 km from the nearest Venlo kern. */
  const wellAway = aUnit({
    id: 'horst',
    municipalityCode: 'GM1507',
    neighbourhoodCode: 'BU15070002',
    location: { lat: 51.454, lon: 6.052 },
  });
  const units = [inVenlo, justOver, wellAway];
  const voClient = aClient({
    id: 'vo',
    municipalityOfBelonging: VENLO,
    avoidMunicipalities: [VENLO],
    anchors: [{ lat: 51.37, lon: 6.16, kind: 'family' }],
  });

  it('gives a VO client avoiding Venlo no home in Venlo nor within the minimum distance, and says why', () => {
    const pairs = generatePairs([voClient], units, ctx);
    expect(pairs.count).toBe(0);

    const why = (unit: EngineUnit) =>
      evaluatePair(voClient, unit, ctx).rules.filter((rule) => !rule.passed);
    expect(why(inVenlo).map((rule) => rule.code)).toContain('MUNICIPALITY_AVOIDED');
    const near = why(justOver);
    expect(near.map((rule) => rule.code)).toContain('TOO_CLOSE_TO_AVOIDED_AREA');
    expect(near.find((rule) => rule.code === 'TOO_CLOSE_TO_AVOIDED_AREA')!.message).toMatch(
      /^The unit is 2\.\d km from the nearest point of an area the client must avoid \(municipality GM0983\), closer than the minimum of 5\.0 km\.$/,
    );
  });

  it('never uses the centre of an avoided municipality of belonging, nor an anchor inside it', () => {
    // Without preferences nothing is left to be near: no home at all, rather than one just over the border.
    const message = evaluatePair(voClient, wellAway, ctx).rules.find(
      (rule) => rule.code === 'OUTSIDE_ACCEPTABLE_AREA',
    )!;
    expect(message.passed).toBe(false);
    expect(message.message).toContain('family anchor');
    // With a preferred municipality the homes there far enough from Venlo are allowed.
    const preferring = { ...voClient, preferredMunicipalities: ['GM1507'] };
    const pairs = generatePairs([preferring], units, ctx);
    expect(Array.from(pairs.unitIndex, (u) => units[u]!.id)).toEqual(['horst']);
  });

  it('refuses homes in and near an avoided neighbourhood', () => {
    const client = aClient({ avoidNeighbourhoods: ['BU09830005'] });
    const inIt = aUnit({
      id: 'in',
      neighbourhoodCode: 'BU09830005',
      location: { lat: 51.476, lon: 6.179 },
    });
    const rules = evaluatePair(client, inIt, ctx)
      .rules.filter((r) => !r.passed)
      .map((r) => r.code);
    expect(rules).toEqual(['NEIGHBOURHOOD_AVOIDED', 'TOO_CLOSE_TO_AVOIDED_AREA']);
    // Grubbenvorst is 6.8 km from Arcen and the base unit 11.6 km: both stay allowed.
    expect(generatePairs([client], [inIt, justOver, aUnit()], ctx).count).toBe(2);
  });
});

describe('caps per type', () => {
  const cluster = (n: number) =>
    aUnit({
      id: `s${n}`,
      type: 'skaeve_huis',
      clusterId: 'K1',
      location: { lat: 51.372 + n * 0.001, lon: 6.168 },
    });
  const skaeveClient = aClient({ routes: ['skaeve_huis'] });
  const fullNeighbourhood = (clusterLoad: number) =>
    aContext({
      load: {
        neighbourhoods: new Map([['BU09830101', 3]]),
        municipalities: new Map([[VENLO, 4]]),
        clusters: new Map([['K1', clusterLoad]]),
      },
    });

  it('lets all six Skaeve Huse of a cluster in one neighbourhood be proposed, whatever its cap', () => {
    const six = [1, 2, 3, 4, 5, 6].map(cluster);
    const ctx = fullNeighbourhood(0);
    expect(generatePairs([skaeveClient], six, ctx).count).toBe(6);
    // In the assignment the six share the cluster's room (six) and no neighbourhood cap.
    for (const areas of capAreasOf(six, ctx)) {
      expect(areas).toEqual([{ kind: 'cluster', key: 'cluster:K1', remaining: 6 }]);
    }
  });

  it('refuses a seventh home for a cluster that holds six', () => {
    const evaluation = evaluatePair(skaeveClient, cluster(7), fullNeighbourhood(6));
    expect(evaluation.rules.filter((r) => !r.passed).map((r) => r.code)).toEqual([
      'CLUSTER_CAP_REACHED',
    ]);
    expect(generatePairs([skaeveClient], [cluster(7)], fullNeighbourhood(6)).count).toBe(0);
  });

  it('keeps the neighbourhood cap for a contingent home, and lists the clients blocked only by it', () => {
    const ctx = fullNeighbourhood(0);
    const blocked = aClient({ id: 'blocked' });
    const rentTooHigh = aClient({ id: 'poor', maxRent: 100 });
    expect(
      capBlockedClients([blocked, rentTooHigh, skaeveClient], [aUnit(), cluster(1)], ctx),
    ).toEqual([
      { clientId: 'blocked', units: [{ unitId: 'u1', caps: ['NEIGHBOURHOOD_CAP_REACHED'] }] },
    ]);
  });

  it('gives the Skaeve Huse a wider acceptable distance than other homes by default', () => {
    // About 30 km from the only network point.
    const far = {
      municipalityOfBelonging: NOWHERE,
      anchors: [{ ...southOfUnit(30), kind: 'family' as const }],
    };
    const client = aClient({ ...far, routes: ['skaeve_huis', 'contingent'] });
    const pairs = generatePairs([client], [aUnit(), cluster(1)], aContext());
    expect(Array.from(pairs.unitIndex)).toEqual([1]);
  });
});

describe('Dutch rent rules', () => {
  it('never proposes a home above the aftoppingsgrens to a huurtoeslag-eligible household of that size', () => {
    // 2025: €682.96 for one or two persons, €731.93 for three or more.
    const above = aUnit({ id: 'above', rent: 670, serviceCosts: 20, bedrooms: 2 });
    const within = aUnit({ id: 'within', rent: 660, serviceCosts: 20, bedrooms: 2 });
    const single = aClient({ id: 'single', huurtoeslagEligible: true, maxRent: 800 });
    const family = aClient({
      id: 'family',
      huurtoeslagEligible: true,
      maxRent: 800,
      household: { adults: 1, children: 2 },
    });
    const notEligible = aClient({ id: 'free', maxRent: 800 });
    const clients = [single, family, notEligible];
    const pairs = generatePairs(clients, [above, within], aContext());
    const allowed = Array.from(
      pairs.clientIndex,
      (c, i) => `${clients[c]!.id}|${pairs.unitIndex[i] === 0 ? 'above' : 'within'}`,
    );
    expect(allowed).toEqual([
      'single|within',
      'family|above',
      'family|within',
      'free|above',
      'free|within',
    ]);
    expect(evaluatePair(single, above, aContext()).rules.find((r) => !r.passed)?.code).toBe(
      'RENT_ABOVE_HUURTOESLAG_LIMIT',
    );
  });

  it('uses the limits of the run’s year', () => {
    // €690 is above the 2025 aftoppingsgrens (€682.96) and within the 2026 one (€712.37).
    const unit = aUnit({ rent: 690 });
    const client = aClient({ huurtoeslagEligible: true, maxRent: 800 });
    expect(evaluatePair(client, unit, aContext()).allowed).toBe(false);
    expect(
      evaluatePair(client, unit, aContext({ now: new Date('2026-03-01T10:00:00Z') })).allowed,
    ).toBe(true);
  });
});

describe('support capacity groups', () => {
  it('puts three intensive clients of a provider with one place in one group of capacity 1', () => {
    const ctx = aContext({
      coverage: new Map([
        ['P1', new Map<string, SupportCoverage>([[VENLO, { capacity: 5, used: 4 }]])],
      ]),
    });
    const clients = ['a', 'b', 'c'].map((id) =>
      aClient({ id, support: { intensity: 'intensive', providerId: 'P1' } }),
    );
    const pairs = generatePairs(clients, [aUnit({ id: 'u1' }), aUnit({ id: 'u2' })], ctx);

    expect(pairs.count).toBe(6);
    expect(pairs.groups).toEqual([{ providerId: 'P1', municipalityCode: VENLO, capacity: 1 }]);
    expect(Array.from(pairs.pairGroup)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('uses another contracted provider when the own one is full, and the own one as a preference', () => {
    const ctx = aContext({
      coverage: new Map([
        ['P1', new Map<string, SupportCoverage>([[VENLO, { capacity: 5, used: 5 }]])],
        ['P2', new Map<string, SupportCoverage>([[VENLO, { capacity: 3, used: 1 }]])],
      ]),
    });
    const client = aClient({ support: { intensity: 'intensive', providerId: 'P1' } });
    const pairs = generatePairs([client], [aUnit()], ctx);
    expect(pairs.groups).toEqual([{ providerId: 'P2', municipalityCode: VENLO, capacity: 2 }]);
    const other = evaluatePair(client, aUnit(), ctx);
    const own = evaluatePair(
      aClient({ support: { intensity: 'intensive', providerId: 'P2' } }),
      aUnit(),
      ctx,
    );
    expect(other.supportProviderId).toBe('P2');
    expect(other.breakdown.begeleiding).toBeLessThan(own.breakdown.begeleiding);
    // A policy that requires the own provider refuses the pair.
    expect(
      evaluatePair(client, aUnit(), { ...ctx, policy: { ...ctx.policy, requireOwnProvider: true } })
        .allowed,
    ).toBe(false);
  });
});

describe('fair share', () => {
  it('follows the contingent pledges, or a configured share, instead of equal shares', () => {
    const load = {
      neighbourhoods: new Map<string, number>(),
      municipalities: new Map([
        [VENLO, 4],
        ['GM1507', 4],
      ]),
    };
    const inHorst = aUnit({ municipalityCode: 'GM1507', neighbourhoodCode: 'BU15070001' });
    const spreiding = (ctx: MatchingContext, unit: EngineUnit) =>
      evaluatePair(aClient(), unit, ctx).breakdown.spreiding;
    const pledged = aContext({
      load,
      pledges: new Map([
        [VENLO, 30],
        ['GM1507', 10],
      ]),
    });
    expect(spreiding(pledged, aUnit())).toBeGreaterThan(spreiding(pledged, inHorst));
    const configured = aContext({ load, policy: { fairShares: { [VENLO]: 1, GM1507: 3 } } });
    expect(spreiding(configured, aUnit())).toBeLessThan(spreiding(configured, inHorst));
  });
});

describe('passed-over report', () => {
  const ctx = aContext();
  const unit = aUnit();
  const long = clientAt('long', 3, {
    readySince: '2025-01-01',
    support: { intensity: 'intensive', providerId: 'P1' },
  });
  const short = clientAt('short', 1, { readySince: '2025-05-01' });

  it('is empty when the longer wait is housed, and names the client when it is not', () => {
    const clients = [long, short];
    const pairs = generatePairs(clients, [unit], ctx);
    expect(
      passedOverReport({
        clients,
        units: [unit],
        ctx,
        pairs,
        clientUnit: Int32Array.from([0, -1]),
      }),
    ).toEqual([]);

    const report = passedOverReport({
      clients,
      units: [unit],
      ctx,
      pairs,
      clientUnit: Int32Array.from([-1, 0]),
    });
    expect(report).toEqual([
      {
        clientId: 'long',
        waitDays: 152,
        urgent: false,
        eligibleUnits: 1,
        reasons: ['fit'],
        fullCaps: [],
        fullGroups: [],
        passedOverBy: [{ clientId: 'short', unitId: 'u1', waitDays: 32, rule: null }],
      },
    ]);
  });

  it('names a full cap as the reason', () => {
    // Room for one more in the neighbourhood; the longer wait was eligible only for the second home.
    const units = [aUnit({ id: 'u1' }), aUnit({ id: 'u2', rent: 690 })];
    const capped = aContext({
      load: { neighbourhoods: new Map([['BU09830101', 2]]), municipalities: new Map([[VENLO, 4]]) },
    });
    const cheap = { ...long, maxRent: 700 };
    const picky = { ...short, maxRent: 650 };
    const clients = [cheap, picky];
    const pairs = generatePairs(clients, units, capped);
    expect(pairs.count).toBe(3);
    // Suppose the assignment gave u1 to the shorter wait: u2 then stays empty, closed by the cap.
    const report = passedOverReport({
      clients,
      units,
      ctx: capped,
      pairs,
      clientUnit: Int32Array.from([-1, 0]),
    });
    expect(report).toHaveLength(1);
    expect(report[0]!.reasons[0]).toBe('cap');
    expect(report[0]!.fullCaps).toEqual(['BU09830101']);
  });

  it('names a hard rule when the home given to a shorter wait is closed to the client', () => {
    const units = [aUnit({ id: 'u1' }), aUnit({ id: 'u2', rent: 690 })];
    const poor = { ...long, maxRent: 660 };
    const clients = [poor, short];
    const pairs = generatePairs(clients, units, ctx);
    // Both homes taken; the longer wait was eligible for u1, given to no one here for the test's sake.
    const report = passedOverReport({
      clients,
      units,
      ctx,
      pairs,
      clientUnit: Int32Array.from([-1, 1]),
    });
    expect(report[0]!.passedOverBy).toEqual([
      { clientId: 'short', unitId: 'u2', waitDays: 32, rule: 'RENT_ABOVE_MAX' },
    ]);
    expect(report[0]!.reasons).toContain('rule');
  });
});
