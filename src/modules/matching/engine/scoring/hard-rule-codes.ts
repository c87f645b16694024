/**
 * The hard rules' reason codes, in the fixed order in which every rule is evaluated and listed.
 * The order is cheapest and most selective first, so the bulk generator can stop at the first
 * failing rule and still count the same "first reason" that `evaluatePair` shows first.
 * Codes are stable: stored with rejected pairs and shown to matchers; never rename one.
 */

/**
 * What a rule looks at: `client` rules depend on the client alone, `unit` rules on the unit alone
 * (both given the context), `pair` rules on the combination.
 */
export type HardRuleScope = 'client' | 'unit' | 'pair';

export interface HardRuleDefinition {
  code: string;
  scope: HardRuleScope;
  /** What the rule demands, for the reason list and the docs. */
  description: string;
}

export const HARD_RULES = [
  {
    code: 'NO_CONSENT',
    scope: 'client',
    description: 'The client has consented to sharing the profile with a corporation.',
  },
  {
    code: 'CLIENT_PARKED',
    scope: 'client',
    description: 'The client is not parked: no `parkedUntil` date later than today.',
  },
  {
    code: 'NOT_AVAILABLE_IN_TIME',
    scope: 'unit',
    description: "The unit's `availableFrom` is on or before today plus the planning horizon.",
  },
  {
    code: 'NEIGHBOURHOOD_CAP_REACHED',
    scope: 'unit',
    description: "The unit's neighbourhood holds fewer placements and open proposals than its cap.",
  },
  {
    code: 'MUNICIPALITY_CAP_REACHED',
    scope: 'unit',
    description:
      "The unit's municipality holds fewer placements and open proposals than its cap, if it has one.",
  },
  {
    code: 'CLUSTER_CAP_REACHED',
    scope: 'unit',
    description:
      "A Skaeve Huse unit's cluster holds fewer placements and open proposals than the cluster cap.",
  },
  {
    code: 'SENIOR_ONLY_UNIT',
    scope: 'unit',
    description:
      'The unit is not labelled for seniors only: the engine knows no ages, so a matcher proposes such a unit by hand.',
  },
  {
    code: 'UNIT_TYPE_NOT_IN_ROUTES',
    scope: 'pair',
    description: "The unit's type is one of the client's routes.",
  },
  {
    code: 'HOUSEHOLD_TOO_LARGE',
    scope: 'pair',
    description: 'The unit has at least as many bedrooms as the household needs.',
  },
  {
    code: 'RENT_ABOVE_MAX',
    scope: 'pair',
    description: "The unit's rent plus service costs is at most the client's maximum rent.",
  },
  {
    code: 'RENT_ABOVE_HUURTOESLAG_LIMIT',
    scope: 'pair',
    description:
      'For a client who depends on huurtoeslag, the rent that counts (rent plus service costs) is at ' +
      'most the aftoppingsgrens for the household size, or the kwaliteitskortingsgrens under 23.',
  },
  {
    code: 'NOT_WHEELCHAIR_ACCESSIBLE',
    scope: 'pair',
    description: 'A client who needs a wheelchair-accessible home gets one.',
  },
  {
    code: 'NO_GROUND_FLOOR_OR_LIFT',
    scope: 'pair',
    description:
      'A client who needs a ground floor or a lift gets a unit on floor 0 or with a lift.',
  },
  {
    code: 'STIMULUS_TOO_HIGH',
    scope: 'pair',
    description:
      'A client who requires a low-stimulus (prikkelarm) home gets a unit with stimulus low.',
  },
  {
    code: 'PETS_NOT_ALLOWED',
    scope: 'pair',
    description: 'A client who moves with a pet gets a unit where pets are allowed.',
  },
  {
    code: 'CORPORATION_AVOIDED',
    scope: 'pair',
    description: 'The unit is not let by a corporation the client must avoid.',
  },
  {
    code: 'MUNICIPALITY_AVOIDED',
    scope: 'pair',
    description: 'The unit is not in a municipality the client must avoid (for VO: a safety zone).',
  },
  {
    code: 'NEIGHBOURHOOD_AVOIDED',
    scope: 'pair',
    description: 'The unit is not in a neighbourhood the client must avoid.',
  },
  {
    code: 'TOO_CLOSE_TO_AVOIDED_AREA',
    scope: 'pair',
    description:
      'The unit is at least the policy distance from every area the client must avoid, measured to ' +
      "the area's nearest neighbourhood centroid or centre.",
  },
  {
    code: 'SUPPORT_CANNOT_REACH',
    scope: 'pair',
    description:
      "A contracted provider (the client's own, or another unless the policy requires the own) " +
      "covers the unit's municipality, with capacity left there when the support is intensive.",
  },
  {
    code: 'OUTSIDE_ACCEPTABLE_AREA',
    scope: 'pair',
    description:
      'The unit is in a preferred municipality, or within the policy distance for its type of a ' +
      "network point: an anchor or the centre of the client's municipality of belonging, except " +
      'points in or near an avoided area.',
  },
  {
    code: 'PAIR_DECLINED_BEFORE',
    scope: 'pair',
    description: 'This client and unit were not declined, rejected or placed together before.',
  },
] as const satisfies readonly HardRuleDefinition[];

export type HardRuleCode = (typeof HARD_RULES)[number]['code'];

export const HARD_RULE_CODES: readonly HardRuleCode[] = HARD_RULES.map((rule) => rule.code);

/** The codes of one scope, in the fixed order. */
export function hardRuleCodesOf(scope: HardRuleScope): HardRuleCode[] {
  return HARD_RULES.filter((rule) => rule.scope === scope).map((rule) => rule.code);
}
