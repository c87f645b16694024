import type { EngineClient, EngineUnit, MatchingContext } from '../engine.types';
import { HARD_RULE_CODES, HARD_RULES, type HardRuleCode } from './hard-rule-codes';
import { evaluatePair } from './pair-evaluator';
import { generatePairs } from './pair-generator';
import { aClient, aContext, aUnit, VENLO } from './test-factories';

interface Case {
  code: HardRuleCode;
  client?: Partial<EngineClient>;
  unit?: Partial<EngineUnit>;
  ctx?: Parameters<typeof aContext>[0];
}

/** Each case breaks exactly one rule of the base pair (aClient, aUnit, aContext). */
const BREAKING: Case[] = [
  { code: 'NO_CONSENT', client: { hasConsent: false } },
  { code: 'CLIENT_PARKED', client: { parkedUntil: '2025-06-03' } },
  { code: 'NOT_AVAILABLE_IN_TIME', unit: { availableFrom: '2025-08-02' } },
  {
    code: 'NEIGHBOURHOOD_CAP_REACHED',
    ctx: {
      load: {
        neighbourhoods: new Map([['BU09830101', 3]]),
        municipalities: new Map([[VENLO, 4]]),
      },
    },
  },
  {
    code: 'MUNICIPALITY_CAP_REACHED',
    ctx: {
      load: {
        neighbourhoods: new Map([['BU09830101', 1]]),
        municipalities: new Map([[VENLO, 10]]),
      },
    },
  },
  {
    code: 'CLUSTER_CAP_REACHED',
    client: { routes: ['skaeve_huis'] },
    unit: { type: 'skaeve_huis', clusterId: 'K1' },
    ctx: {
      load: {
        neighbourhoods: new Map([['BU09830101', 1]]),
        municipalities: new Map([[VENLO, 4]]),
        clusters: new Map([['K1', 6]]),
      },
    },
  },
  { code: 'SENIOR_ONLY_UNIT', unit: { seniorOnly: true } },
  { code: 'UNIT_TYPE_NOT_IN_ROUTES', unit: { type: 'omklap' } },
  { code: 'HOUSEHOLD_TOO_LARGE', client: { household: { adults: 1, children: 1 } } },
  { code: 'RENT_ABOVE_MAX', unit: { rent: 700.01 } },
  { code: 'RENT_ABOVE_MAX', unit: { rent: 680, serviceCosts: 20.01 } },
  {
    // Under 23: huurtoeslag only up to the kwaliteitskortingsgrens (€477.20 in 2025).
    code: 'RENT_ABOVE_HUURTOESLAG_LIMIT',
    client: { huurtoeslagEligible: true, under23: true },
  },
  {
    // One person: the lower aftoppingsgrens (€682.96 in 2025) on rent plus service costs.
    code: 'RENT_ABOVE_HUURTOESLAG_LIMIT',
    client: { huurtoeslagEligible: true },
    unit: { rent: 660, serviceCosts: 25 },
  },
  {
    code: 'NOT_WHEELCHAIR_ACCESSIBLE',
    client: { needs: { wheelchair: true, groundFloorOrLift: false } },
  },
  {
    code: 'NO_GROUND_FLOOR_OR_LIFT',
    client: { needs: { wheelchair: false, groundFloorOrLift: true } },
    unit: { floor: 2, hasLift: false },
  },
  { code: 'STIMULUS_TOO_HIGH', client: { stimulusNeed: 'required' }, unit: { stimulus: 'medium' } },
  { code: 'PETS_NOT_ALLOWED', client: { pets: true }, unit: { petsAllowed: false } },
  {
    code: 'CORPORATION_AVOIDED',
    client: { avoidCorporations: ['K9'] },
    unit: { corporationId: 'K9' },
  },
  {
    // With no minimum distance only the municipality itself is refused (the anchor stays usable).
    code: 'MUNICIPALITY_AVOIDED',
    client: { avoidMunicipalities: ['GM0984', VENLO] },
    ctx: { policy: { minDistanceKmFromAvoided: 0 } },
  },
  { code: 'NEIGHBOURHOOD_AVOIDED', client: { avoidNeighbourhoods: ['BU09830101'] } },
  {
    // A neighbourhood of Horst aan de Maas about 4.3 km north-east of the unit; the anchor is
    // 5.7 km from it and stays usable.
    code: 'TOO_CLOSE_TO_AVOIDED_AREA',
    client: { avoidNeighbourhoods: ['BU15070001'] },
    ctx: {
      neighbourhoods: new Map([
        ['BU15070001', { municipalityCode: 'GM1507', lat: 51.405, lon: 6.2 }],
      ]),
    },
  },
  {
    code: 'SUPPORT_CANNOT_REACH',
    client: { support: { intensity: 'light', providerId: 'P2' } },
    ctx: { policy: { requireOwnProvider: true } },
  },
  {
    // No contracted provider covers Venlo for a client of P2.
    code: 'SUPPORT_CANNOT_REACH',
    client: { support: { intensity: 'light', providerId: 'P2' } },
    ctx: { coverage: new Map([['P1', new Map([['GM1507', { capacity: 10, used: 0 }]])]]) },
  },
  {
    code: 'SUPPORT_CANNOT_REACH',
    client: { support: { intensity: 'intensive', providerId: 'P1' } },
    ctx: { coverage: new Map([['P1', new Map([[VENLO, { capacity: 10, used: 10 }]])]]) },
  },
  {
    // Anchor in Maastricht, belonging to Weert (about 33 km from the unit), no preferences.
    code: 'OUTSIDE_ACCEPTABLE_AREA',
    client: {
      anchors: [{ lat: 50.85, lon: 5.69, kind: 'work' }],
      municipalityOfBelonging: 'GM0988',
    },
  },
  { code: 'PAIR_DECLINED_BEFORE', ctx: { excludedPairs: new Set(['c1:u1']) } },
];

/** Each case is a boundary or an alternative that still passes every rule. */
const PASSING: {
  name: string;
  client?: Partial<EngineClient>;
  unit?: Partial<EngineUnit>;
  ctx?: Case['ctx'];
}[] = [
  { name: 'the base pair' },
  { name: 'rent equal to the maximum', unit: { rent: 700 } },
  { name: 'available on the last day of the horizon', unit: { availableFrom: '2025-08-01' } },
  { name: 'parked until today (exclusive)', client: { parkedUntil: '2025-06-02' } },
  {
    name: 'neighbourhood one below its cap, municipality one below its cap',
    ctx: {
      load: {
        neighbourhoods: new Map([['BU09830101', 2]]),
        municipalities: new Map([[VENLO, 9]]),
      },
    },
  },
  {
    name: 'a municipality without a cap, however full',
    ctx: {
      policy: { municipalityCaps: {} },
      load: { neighbourhoods: new Map(), municipalities: new Map([[VENLO, 1000]]) },
    },
  },
  {
    name: 'a couple in a one-bedroom unit',
    client: { household: { adults: 2, children: 0 } },
  },
  {
    name: 'a parent with two children in a two-bedroom unit',
    client: { household: { adults: 1, children: 2 } },
    unit: { bedrooms: 2 },
  },
  { name: 'a single adult in a studio', unit: { bedrooms: 0 } },
  {
    name: 'wheelchair needed and accessible',
    client: { needs: { wheelchair: true, groundFloorOrLift: true } },
    unit: { wheelchairAccessible: true, floor: 4, hasLift: true },
  },
  {
    name: 'low-stimulus preferred, not required',
    client: { stimulusNeed: 'preferred' },
    unit: { stimulus: 'high' },
  },
  {
    name: 'intensive support with one place left',
    client: { support: { intensity: 'intensive', providerId: 'P1' } },
    ctx: { coverage: new Map([['P1', new Map([[VENLO, { capacity: 10, used: 9 }]])]]) },
  },
  {
    name: 'light support where the provider is full',
    client: { support: { intensity: 'light', providerId: 'P1' } },
    ctx: { coverage: new Map([['P1', new Map([[VENLO, { capacity: 10, used: 10 }]])]]) },
  },
  {
    name: 'intensive support where the own provider is full but another has places',
    client: { support: { intensity: 'intensive', providerId: 'P1' } },
    ctx: {
      coverage: new Map([
        ['P1', new Map([[VENLO, { capacity: 10, used: 10 }]])],
        ['P2', new Map([[VENLO, { capacity: 2, used: 1 }]])],
      ]),
    },
  },
  {
    name: 'a Skaeve Huis in a full neighbourhood, its cluster one below the cap',
    client: { routes: ['skaeve_huis'] },
    unit: { type: 'skaeve_huis', clusterId: 'K1' },
    ctx: {
      load: {
        neighbourhoods: new Map([['BU09830101', 3]]),
        municipalities: new Map([[VENLO, 10]]),
        clusters: new Map([['K1', 5]]),
      },
    },
  },
  {
    name: 'an omklap unit in a full neighbourhood',
    client: { routes: ['omklap'] },
    unit: { type: 'omklap' },
    ctx: {
      load: {
        neighbourhoods: new Map([['BU09830101', 3]]),
        municipalities: new Map([[VENLO, 10]]),
      },
    },
  },
  {
    name: 'huurtoeslag for one person at the aftoppingsgrens, service costs included',
    client: { huurtoeslagEligible: true },
    unit: { rent: 657.96, serviceCosts: 25 },
  },
  {
    name: 'huurtoeslag for three persons above the lower but within the higher aftoppingsgrens',
    client: { huurtoeslagEligible: true, household: { adults: 1, children: 2 }, maxRent: 800 },
    unit: { rent: 720, bedrooms: 2 },
  },
  { name: 'a pet where pets are allowed', client: { pets: true }, unit: { petsAllowed: true } },
  { name: 'an avoided municipality far away', client: { avoidMunicipalities: ['GM0935'] } },
  {
    name: 'far from the network but in a preferred municipality',
    client: {
      anchors: [{ lat: 50.85, lon: 5.69, kind: 'work' }],
      municipalityOfBelonging: 'GM0988',
      preferredMunicipalities: ['GM0984', VENLO],
    },
  },
  {
    name: 'no anchors, near the centre of the municipality of belonging',
    client: { anchors: [] },
  },
  {
    name: 'another pair of the same client was declined',
    ctx: { excludedPairs: new Set(['c1:u2']) },
  },
];

function build(c: Pick<Case, 'client' | 'unit' | 'ctx'>): {
  client: EngineClient;
  unit: EngineUnit;
  ctx: MatchingContext;
} {
  return { client: aClient(c.client), unit: aUnit(c.unit), ctx: aContext(c.ctx) };
}

describe('hard rules', () => {
  it('lists every code once, in a fixed order, with a description', () => {
    expect(new Set(HARD_RULE_CODES).size).toBe(HARD_RULES.length);
    expect(HARD_RULE_CODES).toEqual([
      'NO_CONSENT',
      'CLIENT_PARKED',
      'NOT_AVAILABLE_IN_TIME',
      'NEIGHBOURHOOD_CAP_REACHED',
      'MUNICIPALITY_CAP_REACHED',
      'CLUSTER_CAP_REACHED',
      'SENIOR_ONLY_UNIT',
      'UNIT_TYPE_NOT_IN_ROUTES',
      'HOUSEHOLD_TOO_LARGE',
      'RENT_ABOVE_MAX',
      'RENT_ABOVE_HUURTOESLAG_LIMIT',
      'NOT_WHEELCHAIR_ACCESSIBLE',
      'NO_GROUND_FLOOR_OR_LIFT',
      'STIMULUS_TOO_HIGH',
      'PETS_NOT_ALLOWED',
      'CORPORATION_AVOIDED',
      'MUNICIPALITY_AVOIDED',
      'NEIGHBOURHOOD_AVOIDED',
      'TOO_CLOSE_TO_AVOIDED_AREA',
      'SUPPORT_CANNOT_REACH',
      'OUTSIDE_ACCEPTABLE_AREA',
      'PAIR_DECLINED_BEFORE',
    ]);
    for (const rule of HARD_RULES) expect(rule.description.length).toBeGreaterThan(20);
  });

  it.each(PASSING)('allows $name', (c) => {
    const { client, unit, ctx } = build(c);
    const evaluation = evaluatePair(client, unit, ctx);

    expect(evaluation.rules.filter((rule) => !rule.passed)).toEqual([]);
    expect(evaluation.allowed).toBe(true);
    expect(evaluation.rules.map((rule) => rule.code)).toEqual(HARD_RULE_CODES);
    expect(generatePairs([client], [unit], ctx).count).toBe(1);
  });

  it.each(BREAKING)('excludes a pair that breaks only $code, with that code', (c) => {
    const { client, unit, ctx } = build(c);
    const evaluation = evaluatePair(client, unit, ctx);

    expect(evaluation.allowed).toBe(false);
    expect(evaluation.rules.filter((rule) => !rule.passed).map((rule) => rule.code)).toEqual([
      c.code,
    ]);
    expect(evaluation.rules.map((rule) => rule.code)).toEqual(HARD_RULE_CODES);

    // The bulk path agrees and counts the exclusion under the same code, except for units it
    // never visits: those of a type outside the routes, and (usually) those outside the area.
    const generated = generatePairs([client], [unit], ctx);
    expect(generated.count).toBe(0);
    const { clientsExcluded, unitsExcluded, candidatesExcluded } = generated.stats;
    const counted = Object.entries({ ...clientsExcluded, ...unitsExcluded, ...candidatesExcluded });
    if (c.code === 'UNIT_TYPE_NOT_IN_ROUTES' || c.code === 'OUTSIDE_ACCEPTABLE_AREA') {
      expect(generated.stats.candidatesVisited).toBe(0);
    } else {
      expect(counted.filter(([, count]) => count > 0)).toEqual([[c.code, 1]]);
    }
  });

  it('explains a rule with the values that decided it', () => {
    const messageOf = (code: HardRuleCode, c: Pick<Case, 'client' | 'unit' | 'ctx'>): string => {
      const { client, unit, ctx } = build(c);
      return (
        evaluatePair(client, unit, ctx).rules.find((rule) => rule.code === code)?.message ?? ''
      );
    };

    expect(messageOf('RENT_ABOVE_MAX', { unit: { rent: 712.5 } })).toBe(
      "Rent €712.50 is above the client's maximum of €700.00.",
    );
    expect(
      messageOf('HOUSEHOLD_TOO_LARGE', { client: { household: { adults: 2, children: 3 } } }),
    ).toBe('The household (2 adults, 3 children) needs 3 bedrooms; the unit has 1 bedroom.');
    expect(messageOf('NOT_AVAILABLE_IN_TIME', { unit: { availableFrom: '2025-09-01' } })).toBe(
      'The unit is available from 2025-09-01, after the planning horizon ending 2025-08-01 (60 days from 2025-06-02).',
    );
    expect(
      messageOf('OUTSIDE_ACCEPTABLE_AREA', {
        client: {
          anchors: [{ lat: 50.85, lon: 5.69, kind: 'work' }],
          municipalityOfBelonging: 'GM0988',
        },
      }),
    ).toMatch(
      /^The unit is 3\d\.\d km from the nearest point of the client's network \(centre of the municipality of belonging GM0988\), beyond the maximum of 15\.0 km for contingent/,
    );
    expect(
      messageOf('SUPPORT_CANNOT_REACH', {
        client: { support: { intensity: 'intensive', providerId: 'P1' } },
        ctx: { coverage: new Map([['P1', new Map([[VENLO, { capacity: 10, used: 10 }]])]]) },
      }),
    ).toBe(
      "No contracted provider (the client's own is P1) covers municipality GM0983 with capacity left for intensive support.",
    );
    expect(
      messageOf('RENT_ABOVE_HUURTOESLAG_LIMIT', {
        client: { huurtoeslagEligible: true },
        unit: { rent: 660, serviceCosts: 25 },
      }),
    ).toBe(
      'The client depends on huurtoeslag; the rent that counts for huurtoeslag, rent €685.00 (€660.00 bare rent + €25.00 service costs), is above the aftoppingsgrens 2025 for 1–2 persons of €682.96.',
    );
    expect(messageOf('CLIENT_PARKED', { client: { parkedUntil: '2025-07-01' } })).toBe(
      'The client is parked until 2025-07-01 (today is 2025-06-02).',
    );
  });

  it('evaluates every rule even when several fail', () => {
    const { client, unit, ctx } = build({
      client: { hasConsent: false, maxRent: 100 },
      unit: { type: 'doorstroom' },
      ctx: { excludedPairs: new Set(['c1:u1']) },
    });
    const failed = evaluatePair(client, unit, ctx)
      .rules.filter((rule) => !rule.passed)
      .map((rule) => rule.code);

    expect(failed).toEqual([
      'NO_CONSENT',
      'UNIT_TYPE_NOT_IN_ROUTES',
      'RENT_ABOVE_MAX',
      'PAIR_DECLINED_BEFORE',
    ]);
  });

  it('uses the calendar day in Europe/Amsterdam for today', () => {
    // 23:30 UTC on 1 June is already 2 June in Amsterdam, when the client is no longer parked.
    const ctx = aContext({ now: new Date('2025-06-01T23:30:00Z') });
    const evaluation = evaluatePair(aClient({ parkedUntil: '2025-06-02' }), aUnit(), ctx);

    expect(evaluation.allowed).toBe(true);
  });

  it('refuses an invalid policy', () => {
    const zeroWeights = { location: 0, spreiding: 0, prikkelarm: 0, begeleiding: 0, wait: 0 };
    expect(() =>
      evaluatePair(aClient(), aUnit(), aContext({ policy: { weights: zeroWeights } })),
    ).toThrow(RangeError);
    expect(() =>
      generatePairs([aClient()], [aUnit()], aContext({ policy: { maxDistanceKm: Number.NaN } })),
    ).toThrow(RangeError);
  });
});
