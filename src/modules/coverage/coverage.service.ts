import { isDeepStrictEqual } from 'node:util';

import type { DataSource } from 'typeorm';

import { type Actor, requireRole } from '../../shared/auth/actor';
import { type Db, inTransaction, rootDb } from '../../shared/database/db';
import { AppError, type FieldError, ValidationError } from '../../shared/errors/app-error';
import { recordAudit } from '../audit';
import { requestMatchingRun } from '../matching';
import { findMunicipalities } from '../reference';
import type { Coverage, CoverageInput } from './coverage.schemas';

interface ProviderRow {
  id: string;
  kind: string;
  regionCode: string;
}

async function findProvider(db: Db, id: string): Promise<ProviderRow | undefined> {
  const rows = await db.query<ProviderRow[]>(
    `SELECT id, kind, region_code AS "regionCode" FROM organisations
      WHERE id = $1 AND kind IN ('zorgaanbieder', 'welzijnsaanbieder')`,
    [id],
  );
  return rows[0];
}

async function readCoverage(db: Db, providerId: string): Promise<Coverage> {
  const items = await db.query<Coverage['items']>(
    `SELECT municipality_code AS "municipalityCode", capacity FROM provider_coverage
      WHERE provider_id = $1 ORDER BY municipality_code`,
    [providerId],
  );
  return { organisationId: providerId, items };
}

const notFound = (id: string) =>
  new AppError('not_found', 'provider_not_found', `No provider organisation "${id}".`);

/** Where a provider's ambulant support (begeleiding) can go, and how many clients it can take. */
export class CoverageService {
  constructor(private readonly dataSource: DataSource) {}

  async get(actor: Actor, providerId: string): Promise<Coverage> {
    const db = rootDb(this.dataSource);
    const provider = await findProvider(db, providerId);
    const visible =
      provider !== undefined &&
      (actor.role === 'admin' ||
        actor.organisationId === provider.id ||
        (actor.role === 'matcher' && actor.regionCode === provider.regionCode));
    if (!visible) throw notFound(providerId);
    return readCoverage(db, providerId);
  }

  /** Replaces the set; sending the same set again changes nothing. */
  async put(actor: Actor, providerId: string, input: CoverageInput): Promise<Coverage> {
    requireRole(actor, 'provider', 'admin');
    if (actor.role !== 'admin' && actor.organisationId !== providerId) throw notFound(providerId);
    const db = rootDb(this.dataSource);
    const provider = await findProvider(db, providerId);
    if (!provider) throw notFound(providerId);
    const known = new Set(
      (
        await findMunicipalities(
          db,
          input.map((row) => row.municipalityCode),
        )
      ).map((m) => m.code),
    );
    const errors: FieldError[] = input.flatMap((row, index) =>
      known.has(row.municipalityCode)
        ? []
        : [
            {
              path: `[${index}].municipalityCode`,
              message: `unknown municipality ${row.municipalityCode}`,
            },
          ],
    );
    if (errors.length > 0) throw new ValidationError(errors);

    const wanted = [...input].sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode));
    return inTransaction(this.dataSource, async (tx) => {
      await tx.query(`SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE`, [providerId]);
      const current = await readCoverage(tx, providerId);
      if (isDeepStrictEqual(current.items, wanted)) return current;
      await tx.query(`DELETE FROM provider_coverage WHERE provider_id = $1`, [providerId]);
      if (wanted.length > 0) {
        await tx.query(
          `INSERT INTO provider_coverage (provider_id, provider_kind, municipality_code, capacity)
           SELECT $1, $2, * FROM unnest($3::text[], $4::int[])`,
          [
            providerId,
            provider.kind,
            wanted.map((row) => row.municipalityCode),
            wanted.map((row) => row.capacity),
          ],
        );
      }
      await requestMatchingRun(tx, { regionCodes: [provider.regionCode] });
      await recordAudit(tx, actor, [
        {
          action: 'coverage.replaced',
          entityType: 'organisation',
          entityId: providerId,
          details: { municipalities: wanted.length },
        },
      ]);
      return readCoverage(tx, providerId);
    });
  }
}
