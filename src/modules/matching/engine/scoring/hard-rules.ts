/**
 * The hard rules with their sentences: every rule evaluated, in the fixed order of HARD_RULES.
 * This is the explaining path (`evaluatePair`); the bulk generator applies the same conditions to
 * flat arrays, and a property test holds the two to the same answers.
 */
import { UNIT_TYPES } from '../../../../shared/domain/vocabulary';
import type { EngineClient, EngineUnit, RuleResult, SupportCoverage } from '../engine.types';
import { isoDateOf, isoDayNumber } from './calendar';
import { HARD_RULES, type HardRuleCode } from './hard-rule-codes';
import { bedroomsNeeded } from './household';
import { type NearestPoint, pairKey, supportReaches } from './pair-facts';
import {
  municipalityCapOf,
  municipalityLoadOf,
  neighbourhoodLoadOf,
  type PreparedContext,
} from './prepared-context';

export interface RuleInput {
  client: EngineClient;
  unit: EngineUnit;
  prepared: PreparedContext;
  nearest: NearestPoint;
  preferenceRank: number;
  coverage: SupportCoverage | undefined;
}

type RuleCheck = (input: RuleInput) => { passed: boolean; message: string };

const euro = (amount: number): string => `€${amount.toFixed(2)}`;
const km = (distance: number): string => `${distance.toFixed(1)} km`;
const plural = (count: number, noun: string, nouns = `${noun}s`): string =>
  `${count} ${count === 1 ? noun : nouns}`;
const list = (items: readonly string[]): string => (items.length > 0 ? items.join(', ') : 'none');

/** Whether the client is parked today (`parkedUntil` is exclusive). */
export function isParked(parkedUntil: string | null, today: number): boolean {
  return parkedUntil !== null && isoDayNumber(parkedUntil) > today;
}

const CHECKS: Record<HardRuleCode, RuleCheck> = {
  NO_CONSENT: ({ client }) =>
    client.hasConsent
      ? { passed: true, message: 'The client has consented to sharing the profile.' }
      : {
          passed: false,
          message: 'The client has not consented to sharing the profile with a corporation.',
        },

  CLIENT_PARKED: ({ client, prepared }) => {
    const today = isoDateOf(prepared.today);
    if (client.parkedUntil === null) return { passed: true, message: 'The client is not parked.' };
    return isParked(client.parkedUntil, prepared.today)
      ? {
          passed: false,
          message: `The client is parked until ${client.parkedUntil} (today is ${today}).`,
        }
      : {
          passed: true,
          message: `The client was parked until ${client.parkedUntil}; today is ${today}.`,
        };
  },

  NOT_AVAILABLE_IN_TIME: ({ unit, prepared }) => {
    const horizon = `${isoDateOf(prepared.lastAvailableDay)} (${plural(prepared.ctx.policy.planningHorizonDays, 'day')} from ${isoDateOf(prepared.today)})`;
    return isoDayNumber(unit.availableFrom) <= prepared.lastAvailableDay
      ? {
          passed: true,
          message: `The unit is available from ${unit.availableFrom}, within the planning horizon ending ${horizon}.`,
        }
      : {
          passed: false,
          message: `The unit is available from ${unit.availableFrom}, after the planning horizon ending ${horizon}.`,
        };
  },

  NEIGHBOURHOOD_CAP_REACHED: ({ unit, prepared }) => {
    const load = neighbourhoodLoadOf(prepared.ctx, unit.neighbourhoodCode);
    const cap = prepared.ctx.policy.neighbourhoodCap;
    return load >= cap
      ? {
          passed: false,
          message: `Neighbourhood ${unit.neighbourhoodCode} has a load of ${load} (placements and open proposals), reaching its cap of ${cap}.`,
        }
      : {
          passed: true,
          message: `Neighbourhood ${unit.neighbourhoodCode} has a load of ${load} (placements and open proposals), below its cap of ${cap}.`,
        };
  },

  MUNICIPALITY_CAP_REACHED: ({ unit, prepared }) => {
    const load = municipalityLoadOf(prepared.ctx, unit.municipalityCode);
    const cap = municipalityCapOf(prepared.ctx.policy, unit.municipalityCode);
    if (cap === undefined) {
      return {
        passed: true,
        message: `Municipality ${unit.municipalityCode} has no cap (its load is ${load}).`,
      };
    }
    return load >= cap
      ? {
          passed: false,
          message: `Municipality ${unit.municipalityCode} has a load of ${load} (placements and open proposals), reaching its cap of ${cap}.`,
        }
      : {
          passed: true,
          message: `Municipality ${unit.municipalityCode} has a load of ${load} (placements and open proposals), below its cap of ${cap}.`,
        };
  },

  UNIT_TYPE_NOT_IN_ROUTES: ({ client, unit }) =>
    // A type outside the vocabulary fits no route, whatever the routes say.
    (UNIT_TYPES as readonly string[]).includes(unit.type) && client.routes.includes(unit.type)
      ? {
          passed: true,
          message: `Unit type ${unit.type} is one of the client's routes (${list(client.routes)}).`,
        }
      : {
          passed: false,
          message: `Unit type ${unit.type} is not one of the client's routes (${list(client.routes)}).`,
        },

  HOUSEHOLD_TOO_LARGE: ({ client, unit }) => {
    const needed = bedroomsNeeded(client.household);
    const household = `${plural(client.household.adults, 'adult')}, ${plural(client.household.children, 'child', 'children')}`;
    const need = needed === 0 ? 'no separate bedroom (a studio fits)' : plural(needed, 'bedroom');
    const verdict = `The household (${household}) needs ${need}; the unit has ${plural(unit.bedrooms, 'bedroom')}.`;
    return { passed: !(unit.bedrooms < needed), message: verdict };
  },

  RENT_ABOVE_MAX: ({ client, unit }) =>
    unit.rent > client.maxRent
      ? {
          passed: false,
          message: `Rent ${euro(unit.rent)} is above the client's maximum of ${euro(client.maxRent)}.`,
        }
      : {
          passed: true,
          message: `Rent ${euro(unit.rent)} is within the client's maximum of ${euro(client.maxRent)}.`,
        },

  NOT_WHEELCHAIR_ACCESSIBLE: ({ client, unit }) => {
    if (!client.needs.wheelchair) {
      return { passed: true, message: 'The client does not need a wheelchair-accessible home.' };
    }
    return unit.wheelchairAccessible
      ? { passed: true, message: 'The client needs a wheelchair-accessible home; the unit is.' }
      : {
          passed: false,
          message: 'The client needs a wheelchair-accessible home; the unit is not.',
        };
  },

  NO_GROUND_FLOOR_OR_LIFT: ({ client, unit }) => {
    if (!client.needs.groundFloorOrLift) {
      return { passed: true, message: 'The client does not need a ground floor or a lift.' };
    }
    const where = `floor ${unit.floor} ${unit.hasLift ? 'with' : 'without'} a lift`;
    return unit.floor === 0 || unit.hasLift
      ? {
          passed: true,
          message: `The client needs a ground floor or a lift; the unit is on ${where}.`,
        }
      : {
          passed: false,
          message: `The client needs a ground floor or a lift; the unit is on ${where}.`,
        };
  },

  STIMULUS_TOO_HIGH: ({ client, unit }) => {
    const fact = `the unit's stimulus level is ${unit.stimulus}`;
    if (client.stimulusNeed === 'none') {
      return { passed: true, message: `The client has no low-stimulus need; ${fact}.` };
    }
    if (client.stimulusNeed === 'preferred') {
      return {
        passed: true,
        message: `The client prefers but does not require a low-stimulus home; ${fact}.`,
      };
    }
    return unit.stimulus === 'low'
      ? { passed: true, message: `The client requires a low-stimulus (prikkelarm) home; ${fact}.` }
      : {
          passed: false,
          message: `The client requires a low-stimulus (prikkelarm) home; ${fact}.`,
        };
  },

  MUNICIPALITY_AVOIDED: ({ client, unit }) =>
    client.avoidMunicipalities.includes(unit.municipalityCode)
      ? {
          passed: false,
          message: `The unit lies in ${unit.municipalityCode}, a municipality the client must avoid.`,
        }
      : {
          passed: true,
          message: `The unit lies in ${unit.municipalityCode}, not a municipality the client must avoid.`,
        },

  SUPPORT_CANNOT_REACH: ({ client, unit, coverage }) => {
    const { providerId, intensity } = client.support;
    const where = `municipality ${unit.municipalityCode}`;
    if (coverage === undefined) {
      return {
        passed: false,
        message: `The client's support provider ${providerId} does not cover ${where}.`,
      };
    }
    const numbers = `capacity ${coverage.capacity}, in use ${coverage.used}`;
    return supportReaches(intensity, coverage)
      ? {
          passed: true,
          message: `The client's support provider ${providerId} covers ${where} (${numbers}) for ${intensity} support.`,
        }
      : {
          passed: false,
          message: `The client's support provider ${providerId} covers ${where} but has no capacity left there (${numbers}) for intensive support.`,
        };
  },

  OUTSIDE_ACCEPTABLE_AREA: ({ client, unit, prepared, nearest, preferenceRank }) => {
    const max = km(prepared.ctx.policy.maxDistanceKm);
    if (preferenceRank >= 0) {
      return {
        passed: true,
        message: `The unit lies in ${unit.municipalityCode}, the client's preferred municipality number ${preferenceRank + 1}.`,
      };
    }
    if (nearest.distanceKm === Number.POSITIVE_INFINITY) {
      return {
        passed: false,
        message: `The client has no anchors, no known municipality of belonging (${client.municipalityOfBelonging}) and no preferred municipality the unit lies in.`,
      };
    }
    const fact = `The unit is ${km(nearest.distanceKm)} from the nearest point of the client's network (${nearest.label})`;
    return nearest.distanceKm <= prepared.ctx.policy.maxDistanceKm
      ? { passed: true, message: `${fact}, within the maximum of ${max}.` }
      : {
          passed: false,
          message: `${fact}, beyond the maximum of ${max}, and not in a preferred municipality.`,
        };
  },

  PAIR_DECLINED_BEFORE: ({ client, unit, prepared }) =>
    prepared.ctx.excludedPairs.has(pairKey(client.id, unit.id))
      ? {
          passed: false,
          message: 'This client and this unit were declined or rejected for each other before.',
        }
      : {
          passed: true,
          message: 'This client and this unit were not declined or rejected for each other before.',
        },
};

/** Every hard rule, passed or failed, in the fixed order of HARD_RULES. */
export function evaluateHardRules(input: RuleInput): RuleResult[] {
  return HARD_RULES.map(({ code }) => ({ code, ...CHECKS[code](input) }));
}
