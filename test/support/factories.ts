/**
 * Small factories for integration tests: each call makes fresh rows with unique codes, so tests
 * never depend on one another's data. They write through SQL (set-up, not the code under test).
 */
import { randomBytes } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { defaultPolicyInput } from '../../src/modules/reference';
import { insertPolicy } from '../../src/modules/reference/policy.repository';
import type { OrganisationKind, Role } from '../../src/shared/auth/actor';
import { ROLE_FOR_KIND } from '../../src/shared/auth/actor';
import {
  displayPrefix,
  generateTokenSecret,
  hashTokenSecret,
} from '../../src/modules/identity/token-secret';

export const uniqueSuffix = () => randomBytes(4).toString('hex');

async function nextCode(dataSource: DataSource): Promise<string> {
  const rows = await dataSource.query<{ n: string }[]>(`SELECT nextval('test_code_seq') AS n`);
  return (rows[0]?.n ?? '').padStart(4, '0');
}

export interface TestRegion {
  code: string;
  municipalities: { code: string; lat: number; lon: number; neighbourhoods: string[] }[];
}

/**
 * A region with `municipalities` municipalities near Venlo, each with `neighbourhoods`
 * neighbourhoods (CBS-style codes that embed the municipality's digits).
 */
export async function createRegion(
  dataSource: DataSource,
  options: { municipalities?: number; neighbourhoods?: number } = {},
): Promise<TestRegion> {
  const code = `test-${uniqueSuffix()}`;
  await dataSource.query(`INSERT INTO regions (code, name) VALUES ($1, $2)`, [
    code,
    `Regio ${code}`,
  ]);
  // As the service does: every region starts with the default policy as version 1.
  await insertPolicy(dataSource.manager, code, 1, defaultPolicyInput(), null);
  const municipalities: TestRegion['municipalities'] = [];
  for (let m = 0; m < (options.municipalities ?? 2); m++) {
    const digits = await nextCode(dataSource);
    const lat = 51.3 + m * 0.1;
    const lon = 6.0 + m * 0.1;
    await dataSource.query(
      `INSERT INTO municipalities (code, name, region_code, lat, lon) VALUES ($1, $2, $3, $4, $5)`,
      [`GM${digits}`, `Gemeente ${digits}`, code, lat, lon],
    );
    const neighbourhoods: string[] = [];
    for (let n = 0; n < (options.neighbourhoods ?? 2); n++) {
      const buurt = `BU${digits}${String(n + 1).padStart(4, '0')}`;
      await dataSource.query(
        `INSERT INTO neighbourhoods (code, name, municipality_code, lat, lon)
         VALUES ($1, $2, $3, $4, $5)`,
        [buurt, `Buurt ${n + 1}`, `GM${digits}`, lat + n * 0.01, lon + n * 0.01],
      );
      neighbourhoods.push(buurt);
    }
    municipalities.push({ code: `GM${digits}`, lat, lon, neighbourhoods });
  }
  return { code, municipalities };
}

export interface TestOrganisation {
  id: string;
  kind: OrganisationKind;
  token: string;
  tokenId: string;
}

/** An organisation of `kind` with one live token of the role that kind carries. */
export async function createOrganisation(
  dataSource: DataSource,
  kind: OrganisationKind,
  options: { regionCode?: string; municipalityCodes?: string[] } = {},
): Promise<TestOrganisation> {
  const rows = await dataSource.query<{ id: string }[]>(
    kind === 'platform'
      ? `INSERT INTO organisations (name, kind) VALUES ('matchpunt beheer', 'platform')
         ON CONFLICT (kind) WHERE kind = 'platform' DO UPDATE SET name = EXCLUDED.name RETURNING id`
      : `INSERT INTO organisations (name, kind, region_code) VALUES ($1, $2, $3) RETURNING id`,
    kind === 'platform' ? [] : [`${kind} ${uniqueSuffix()}`, kind, options.regionCode],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('organisation insert returned nothing');
  for (const municipality of options.municipalityCodes ?? []) {
    await dataSource.query(
      `INSERT INTO organisation_municipalities (organisation_id, organisation_kind, municipality_code)
       VALUES ($1, $2, $3)`,
      [id, kind, municipality],
    );
  }
  const { token, tokenId } = await createToken(dataSource, id, kind);
  return { id, kind, token, tokenId };
}

export async function createToken(
  dataSource: DataSource,
  organisationId: string,
  kind: OrganisationKind,
  role: Role = ROLE_FOR_KIND[kind],
): Promise<{ token: string; tokenId: string }> {
  const token = generateTokenSecret();
  const rows = await dataSource.query<{ id: string }[]>(
    `INSERT INTO api_tokens (organisation_id, organisation_kind, role, label, token_hash, token_prefix)
     VALUES ($1, $2, $3, 'test', $4, $5) RETURNING id`,
    [organisationId, kind, role, hashTokenSecret(token), displayPrefix(token)],
  );
  return { token, tokenId: rows[0]?.id ?? '' };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
