import type { Db } from '../../shared/database/db';

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
  return db.query<MunicipalityRow[]>(
    `SELECT ${MUNICIPALITY_COLUMNS} FROM municipalities WHERE code = ANY($1) ORDER BY code`,
    [codes],
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
  return db.query<NeighbourhoodRow[]>(
    `SELECT ${NEIGHBOURHOOD_COLUMNS} FROM neighbourhoods WHERE code = ANY($1) ORDER BY code`,
    [codes],
  );
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
