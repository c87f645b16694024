/** Dutch words for the API's codes. Unknown codes fall back to the code (or the API's text). */

export const ROLE_LABELS: Record<string, string> = {
  admin: 'beheerder',
  matcher: 'matcher',
  corporation: 'corporatie',
  provider: 'zorgaanbieder',
  viewer: 'gemeente (inzage)',
};

export const CRITERION_LABELS = {
  location: 'Locatie',
  spreiding: 'Spreiding',
  prikkelarm: 'Prikkelarm',
  begeleiding: 'Begeleiding',
  wait: 'Wachttijd',
} as const;
export type Criterion = keyof typeof CRITERION_LABELS;
export const CRITERIA = Object.keys(CRITERION_LABELS) as Criterion[];

export const PROPOSAL_STATUS_LABELS: Record<string, string> = {
  proposed: 'voorgesteld',
  approved: 'voorgedragen',
  accepted: 'geaccepteerd',
  rejected: 'afgewezen',
  declined: 'geweigerd',
  placed: 'geplaatst',
  cancelled: 'geannuleerd',
  expired: 'verlopen',
};

export const UNIT_STATUS_LABELS: Record<string, string> = {
  available: 'beschikbaar',
  proposed: 'voorgesteld',
  let: 'verhuurd',
  withdrawn: 'ingetrokken',
};

export const CLIENT_STATUS_LABELS: Record<string, string> = {
  waiting: 'wachtend',
  proposed: 'voorgesteld',
  placed: 'geplaatst',
  withdrawn: 'ingetrokken',
};

export const UNIT_TYPE_LABELS: Record<string, string> = {
  contingent: 'Contingent',
  omklap: 'Omklap',
  skaeve_huis: 'Skaeve Huse',
  doorstroom: 'Doorstroom',
};

export const TARGET_GROUP_LABELS: Record<string, string> = {
  bw: 'Beschermd wonen',
  mo: 'Maatschappelijke opvang',
  vo: 'Vrouwenopvang',
  other: 'Overig',
};

export const STIMULUS_LABELS: Record<string, string> = {
  low: 'prikkelarm',
  medium: 'gemiddeld',
  high: 'veel prikkels',
};

export const STIMULUS_NEED_LABELS: Record<string, string> = {
  required: 'prikkelarm nodig',
  preferred: 'prikkelarm liefst',
  none: 'geen voorkeur',
};

export const SUPPORT_LABELS: Record<string, string> = {
  light: 'licht',
  regular: 'regulier',
  intensive: 'intensief',
};

export const NOT_MATCHABLE_LABELS: Record<string, string> = {
  not_waiting: 'niet wachtend',
  no_consent: 'geen toestemming',
  parked: 'geparkeerd',
};

export const RUN_STATUS_LABELS: Record<string, string> = {
  queued: 'in de wachtrij',
  running: 'bezig',
  done: 'klaar',
  failed: 'mislukt',
};

export const RUN_TRIGGER_LABELS: Record<string, string> = {
  change: 'wijziging',
  request: 'op verzoek',
  nightly: "'s nachts",
};

export const REASON_LABELS: Record<string, string> = {
  unit_no_longer_available: 'De woning is niet meer beschikbaar',
  household_does_not_fit: 'Het huishouden past niet bij de woning',
  rent_arrears_history: 'Eerdere huurachterstand',
  location_refused: 'De cliënt wil niet op deze locatie wonen',
  support_cannot_be_arranged: 'De begeleiding is daar niet te regelen',
  client_not_reachable: 'De cliënt is niet bereikbaar',
  client_declines: 'De cliënt weigert de woning',
  better_alternative: 'Er is een betere combinatie',
  information_incomplete: 'Er ontbreekt informatie om te beslissen',
  other: 'Andere reden (toelichting verplicht)',
  unit_withdrawn: 'De corporatie trok de woning in',
  client_withdrawn: 'De zorgaanbieder trok de cliënt in',
  deadline_passed: 'De termijn is verstreken',
};

/** The hard rules of a pair, in Dutch: what must hold for the pair to be allowed. */
export const RULE_LABELS: Record<string, string> = {
  NO_CONSENT: 'De cliënt gaf toestemming om het profiel te delen',
  CLIENT_PARKED: 'De cliënt is niet geparkeerd',
  NOT_AVAILABLE_IN_TIME: 'De woning is binnen de planningstermijn beschikbaar',
  NEIGHBOURHOOD_CAP_REACHED: 'De wijk zit onder haar plafond',
  MUNICIPALITY_CAP_REACHED: 'De gemeente zit onder haar plafond',
  CLUSTER_CAP_REACHED: 'Het Skaeve Huse-cluster zit onder zijn plafond',
  SENIOR_ONLY_UNIT: 'De woning is geen seniorenwoning, of de cliënt mag er wonen',
  UNIT_TYPE_NOT_IN_ROUTES: 'Het woningtype hoort bij de routes van de cliënt',
  HOUSEHOLD_TOO_LARGE: 'Er zijn genoeg slaapkamers voor het huishouden',
  RENT_ABOVE_MAX: 'Huur plus servicekosten is binnen de maximale huur',
  RENT_ABOVE_HUURTOESLAG_LIMIT: 'De huur blijft onder de aftoppingsgrens (huurtoeslag)',
  NOT_WHEELCHAIR_ACCESSIBLE: 'Rolstoeltoegankelijk waar dat nodig is',
  NO_GROUND_FLOOR_OR_LIFT: 'Begane grond of lift waar dat nodig is',
  STIMULUS_TOO_HIGH: 'De prikkels passen bij wat de cliënt nodig heeft',
  PETS_NOT_ALLOWED: 'Huisdieren zijn toegestaan waar de cliënt er een heeft',
  CORPORATION_AVOIDED: 'Niet bij een corporatie die vermeden moet worden',
  MUNICIPALITY_AVOIDED: 'Niet in een gemeente die vermeden moet worden',
  NEIGHBOURHOOD_AVOIDED: 'Niet in een wijk die vermeden moet worden',
  TOO_CLOSE_TO_AVOIDED_AREA: 'Ver genoeg van een te vermijden gebied',
  SUPPORT_CANNOT_REACH: 'De begeleiding kan de woning bereiken',
  OUTSIDE_ACCEPTABLE_AREA: 'Binnen het aanvaardbare zoekgebied',
  PAIR_DECLINED_BEFORE: 'Deze combinatie is niet eerder afgewezen',
};

export const label = (labels: Record<string, string>, code: string | null | undefined): string =>
  code == null ? '—' : (labels[code] ?? code);
