/**
 * A region as the engine sees it, read in one consistent snapshot: the one place where stored
 * rows become `EngineUnit`, `EngineClient` and `MatchingContext`, so a new field is carried
 * through here and runs, candidates and "why not" can never disagree.
 */
import type { DataSource } from 'typeorm';

import type { Db } from '../../shared/database/db';
import { prepared } from '../../shared/database/prepared';
import type {
  AnchorKind,
  Stimulus,
  StimulusNeed,
  SupportIntensity,
  UnitType,
} from '../../shared/domain/vocabulary';
import { MATCHING_POLICY_DEFAULTS } from '../../shared/domain/matching-policy';
import { dutchDate } from '../../shared/time/clock';
import type {
  EngineClient,
  EnginePolicy,
  EngineUnit,
  GeoPoint,
  MatchingContext,
  NeighbourhoodPoint,
  SupportCoverage,
} from './engine';
import type { FixedPair, RegionMatchInput } from './engine/region-match';

/** Proposal statuses that hold a unit and a client (the workflow may move them on). */
export const OPEN_PROPOSAL_STATUSES = ['proposed', 'approved', 'accepted'] as const;

/** Parts of the policy a dry run may change ("what if"). */
export interface PolicyOverrides {
  weights?: Partial<EnginePolicy['weights']>;
  neighbourhoodCap?: number;
  municipalityCaps?: Record<string, number>;
  maxDistanceKm?: number;
  planningHorizonDays?: number;
}

export interface RegionSnapshot extends RegionMatchInput {
  regionCode: string;
  policy: EnginePolicy;
  capWindowMonths: number;
  /** The region's change counter as this snapshot saw it. */
  changeSeq: number;
  /**
   * `pg_current_snapshot()` of the transaction that read this snapshot, as text: which writing
   * transactions it saw, to check against the region change log whether it still holds
   * (migration `1765900000000-region-change-log`).
   */
  pgSnapshot: string;
  /**
   * The earliest placement each time window counted (UTC, microseconds; null: none): the load
   * within the cap window and the providers' coverage within 12 months. Once a window's start
   * passes it, the snapshot no longer holds for a later `now`.
   */
  earliestCounted: { load: string | null; coverage: string | null };
  /** Row versions, to check at store time that nothing changed since this read. */
  unitVersions: Map<string, number>;
  clientVersions: Map<string, number>;
}

/**
 * The policy's matching rules as stored (validated by the registry on write). A version written
 * before a rule existed lacks it, and the engine then takes the rule's default.
 */
type StoredMatchingRules = Pick<
  EnginePolicy,
  | 'maxWaitDays'
  | 'mustMoveUrgentDays'
  | 'minDistanceKmFromAvoided'
  | 'requireOwnProvider'
  | 'capExemptTypes'
  | 'clusterCap'
  | 'maxDistanceKmByType'
  | 'rentLimits'
  | 'scarcity'
  | 'fairShares'
>;

const MATCHING_RULE_KEYS = [
  'maxWaitDays',
  'mustMoveUrgentDays',
  'minDistanceKmFromAvoided',
  'requireOwnProvider',
  'capExemptTypes',
  'clusterCap',
  'maxDistanceKmByType',
  'rentLimits',
  'scarcity',
  'fairShares',
] as const satisfies readonly (keyof StoredMatchingRules)[];

interface PolicyRow {
  version: number;
  weights: EnginePolicy['weights'];
  neighbourhoodCap: number;
  capWindowMonths: number;
  maxDistanceKm: number;
  planningHorizonDays: number;
  municipalityCaps: Record<string, number> | null;
  matchingRules: Record<string, unknown>;
}

interface UnitRow {
  id: string;
  type: UnitType;
  municipalityCode: string;
  neighbourhoodCode: string;
  lat: number;
  lon: number;
  rent: number;
  bedrooms: number;
  floor: number;
  hasLift: boolean;
  wheelchairAccessible: boolean;
  stimulus: Stimulus;
  availableFrom: string;
  corporationId: string;
  serviceCosts: number;
  selfContained: boolean;
  petsAllowed: boolean;
  seniorOnly: boolean;
  furnished: boolean;
  clusterId: string | null;
  version: number;
}

interface ClientRow {
  id: string;
  adults: number;
  children: number;
  maxRent: number;
  municipalityOfBelonging: string;
  preferred: string[];
  avoided: string[];
  avoidedNeighbourhoods: string[];
  avoidedCorporations: string[];
  anchors: { kind: AnchorKind; lat: number; lon: number }[];
  stimulusNeed: StimulusNeed;
  supportIntensity: SupportIntensity;
  supportProviderId: string;
  needsGroundFloorOrLift: boolean;
  needsWheelchair: boolean;
  routes: UnitType[];
  readySince: string;
  urgent: boolean;
  mustMoveBy: string | null;
  pets: boolean;
  huurtoeslagEligible: boolean;
  under23: boolean;
  consentGivenOn: string | null;
  parkedUntil: string | null;
  parkedReason: string | null;
  parkedDeclines: number | null;
  version: number;
}

const UNIT_COLUMNS = `
  u.id, u.type, u.municipality_code AS "municipalityCode",
  u.neighbourhood_code AS "neighbourhoodCode", u.lat, u.lon, u.rent::float8 AS rent, u.bedrooms,
  u.floor, u.has_lift AS "hasLift", u.wheelchair_accessible AS "wheelchairAccessible",
  u.stimulus, to_char(u.available_from, 'YYYY-MM-DD') AS "availableFrom",
  u.corporation_id AS "corporationId", u.service_costs::float8 AS "serviceCosts",
  u.self_contained AS "selfContained", u.pets_allowed AS "petsAllowed",
  u.senior_only AS "seniorOnly", u.furnished, u.cluster_id AS "clusterId", u.version`;

const CLIENT_COLUMNS = `
  c.id, c.adults, c.children, c.max_rent::float8 AS "maxRent",
  c.municipality_of_belonging AS "municipalityOfBelonging",
  coalesce((SELECT array_agg(m.municipality_code ORDER BY m.rank) FROM client_municipalities m
             WHERE m.client_id = c.id AND m.relation = 'preferred'), '{}') AS preferred,
  coalesce((SELECT array_agg(m.municipality_code ORDER BY m.rank) FROM client_municipalities m
             WHERE m.client_id = c.id AND m.relation = 'avoided'), '{}') AS avoided,
  coalesce((SELECT array_agg(n.neighbourhood_code ORDER BY n.neighbourhood_code)
              FROM client_avoided_neighbourhoods n WHERE n.client_id = c.id), '{}')
    AS "avoidedNeighbourhoods",
  coalesce((SELECT array_agg(k.corporation_id::text ORDER BY k.corporation_id)
              FROM client_avoided_corporations k WHERE k.client_id = c.id), '{}')
    AS "avoidedCorporations",
  coalesce((SELECT json_agg(json_build_object('kind', a.kind, 'lat', a.lat::float8, 'lon', a.lon::float8)
                   ORDER BY a.position)
              FROM client_anchors a WHERE a.client_id = c.id), '[]') AS anchors,
  c.stimulus_need AS "stimulusNeed", c.support_intensity AS "supportIntensity",
  coalesce(c.support_provider_id, c.provider_id) AS "supportProviderId",
  c.needs_ground_floor_or_lift AS "needsGroundFloorOrLift", c.needs_wheelchair AS "needsWheelchair",
  -- A client moving on from a doorstroom home is matched for a permanent one only.
  CASE WHEN EXISTS (SELECT 1 FROM placements pl WHERE pl.client_id = c.id
                       AND pl.status = 'moving_on')
       THEN array_remove(c.routes, 'doorstroom') ELSE c.routes END AS routes,
  to_char(c.ready_since, 'YYYY-MM-DD') AS "readySince", c.urgent,
  to_char(c.must_move_by, 'YYYY-MM-DD') AS "mustMoveBy", c.pets,
  c.huurtoeslag_eligible AS "huurtoeslagEligible", c.under_23 AS "under23",
  to_char(c.consent_given_on, 'YYYY-MM-DD') AS "consentGivenOn",
  to_char(c.parked_until, 'YYYY-MM-DD') AS "parkedUntil", c.parked_reason AS "parkedReason",
  c.parked_declines AS "parkedDeclines", c.version`;

function toEngineUnit(row: UnitRow): EngineUnit {
  return {
    id: row.id,
    type: row.type,
    municipalityCode: row.municipalityCode,
    neighbourhoodCode: row.neighbourhoodCode,
    location: { lat: row.lat, lon: row.lon },
    rent: row.rent,
    bedrooms: row.bedrooms,
    floor: row.floor,
    hasLift: row.hasLift,
    wheelchairAccessible: row.wheelchairAccessible,
    stimulus: row.stimulus,
    availableFrom: row.availableFrom,
    corporationId: row.corporationId,
    serviceCosts: row.serviceCosts,
    selfContained: row.selfContained,
    petsAllowed: row.petsAllowed,
    seniorOnly: row.seniorOnly,
    furnished: row.furnished,
    // Cluster ids are a corporation's own: two corporations may both have a "K1".
    clusterId: clusterKey(row.corporationId, row.clusterId),
  };
}

/** A Skaeve Huse cluster as the engine counts it: unique across corporations. */
export function clusterKey(corporationId: string, clusterId: string | null): string | null {
  return clusterId === null ? null : `${corporationId}/${clusterId}`;
}

function toEngineClient(row: ClientRow, today: string): EngineClient {
  return {
    id: row.id,
    household: { adults: row.adults, children: row.children },
    maxRent: row.maxRent,
    municipalityOfBelonging: row.municipalityOfBelonging,
    preferredMunicipalities: row.preferred,
    avoidMunicipalities: row.avoided,
    avoidNeighbourhoods: row.avoidedNeighbourhoods,
    avoidCorporations: row.avoidedCorporations,
    anchors: row.anchors,
    stimulusNeed: row.stimulusNeed,
    support: { intensity: row.supportIntensity, providerId: row.supportProviderId },
    needs: { groundFloorOrLift: row.needsGroundFloorOrLift, wheelchair: row.needsWheelchair },
    routes: row.routes,
    readySince: row.readySince,
    // Only a matcher's confirmation sets `urgent` (a database check ties it to the confirmation).
    urgent: row.urgent,
    mustMoveBy: row.mustMoveBy,
    pets: row.pets,
    huurtoeslagEligible: row.huurtoeslagEligible,
    under23: row.under23,
    hasConsent: row.consentGivenOn !== null && row.consentGivenOn <= today,
    parkedUntil: row.parkedUntil,
    parkedAfter:
      row.parkedReason !== null && row.parkedDeclines !== null
        ? { reason: row.parkedReason, declines: row.parkedDeclines }
        : null,
  };
}

/**
 * A timestamp as UTC text with microseconds: it sorts as it orders, and PostgreSQL reads it back
 * exactly.
 */
export function utcMicros(expression: string): string {
  return `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Where the cap window starts for `now` (both SQL parameters), as the load query counts it. */
export function capWindowStart(now: string, months: string): string {
  return `${now}::timestamptz - make_interval(months => ${months})`;
}

/** Where the coverage window starts for `now`: a provider's intensive support over 12 months. */
export function coverageWindowStart(now: string): string {
  return `${now}::timestamptz - interval '12 months'`;
}

/** Earliest of two UTC texts from `utcMicros` (null: none). */
function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  return b === null || a <= b ? a : b;
}

/**
 * Runs `work` in a read-only REPEATABLE READ transaction: every query sees the same moment.
 * PostgreSQL's JIT compilation is off in it: the snapshot's queries are costed high enough on a
 * large region to be compiled, and compiling took longer than running them (measured in
 * docs/performance.md).
 */
export async function inSnapshot<T>(
  dataSource: DataSource,
  work: (db: Db) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // One round trip for both (no parameters, so the simple protocol takes two statements).
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL jit = off');
    const result = await work(runner.manager);
    await runner.query('COMMIT');
    return result;
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

async function loadPolicy(db: Db, regionCode: string): Promise<PolicyRow | undefined> {
  const rows = await db.query<PolicyRow[]>(
    `SELECT p.version,
            json_build_object('location', p.weight_location::float8, 'spreiding', p.weight_spreiding::float8,
              'prikkelarm', p.weight_prikkelarm::float8, 'begeleiding', p.weight_begeleiding::float8,
              'wait', p.weight_wait::float8) AS weights,
            p.neighbourhood_cap AS "neighbourhoodCap", p.cap_window_months AS "capWindowMonths",
            p.max_distance_km::float8 AS "maxDistanceKm", p.planning_horizon_days AS "planningHorizonDays",
            (SELECT jsonb_object_agg(c.municipality_code, c.cap) FROM region_policy_municipality_caps c
              WHERE c.region_code = p.region_code AND c.version = p.version) AS "municipalityCaps",
            p.matching_rules AS "matchingRules"
       FROM region_policies p WHERE p.region_code = $1 ORDER BY p.version DESC LIMIT 1`,
    [regionCode],
  );
  return rows[0];
}

function matchingRulesOf(stored: Record<string, unknown>): StoredMatchingRules {
  const rules: Record<string, unknown> = {};
  for (const key of MATCHING_RULE_KEYS) {
    if (Object.hasOwn(stored, key)) rules[key] = stored[key];
  }
  return rules;
}

function applyOverrides(
  policy: EnginePolicy,
  overrides: PolicyOverrides | undefined,
): EnginePolicy {
  if (!overrides) return policy;
  return {
    ...policy,
    weights: { ...policy.weights, ...overrides.weights },
    neighbourhoodCap: overrides.neighbourhoodCap ?? policy.neighbourhoodCap,
    municipalityCaps: overrides.municipalityCaps ?? policy.municipalityCaps,
    maxDistanceKm: overrides.maxDistanceKm ?? policy.maxDistanceKm,
    planningHorizonDays: overrides.planningHorizonDays ?? policy.planningHorizonDays,
  };
}

/** The rows of `sql` as one JSON array (`x` names a row), in `order` if given. */
function jsonRows(sql: string, order?: string): string {
  return `(SELECT coalesce(json_agg(x${order ? ` ORDER BY ${order}` : ''}), '[]') FROM (${sql}) x)`;
}

/** What the snapshot's one statement returns (dates in the rows as text, as the row types say). */
interface SnapshotRows {
  changeSeq: string | number | null;
  pgSnapshot: string;
  municipalities: { code: string; lat: number; lon: number; regionCode: string }[];
  units: UnitRow[];
  clients: ClientRow[];
  fixed: FixedPair[];
  load: {
    neighbourhoodCode: string;
    municipalityCode: string;
    exempt: boolean;
    clusterKey: string | null;
    n: number;
    earliestPlaced: string | null;
  }[];
  coverage: {
    providerId: string;
    municipalityCode: string;
    capacity: number;
    used: number;
    earliestPlaced: string | null;
  }[];
  neighbourhoods: { code: string; lat: number; lon: number; municipalityCode: string }[];
  pledges: { municipalityCode: string; pledged: number }[];
  excluded: { key: string }[];
}

/**
 * Everything a run needs, read with `db` (call inside `inSnapshot` for a consistent read).
 * Clients come in `readySince`, then id order: the solver's final tie-break. Returns undefined
 * for an unknown region.
 */
export async function loadRegionSnapshot(
  db: Db,
  regionCode: string,
  now: Date,
  overrides?: PolicyOverrides,
): Promise<RegionSnapshot | undefined> {
  const policyRow = await loadPolicy(db, regionCode);
  if (!policyRow) return undefined;
  const today = dutchDate(now);
  const policy = applyOverrides(
    {
      version: policyRow.version,
      weights: policyRow.weights,
      neighbourhoodCap: policyRow.neighbourhoodCap,
      municipalityCaps: policyRow.municipalityCaps ?? {},
      maxDistanceKm: policyRow.maxDistanceKm,
      planningHorizonDays: policyRow.planningHorizonDays,
      ...matchingRulesOf(policyRow.matchingRules),
    },
    overrides,
  );

  // The rest in one statement, each part as one JSON value: a region read is two round trips,
  // not eleven. Under load each round trip waits its turn in this process's event loop, and a
  // candidates request waits for the whole read.
  const capExemptTypes = policy.capExemptTypes ?? MATCHING_POLICY_DEFAULTS.capExemptTypes;
  const rows = await db.query<SnapshotRows[]>(
    `SELECT (SELECT change_seq FROM matching_region_state WHERE region_code = $1) AS "changeSeq",
            pg_current_snapshot()::text AS "pgSnapshot",
            ${jsonRows(
              // Every municipality: a client may name (or be anchored near) one outside the region.
              `SELECT code, lat, lon, region_code AS "regionCode" FROM municipalities`,
            )} AS municipalities,
            ${jsonRows(
              `SELECT ${UNIT_COLUMNS} FROM units u JOIN municipalities m ON m.code = u.municipality_code
                WHERE m.region_code = $1 AND u.status = 'available'`,
              'x.id',
            )} AS units,
            ${jsonRows(
              `SELECT ${CLIENT_COLUMNS}, c.ready_since AS "sortReadySince"
                 FROM clients c JOIN municipalities m ON m.code = c.municipality_of_belonging
                WHERE m.region_code = $1 AND c.status = 'waiting'`,
              'x."sortReadySince", x.id',
            )} AS clients,
            ${jsonRows(
              `SELECT p.client_id AS "clientId", p.unit_id AS "unitId",
                      u.neighbourhood_code AS "neighbourhoodCode", u.municipality_code AS "municipalityCode"
                 FROM proposals p JOIN units u ON u.id = p.unit_id
                WHERE p.region_code = $1 AND p.status = ANY($2)`,
              'x."unitId"',
            )} AS fixed,
            ${jsonRows(
              // Load: placements within the cap window plus open proposals, per area. Exempt
              // types count in no area (an omklap flip adds no one); Skaeve Huse count per
              // cluster instead.
              `SELECT u.neighbourhood_code AS "neighbourhoodCode", u.municipality_code AS "municipalityCode",
                      u.type = ANY($5) AS exempt,
                      CASE WHEN u.type = 'skaeve_huis' AND u.cluster_id IS NOT NULL
                           THEN u.corporation_id::text || '/' || u.cluster_id END AS "clusterKey",
                      count(*)::int AS n,
                      ${utcMicros(`min(p.placed_at) FILTER (WHERE p.status = 'placed')`)} AS "earliestPlaced"
                 FROM proposals p JOIN units u ON u.id = p.unit_id
                WHERE p.region_code = $1
                  AND (p.status = ANY($2)
                       OR (p.status = 'placed' AND p.placed_at >= ${capWindowStart('$3', '$4')}))
                GROUP BY 1, 2, 3, 4`,
            )} AS load,
            ${jsonRows(
              // Coverage of the region's providers, with the intensive-support clients they have
              // on offer or placed there: only intensive support draws on the stated capacity. A
              // proposal counts for the provider it named; an older one without, for the client's
              // own provider. The counts are one aggregate over the proposals in the region's
              // covered municipalities: a count per coverage row scanned every proposal once per
              // row (measured in docs/performance.md).
              `WITH covered AS (
                 SELECT pc.provider_id, pc.municipality_code, pc.capacity
                   FROM provider_coverage pc JOIN organisations o ON o.id = pc.provider_id
                  WHERE o.region_code = $1
               ), used AS (
                 SELECT u.municipality_code,
                        coalesce(p.support_provider_id, c.support_provider_id, c.provider_id) AS provider_id,
                        count(*)::int AS n,
                        min(p.placed_at) FILTER (WHERE p.status = 'placed') AS earliest_placed
                   FROM proposals p
                   JOIN units u ON u.id = p.unit_id JOIN clients c ON c.id = p.client_id
                  WHERE u.municipality_code IN (SELECT municipality_code FROM covered)
                    AND c.support_intensity = 'intensive'
                    AND (p.status = ANY($2)
                         OR (p.status = 'placed' AND p.placed_at >= ${coverageWindowStart('$3')}))
                  GROUP BY 1, 2
               )
               SELECT k.provider_id AS "providerId", k.municipality_code AS "municipalityCode", k.capacity,
                      coalesce(used.n, 0) AS used, ${utcMicros('used.earliest_placed')} AS "earliestPlaced"
                 FROM covered k
                 LEFT JOIN used ON used.municipality_code = k.municipality_code
                               AND used.provider_id = k.provider_id`,
            )} AS coverage,
            ${jsonRows(
              // Neighbourhood centroids: what the distance to an avoided area is measured to.
              `SELECT code, lat::float8 AS lat, lon::float8 AS lon, municipality_code AS "municipalityCode"
                 FROM neighbourhoods`,
            )} AS neighbourhoods,
            ${jsonRows(
              // This year's contingent pledges per municipality of the region: the default fair
              // shares.
              `SELECT p.municipality_code AS "municipalityCode", sum(p.pledged)::int AS pledged
                 FROM contingent_pledges p JOIN municipalities m ON m.code = p.municipality_code
                WHERE m.region_code = $1 AND p.year = $6
                GROUP BY 1`,
            )} AS pledges,
            ${jsonRows(
              `SELECT p.client_id || ':' || p.unit_id AS key FROM proposals p
                WHERE p.region_code = $1
                  AND p.status IN ('declined', 'rejected', 'cancelled', 'expired', 'placed')`,
            )} AS excluded`,
    [
      regionCode,
      OPEN_PROPOSAL_STATUSES,
      now.toISOString(),
      policyRow.capWindowMonths,
      capExemptTypes,
      Number(today.slice(0, 4)),
    ],
  );
  const {
    changeSeq,
    pgSnapshot,
    municipalities: municipalityRows,
    units: unitRows,
    clients: clientRows,
    fixed: fixedRows,
    load: loadRows,
    coverage: coverageRows,
    neighbourhoods: neighbourhoodRows,
    pledges: pledgeRows,
    excluded,
  } = rows[0] as SnapshotRows;

  const municipalities = new Map<string, GeoPoint>();
  const regionMunicipalities: string[] = [];
  for (const row of municipalityRows) {
    municipalities.set(row.code, { lat: row.lat, lon: row.lon });
    if (row.regionCode === regionCode) regionMunicipalities.push(row.code);
  }
  const neighbourhoodLoad = new Map<string, number>();
  const municipalityLoad = new Map<string, number>();
  const clusterLoad = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, n: number) =>
    map.set(key, (map.get(key) ?? 0) + n);
  for (const row of loadRows) {
    if (row.clusterKey !== null) add(clusterLoad, row.clusterKey, row.n);
    if (row.exempt) continue;
    add(neighbourhoodLoad, row.neighbourhoodCode, row.n);
    add(municipalityLoad, row.municipalityCode, row.n);
  }
  const coverage = new Map<string, Map<string, SupportCoverage>>();
  for (const row of coverageRows) {
    let byMunicipality = coverage.get(row.providerId);
    if (!byMunicipality) {
      byMunicipality = new Map();
      coverage.set(row.providerId, byMunicipality);
    }
    byMunicipality.set(row.municipalityCode, { capacity: row.capacity, used: row.used });
  }
  const neighbourhoods = new Map<string, NeighbourhoodPoint>(
    neighbourhoodRows.map((row) => [
      row.code,
      { lat: row.lat, lon: row.lon, municipalityCode: row.municipalityCode },
    ]),
  );
  const pledges = new Map(
    pledgeRows.filter((row) => row.pledged > 0).map((row) => [row.municipalityCode, row.pledged]),
  );
  // Shares come from the policy's configured shares, else the pledges. With neither, equal shares
  // over the region's own municipalities (the engine's own fallback spreads over the country).
  const configured = Object.values(policy.fairShares ?? {}).some((share) => share > 0);
  const fairShare =
    configured || pledges.size > 0
      ? undefined
      : new Map(regionMunicipalities.map((code) => [code, 1 / regionMunicipalities.length]));

  const context: MatchingContext = {
    now,
    policy,
    municipalities,
    neighbourhoods,
    load: {
      neighbourhoods: neighbourhoodLoad,
      municipalities: municipalityLoad,
      clusters: clusterLoad,
    },
    ...(fairShare ? { fairShare } : {}),
    pledges,
    coverage,
    excludedPairs: new Set(excluded.map((row) => row.key)),
  };
  return {
    regionCode,
    policy,
    capWindowMonths: policyRow.capWindowMonths,
    changeSeq: Number(changeSeq ?? 0),
    pgSnapshot,
    earliestCounted: {
      load: loadRows.reduce<string | null>((at, row) => earliest(at, row.earliestPlaced), null),
      coverage: coverageRows.reduce<string | null>(
        (at, row) => earliest(at, row.earliestPlaced),
        null,
      ),
    },
    units: unitRows.map(toEngineUnit),
    clients: clientRows.map((row) => toEngineClient(row, today)),
    fixed: fixedRows,
    context,
    unitVersions: new Map(unitRows.map((row) => [row.id, row.version])),
    clientVersions: new Map(clientRows.map((row) => [row.id, row.version])),
  };
}

/**
 * What decides whether a kept snapshot of a region still holds at `now`, read in one statement
 * with what the request asks about: whether the region changed since the kept snapshot's
 * `pgSnapshot` (the region change log; `keptSnapshot` is the one checked, `unchanged` null when
 * none was kept), and where the time windows start at `now` (UTC texts as `earliestCounted`;
 * `loadFrom` is null without a policy).
 */
export interface RegionProbe {
  regionCode: string;
  keptSnapshot: string | null;
  unchanged: boolean | null;
  loadFrom: string | null;
  coverageFrom: string;
}

/** The `pgSnapshot` of each kept region, by region code: what a probe checks the log against. */
export type KeptSnapshots = Readonly<Record<string, string>>;

/** A unit with its region's probe, and the client asked about if any (null: no such client). */
export interface UnitProbe extends RegionProbe {
  unit: EngineUnit;
  status: string;
  client: { engine: EngineClient; status: string; regionCode: string } | null;
}

/** The probe's columns for the region `region` (SQL); `$2` is `now`, `kept` the kept snapshots. */
function regionProbeColumns(region: string, kept: string): string {
  return `${kept}::jsonb ->> ${region} AS "keptSnapshot",
    matching_region_unchanged_since(${region}, (${kept}::jsonb ->> ${region})::pg_snapshot) AS unchanged,
    (SELECT ${utcMicros(capWindowStart('$2', 'p.cap_window_months'))} FROM region_policies p
      WHERE p.region_code = ${region} ORDER BY p.version DESC LIMIT 1) AS "loadFrom",
    ${utcMicros(coverageWindowStart('$2'))} AS "coverageFrom"`;
}

/** The region's probe at `now`; undefined for an unknown region. */
export async function probeRegion(
  db: Db,
  regionCode: string,
  now: Date,
  kept: KeptSnapshots,
): Promise<RegionProbe | undefined> {
  const rows = await db.query<RegionProbe[]>(
    prepared(`SELECT r.code AS "regionCode", ${regionProbeColumns('r.code', '$3')}
       FROM regions r WHERE r.code = $1`),
    [regionCode, now.toISOString(), JSON.stringify(kept)],
  );
  return rows[0];
}

/**
 * A unit as the engine sees it, with its region's probe at `now`, and the client `clientId` if
 * asked: one statement, so unit, client and probe are of one moment.
 */
export async function probeUnit(
  db: Db,
  unitId: string,
  now: Date,
  kept: KeptSnapshots,
  clientId: string | null = null,
): Promise<UnitProbe | undefined> {
  type Row = UnitRow &
    Omit<RegionProbe, 'regionCode'> & {
      status: string;
      regionCode: string;
      client: (ClientRow & { status: string; regionCode: string }) | null;
    };
  const rows = await db.query<Row[]>(
    prepared(`SELECT ${UNIT_COLUMNS}, u.status, m.region_code AS "regionCode",
            ${regionProbeColumns('m.region_code', '$4')},
            (SELECT row_to_json(x) FROM (
               SELECT ${CLIENT_COLUMNS}, c.status, cm.region_code AS "regionCode"
                 FROM clients c JOIN municipalities cm ON cm.code = c.municipality_of_belonging
                WHERE c.id = $3) x) AS client
       FROM units u JOIN municipalities m ON m.code = u.municipality_code
      WHERE u.id = $1`),
    [unitId, now.toISOString(), clientId, JSON.stringify(kept)],
  );
  const row = rows[0];
  if (!row) return undefined;
  const client = row.client;
  return {
    regionCode: row.regionCode,
    keptSnapshot: row.keptSnapshot,
    unchanged: row.unchanged,
    loadFrom: row.loadFrom,
    coverageFrom: row.coverageFrom,
    unit: toEngineUnit(row),
    status: row.status,
    client: client && {
      engine: toEngineClient(client, dutchDate(now)),
      status: client.status,
      regionCode: client.regionCode,
    },
  };
}
