import type { DataSource } from 'typeorm';
import type { z } from 'zod';

import { type Actor, requireRole } from '../../shared/auth/actor';
import { parseCsvTable } from '../../shared/csv/csv';
import { inTransaction, isUniqueViolation, rootDb } from '../../shared/database/db';
import { type FieldError, ValidationError } from '../../shared/errors/app-error';
import { fieldErrorsFromZod } from '../../shared/errors/zod-issues';
import { haversineKm } from '../../shared/geo/geo';
import { recordAudit } from '../audit';
import { defaultPolicyInput } from './policy.schemas';
import { insertPolicy } from './policy.repository';
import { ReferenceError, ReferenceErrorCode } from './reference.errors';
import * as repository from './reference.repository';
import {
  type BulkResult,
  type CreateMunicipalityInput,
  type CreateNeighbourhoodInput,
  type CreateRegionInput,
  createMunicipalitySchema,
  createNeighbourhoodSchema,
} from './reference.schemas';

/** A neighbourhood's centroid further than this from its municipality's is surely a typo. */
const MAX_NEIGHBOURHOOD_OFFSET_KM = 30;
const BULK_MAX_ROWS = 20_000;

export class ReferenceService {
  constructor(private readonly dataSource: DataSource) {}

  async createRegion(actor: Actor, input: CreateRegionInput) {
    requireRole(actor, 'admin');
    try {
      await inTransaction(this.dataSource, async (tx) => {
        await repository.insertRegion(tx, input);
        // Every region starts with the default policy as version 1, so proposals can cite one.
        await insertPolicy(tx, input.code, 1, defaultPolicyInput(), actor.tokenId);
        await recordAudit(tx, actor, [
          { action: 'region.created', entityType: 'region', entityId: input.code },
        ]);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'pk_regions')) {
        throw new ReferenceError(ReferenceErrorCode.RegionExists, `Region "${input.code}" exists.`);
      }
      throw error;
    }
    return this.getRegion(input.code);
  }

  listRegions() {
    return repository.listRegions(rootDb(this.dataSource));
  }

  async getRegion(code: string) {
    const region = await repository.findRegion(rootDb(this.dataSource), code);
    if (!region)
      throw new ReferenceError(ReferenceErrorCode.RegionNotFound, `No region "${code}".`);
    return region;
  }

  async createMunicipality(actor: Actor, input: CreateMunicipalityInput) {
    requireRole(actor, 'admin');
    const db = rootDb(this.dataSource);
    if ((await repository.findMunicipalities(db, [input.code])).length > 0) {
      throw new ReferenceError(
        ReferenceErrorCode.MunicipalityExists,
        `Municipality ${input.code} exists; use the bulk load to update it.`,
      );
    }
    await this.writeMunicipalities(actor, [input], ['']);
    return this.getMunicipality(input.code);
  }

  listMunicipalities(filter: { regionCode?: string | undefined }) {
    return repository.listMunicipalities(rootDb(this.dataSource), filter);
  }

  async getMunicipality(code: string) {
    const [found] = await repository.findMunicipalities(rootDb(this.dataSource), [code]);
    if (!found) {
      throw new ReferenceError(ReferenceErrorCode.MunicipalityNotFound, `No municipality ${code}.`);
    }
    return found;
  }

  async createNeighbourhood(actor: Actor, input: CreateNeighbourhoodInput) {
    requireRole(actor, 'admin');
    const db = rootDb(this.dataSource);
    if ((await repository.findNeighbourhoods(db, [input.code])).length > 0) {
      throw new ReferenceError(
        ReferenceErrorCode.NeighbourhoodExists,
        `Neighbourhood ${input.code} exists; use the bulk load to update it.`,
      );
    }
    await this.writeNeighbourhoods(actor, [input], ['']);
    return this.getNeighbourhood(input.code);
  }

  listNeighbourhoods(filter: {
    municipalityCode?: string | undefined;
    regionCode?: string | undefined;
  }) {
    return repository.listNeighbourhoods(rootDb(this.dataSource), filter);
  }

  async getNeighbourhood(code: string) {
    const [found] = await repository.findNeighbourhoods(rootDb(this.dataSource), [code]);
    if (!found) {
      throw new ReferenceError(
        ReferenceErrorCode.NeighbourhoodNotFound,
        `No neighbourhood ${code}.`,
      );
    }
    return found;
  }

  /** Loads a reference list (JSON array or CSV): all rows valid → all written, else nothing. */
  async bulkLoadMunicipalities(actor: Actor, body: string | unknown[]): Promise<BulkResult> {
    requireRole(actor, 'admin');
    const { records, paths, errors } = parseBulk(body, createMunicipalitySchema, ['lat', 'lon']);
    return this.writeMunicipalities(actor, records, paths, errors);
  }

  async bulkLoadNeighbourhoods(actor: Actor, body: string | unknown[]): Promise<BulkResult> {
    requireRole(actor, 'admin');
    const { records, paths, errors } = parseBulk(body, createNeighbourhoodSchema, ['lat', 'lon']);
    return this.writeNeighbourhoods(actor, records, paths, errors);
  }

  private async writeMunicipalities(
    actor: Actor,
    records: CreateMunicipalityInput[],
    paths: string[],
    shapeErrors: FieldError[] = [],
  ): Promise<BulkResult> {
    const db = rootDb(this.dataSource);
    const errors: FieldError[] = [...shapeErrors];
    const regions = new Set((await repository.listRegions(db)).map((region) => region.code));
    const seen = new Set<string>();
    records.forEach((record, index) => {
      const at = (field: string) => join(paths[index] ?? '', field);
      if (!regions.has(record.regionCode)) {
        errors.push({ path: at('regionCode'), message: `unknown region "${record.regionCode}"` });
      }
      if (seen.has(record.code)) errors.push({ path: at('code'), message: 'appears twice' });
      seen.add(record.code);
    });
    if (errors.length > 0) throw new ValidationError(errors);
    return inTransaction(this.dataSource, async (tx) => {
      const { inserted, updated } = await repository.upsertMunicipalities(tx, records);
      await recordAudit(tx, actor, [
        ...inserted.map((code) => ({
          action: 'municipality.created',
          entityType: 'municipality',
          entityId: code,
        })),
        ...updated.map((code) => ({
          action: 'municipality.updated',
          entityType: 'municipality',
          entityId: code,
        })),
      ]);
      return {
        created: inserted.length,
        updated: updated.length,
        unchanged: records.length - inserted.length - updated.length,
      };
    });
  }

  private async writeNeighbourhoods(
    actor: Actor,
    records: CreateNeighbourhoodInput[],
    paths: string[],
    shapeErrors: FieldError[] = [],
  ): Promise<BulkResult> {
    const db = rootDb(this.dataSource);
    const errors: FieldError[] = [...shapeErrors];
    const municipalities = new Map(
      (
        await repository.findMunicipalities(db, [
          ...new Set(records.map((r) => r.municipalityCode)),
        ])
      ).map((m) => [m.code, m]),
    );
    const existing = new Map(
      (
        await repository.findNeighbourhoods(
          db,
          records.map((r) => r.code),
        )
      ).map((n) => [n.code, n]),
    );
    const seen = new Set<string>();
    records.forEach((record, index) => {
      const at = (field: string) => join(paths[index] ?? '', field);
      const municipality = municipalities.get(record.municipalityCode);
      if (!municipality) {
        errors.push({
          path: at('municipalityCode'),
          message: `unknown municipality ${record.municipalityCode}`,
        });
      } else {
        if (record.code.slice(2, 6) !== record.municipalityCode.slice(2, 6)) {
          errors.push({
            path: at('code'),
            message: `${record.code} is a neighbourhood of GM${record.code.slice(2, 6)}, not ${record.municipalityCode}`,
          });
        }
        const offset = haversineKm(record, municipality);
        if (offset > MAX_NEIGHBOURHOOD_OFFSET_KM) {
          errors.push({
            path: at('lat'),
            message: `${Math.round(offset)} km from the centre of ${municipality.name}; check lat and lon`,
          });
        }
      }
      const stored = existing.get(record.code);
      if (stored && stored.municipalityCode !== record.municipalityCode) {
        errors.push({
          path: at('municipalityCode'),
          message: `${record.code} belongs to ${stored.municipalityCode}; it cannot move`,
        });
      }
      if (seen.has(record.code)) errors.push({ path: at('code'), message: 'appears twice' });
      seen.add(record.code);
    });
    if (errors.length > 0) throw new ValidationError(errors);
    return inTransaction(this.dataSource, async (tx) => {
      const { inserted, updated } = await repository.upsertNeighbourhoods(tx, records);
      await recordAudit(tx, actor, [
        ...inserted.map((code) => ({
          action: 'neighbourhood.created',
          entityType: 'neighbourhood',
          entityId: code,
        })),
        ...updated.map((code) => ({
          action: 'neighbourhood.updated',
          entityType: 'neighbourhood',
          entityId: code,
        })),
      ]);
      return {
        created: inserted.length,
        updated: updated.length,
        unchanged: records.length - inserted.length - updated.length,
      };
    });
  }
}

const join = (prefix: string, field: string) => (prefix === '' ? field : `${prefix}.${field}`);

/**
 * Turns a bulk body into the records that are well-formed, the path prefix each one's errors carry
 * (`rows[i]` for a JSON array, 0-based; `lines[n]` for CSV, the header being line 1), and the
 * errors of the others, so that the reference checks can report on the rest in the same answer.
 */
function parseBulk<S extends z.ZodType>(
  body: string | unknown[],
  schema: S,
  numericColumns: readonly string[],
): { records: z.output<S>[]; paths: string[]; errors: FieldError[] } {
  const rows: { path: string; value: unknown }[] =
    typeof body === 'string'
      ? parseCsvTable(body, {
          known: Object.keys((schema as unknown as z.ZodObject).shape),
          required: Object.keys((schema as unknown as z.ZodObject).shape),
          maxRows: BULK_MAX_ROWS,
        }).rows.map(({ line, values }) => ({
          path: `lines[${line}]`,
          value: Object.fromEntries(
            Object.entries(values).map(([key, cell]) => [
              key,
              numericColumns.includes(key) && /^-?\d+([.,]\d+)?$/.test(cell)
                ? Number(cell.replace(',', '.'))
                : cell,
            ]),
          ),
        }))
      : body.map((value, index) => ({ path: `rows[${index}]`, value }));
  if (rows.length === 0) throw new ValidationError([{ path: 'body', message: 'no records' }]);
  const errors: FieldError[] = [];
  const records: z.output<S>[] = [];
  const paths: string[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row.value);
    if (parsed.success) {
      records.push(parsed.data);
      paths.push(row.path);
    } else {
      errors.push(
        ...fieldErrorsFromZod(parsed.error).map((e) => ({ ...e, path: join(row.path, e.path) })),
      );
    }
  }
  return { records, paths, errors };
}
