import type { Actor, OrganisationKind, Role } from '../../shared/auth/actor';
import type { Db } from '../../shared/database/db';
import { prepared } from '../../shared/database/prepared';
import type { PageRequest } from '../../shared/http/pagination';
import type { Organisation, Token } from './identity.schemas';

const ORGANISATION_COLUMNS = `o.id, o.name, o.kind, o.region_code AS "regionCode",
  coalesce((SELECT array_agg(om.municipality_code ORDER BY om.municipality_code)
              FROM organisation_municipalities om WHERE om.organisation_id = o.id), '{}')
    AS "municipalityCodes",
  to_json(o.created_at)#>>'{}' AS "createdAt"`;

const TOKEN_COLUMNS = `t.id, t.organisation_id AS "organisationId", t.role, t.label,
  t.token_prefix AS prefix, to_json(t.created_at)#>>'{}' AS "createdAt",
  to_json(t.revoked_at)#>>'{}' AS "revokedAt", to_json(t.last_used_at)#>>'{}' AS "lastUsedAt"`;

export async function insertOrganisation(
  db: Db,
  organisation: { name: string; kind: OrganisationKind; regionCode: string | null },
  municipalityCodes: readonly string[],
): Promise<string> {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO organisations (name, kind, region_code) VALUES ($1, $2, $3) RETURNING id`,
    [organisation.name, organisation.kind, organisation.regionCode],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('INSERT … RETURNING gave no row');
  if (municipalityCodes.length > 0) {
    await db.query(
      `INSERT INTO organisation_municipalities (organisation_id, organisation_kind, municipality_code)
       SELECT $1, $2, unnest($3::text[])`,
      [id, organisation.kind, municipalityCodes],
    );
  }
  return id;
}

export async function findOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  const rows = await db.query<Organisation[]>(
    prepared(`SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.id = $1`),
    [id],
  );
  return rows[0];
}

export async function listOrganisations(
  db: Db,
  filter: { kind?: string | undefined; regionCode?: string | undefined; onlyId?: string },
  page: PageRequest,
): Promise<Organisation[]> {
  return db.query<Organisation[]>(
    `SELECT ${ORGANISATION_COLUMNS} FROM organisations o
      WHERE ($1::text IS NULL OR o.kind = $1)
        AND ($2::text IS NULL OR o.region_code = $2)
        AND ($3::uuid IS NULL OR o.id = $3)
        AND ($4::timestamptz IS NULL OR (o.created_at, o.id) > ($4::timestamptz, $5::uuid))
      ORDER BY o.created_at, o.id
      LIMIT $6`,
    [
      filter.kind ?? null,
      filter.regionCode ?? null,
      filter.onlyId ?? null,
      page.after?.createdAt ?? null,
      page.after?.id ?? null,
      page.limit + 1,
    ],
  );
}

/** Which organisation already serves each of these municipalities as a matchingspunt. */
export async function findServingPoints(
  db: Db,
  municipalityCodes: readonly string[],
): Promise<{ municipalityCode: string; organisationName: string }[]> {
  return db.query(
    `SELECT om.municipality_code AS "municipalityCode", o.name AS "organisationName"
       FROM organisation_municipalities om JOIN organisations o ON o.id = om.organisation_id
      WHERE om.organisation_kind = 'matchingspunt' AND om.municipality_code = ANY($1)`,
    [municipalityCodes],
  );
}

export async function findOrganisationByName(
  db: Db,
  regionCode: string | null,
  name: string,
): Promise<{ id: string } | undefined> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT id FROM organisations WHERE coalesce(region_code, '') = coalesce($1, '')
        AND lower(name) = lower($2)`,
    [regionCode, name],
  );
  return rows[0];
}

export async function insertToken(
  db: Db,
  token: {
    organisationId: string;
    organisationKind: OrganisationKind;
    role: Role;
    label: string;
    hash: string;
    prefix: string;
  },
): Promise<Token> {
  const rows = await db.query<Token[]>(
    `WITH t AS (
       INSERT INTO api_tokens (organisation_id, organisation_kind, role, label, token_hash, token_prefix)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *)
     SELECT ${TOKEN_COLUMNS} FROM t`,
    [
      token.organisationId,
      token.organisationKind,
      token.role,
      token.label,
      token.hash,
      token.prefix,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return row;
}

/** Inserts the token unless one with this hash exists; idempotent. */
export async function ensureToken(
  db: Db,
  token: Parameters<typeof insertToken>[1],
): Promise<{ id: string; revokedAt: string | null }> {
  await db.query(
    `INSERT INTO api_tokens (organisation_id, organisation_kind, role, label, token_hash, token_prefix)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ON CONSTRAINT uq_api_tokens_hash DO NOTHING`,
    [
      token.organisationId,
      token.organisationKind,
      token.role,
      token.label,
      token.hash,
      token.prefix,
    ],
  );
  const rows = await db.query<{ id: string; revokedAt: string | null }[]>(
    `SELECT id, to_json(revoked_at)#>>'{}' AS "revokedAt" FROM api_tokens WHERE token_hash = $1`,
    [token.hash],
  );
  const row = rows[0];
  if (!row) throw new Error('token vanished after upsert');
  return row;
}

export async function listTokens(db: Db, organisationId: string): Promise<Token[]> {
  return db.query<Token[]>(
    `SELECT ${TOKEN_COLUMNS} FROM api_tokens t WHERE t.organisation_id = $1
      ORDER BY t.created_at, t.id`,
    [organisationId],
  );
}

/** Marks the token revoked (keeping the first revocation time); false if it is not there. */
export async function revokeToken(
  db: Db,
  organisationId: string,
  tokenId: string,
): Promise<boolean> {
  // Through a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count], a SELECT with rows.
  const rows = await db.query<{ id: string }[]>(
    `WITH revoked AS (
       UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now())
        WHERE id = $1 AND organisation_id = $2 RETURNING id)
     SELECT id FROM revoked`,
    [tokenId, organisationId],
  );
  return rows.length > 0;
}

export async function findActorByTokenHash(db: Db, hash: string): Promise<Actor | undefined> {
  const rows = await db.query<Actor[]>(
    prepared(`SELECT t.id AS "tokenId", t.role, o.id AS "organisationId", o.kind AS "organisationKind",
            o.region_code AS "regionCode",
            coalesce((SELECT array_agg(om.municipality_code ORDER BY om.municipality_code)
                        FROM organisation_municipalities om WHERE om.organisation_id = o.id), '{}')
              AS "municipalityCodes"
       FROM api_tokens t JOIN organisations o ON o.id = t.organisation_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL`),
    [hash],
  );
  return rows[0];
}

/** Records use at most every few minutes, so authentication does not write on every request. */
export async function touchToken(db: Db, tokenId: string): Promise<void> {
  await db.query(
    `UPDATE api_tokens SET last_used_at = now()
      WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '5 minutes')`,
    [tokenId],
  );
}

export async function ensurePlatformOrganisation(db: Db): Promise<string> {
  await db.query(
    `INSERT INTO organisations (name, kind, region_code) VALUES ('matchpunt beheer', 'platform', NULL)
     ON CONFLICT (kind) WHERE kind = 'platform' DO NOTHING`,
  );
  const rows = await db.query<{ id: string }[]>(
    `SELECT id FROM organisations WHERE kind = 'platform'`,
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('platform organisation missing after upsert');
  return id;
}
