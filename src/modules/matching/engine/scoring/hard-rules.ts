/**
 * The hard rules with their sentences: every rule evaluated, in the fixed order of HARD_RULES.
 * This is the explaining path (`evaluatePair`); the bulk generator applies the same conditions to
 * flat arrays, and a property test holds the two to the same answers.
 */
import { UNIT_TYPES } from '../../../../shared/domain/vocabulary';
import type { EngineClient, EngineUnit, RuleResult } from '../engine.types';
import { isoDateOf, isoDayNumber } from './calendar';
import type { ClientFacts } from './client-facts';
import { HARD_RULES, type HardRuleCode } from './hard-rule-codes';
import { type NearestPoint, pairKey, type SupportChoice } from './pair-facts';
import {
  clusterLoadOf,
  isCapExempt,
  maxDistanceKmFor,
  municipalityCapOf,
  municipalityLoadOf,
  neighbourhoodLoadOf,
  type PreparedContext,
} from './prepared-context';

export interface RuleInput {
  client: EngineClient;
  unit: EngineUnit;
  prepared: PreparedContext;
  facts: ClientFacts;
  nearest: NearestPoint;
  nearestAvoided: NearestPoint;
  preferenceRank: number;
  support: SupportChoice | null;
}

type RuleCheck = (input: RuleInput) => { passed: boolean; message: string };

const euro = (amount: number): string => `€${amount.toFixed(2)}`;
const km = (distance: number): string => `${distance.toFixed(1)} km`;
const plural = (count: number, noun: string, nouns = `${noun}s`): string =>
  `${count} ${count === 1 ? noun : nouns}`;
const list = (items: readonly string[]): string => (items.length > 0 ? items.join(', ') : 'none');

function exempt(unit: EngineUnit, area: string): { passed: boolean; message: string } {
  return {
    passed: true,
    message: `Unit type ${unit.type} is exempt from the ${area} cap.`,
  };
}

/** The Skaeve Huse cluster a unit counts in, or null. */
export function clusterOf(unit: EngineUnit): string | null {
  return unit.type === 'skaeve_huis' ? (unit.clusterId ?? null) : null;
}

/** What the household pays a month: bare rent plus service costs. */
export function totalRent(unit: EngineUnit): number {
  return unit.rent + (unit.serviceCosts ?? 0);
}

function rentText(unit: EngineUnit, total: number): string {
  const costs = unit.serviceCosts ?? 0;
  return costs > 0
    ? `rent ${euro(total)} (${euro(unit.rent)} bare rent + ${euro(costs)} service costs)`
    : `rent ${euro(total)}`;
}

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
          message: `The client is parked until ${client.parkedUntil} (today is ${today})${
            client.parkedAfter
              ? ` after ${client.parkedAfter.declines} declines for ${client.parkedAfter.reason}`
              : ''
          }.`,
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
    if (isCapExempt(unit, prepared)) return exempt(unit, 'neighbourhood');
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
    if (isCapExempt(unit, prepared)) return exempt(unit, 'municipality');
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

  CLUSTER_CAP_REACHED: ({ unit, prepared }) => {
    const clusterId = clusterOf(unit);
    if (clusterId === null) {
      return { passed: true, message: 'The unit is not a Skaeve Huis of a cluster.' };
    }
    const load = clusterLoadOf(prepared.ctx, clusterId);
    const cap = prepared.rules.clusterCap;
    return load >= cap
      ? {
          passed: false,
          message: `Cluster ${clusterId} has a load of ${load} (placements and open proposals), reaching its cap of ${cap}.`,
        }
      : {
          passed: true,
          message: `Cluster ${clusterId} has a load of ${load} (placements and open proposals), below its cap of ${cap}.`,
        };
  },

  SENIOR_ONLY_UNIT: ({ unit }) =>
    unit.seniorOnly === true
      ? {
          passed: false,
          message:
            'The unit is labelled for seniors only; the engine knows no ages, so a matcher proposes it by hand.',
        }
      : { passed: true, message: 'The unit is not labelled for seniors only.' },

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

  HOUSEHOLD_TOO_LARGE: ({ client, unit, facts }) => {
    const needed = facts.bedroomsNeeded;
    const household = `${plural(client.household.adults, 'adult')}, ${plural(client.household.children, 'child', 'children')}`;
    const need = needed === 0 ? 'no separate bedroom (a studio fits)' : plural(needed, 'bedroom');
    const verdict = `The household (${household}) needs ${need}; the unit has ${plural(unit.bedrooms, 'bedroom')}.`;
    return { passed: !(unit.bedrooms < needed), message: verdict };
  },

  RENT_ABOVE_MAX: ({ client, unit }) => {
    const total = totalRent(unit);
    const text = rentText(unit, total);
    const what = `R${text.slice(1)}`;
    return total > client.maxRent
      ? {
          passed: false,
          message: `${what} is above the client's maximum of ${euro(client.maxRent)}.`,
        }
      : {
          passed: true,
          message: `${what} is within the client's maximum of ${euro(client.maxRent)}.`,
        };
  },

  RENT_ABOVE_HUURTOESLAG_LIMIT: ({ unit, facts }) => {
    const limit = facts.huurtoeslagLimit;
    if (limit === null) {
      return { passed: true, message: 'The client does not depend on huurtoeslag.' };
    }
    const total = totalRent(unit);
    const what = `the rent that counts for huurtoeslag, ${rentText(unit, total)}`;
    return total > limit.amount
      ? {
          passed: false,
          message: `The client depends on huurtoeslag; ${what}, is above the ${limit.name} of ${euro(limit.amount)}.`,
        }
      : {
          passed: true,
          message: `The client depends on huurtoeslag; ${what}, is within the ${limit.name} of ${euro(limit.amount)}.`,
        };
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

  PETS_NOT_ALLOWED: ({ client, unit }) => {
    if (client.pets !== true) return { passed: true, message: 'The client moves without pets.' };
    return unit.petsAllowed === false
      ? { passed: false, message: 'The client moves with a pet; the unit allows no pets.' }
      : { passed: true, message: 'The client moves with a pet; the unit allows pets.' };
  },

  CORPORATION_AVOIDED: ({ client, unit }) => {
    const corporation = unit.corporationId ?? null;
    return corporation !== null && (client.avoidCorporations ?? []).includes(corporation)
      ? {
          passed: false,
          message: `The unit is let by corporation ${corporation}, which the client must avoid.`,
        }
      : { passed: true, message: 'The unit is not let by a corporation the client must avoid.' };
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

  NEIGHBOURHOOD_AVOIDED: ({ client, unit }) =>
    (client.avoidNeighbourhoods ?? []).includes(unit.neighbourhoodCode)
      ? {
          passed: false,
          message: `The unit lies in ${unit.neighbourhoodCode}, a neighbourhood the client must avoid.`,
        }
      : {
          passed: true,
          message: `The unit lies in ${unit.neighbourhoodCode}, not a neighbourhood the client must avoid.`,
        },

  TOO_CLOSE_TO_AVOIDED_AREA: ({ prepared, nearestAvoided }) => {
    const min = prepared.rules.minDistanceKmFromAvoided;
    if (nearestAvoided.distanceKm === Number.POSITIVE_INFINITY) {
      return { passed: true, message: 'The client has no area to avoid with a known location.' };
    }
    const fact = `The unit is ${km(nearestAvoided.distanceKm)} from the nearest point of an area the client must avoid (${nearestAvoided.label})`;
    return nearestAvoided.distanceKm < min
      ? { passed: false, message: `${fact}, closer than the minimum of ${km(min)}.` }
      : { passed: true, message: `${fact}, at least the minimum of ${km(min)}.` };
  },

  SUPPORT_CANNOT_REACH: ({ client, unit, prepared, support }) => {
    const { providerId, intensity } = client.support;
    const where = `municipality ${unit.municipalityCode}`;
    if (support === null) {
      const whom = prepared.rules.requireOwnProvider
        ? `The client's own provider ${providerId} (the policy requires the own provider)`
        : `No contracted provider (the client's own is ${providerId})`;
      const what = intensity === 'intensive' ? 'with capacity left for intensive support' : '';
      return {
        passed: false,
        message: `${whom} covers ${where}${what === '' ? '' : ` ${what}`}.`,
      };
    }
    const numbers = `capacity ${support.coverage.capacity}, in use ${support.coverage.used}`;
    const who = support.own
      ? `The client's own provider ${support.providerId}`
      : `Provider ${support.providerId} (not the client's own ${providerId})`;
    return {
      passed: true,
      message: `${who} covers ${where} (${numbers}) for ${intensity} support.`,
    };
  },

  OUTSIDE_ACCEPTABLE_AREA: ({ client, unit, prepared, facts, nearest, preferenceRank }) => {
    const maxKm = maxDistanceKmFor(prepared.ctx.policy, unit.type);
    const max = `${km(maxKm)} for ${unit.type}`;
    if (preferenceRank >= 0) {
      return {
        passed: true,
        message: `The unit lies in ${unit.municipalityCode}, the client's preferred municipality number ${preferenceRank + 1}.`,
      };
    }
    if (nearest.distanceKm === Number.POSITIVE_INFINITY) {
      const dropped =
        facts.droppedPoints.length > 0
          ? ` (not used, in or near an avoided area: ${facts.droppedPoints.join(', ')})`
          : '';
      return {
        passed: false,
        message: `The client has no usable network point${dropped} for municipality of belonging ${client.municipalityOfBelonging}, and the unit is not in a preferred municipality.`,
      };
    }
    const fact = `The unit is ${km(nearest.distanceKm)} from the nearest point of the client's network (${nearest.label})`;
    return nearest.distanceKm <= maxKm
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

/**
 * The first rule in the order of HARD_RULES that the pair fails, or null: the first failed entry
 * of `evaluateHardRules`, without evaluating the rules after it.
 */
export function firstFailedHardRule(input: RuleInput): HardRuleCode | null {
  for (const { code } of HARD_RULES) {
    if (!CHECKS[code](input).passed) return code;
  }
  return null;
}
