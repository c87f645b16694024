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

/** The status of every unit and every client a region snapshot holds (open to matching). */
export const SNAPSHOT_UNIT_STATUS = 'available';
export const SNAPSHOT_CLIENT_STATUS = 'waiting';

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
  /**
   * What every pair's allowance and score depend on besides its client, its unit and the day, as
   * read (the policy and the context's parts, as text): two snapshots of one day with the same
   * key score every pair they share alike.
   */
  contextKey: string;
  /** The region's own municipalities (the fair shares' fallback). */
  regionMunicipalities: readonly string[];
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
 * docs/performance.md). With `genericPlans`, a prepared statement is planned once per connection
 * (`plan_cache_mode = force_generic_plan`): PostgreSQL kept planning the region update
 * (`loadRegionDelta`) anew at every call, its custom plans looking cheaper to it, and planning took
 * longer than running it (1.7 ms against 0.7 on the demo region); a full read on the demo region
 * took the same either way (20–22 ms).
 */
export async function inSnapshot<T>(
  dataSource: DataSource,
  work: (db: Db) => Promise<T>,
  { genericPlans = false }: { genericPlans?: boolean } = {},
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // One round trip for all (no parameters, so the simple protocol takes several statements).
    await runner.query(
      `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL jit = off${
        genericPlans ? '; SET LOCAL plan_cache_mode = force_generic_plan' : ''
      }`,
    );
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
    prepared(`SELECT p.version,
            json_build_object('location', p.weight_location::float8, 'spreiding', p.weight_spreiding::float8,
              'prikkelarm', p.weight_prikkelarm::float8, 'begeleiding', p.weight_begeleiding::float8,
              'wait', p.weight_wait::float8) AS weights,
            p.neighbourhood_cap AS "neighbourhoodCap", p.cap_window_months AS "capWindowMonths",
            p.max_distance_km::float8 AS "maxDistanceKm", p.planning_horizon_days AS "planningHorizonDays",
            (SELECT jsonb_object_agg(c.municipality_code, c.cap) FROM region_policy_municipality_caps c
              WHERE c.region_code = p.region_code AND c.version = p.version) AS "municipalityCaps",
            p.matching_rules AS "matchingRules"
       FROM region_policies p WHERE p.region_code = $1 ORDER BY p.version DESC LIMIT 1`),
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

/** The context's parts that a write to proposals, coverage or pledges may change. */
interface ContextRows {
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
  pledges: { municipalityCode: string; pledged: number }[];
  excluded: { key: string }[];
}

interface MunicipalityRow {
  code: string;
  lat: number;
  lon: number;
  regionCode: string;
}

interface NeighbourhoodRow {
  code: string;
  lat: number;
  lon: number;
  municipalityCode: string;
}

/** What the snapshot's one statement returns (dates in the rows as text, as the row types say). */
interface SnapshotRows {
  changeSeq: string | number | null;
  pgSnapshot: string;
  units: UnitRow[];
  clients: ClientRow[];
  /** `ContextRows` as JSON text: kept as read, to compare with a later read's. */
  context: string;
}

/** The region's policy as the engine takes it, with a dry run's overrides. */
function enginePolicyOf(policyRow: PolicyRow, overrides?: PolicyOverrides): EnginePolicy {
  return applyOverrides(
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
}

/**
 * The snapshot statement's columns after the change counter and the transaction snapshot, with
 * `units` and `clients` narrowed by `narrow` (SQL over `u.id` / `c.id`; none: every one). Its
 * parameters: $1 region, $2 open proposal statuses, $3 now, $4 cap window months, $5 cap-exempt
 * types, $6 the year.
 */
function snapshotColumns(narrow?: { units: string; clients: string }): string {
  return `${jsonRows(
    `SELECT ${UNIT_COLUMNS} FROM units u JOIN municipalities m ON m.code = u.municipality_code
      WHERE m.region_code = $1 AND u.status = '${SNAPSHOT_UNIT_STATUS}'${narrow ? ` AND ${narrow.units}` : ''}`,
    'x.id',
  )} AS units,
  ${jsonRows(
    `SELECT ${CLIENT_COLUMNS}, c.ready_since AS "sortReadySince"
       FROM clients c JOIN municipalities m ON m.code = c.municipality_of_belonging
      WHERE m.region_code = $1 AND c.status = '${SNAPSHOT_CLIENT_STATUS}'${narrow ? ` AND ${narrow.clients}` : ''}`,
    'x."sortReadySince", x.id',
  )} AS clients,
  json_build_object(
    'fixed', ${jsonRows(
      `SELECT p.client_id AS "clientId", p.unit_id AS "unitId",
              u.neighbourhood_code AS "neighbourhoodCode", u.municipality_code AS "municipalityCode"
         FROM proposals p JOIN units u ON u.id = p.unit_id
        WHERE p.region_code = $1 AND p.status = ANY($2)`,
      'x."unitId"',
    )},
    'load', ${jsonRows(
      // Load: placements within the cap window plus open proposals, per area. Exempt types count
      // in no area (an omklap flip adds no one); Skaeve Huse count per cluster instead.
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
      // In a fixed order, so two reads of the same rows give the same text.
      'x."neighbourhoodCode", x."municipalityCode", x.exempt, x."clusterKey"',
    )},
    'coverage', ${jsonRows(
      // Coverage of the region's providers, with the intensive-support clients they have on offer
      // or placed there: only intensive support draws on the stated capacity. A proposal counts
      // for the provider it named; an older one without, for the client's own provider. The
      // counts are one aggregate over the proposals in the region's covered municipalities: a
      // count per coverage row scanned every proposal once per row (measured in
      // docs/performance.md).
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
      'x."providerId", x."municipalityCode"',
    )},
    'pledges', ${jsonRows(
      // This year's contingent pledges per municipality of the region: the default fair shares.
      `SELECT p.municipality_code AS "municipalityCode", sum(p.pledged)::int AS pledged
         FROM contingent_pledges p JOIN municipalities m ON m.code = p.municipality_code
        WHERE m.region_code = $1 AND p.year = $6
        GROUP BY 1`,
      'x."municipalityCode"',
    )},
    'excluded', ${jsonRows(
      `SELECT p.client_id || ':' || p.unit_id AS key FROM proposals p
        WHERE p.region_code = $1
          AND p.status IN ('declined', 'rejected', 'cancelled', 'expired', 'placed')`,
      'x.key',
    )}
  )::text AS context`;
}

/** The snapshot statement's parameters (`snapshotColumns`). */
function snapshotParameters(
  regionCode: string,
  policy: EnginePolicy,
  policyRow: PolicyRow,
  now: Date,
) {
  const capExemptTypes = policy.capExemptTypes ?? MATCHING_POLICY_DEFAULTS.capExemptTypes;
  return [
    regionCode,
    OPEN_PROPOSAL_STATUSES,
    now.toISOString(),
    policyRow.capWindowMonths,
    capExemptTypes,
    Number(dutchDate(now).slice(0, 4)),
  ];
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
  const policy = enginePolicyOf(policyRow, overrides);
  // The rest in one statement, each part as one JSON value: a region read is two round trips,
  // not eleven. Under load each round trip waits its turn in this process's event loop, and a
  // candidates request waits for the whole read.
  const rows = await db.query<(SnapshotRows & Geography)[]>(
    `SELECT (SELECT change_seq FROM matching_region_state WHERE region_code = $1) AS "changeSeq",
            pg_current_snapshot()::text AS "pgSnapshot",
            ${jsonRows(
              // Every municipality: a client may name (or be anchored near) one outside the region.
              `SELECT code, lat, lon, region_code AS "regionCode" FROM municipalities`,
            )} AS municipalities,
            ${jsonRows(
              // Neighbourhood centroids: what the distance to an avoided area is measured to.
              `SELECT code, lat::float8 AS lat, lon::float8 AS lon, municipality_code AS "municipalityCode"
                 FROM neighbourhoods`,
            )} AS neighbourhoods,
            ${snapshotColumns()}`,
    snapshotParameters(regionCode, policy, policyRow, now),
  );
  const row = rows[0] as SnapshotRows & Geography;
  const municipalities = new Map<string, GeoPoint>();
  const regionMunicipalities: string[] = [];
  for (const municipality of row.municipalities) {
    municipalities.set(municipality.code, { lat: municipality.lat, lon: municipality.lon });
    if (municipality.regionCode === regionCode) regionMunicipalities.push(municipality.code);
  }
  const neighbourhoods = new Map<string, NeighbourhoodPoint>(
    row.neighbourhoods.map((n) => [
      n.code,
      { lat: n.lat, lon: n.lon, municipalityCode: n.municipalityCode },
    ]),
  );
  const today = dutchDate(now);
  return assemble({
    regionCode,
    policyRow,
    policy,
    now,
    row,
    geography: { municipalities, neighbourhoods, regionMunicipalities },
    units: row.units.map(toEngineUnit),
    clients: row.clients.map((client) => toEngineClient(client, today)),
    unitVersions: new Map(row.units.map((unit) => [unit.id, unit.version])),
    clientVersions: new Map(row.clients.map((client) => [client.id, client.version])),
  });
}

/** Every municipality and neighbourhood, as a full read returns them. */
interface Geography {
  municipalities: MunicipalityRow[];
  neighbourhoods: NeighbourhoodRow[];
}

/** A region snapshot brought up to date, and what changed since the one it started from. */
export interface RegionDelta {
  snapshot: RegionSnapshot;
  /** The units and clients read again (written since; in the snapshot or not any more). */
  changedUnits: ReadonlySet<string>;
  changedClients: ReadonlySet<string>;
}

/**
 * The region as a full read with `db` at `now` would give it, from `kept` (a snapshot of the same
 * region read earlier the same day in Europe/Amsterdam) and only what changed since: the units and
 * clients the region change log says were written by transactions visible now but not in `kept`'s
 * (migration `1766200000000-region-change-ids`), and the context's small parts read whole. Call
 * inside `inSnapshot`. Undefined when only a full read will do: the log marks a change `whole`
 * (municipalities, neighbourhoods, a large import), the rows it needs were pruned, or the region
 * has no policy any more.
 */
export async function loadRegionDelta(
  db: Db,
  kept: RegionSnapshot,
  now: Date,
): Promise<RegionDelta | undefined> {
  const { regionCode } = kept;
  const policyRow = await loadPolicy(db, regionCode);
  if (!policyRow) return undefined;
  const policy = enginePolicyOf(policyRow);
  // $7 is the kept snapshot's `pg_current_snapshot()`; the changes are those the check of
  // `matching_region_unchanged_since` finds. Prepared: read in `inSnapshot` with `genericPlans`,
  // it is planned once per connection.
  const rows = await db.query<(SnapshotRows & Changes)[]>(
    prepared(`WITH changes AS (
       SELECT ch.unit_ids, ch.client_ids, ch.whole FROM matching_region_changes ch
        WHERE ch.region_code = $1
          AND ch.xid >= pg_snapshot_xmin($7::pg_snapshot)
          AND NOT pg_visible_in_snapshot(ch.xid, $7::pg_snapshot)
     ), changed_units AS (
       SELECT DISTINCT unnest(unit_ids) AS id FROM changes
     ), changed_clients AS (
       SELECT DISTINCT unnest(client_ids) AS id FROM changes
     )
     SELECT (SELECT change_seq FROM matching_region_state WHERE region_code = $1) AS "changeSeq",
            pg_current_snapshot()::text AS "pgSnapshot",
            (SELECT max_xid FROM matching_region_changes_pruned) >= pg_snapshot_xmin($7::pg_snapshot)
              OR EXISTS (SELECT 1 FROM changes WHERE whole) AS whole,
            ARRAY(SELECT id FROM changed_units) AS "changedUnits",
            ARRAY(SELECT id FROM changed_clients) AS "changedClients",
            ${snapshotColumns({
              units: 'u.id IN (SELECT id FROM changed_units)',
              clients: 'c.id IN (SELECT id FROM changed_clients)',
            })}`),
    [...snapshotParameters(regionCode, policy, policyRow, now), kept.pgSnapshot],
  );
  const row = rows[0] as SnapshotRows & Changes;
  if (row.whole) return undefined;
  const changedUnits = new Set(row.changedUnits);
  const changedClients = new Set(row.changedClients);
  const today = dutchDate(now);
  const unitVersions = new Map(kept.unitVersions);
  const clientVersions = new Map(kept.clientVersions);
  for (const id of changedUnits) unitVersions.delete(id);
  for (const id of changedClients) clientVersions.delete(id);
  for (const unit of row.units) unitVersions.set(unit.id, unit.version);
  for (const client of row.clients) clientVersions.set(client.id, client.version);
  const units = mergeSorted(
    kept.units.filter((unit) => !changedUnits.has(unit.id)),
    row.units.map(toEngineUnit),
    (a, b) => compareText(a.id, b.id),
  );
  const clients = mergeSorted(
    kept.clients.filter((client) => !changedClients.has(client.id)),
    row.clients.map((client) => toEngineClient(client, today)),
    (a, b) => compareText(a.readySince, b.readySince) || compareText(a.id, b.id),
  );
  const snapshot = assemble({
    regionCode,
    policyRow,
    policy,
    now,
    row,
    geography: {
      municipalities: kept.context.municipalities,
      neighbourhoods: kept.context.neighbourhoods ?? new Map(),
      regionMunicipalities: kept.regionMunicipalities,
    },
    units,
    clients,
    unitVersions,
    clientVersions,
  });
  return { snapshot, changedUnits, changedClients };
}

/** What the delta statement adds to the snapshot's rows: what the change log says changed. */
interface Changes {
  whole: boolean;
  changedUnits: string[];
  changedClients: string[];
}

/**
 * Text order by code unit, as PostgreSQL orders a uuid (its bytes, written as lowercase hex) and
 * an ISO date.
 */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Two lists each in `compare` order, merged into one in that order. */
function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    merged.push(compare(a[i] as T, b[j] as T) <= 0 ? (a[i++] as T) : (b[j++] as T));
  }
  while (i < a.length) merged.push(a[i++] as T);
  while (j < b.length) merged.push(b[j++] as T);
  return merged;
}

/** A snapshot from its rows: the context built from the parts read, with the units and clients. */
function assemble(parts: {
  regionCode: string;
  policyRow: PolicyRow;
  policy: EnginePolicy;
  now: Date;
  row: SnapshotRows;
  geography: {
    municipalities: ReadonlyMap<string, GeoPoint>;
    neighbourhoods: ReadonlyMap<string, NeighbourhoodPoint>;
    regionMunicipalities: readonly string[];
  };
  units: EngineUnit[];
  clients: EngineClient[];
  unitVersions: Map<string, number>;
  clientVersions: Map<string, number>;
}): RegionSnapshot {
  const { regionCode, policyRow, policy, now, row, geography } = parts;
  const contextRows = JSON.parse(row.context) as ContextRows;
  const {
    fixed,
    load: loadRows,
    coverage: coverageRows,
    pledges: pledgeRows,
    excluded,
  } = contextRows;
  const neighbourhoodLoad = new Map<string, number>();
  const municipalityLoad = new Map<string, number>();
  const clusterLoad = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, n: number) =>
    map.set(key, (map.get(key) ?? 0) + n);
  for (const load of loadRows) {
    if (load.clusterKey !== null) add(clusterLoad, load.clusterKey, load.n);
    if (load.exempt) continue;
    add(neighbourhoodLoad, load.neighbourhoodCode, load.n);
    add(municipalityLoad, load.municipalityCode, load.n);
  }
  const coverage = new Map<string, Map<string, SupportCoverage>>();
  for (const entry of coverageRows) {
    let byMunicipality = coverage.get(entry.providerId);
    if (!byMunicipality) {
      byMunicipality = new Map();
      coverage.set(entry.providerId, byMunicipality);
    }
    byMunicipality.set(entry.municipalityCode, { capacity: entry.capacity, used: entry.used });
  }
  const pledges = new Map(
    pledgeRows.filter((p) => p.pledged > 0).map((p) => [p.municipalityCode, p.pledged]),
  );
  // Shares come from the policy's configured shares, else the pledges. With neither, equal shares
  // over the region's own municipalities (the engine's own fallback spreads over the country).
  const { regionMunicipalities } = geography;
  const configured = Object.values(policy.fairShares ?? {}).some((share) => share > 0);
  const fairShare =
    configured || pledges.size > 0
      ? undefined
      : new Map(regionMunicipalities.map((code) => [code, 1 / regionMunicipalities.length]));

  const context: MatchingContext = {
    now,
    policy,
    municipalities: geography.municipalities,
    neighbourhoods: geography.neighbourhoods,
    load: {
      neighbourhoods: neighbourhoodLoad,
      municipalities: municipalityLoad,
      clusters: clusterLoad,
    },
    ...(fairShare ? { fairShare } : {}),
    pledges,
    coverage,
    excludedPairs: new Set(excluded.map((entry) => entry.key)),
  };
  return {
    regionCode,
    policy,
    capWindowMonths: policyRow.capWindowMonths,
    changeSeq: Number(row.changeSeq ?? 0),
    pgSnapshot: row.pgSnapshot,
    earliestCounted: {
      load: loadRows.reduce<string | null>((at, load) => earliest(at, load.earliestPlaced), null),
      coverage: coverageRows.reduce<string | null>(
        (at, entry) => earliest(at, entry.earliestPlaced),
        null,
      ),
    },
    units: parts.units,
    clients: parts.clients,
    fixed,
    context,
    unitVersions: parts.unitVersions,
    clientVersions: parts.clientVersions,
    contextKey: `${JSON.stringify(policy)}\n${row.context}`,
    regionMunicipalities,
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
