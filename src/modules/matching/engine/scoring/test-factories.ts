/**
 * Small factories for the engine's specs: a client, a unit and a context that together pass
 * every hard rule, to be changed one field at a time. Plain data only; no test framework here.
 */
import type {
  EngineClient,
  EnginePolicy,
  EngineUnit,
  GeoPoint,
  MatchingContext,
  SupportCoverage,
} from '../engine.types';
import { NOORD_MIDDEN_LIMBURG } from './synthetic-geography';

/** 2025-06-02 in Europe/Amsterdam. */
export const TEST_NOW = new Date('2025-06-02T10:00:00Z');

export const VENLO = 'GM0983';
export const VENLO_CENTRE: GeoPoint = { lat: 51.37, lon: 6.172 };

export function aPolicy(overrides: Partial<EnginePolicy> = {}): EnginePolicy {
  return {
    version: 7,
    weights: { location: 0.3, spreiding: 0.2, prikkelarm: 0.15, begeleiding: 0.15, wait: 0.2 },
    neighbourhoodCap: 3,
    municipalityCaps: { [VENLO]: 10 },
    maxDistanceKm: 15,
    planningHorizonDays: 60,
    ...overrides,
  };
}

export function aUnit(overrides: Partial<EngineUnit> = {}): EngineUnit {
  return {
    id: 'u1',
    type: 'contingent',
    municipalityCode: VENLO,
    neighbourhoodCode: 'BU09830101',
    location: { lat: 51.372, lon: 6.168 },
    rent: 650,
    bedrooms: 1,
    floor: 0,
    hasLift: false,
    wheelchairAccessible: false,
    stimulus: 'low',
    availableFrom: '2025-06-15',
    ...overrides,
  };
}

export function aClient(overrides: Partial<EngineClient> = {}): EngineClient {
  return {
    id: 'c1',
    household: { adults: 1, children: 0 },
    maxRent: 700,
    municipalityOfBelonging: VENLO,
    preferredMunicipalities: [],
    avoidMunicipalities: [],
    anchors: [{ lat: 51.36, lon: 6.16, kind: 'family' }],
    stimulusNeed: 'none',
    support: { intensity: 'regular', providerId: 'P1' },
    needs: { groundFloorOrLift: false, wheelchair: false },
    routes: ['contingent'],
    readySince: '2025-01-01',
    urgent: false,
    hasConsent: true,
    parkedUntil: null,
    ...overrides,
  };
}

export interface ContextOverrides extends Partial<Omit<MatchingContext, 'policy'>> {
  policy?: Partial<EnginePolicy>;
}

export function aContext(overrides: ContextOverrides = {}): MatchingContext {
  const { policy, ...rest } = overrides;
  return {
    now: TEST_NOW,
    municipalities: new Map(NOORD_MIDDEN_LIMBURG.map((m) => [m.code, { lat: m.lat, lon: m.lon }])),
    load: {
      neighbourhoods: new Map([['BU09830101', 1]]),
      municipalities: new Map([[VENLO, 4]]),
    },
    coverage: new Map([
      ['P1', new Map<string, SupportCoverage>([[VENLO, { capacity: 10, used: 4 }]])],
    ]),
    excludedPairs: new Set(),
    ...rest,
    policy: aPolicy(policy),
  };
}
