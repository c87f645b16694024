import type { Db } from '../../shared/database/db';
import { allOf, Params, prepared, rowCount } from '../../shared/database/prepared';
import type { UnitStatus } from '../../shared/domain/vocabulary';
import type { JsonRow, PageRequest } from '../../shared/http/pagination';
import type { CreateUnitInput, Unit, UnitFilter } from './unit.schemas';

interface UnitRow {
  id: string;
  corporationId: string;
  externalRef: string;
  type: Unit['type'];
  status: Unit['status'];
  street: string;
  houseNumber: string;
  postcode: string;
  municipalityCode: string;
  neighbourhoodCode: string;
  lat: number;
  lon: number;
  rent: string;
  serviceCosts: string;
  selfContained: boolean;
  petsAllowed: boolean;
  seniorOnly: boolean;
  bedrooms: number;
  floor: number;
  hasLift: boolean;
  wheelchairAccessible: boolean;
  stimulus: Unit['stimulus'];
  furnished: boolean;
  availableFrom: string;
  contingentYear: number | null;
  omklapReviewAfterMonths: number | null;
  doorstroomMaxStayMonths: number | null;
  clusterId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  withdrawnAt: string | null;
}

const UNIT_COLUMNS = `u.id, u.corporation_id AS "corporationId", u.external_ref AS "externalRef",
  u.type, u.status, u.street, u.house_number AS "houseNumber", u.postcode,
  u.municipality_code AS "municipalityCode", u.neighbourhood_code AS "neighbourhoodCode",
  u.lat, u.lon, u.rent, u.service_costs AS "serviceCosts", u.self_contained AS "selfContained",
  u.pets_allowed AS "petsAllowed", u.senior_only AS "seniorOnly", u.bedrooms, u.floor, u.has_lift AS "hasLift",
  u.wheelchair_accessible AS "wheelchairAccessible", u.stimulus, u.furnished,
  to_char(u.available_from, 'YYYY-MM-DD') AS "availableFrom", u.contingent_year AS "contingentYear",
  u.omklap_review_after_months AS "omklapReviewAfterMonths",
  u.doorstroom_max_stay_months AS "doorstroomMaxStayMonths", u.cluster_id AS "clusterId",
  u.version, to_json(u.created_at)#>>'{}' AS "createdAt", to_json(u.updated_at)#>>'{}' AS "updatedAt",
  to_json(u.withdrawn_at)#>>'{}' AS "withdrawnAt"`;

/**
 * A unit as the API shows it. `listUnitsJson` builds the same JSON in SQL for the list: change one,
 * change the other (`registry/units.test.ts` holds every kind listed to its single read).
 */
function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    corporationId: row.corporationId,
    externalRef: row.externalRef,
    type: row.type,
    status: row.status,
    address: {
      street: row.street,
      houseNumber: row.houseNumber,
      postcode: row.postcode,
      municipalityCode: row.municipalityCode,
    },
    neighbourhoodCode: row.neighbourhoodCode,
    location: { lat: row.lat, lon: row.lon },
    rent: Number(row.rent),
    serviceCosts: Number(row.serviceCosts),
    selfContained: row.selfContained,
    petsAllowed: row.petsAllowed,
    seniorOnly: row.seniorOnly,
    bedrooms: row.bedrooms,
    floor: row.floor,
    hasLift: row.hasLift,
    wheelchairAccessible: row.wheelchairAccessible,
    stimulus: row.stimulus,
    furnished: row.furnished,
    availableFrom: row.availableFrom,
    contingentYear: row.contingentYear,
    omklap:
      row.omklapReviewAfterMonths === null
        ? null
        : { reviewAfterMonths: row.omklapReviewAfterMonths },
    doorstroom:
      row.doorstroomMaxStayMonths === null ? null : { maxStayMonths: row.doorstroomMaxStayMonths },
    clusterId: row.clusterId,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    withdrawnAt: row.withdrawnAt,
  };
}

/** The input that would register exactly this unit: to recognise a re-sent row. */
export function unitAsInput(unit: Unit): CreateUnitInput {
  return {
    externalRef: unit.externalRef,
    type: unit.type,
    address: unit.address,
    neighbourhoodCode: unit.neighbourhoodCode,
    location: unit.location,
    rent: unit.rent,
    serviceCosts: unit.serviceCosts,
    selfContained: unit.selfContained,
    petsAllowed: unit.petsAllowed,
    seniorOnly: unit.seniorOnly,
    bedrooms: unit.bedrooms,
    floor: unit.floor,
    hasLift: unit.hasLift,
    wheelchairAccessible: unit.wheelchairAccessible,
    stimulus: unit.stimulus,
    furnished: unit.furnished,
    availableFrom: unit.availableFrom,
    ...(unit.contingentYear === null ? {} : { contingentYear: unit.contingentYear }),
    ...(unit.omklap === null ? {} : { omklap: unit.omklap }),
    ...(unit.doorstroom === null ? {} : { doorstroom: unit.doorstroom }),
    ...(unit.clusterId === null ? {} : { clusterId: unit.clusterId }),
  };
}

/** Who may see which units: the service turns the actor into one of these. */
export type UnitScope =
  | { kind: 'all' }
  | { kind: 'corporation'; corporationId: string }
  | { kind: 'municipalities'; codes: readonly string[] };

function scopeSql(scope: UnitScope, first: number): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', params: [] };
    case 'corporation':
      return { sql: `u.corporation_id = $${first}`, params: [scope.corporationId] };
    case 'municipalities':
      return { sql: `u.municipality_code = ANY($${first}::text[])`, params: [scope.codes] };
  }
}

export async function findUnit(
  db: Db,
  id: string,
  scope: UnitScope,
  lock = false,
): Promise<Unit | undefined> {
  const where = scopeSql(scope, 2);
  const rows = await db.query<UnitRow[]>(
    prepared(
      `SELECT ${UNIT_COLUMNS} FROM units u WHERE u.id = $1 AND ${where.sql}${lock ? ' FOR UPDATE' : ''}`,
    ),
    [id, ...where.params],
  );
  return rows[0] && toUnit(rows[0]);
}

/**
 * A page of units (`limit + 1` rows), each as the JSON text `res.json` gives `toUnit`'s unit: the
 * same keys in the same order, the same values, built by PostgreSQL (docs/performance.md, "The
 * units page built by PostgreSQL"). The row count is in the text (`rowCount`), as the client
 * page's is ("The list pages' plans at national size").
 */
export async function listUnitsJson(
  db: Db,
  scope: UnitScope,
  filter: UnitFilter,
  page: PageRequest,
): Promise<JsonRow[]> {
  const params = new Params();
  const where = allOf([
    params.equal('u.status', filter.status),
    params.equal('u.type', filter.type),
    params.equal('u.municipality_code', filter.municipalityCode),
    params.equal('u.neighbourhood_code', filter.neighbourhoodCode),
    params.equal('u.external_ref', filter.externalRef),
    params.after('u', page.after),
    params.include((at) => scopeSql(scope, at)),
  ]);
  return db.query<JsonRow[]>(
    prepared(`SELECT u.id, to_json(u.created_at)#>>'{}' AS "createdAt", json_build_object(
                'id', u.id, 'corporationId', u.corporation_id, 'externalRef', u.external_ref,
                'type', u.type, 'status', u.status,
                'address', json_build_object('street', u.street, 'houseNumber', u.house_number,
                                             'postcode', u.postcode,
                                             'municipalityCode', u.municipality_code),
                'neighbourhoodCode', u.neighbourhood_code,
                'location', json_build_object('lat', u.lat, 'lon', u.lon),
                'rent', u.rent::float8, 'serviceCosts', u.service_costs::float8,
                'selfContained', u.self_contained, 'petsAllowed', u.pets_allowed,
                'seniorOnly', u.senior_only, 'bedrooms', u.bedrooms, 'floor', u.floor,
                'hasLift', u.has_lift, 'wheelchairAccessible', u.wheelchair_accessible,
                'stimulus', u.stimulus, 'furnished', u.furnished,
                'availableFrom', to_char(u.available_from, 'YYYY-MM-DD'),
                'contingentYear', u.contingent_year,
                'omklap', CASE WHEN u.omklap_review_after_months IS NOT NULL
                               THEN json_build_object('reviewAfterMonths', u.omklap_review_after_months) END,
                'doorstroom', CASE WHEN u.doorstroom_max_stay_months IS NOT NULL
                                   THEN json_build_object('maxStayMonths', u.doorstroom_max_stay_months) END,
                'clusterId', u.cluster_id, 'version', u.version,
                'createdAt', to_json(u.created_at)#>>'{}', 'updatedAt', to_json(u.updated_at)#>>'{}',
                'withdrawnAt', to_json(u.withdrawn_at)#>>'{}')::text AS json
               FROM units u WHERE ${where}
              ORDER BY u.created_at, u.id LIMIT ${rowCount(page.limit + 1)}`),
    params.values,
  );
}

export async function findUnitsByExternalRefs(
  db: Db,
  corporationId: string,
  externalRefs: readonly string[],
): Promise<Unit[]> {
  if (externalRefs.length === 0) return [];
  const params = new Params();
  const where = `u.corporation_id = ${params.add(corporationId)} AND u.external_ref ${params.oneOf(externalRefs, 'text')}`;
  const rows = await db.query<UnitRow[]>(
    prepared(`SELECT ${UNIT_COLUMNS} FROM units u WHERE ${where}`),
    params.values,
  );
  return rows.map(toUnit);
}

export interface ClusterState {
  clusterId: string;
  municipalityCode: string;
  unitCount: number;
}

export async function findClusters(
  db: Db,
  corporationId: string,
  clusterIds: readonly string[],
): Promise<ClusterState[]> {
  if (clusterIds.length === 0) return [];
  return db.query<ClusterState[]>(
    `SELECT cluster_id AS "clusterId", municipality_code AS "municipalityCode", unit_count AS "unitCount"
       FROM skaeve_huis_clusters WHERE corporation_id = $1 AND cluster_id = ANY($2::text[])`,
    [corporationId, clusterIds],
  );
}

export async function ensureClusters(
  db: Db,
  corporationId: string,
  clusters: readonly { clusterId: string; municipalityCode: string }[],
): Promise<void> {
  if (clusters.length === 0) return;
  await db.query(
    `INSERT INTO skaeve_huis_clusters (corporation_id, cluster_id, municipality_code)
     SELECT $1, * FROM unnest($2::text[], $3::text[])
     ON CONFLICT (corporation_id, cluster_id) DO NOTHING`,
    [corporationId, clusters.map((c) => c.clusterId), clusters.map((c) => c.municipalityCode)],
  );
}

/** One multi-row INSERT for any number of units; returns their ids in input order. */
export async function insertUnits(
  db: Db,
  corporationId: string,
  units: readonly CreateUnitInput[],
): Promise<string[]> {
  if (units.length === 0) return [];
  const column = <T>(pick: (unit: CreateUnitInput) => T) => units.map(pick);
  const rows = await db.query<{ id: string; external_ref: string }[]>(
    prepared(`INSERT INTO units (corporation_id, external_ref, type, street, house_number, postcode,
       municipality_code, neighbourhood_code, lat, lon, rent, bedrooms, floor, has_lift,
       wheelchair_accessible, stimulus, furnished, available_from, contingent_year,
       omklap_review_after_months, doorstroom_max_stay_months, cluster_id, service_costs,
       self_contained, pets_allowed, senior_only)
     SELECT $1, r.external_ref, r.type, r.street, r.house_number, r.postcode, r.municipality_code,
            r.neighbourhood_code, r.lat, r.lon, r.rent, r.bedrooms, r.floor, r.has_lift,
            r.wheelchair_accessible, r.stimulus, r.furnished, r.available_from, r.contingent_year,
            r.omklap, r.doorstroom, r.cluster_id, r.service_costs, r.self_contained,
            r.pets_allowed, r.senior_only
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                   $8::text[], $9::float8[], $10::float8[], $11::numeric[], $12::int[], $13::int[],
                   $14::bool[], $15::bool[], $16::text[], $17::bool[], $18::date[], $19::int[],
                   $20::int[], $21::int[], $22::text[], $23::numeric[], $24::bool[], $25::bool[],
                   $26::bool[])
         WITH ORDINALITY AS r(external_ref, type, street, house_number, postcode, municipality_code,
                   neighbourhood_code, lat, lon, rent, bedrooms, floor, has_lift,
                   wheelchair_accessible, stimulus, furnished, available_from, contingent_year,
                   omklap, doorstroom, cluster_id, service_costs, self_contained, pets_allowed,
                   senior_only, ord)
      ORDER BY r.ord
     RETURNING id, external_ref`),
    [
      corporationId,
      column((u) => u.externalRef),
      column((u) => u.type),
      column((u) => u.address.street),
      column((u) => u.address.houseNumber),
      column((u) => u.address.postcode),
      column((u) => u.address.municipalityCode),
      column((u) => u.neighbourhoodCode),
      column((u) => u.location.lat),
      column((u) => u.location.lon),
      column((u) => u.rent),
      column((u) => u.bedrooms),
      column((u) => u.floor),
      column((u) => u.hasLift),
      column((u) => u.wheelchairAccessible),
      column((u) => u.stimulus),
      column((u) => u.furnished),
      column((u) => u.availableFrom),
      column((u) => u.contingentYear ?? null),
      column((u) => u.omklap?.reviewAfterMonths ?? null),
      column((u) => u.doorstroom?.maxStayMonths ?? null),
      column((u) => u.clusterId ?? null),
      column((u) => u.serviceCosts),
      column((u) => u.selfContained),
      column((u) => u.petsAllowed),
      column((u) => u.seniorOnly),
    ],
  );
  // RETURNING promises no order; external refs are unique per corporation.
  const idByRef = new Map(rows.map((row) => [row.external_ref, row.id]));
  return units.map((unit) => idByRef.get(unit.externalRef) ?? '');
}

/** Writes the merged unit, bumping its version. */
export async function updateUnit(db: Db, id: string, unit: CreateUnitInput): Promise<void> {
  await db.query(
    `UPDATE units SET street = $2, house_number = $3, postcode = $4, municipality_code = $5,
       neighbourhood_code = $6, lat = $7, lon = $8, rent = $9, bedrooms = $10, floor = $11,
       has_lift = $12, wheelchair_accessible = $13, stimulus = $14, furnished = $15,
       available_from = $16, contingent_year = $17, omklap_review_after_months = $18,
       doorstroom_max_stay_months = $19, cluster_id = $20, service_costs = $21,
       self_contained = $22, pets_allowed = $23, senior_only = $24,
       version = version + 1, updated_at = now()
     WHERE id = $1`,
    [
      id,
      unit.address.street,
      unit.address.houseNumber,
      unit.address.postcode,
      unit.address.municipalityCode,
      unit.neighbourhoodCode,
      unit.location.lat,
      unit.location.lon,
      unit.rent,
      unit.bedrooms,
      unit.floor,
      unit.hasLift,
      unit.wheelchairAccessible,
      unit.stimulus,
      unit.furnished,
      unit.availableFrom,
      unit.contingentYear ?? null,
      unit.omklap?.reviewAfterMonths ?? null,
      unit.doorstroom?.maxStayMonths ?? null,
      unit.clusterId ?? null,
      unit.serviceCosts,
      unit.selfContained,
      unit.petsAllowed,
      unit.seniorOnly,
    ],
  );
}

export async function setUnitStatus(db: Db, id: string, status: UnitStatus): Promise<void> {
  await db.query(
    `UPDATE units SET status = $2, version = version + 1, updated_at = now(),
       withdrawn_at = CASE WHEN $2 = 'withdrawn' THEN now() ELSE NULL END
     WHERE id = $1`,
    [id, status],
  );
}
