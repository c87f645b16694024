import type { Db } from '../../shared/database/db';
import type { Contingent, ContingentFilter, CreateContingentInput } from './contingent.schemas';

export type ContingentScope =
  | { kind: 'all' }
  | { kind: 'corporation'; corporationId: string }
  | { kind: 'municipalities'; codes: readonly string[] };

/**
 * `placed` counts the contingent units of the pledge's corporation, municipality and year that
 * were let: let now, or let through a placement that has since ended (the home was delivered, so
 * an ended tenancy does not take it off the count; a home let twice counts once).
 */
const SELECT = `
  SELECT p.id, p.corporation_id AS "corporationId", p.municipality_code AS "municipalityCode",
         p.year, p.pledged, coalesce(l.placed, 0)::int AS placed,
         greatest(p.pledged - coalesce(l.placed, 0), 0)::int AS remaining,
         to_json(p.created_at)#>>'{}' AS "createdAt", to_json(p.updated_at)#>>'{}' AS "updatedAt"
    FROM contingent_pledges p
    LEFT JOIN LATERAL (
      SELECT count(*) AS placed FROM units u
       WHERE u.corporation_id = p.corporation_id AND u.municipality_code = p.municipality_code
         AND u.type = 'contingent' AND u.contingent_year = p.year
         AND (u.status = 'let' OR EXISTS (SELECT 1 FROM placements pl WHERE pl.unit_id = u.id))
    ) l ON TRUE`;

function scopeSql(scope: ContingentScope, index: number): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', params: [] };
    case 'corporation':
      return { sql: `p.corporation_id = $${index}`, params: [scope.corporationId] };
    case 'municipalities':
      return { sql: `p.municipality_code = ANY($${index}::text[])`, params: [scope.codes] };
  }
}

export async function listContingents(
  db: Db,
  scope: ContingentScope,
  filter: ContingentFilter,
): Promise<Contingent[]> {
  const where = scopeSql(scope, 3);
  return db.query<Contingent[]>(
    `${SELECT} WHERE ($1::int IS NULL OR p.year = $1) AND ($2::text IS NULL OR p.municipality_code = $2)
       AND ${where.sql} ORDER BY p.year DESC, p.municipality_code, p.corporation_id`,
    [filter.year ?? null, filter.municipalityCode ?? null, ...where.params],
  );
}

export async function findContingent(
  db: Db,
  id: string,
  scope: ContingentScope,
): Promise<Contingent | undefined> {
  const where = scopeSql(scope, 2);
  const rows = await db.query<Contingent[]>(`${SELECT} WHERE p.id = $1 AND ${where.sql}`, [
    id,
    ...where.params,
  ]);
  return rows[0];
}

export async function findContingentFor(
  db: Db,
  corporationId: string,
  municipalityCode: string,
  year: number,
): Promise<{ id: string } | undefined> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT id FROM contingent_pledges WHERE corporation_id = $1 AND municipality_code = $2 AND year = $3`,
    [corporationId, municipalityCode, year],
  );
  return rows[0];
}

export async function insertContingent(
  db: Db,
  corporationId: string,
  input: CreateContingentInput,
): Promise<string> {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO contingent_pledges (corporation_id, municipality_code, year, pledged)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [corporationId, input.municipalityCode, input.year, input.pledged],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('INSERT … RETURNING gave no row');
  return id;
}

export async function updatePledged(db: Db, id: string, pledged: number): Promise<void> {
  await db.query(`UPDATE contingent_pledges SET pledged = $2, updated_at = now() WHERE id = $1`, [
    id,
    pledged,
  ]);
}
