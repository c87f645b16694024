/**
 * Generates the demo region's homes, clients, support coverage and contingent pledges: pure (no
 * database, no clock), so the same seed and date always give the same records. Every record is
 * made of codes, numbers and dates: no names, BSN, birth dates or diagnoses, and no free text.
 */
import type { CreateClientInput } from '../../src/modules/clients/client.schemas';
import type { CreateUnitInput } from '../../src/modules/units/unit.schemas';
import type { AnchorKind, TargetGroup, UnitType } from '../../src/shared/domain/vocabulary';
import { haversineKm } from '../../src/shared/geo/geo';
import { createSeededRandom, type SeededRandom } from '../../src/shared/random/seeded-random';
import { addDays } from '../../src/shared/time/clock';
import {
  DEMO_MUNICIPALITIES,
  DEMO_NEIGHBOURHOODS,
  DEMO_ORGANISATIONS,
  type DemoCorporation,
  type DemoMunicipality,
  type DemoNeighbourhood,
  type DemoProvider,
  EDGE_LANES,
  INHABITANTS_THOUSANDS,
  STREETS,
} from './region.data';

export const DEMO_SEED = 20_201_014;

/** A client profile as the seed registers it; the support provider is named by slug. */
export type DemoClient = Omit<CreateClientInput, 'support'> & {
  support: { intensity: CreateClientInput['support']['intensity']; providerSlug?: string };
};

export interface DemoContingent {
  municipalityCode: string;
  year: number;
  pledged: number;
}

export interface DemoData {
  /** Units per corporation slug, in externalRef order. */
  units: ReadonlyMap<string, CreateUnitInput[]>;
  /** Clients per provider slug, in externalRef order. */
  clients: ReadonlyMap<string, DemoClient[]>;
  coverage: ReadonlyMap<string, { municipalityCode: string; capacity: number }[]>;
  contingents: ReadonlyMap<string, DemoContingent[]>;
}

const corporations = DEMO_ORGANISATIONS.filter(
  (o): o is DemoCorporation => o.kind === 'corporatie',
);
const providers = DEMO_ORGANISATIONS.filter(
  (o): o is DemoProvider => o.kind === 'zorgaanbieder' || o.kind === 'welzijnsaanbieder',
);

const municipalityByCode = new Map(DEMO_MUNICIPALITIES.map((m) => [m.code, m]));
const neighbourhoodsOf = (code: string) =>
  DEMO_NEIGHBOURHOODS.filter((n) => n.municipalityCode === code);

/** The nearest other municipalities, nearest first: where a client's network usually is. */
function nearest(code: string, count: number): string[] {
  const from = must(municipalityByCode.get(code), code);
  return DEMO_MUNICIPALITIES.filter((m) => m.code !== code)
    .sort((a, b) => haversineKm(from, a) - haversineKm(from, b))
    .slice(0, count)
    .map((m) => m.code);
}

const byInhabitants = (codes: readonly string[]) =>
  codes.map((code) => [code, INHABITANTS_THOUSANDS[code] ?? 10] as const);

const ref = (prefix: string, kind: 'U' | 'C', n: number) =>
  `${prefix}-${kind}-${String(n).padStart(4, '0')}`;

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/** A point within `km` of the centre (roughly: a degree of longitude is ~70 km here). */
function near(
  random: SeededRandom,
  centre: { lat: number; lon: number },
  km: number,
): { lat: number; lon: number } {
  return {
    lat: round(centre.lat + ((random.float() * 2 - 1) * km) / 111, 5),
    lon: round(centre.lon + ((random.float() * 2 - 1) * km) / 70, 5),
  };
}

/** Dutch postcode letters: F, I, O, Q, U and Y are never used, nor SA, SD and SS. */
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ'.split('');
function postcode(random: SeededRandom, area: string): string {
  for (;;) {
    const letters = `${random.pick(POSTCODE_LETTERS)}${random.pick(POSTCODE_LETTERS)}`;
    if (!['SA', 'SD', 'SS'].includes(letters)) return `${area} ${letters}`;
  }
}

function houseNumber(random: SeededRandom, floor: number): string {
  const number = String(random.int(1, 180));
  if (floor > 0 && random.chance(0.5)) return `${number}${random.pick(['A', 'B', 'C', 'D'])}`;
  if (random.chance(0.05)) return `${number}-${random.int(1, 3)}`;
  return number;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

type LaterUnitFields = 'serviceCosts' | 'selfContained' | 'petsAllowed' | 'seniorOnly';

/**
 * Fields added with the matching rules, from the unit's own stream so every earlier field of the
 * demo stays as it was.
 */
function withLaterFields(unit: Omit<CreateUnitInput, LaterUnitFields>): CreateUnitInput {
  const random = createSeededRandom(hash(unit.externalRef) >>> 0);
  return {
    ...unit,
    serviceCosts: random.chance(0.6) ? random.int(10, 45) : 0,
    selfContained: unit.type !== 'doorstroom' || random.chance(0.8),
    petsAllowed: unit.type === 'skaeve_huis' || random.chance(0.7),
    seniorOnly: unit.type === 'contingent' && random.chance(0.03),
  };
}

function generateUnits(
  random: SeededRandom,
  corporation: DemoCorporation,
  today: string,
): CreateUnitInput[] {
  const units: Omit<CreateUnitInput, LaterUnitFields>[] = [];
  const next = () => ref(corporation.refPrefix, 'U', units.length + 1);

  corporation.clusters.forEach((cluster, index) => {
    // A cluster stands together on one lane at the edge of one kern, away from its centre.
    const outlying = neighbourhoodsOf(cluster.municipalityCode).filter((n) => !n.central);
    const kern = random.pick(outlying);
    const site = near(random, kern, 1.5);
    const lane = random.pick(EDGE_LANES);
    const first = random.int(2, 40);
    const clusterId = `${corporation.refPrefix}-SH-${String(index + 1).padStart(2, '0')}`;
    const availableFrom = addDays(today, random.int(0, 240));
    const code = postcode(random, kern.postcodeArea);
    for (let i = 0; i < cluster.size; i++) {
      units.push({
        externalRef: next(),
        type: 'skaeve_huis',
        address: {
          street: lane,
          houseNumber: `${first}${'ABCDEF'[i] ?? ''}`,
          postcode: code,
          municipalityCode: cluster.municipalityCode,
        },
        neighbourhoodCode: kern.code,
        location: near(random, site, 0.15),
        rent: round(random.int(380, 520) + random.pick([0, 0.25, 0.5, 0.75]), 2),
        bedrooms: 1,
        floor: 0,
        hasLift: false,
        wheelchairAccessible: false,
        stimulus: 'low',
        furnished: random.chance(0.2),
        availableFrom,
        clusterId,
      });
    }
  });

  const regular = corporation.units - units.length;
  const municipalities = byInhabitants(corporation.municipalityCodes);
  for (let i = 0; i < regular; i++) {
    const type = random.weighted<Exclude<UnitType, 'skaeve_huis'>>([
      ['contingent', 62],
      ['omklap', 16],
      ['doorstroom', 22],
    ]);
    const municipalityCode = random.weighted(municipalities);
    const neighbourhood: DemoNeighbourhood = random.pick(neighbourhoodsOf(municipalityCode));
    const floor = random.weighted([
      [0, 38],
      [1, 25],
      [2, 15],
      [3, 13],
      [4, 9],
    ]);
    const hasLift = floor >= 2 ? random.chance(0.75) : floor === 1 && random.chance(0.15);
    const bedrooms =
      type === 'doorstroom'
        ? random.weighted([
            [0, 45],
            [1, 50],
            [2, 5],
          ])
        : type === 'omklap'
          ? random.weighted([
              [1, 50],
              [2, 40],
              [3, 10],
            ])
          : random.weighted([
              [0, 5],
              [1, 35],
              [2, 40],
              [3, 20],
            ]);
    const baseRent = type === 'doorstroom' ? 420 : 480;
    const availableFrom = addDays(today, random.int(-45, 180));
    const unit: Omit<CreateUnitInput, LaterUnitFields> = {
      externalRef: next(),
      type,
      address: {
        street: random.pick(STREETS),
        houseNumber: houseNumber(random, floor),
        postcode: postcode(random, neighbourhood.postcodeArea),
        municipalityCode,
      },
      neighbourhoodCode: neighbourhood.code,
      location: near(random, neighbourhood, 0.8),
      rent: round(baseRent + bedrooms * 65 + random.int(0, 130) + random.int(0, 99) / 100, 2),
      bedrooms,
      floor,
      hasLift,
      wheelchairAccessible: (floor === 0 || hasLift) && random.chance(0.15),
      stimulus: random.weighted(
        neighbourhood.central
          ? [
              ['low', 20],
              ['medium', 45],
              ['high', 35],
            ]
          : [
              ['low', 50],
              ['medium', 40],
              ['high', 10],
            ],
      ),
      furnished: random.chance(type === 'doorstroom' ? 0.8 : type === 'omklap' ? 0.1 : 0.02),
      availableFrom,
    };
    // Counted against this year's pledge at the earliest, as corporations book them.
    if (type === 'contingent') {
      unit.contingentYear = Math.max(yearOf(availableFrom), yearOf(today));
    }
    if (type === 'omklap') unit.omklap = { reviewAfterMonths: random.pick([6, 12, 12, 18, 24]) };
    if (type === 'doorstroom') {
      unit.doorstroom = { maxStayMonths: random.pick([6, 12, 12, 12, 18]) };
    }
    units.push(unit);
  }
  return units.map(withLaterFields);
}

const ANCHOR_KINDS_BY_WEIGHT: readonly (readonly [AnchorKind, number])[] = [
  ['family', 40],
  ['work', 15],
  ['daytime', 25],
  ['support', 15],
  ['other', 5],
];

function anchorsNear(
  random: SeededRandom,
  places: readonly DemoMunicipality[],
  count: number,
): CreateClientInput['anchors'] {
  return Array.from({ length: count }, () => ({
    kind: random.weighted(ANCHOR_KINDS_BY_WEIGHT),
    // Coarse on purpose: the service keeps two decimals (about 1 km), never an address.
    ...near(random, random.pick(places), 3),
  })).map((anchor) => ({ ...anchor, lat: round(anchor.lat, 2), lon: round(anchor.lon, 2) }));
}

function generateClient(
  random: SeededRandom,
  provider: DemoProvider,
  externalRef: string,
  today: string,
): DemoClient {
  const targetGroup = random.weighted<TargetGroup>(provider.targetGroups);
  const belonging = random.weighted(byInhabitants(provider.municipalityCodes));
  const home = must(municipalityByCode.get(belonging), belonging);
  const neighbours = nearest(belonging, 4);

  const withChildren =
    targetGroup === 'vo' ? random.chance(0.6) : targetGroup === 'other' && random.chance(0.2);
  const household = {
    adults: targetGroup !== 'vo' && random.chance(0.06) ? 2 : 1,
    children: withChildren ? random.weighted([[1, 45] as const, [2, 35], [3, 20]]) : 0,
  };
  // Social rent a household with benefits can carry; families a little more.
  const maxRent =
    household.children > 0 || household.adults > 1
      ? 5 * random.int(126, 180)
      : 5 * random.int(100, 146);

  let preferred: string[];
  let avoid: string[];
  let anchorPlaces: DemoMunicipality[];
  if (targetGroup === 'vo') {
    // Safety first: most women leaving a shelter must not return to where they came from.
    const elsewhere = random.shuffle(DEMO_MUNICIPALITIES.filter((m) => m.code !== belonging));
    preferred = elsewhere.slice(0, random.int(1, 3)).map((m) => m.code);
    avoid = random.chance(0.7) ? [belonging] : [];
    if (avoid.length > 0 && random.chance(0.25)) {
      const extra = neighbours.find((code) => !preferred.includes(code));
      if (extra) avoid.push(extra);
    }
    // Her network to be (support, work, day activity) lies where she is going, not where she fled.
    anchorPlaces = preferred.map((code) => must(municipalityByCode.get(code), code));
  } else {
    preferred = random.chance(0.75) ? [belonging] : [];
    const extra = random.weighted([
      [0, 35],
      [1, 40],
      [2, 25],
    ]);
    preferred.push(...random.shuffle(neighbours.slice(0, 3)).slice(0, extra));
    avoid = [];
    if (random.chance(0.06)) {
      const away = random.pick(DEMO_MUNICIPALITIES.filter((m) => !preferred.includes(m.code)));
      if (away.code !== belonging) avoid.push(away.code);
    }
    anchorPlaces = [
      home,
      ...neighbours.slice(0, 2).map((code) => must(municipalityByCode.get(code), code)),
    ];
  }
  const anchorsAnywhere = anchorsNear(
    random,
    anchorPlaces.length > 0 ? anchorPlaces : [home],
    random.weighted([
      [0, 20],
      [1, 35],
      [2, 30],
      [3, 15],
    ]),
  );

  // The service refuses an anchor in an area the client must avoid (by its nearest kern).
  const anchors = anchorsAnywhere.filter(
    (anchor) => !avoid.includes(nearestNeighbourhood(anchor).municipalityCode),
  );

  const single = household.adults === 1 && household.children === 0;
  const skaeveHuis =
    single && (targetGroup === 'mo' || targetGroup === 'other') && random.chance(0.06);
  const routes: CreateClientInput['routes'] = skaeveHuis
    ? random.chance(0.5)
      ? ['skaeve_huis']
      : ['skaeve_huis', 'doorstroom']
    : [
        'contingent',
        ...(random.chance(targetGroup === 'bw' ? 0.4 : 0.2) ? (['omklap'] as const) : []),
        ...(random.chance(0.45) ? (['doorstroom'] as const) : []),
      ];

  const stimulusNeed = random.weighted<CreateClientInput['stimulusNeed']>(
    targetGroup === 'bw'
      ? [
          ['required', 25],
          ['preferred', 40],
          ['none', 35],
        ]
      : targetGroup === 'mo'
        ? [
            ['required', 10],
            ['preferred', 30],
            ['none', 60],
          ]
        : [
            ['required', 10],
            ['preferred', 45],
            ['none', 45],
          ],
  );
  const intensity = random.weighted<CreateClientInput['support']['intensity']>(
    targetGroup === 'bw'
      ? [
          ['light', 20],
          ['regular', 50],
          ['intensive', 30],
        ]
      : [
          ['light', 35],
          ['regular', 50],
          ['intensive', 15],
        ],
  );
  const supportBy =
    provider.supportBy && random.chance(provider.supportBy.share)
      ? provider.supportBy.slug
      : undefined;

  // Most have waited a few months; a long tail up to about eighteen months.
  const waited = Math.min(540, Math.floor(-Math.log(1 - random.float()) * 150));
  const readySince = addDays(today, -waited);
  const consent = random.chance(0.93)
    ? {
        givenOn: addDays(readySince, Math.min(waited, random.int(0, 30))),
        scope: random.chance(0.6) ? ('matching_with_support' as const) : ('matching' as const),
      }
    : null;
  const wheelchair = random.chance(0.02);

  return {
    externalRef,
    targetGroup,
    household,
    maxRent,
    municipalityOfBelonging: belonging,
    preferredMunicipalities: preferred,
    anchors,
    avoidMunicipalities: avoid,
    stimulusNeed,
    support: { intensity, ...(supportBy ? { providerSlug: supportBy } : {}) },
    needs: { groundFloorOrLift: wheelchair || random.chance(0.1), wheelchair },
    routes,
    readySince,
    consent,
    parkedUntil: random.chance(0.03) ? addDays(today, random.int(14, 90)) : null,
    ...laterFields(externalRef, targetGroup, today),
  };
}

/** The nearest kern, as the service decides which area a coarse anchor lies in. */
function nearestNeighbourhood(point: { lat: number; lon: number }): DemoNeighbourhood {
  let best = DEMO_NEIGHBOURHOODS[0] as DemoNeighbourhood;
  let bestDistance = Number.POSITIVE_INFINITY;
  const cos = Math.cos((point.lat * Math.PI) / 180);
  for (const n of DEMO_NEIGHBOURHOODS) {
    const distance = (n.lat - point.lat) ** 2 + ((n.lon - point.lon) * cos) ** 2;
    if (distance < bestDistance || (distance === bestDistance && n.code < best.code)) {
      best = n;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Fields added with the matching rules (pets, rent benefit, urgency requests, a move-by date),
 * drawn from the client's own stream so every earlier field of the demo stays as it was.
 */
function laterFields(
  externalRef: string,
  targetGroup: TargetGroup,
  today: string,
): Pick<
  DemoClient,
  | 'pets'
  | 'huurtoeslagEligible'
  | 'under23'
  | 'mustMoveBy'
  | 'urgencyReason'
  | 'avoidNeighbourhoods'
  | 'avoidCorporations'
> {
  const random = createSeededRandom(hash(externalRef) >>> 0);
  const urgent = random.chance(targetGroup === 'vo' ? 0.2 : 0.06);
  return {
    avoidNeighbourhoods: [],
    avoidCorporations: [],
    pets: random.chance(0.1),
    huurtoeslagEligible: random.chance(0.8),
    under23: random.chance(targetGroup === 'bw' ? 0.05 : 0.12),
    mustMoveBy: random.chance(0.1) ? addDays(today, random.int(14, 180)) : null,
    urgencyReason: urgent
      ? random.weighted<NonNullable<DemoClient['urgencyReason']>>(
          targetGroup === 'vo'
            ? [
                ['safety', 8],
                ['stay_ending', 1],
                ['other', 1],
              ]
            : [
                ['health', 3],
                ['stay_ending', 3],
                ['shelter_capacity', 3],
                ['eviction', 1],
              ],
        )
      : null,
  };
}

/**
 * The demo's records from `seed`; `today` (`YYYY-MM-DD`) anchors the dates (homes available from
 * about now, clients ready since up to eighteen months ago). Each organisation draws from its own
 * stream, so adding one organisation leaves the others' records as they were.
 */
export function generateDemoData(seed: number, today: string): DemoData {
  const stream = (slug: string) => createSeededRandom((seed ^ hash(slug)) >>> 0);

  const units = new Map(
    corporations.map((c) => [c.slug, generateUnits(stream(c.slug), c, today)] as const),
  );
  const clients = new Map(
    providers.map((p) => {
      const random = stream(p.slug);
      return [
        p.slug,
        Array.from({ length: p.clients }, (_, i) =>
          generateClient(random, p, ref(p.refPrefix, 'C', i + 1), today),
        ),
      ] as const;
    }),
  );

  // Capacity roughly in proportion to size, with room to spare where the provider's clients live.
  const coverage = new Map(
    providers.map((p) => {
      const random = stream(`${p.slug}/coverage`);
      return [
        p.slug,
        p.municipalityCodes.map((code) => ({
          municipalityCode: code,
          capacity: Math.max(
            3,
            Math.round(((INHABITANTS_THOUSANDS[code] ?? 10) * p.clients) / 400) + random.int(0, 4),
          ),
        })),
      ] as const;
    }),
  );

  // Pledges for this year and next, per municipality the corporation has homes in.
  const thisYear = yearOf(today);
  const contingents = new Map(
    corporations.map((c) => {
      const random = stream(`${c.slug}/contingents`);
      return [
        c.slug,
        c.municipalityCodes.flatMap((code) =>
          [thisYear, thisYear + 1].map((year) => ({
            municipalityCode: code,
            year,
            pledged:
              Math.max(2, Math.round((INHABITANTS_THOUSANDS[code] ?? 10) / 5)) + random.int(0, 5),
          })),
        ),
      ] as const;
    }),
  );

  return { units, clients, coverage, contingents };
}

/** A stable number for a name (Java's string hash), to give each organisation its own stream. */
function hash(text: string): number {
  let value = 0;
  for (let i = 0; i < text.length; i++) value = (value * 31 + text.charCodeAt(i)) | 0;
  return value;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo data: ${what} is missing`);
  return value;
}
