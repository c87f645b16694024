import type { Db } from '../../shared/database/db';
import { Params, prepared } from '../../shared/database/prepared';

export interface RegionRow {
  code: string;
  name: string;
  createdAt: string;
}

export interface MunicipalityRow {
  code: string;
  name: string;
  regionCode: string;
  lat: number;
  lon: number;
  createdAt: string;
}

export interface NeighbourhoodRow {
  code: string;
  name: string;
  municipalityCode: string;
  lat: number;
  lon: number;
  createdAt: string;
}

const REGION_COLUMNS = `code, name, to_json(created_at)#>>'{}' AS "createdAt"`;
const MUNICIPALITY_COLUMNS = `code, name, region_code AS "regionCode", lat, lon,
  to_json(created_at)#>>'{}' AS "createdAt"`;
const NEIGHBOURHOOD_COLUMNS = `code, name, municipality_code AS "municipalityCode", lat, lon,
  to_json(created_at)#>>'{}' AS "createdAt"`;

export async function findRegion(db: Db, code: string): Promise<RegionRow | undefined> {
  const rows = await db.query<RegionRow[]>(
    `SELECT ${REGION_COLUMNS} FROM regions WHERE code = $1`,
    [code],
  );
  return rows[0];
}

export async function listRegions(db: Db): Promise<RegionRow[]> {
  return db.query<RegionRow[]>(`SELECT ${REGION_COLUMNS} FROM regions ORDER BY code`);
}

export async function findMunicipalities(
  db: Db,
  codes: readonly string[],
): Promise<MunicipalityRow[]> {
  if (codes.length === 0) return [];
  const params = new Params();
  return db.query<MunicipalityRow[]>(
    prepared(
      `SELECT ${MUNICIPALITY_COLUMNS} FROM municipalities WHERE code ${params.oneOf(codes, 'text')} ORDER BY code`,
    ),
    params.values,
  );
}

export async function listMunicipalities(
  db: Db,
  filter: { regionCode?: string | undefined },
): Promise<MunicipalityRow[]> {
  return db.query<MunicipalityRow[]>(
    `SELECT ${MUNICIPALITY_COLUMNS} FROM municipalities
      WHERE ($1::text IS NULL OR region_code = $1) ORDER BY code`,
    [filter.regionCode ?? null],
  );
}

export async function findNeighbourhoods(
  db: Db,
  codes: readonly string[],
): Promise<NeighbourhoodRow[]> {
  if (codes.length === 0) return [];
  const params = new Params();
  return db.query<NeighbourhoodRow[]>(
    prepared(
      `SELECT ${NEIGHBOURHOOD_COLUMNS} FROM neighbourhoods WHERE code ${params.oneOf(codes, 'text')} ORDER BY code`,
    ),
    params.values,
  );
}

/**
 * For each point, the neighbourhood whose centroid is nearest (a flat approximation, exact
 * enough at neighbourhood scale) among those of the region and of the given municipalities: how
 * the registry decides which area a coarse anchor lies in, since municipal boundaries are not
 * stored.
 */
export async function findNearestNeighbourhoods(
  db: Db,
  points: readonly { lat: number; lon: number }[],
  regionCode: string | null,
  municipalityCodes: readonly string[],
): Promise<({ code: string; municipalityCode: string } | undefined)[]> {
  if (points.length === 0) return [];
  const rows = await db.query<{ i: string; code: string; municipalityCode: string }[]>(
    prepared(`SELECT p.i, n.code, n.municipality_code AS "municipalityCode"
       FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS p(lat, lon, i)
       CROSS JOIN LATERAL (
         SELECT b.code, b.municipality_code
           FROM neighbourhoods b JOIN municipalities m ON m.code = b.municipality_code
          WHERE m.region_code = $3 OR b.municipality_code = ANY($4::text[])
          ORDER BY (b.lat - p.lat) ^ 2 + ((b.lon - p.lon) * cos(radians(p.lat))) ^ 2, b.code
          LIMIT 1) n`),
    [points.map((p) => p.lat), points.map((p) => p.lon), regionCode, municipalityCodes],
  );
  const byIndex = new Map(rows.map((row) => [Number(row.i) - 1, row]));
  return points.map((_, i) => {
    const row = byIndex.get(i);
    return row && { code: row.code, municipalityCode: row.municipalityCode };
  });
}

export async function listNeighbourhoods(
  db: Db,
  filter: { municipalityCode?: string | undefined; regionCode?: string | undefined },
): Promise<NeighbourhoodRow[]> {
  return db.query<NeighbourhoodRow[]>(
    `SELECT n.code, n.name, n.municipality_code AS "municipalityCode", n.lat, n.lon,
            to_json(n.created_at)#>>'{}' AS "createdAt"
       FROM neighbourhoods n JOIN municipalities m ON m.code = n.municipality_code
      WHERE ($1::text IS NULL OR n.municipality_code = $1)
        AND ($2::text IS NULL OR m.region_code = $2)
      ORDER BY n.code`,
    [filter.municipalityCode ?? null, filter.regionCode ?? null],
  );
}

export async function insertRegion(db: Db, region: { code: string; name: string }): Promise<void> {
  await db.query(`INSERT INTO regions (code, name) VALUES ($1, $2)`, [region.code, region.name]);
}

export interface MunicipalityRecord {
  code: string;
  name: string;
  regionCode: string;
  lat: number;
  lon: number;
}

export interface NeighbourhoodRecord {
  code: string;
  name: string;
  municipalityCode: string;
  lat: number;
  lon: number;
}

/** Inserts new and updates changed municipalities in one statement; returns the codes it wrote. */
export async function upsertMunicipalities(
  db: Db,
  records: readonly MunicipalityRecord[],
): Promise<{ inserted: string[]; updated: string[] }> {
  const rows = await db.query<{ code: string; inserted: boolean }[]>(
    `INSERT INTO municipalities (code, name, region_code, lat, lon)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[])
     ON CONFLICT (code) DO UPDATE
       SET name = EXCLUDED.name, region_code = EXCLUDED.region_code,
           lat = EXCLUDED.lat, lon = EXCLUDED.lon
       WHERE (municipalities.name, municipalities.region_code, municipalities.lat, municipalities.lon)
             IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.region_code, EXCLUDED.lat, EXCLUDED.lon)
     RETURNING code, (xmax = 0) AS inserted`,
    [
      records.map((r) => r.code),
      records.map((r) => r.name),
      records.map((r) => r.regionCode),
      records.map((r) => r.lat),
      records.map((r) => r.lon),
    ],
  );
  return {
    inserted: rows.filter((row) => row.inserted).map((row) => row.code),
    updated: rows.filter((row) => !row.inserted).map((row) => row.code),
  };
}

export async function upsertNeighbourhoods(
  db: Db,
  records: readonly NeighbourhoodRecord[],
): Promise<{ inserted: string[]; updated: string[] }> {
  const rows = await db.query<{ code: string; inserted: boolean }[]>(
    `INSERT INTO neighbourhoods (code, name, municipality_code, lat, lon)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[])
     ON CONFLICT (code) DO UPDATE
       SET name = EXCLUDED.name, lat = EXCLUDED.lat, lon = EXCLUDED.lon
       WHERE (neighbourhoods.name, neighbourhoods.lat, neighbourhoods.lon)
             IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.lat, EXCLUDED.lon)
     RETURNING code, (xmax = 0) AS inserted`,
    [
      records.map((r) => r.code),
      records.map((r) => r.name),
      records.map((r) => r.municipalityCode),
      records.map((r) => r.lat),
      records.map((r) => r.lon),
    ],
  );
  return {
    inserted: rows.filter((row) => row.inserted).map((row) => row.code),
    updated: rows.filter((row) => !row.inserted).map((row) => row.code),
  };
}
