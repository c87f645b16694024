import { isDeepStrictEqual } from 'node:util';

import type { DataSource } from 'typeorm';

import { type Actor, requireRole } from '../../shared/auth/actor';
import {
  type Db,
  inTransaction,
  isUniqueViolation,
  onOneConnection,
  pgError,
  rootDb,
} from '../../shared/database/db';
import { type FieldError, ForbiddenError, ValidationError } from '../../shared/errors/app-error';
import { fieldErrorsFromZod } from '../../shared/errors/zod-issues';
import { type PageRequest, toJsonPage } from '../../shared/http/pagination';
import { type Clock, dutchDate } from '../../shared/time/clock';
import { recordAudit } from '../audit';
import { requestMatchingRun } from '../matching';
import { cancelOpenProposalsOf } from '../proposals';
import { columnForPath, parseUnitCsv } from './unit-csv';
import { UnitError, UnitErrorCode } from './unit.errors';
import * as repository from './unit.repository';
import { type UnitScope, unitAsInput } from './unit.repository';
import { checkUnits, loadUnitReferences, type UnitCandidate } from './unit.rules';
import {
  type CreateUnitInput,
  createUnitSchema,
  type ImportResult,
  type PatchUnitInput,
  type Unit,
  type UnitFilter,
} from './unit.schemas';

export const MAX_IMPORT_ROWS = 10_000;

export class UnitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Registers one unit. The duplicate check, the reference checks, the write and the read-back
   * run on one connection, so that under load the request waits for a connection once.
   */
  async create(actor: Actor, input: CreateUnitInput): Promise<Unit> {
    requireRole(actor, 'corporation');
    return onOneConnection(this.dataSource, async (db) => {
      const [existing] = await repository.findUnitsByExternalRefs(db, actor.organisationId, [
        input.externalRef,
      ]);
      if (existing) throw duplicate(existing);
      await this.validate(db, actor, [{ unit: input, path: '' }]);
      const id = await this.write(db, actor, [input], { imported: false });
      return this.mustFind(db, id ?? '', ownUnits(actor));
    });
  }

  /**
   * CSV import (docs/api-contract.md): all rows valid → all stored; any row invalid → 422 naming every bad
   * line and column, nothing stored. A row identical to a unit already registered counts as
   * unchanged, so sending the same file again is harmless.
   */
  async import(actor: Actor, csv: string): Promise<ImportResult> {
    requireRole(actor, 'corporation');
    const rows = parseUnitCsv(csv, MAX_IMPORT_ROWS);
    const errors: FieldError[] = [];
    const valid: (UnitCandidate & { line: number })[] = [];
    const firstLine = new Map<string, number>();

    for (const row of rows) {
      const path = `lines[${row.line}]`;
      if (row.extraCells) errors.push({ path, message: 'more cells than there are columns' });
      const parsed = createUnitSchema.safeParse(row.value);
      if (!parsed.success) {
        errors.push(
          ...fieldErrorsFromZod(parsed.error).map((error) => ({
            path: `${path}.${columnForPath(error.path)}`,
            message: error.message,
          })),
        );
        continue;
      }
      const earlier = firstLine.get(parsed.data.externalRef);
      if (earlier !== undefined) {
        errors.push({ path: `${path}.externalRef`, message: `also on line ${earlier}` });
        continue;
      }
      firstLine.set(parsed.data.externalRef, row.line);
      valid.push({ unit: parsed.data, path, line: row.line });
    }

    // The file is parsed and checked above without a connection; what needs the database runs on one.
    return onOneConnection(this.dataSource, (db) =>
      this.importChecked(db, actor, rows.length, valid, errors),
    );
  }

  private async importChecked(
    db: Db,
    actor: Actor,
    total: number,
    valid: (UnitCandidate & { line: number })[],
    errors: FieldError[],
  ): Promise<ImportResult> {
    const stored = new Map(
      (
        await repository.findUnitsByExternalRefs(
          db,
          actor.organisationId,
          valid.map((candidate) => candidate.unit.externalRef),
        )
      ).map((unit) => [unit.externalRef, unit]),
    );
    const fresh: typeof valid = [];
    let unchanged = 0;
    for (const candidate of valid) {
      const existing = stored.get(candidate.unit.externalRef);
      if (!existing) fresh.push(candidate);
      else if (isDeepStrictEqual(unitAsInput(existing), candidate.unit)) unchanged++;
      else {
        errors.push({
          path: `${candidate.path}.externalRef`,
          message: `already registered with other data as unit ${existing.id}; change it with PATCH`,
        });
      }
    }
    const references = await loadUnitReferences(
      db,
      actor.organisationId,
      fresh.map((c) => c.unit),
    );
    errors.push(...checkUnits(fresh, references, this.context(actor), columnForPath));
    if (errors.length > 0) {
      const lines = [...new Set(errors.map((error) => /^lines\[(\d+)\]/.exec(error.path)?.[1]))]
        .filter((line): line is string => line !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
      throw new ValidationError(
        errors,
        `${lines.length} of ${total} rows are invalid (lines ${summarise(lines)}); nothing was imported.`,
      );
    }
    await this.write(
      db,
      actor,
      fresh.map((candidate) => candidate.unit),
      { imported: true },
    );
    return { created: fresh.length, unchanged, total };
  }

  /** A page of units as JSON text (`GET /units`), built by the database. */
  async list(actor: Actor, filter: UnitFilter, page: PageRequest): Promise<string> {
    const rows = await repository.listUnitsJson(
      rootDb(this.dataSource),
      readScope(actor),
      filter,
      page,
    );
    return toJsonPage(rows, page.limit).text;
  }

  async get(actor: Actor, id: string): Promise<Unit> {
    return this.mustFind(rootDb(this.dataSource), id, readScope(actor));
  }

  /** Changes an available unit; `expectedVersion` (If-Match) guards against lost updates. */
  async update(
    actor: Actor,
    id: string,
    patch: PatchUnitInput,
    expectedVersion?: number,
  ): Promise<Unit> {
    requireRole(actor, 'corporation');
    return inTransaction(this.dataSource, async (tx) => {
      const current = await this.mustFind(tx, id, ownUnits(actor), true);
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw new UnitError(
          UnitErrorCode.VersionStale,
          `Unit ${id} is at version ${current.version}; reload it and apply your change again.`,
        );
      }
      if (current.status !== 'available') {
        throw new UnitError(
          UnitErrorCode.NotAvailable,
          `Unit ${id} is ${current.status}; only an available unit can be changed.`,
        );
      }
      const before = unitAsInput(current);
      const fixed = (['externalRef', 'type'] as const).filter(
        (field) => patch[field] !== undefined && patch[field] !== before[field],
      );
      if (fixed.length > 0) {
        throw new ValidationError(
          fixed.map((field) => ({
            path: field,
            message: 'cannot change; withdraw this unit and register a new one',
          })),
        );
      }
      const merged = createUnitSchema.safeParse({
        ...before,
        ...patch,
        address: { ...before.address, ...patch.address },
      });
      if (!merged.success) throw new ValidationError(fieldErrorsFromZod(merged.error));
      if (isDeepStrictEqual(merged.data, before)) return current;
      await this.validate(tx, actor, [
        { unit: merged.data, path: '', currentCluster: current.clusterId },
      ]);
      await repository.ensureClusters(tx, actor.organisationId, clustersOf([merged.data]));
      await repository.updateUnit(tx, id, merged.data);
      await requestMatchingRun(tx, {
        municipalityCodes: [current.address.municipalityCode, merged.data.address.municipalityCode],
      });
      await recordAudit(tx, actor, [
        {
          action: 'unit.updated',
          entityType: 'unit',
          entityId: id,
          details: { fields: Object.keys(patch).sort() },
        },
      ]);
      return this.mustFind(tx, id, ownUnits(actor));
    }).catch(translateWriteError);
  }

  /** Takes a unit off the market; withdrawing twice is harmless, a let unit cannot be. */
  async withdraw(actor: Actor, id: string): Promise<Unit> {
    requireRole(actor, 'corporation');
    return inTransaction(this.dataSource, async (tx) => {
      const current = await this.mustFind(tx, id, ownUnits(actor), true);
      if (current.status === 'withdrawn') return current;
      if (current.status === 'let') {
        throw new UnitError(UnitErrorCode.AlreadyLet, `Unit ${id} is let and cannot be withdrawn.`);
      }
      await repository.setUnitStatus(tx, id, 'withdrawn');
      // An open proposal for it ends; its client is free again, and a run follows.
      await cancelOpenProposalsOf(tx, { unitId: id }, 'unit_withdrawn');
      await requestMatchingRun(tx, { municipalityCodes: [current.address.municipalityCode] });
      await recordAudit(tx, actor, [
        {
          action: 'unit.withdrawn',
          entityType: 'unit',
          entityId: id,
          details: { from: current.status },
        },
      ]);
      return this.mustFind(tx, id, ownUnits(actor));
    });
  }

  private context(actor: Actor) {
    return { regionCode: actor.regionCode, today: dutchDate(this.clock()) };
  }

  private async validate(db: Db, actor: Actor, candidates: UnitCandidate[]): Promise<void> {
    const references = await loadUnitReferences(
      db,
      actor.organisationId,
      candidates.map((c) => c.unit),
    );
    const errors = checkUnits(candidates, references, this.context(actor));
    if (errors.length > 0) throw new ValidationError(errors);
  }

  private async write(
    db: Db,
    actor: Actor,
    units: CreateUnitInput[],
    details: { imported: boolean },
  ): Promise<string | undefined> {
    const ids = await inTransaction(db, async (tx) => {
      await repository.ensureClusters(tx, actor.organisationId, clustersOf(units));
      const inserted = await repository.insertUnits(tx, actor.organisationId, units);
      // One request per region however many units: an import of 1,000 makes one run.
      await requestMatchingRun(tx, {
        municipalityCodes: [...new Set(units.map((unit) => unit.address.municipalityCode))],
      });
      await recordAudit(
        tx,
        actor,
        inserted.map((id, index) => ({
          action: 'unit.created',
          entityType: 'unit',
          entityId: id,
          details: { type: units[index]?.type, ...details },
        })),
      );
      return inserted;
    }).catch(translateWriteError);
    return ids[0];
  }

  private async mustFind(db: Db, id: string, scope: UnitScope, lock = false): Promise<Unit> {
    const unit = await repository.findUnit(db, id, scope, lock);
    if (!unit) throw new UnitError(UnitErrorCode.NotFound, `No unit ${id}.`);
    return unit;
  }
}

/** Corporations see their own units, matchers those in their point's municipalities, admins all. */
function readScope(actor: Actor): UnitScope {
  switch (actor.role) {
    case 'corporation':
      return ownUnits(actor);
    case 'matcher':
      return { kind: 'municipalities', codes: actor.municipalityCodes };
    case 'admin':
      return { kind: 'all' };
    case 'provider':
    case 'viewer':
      throw new ForbiddenError(`The ${actor.role} role has no access to units.`);
  }
}

function ownUnits(actor: Actor): UnitScope {
  return { kind: 'corporation', corporationId: actor.organisationId };
}

function clustersOf(units: CreateUnitInput[]) {
  const clusters = new Map<string, string>();
  for (const unit of units) {
    if (unit.clusterId !== undefined) clusters.set(unit.clusterId, unit.address.municipalityCode);
  }
  return [...clusters].map(([clusterId, municipalityCode]) => ({ clusterId, municipalityCode }));
}

function duplicate(existing: Unit): UnitError {
  return new UnitError(
    UnitErrorCode.DuplicateExternalRef,
    `You registered externalRef "${existing.externalRef}" already, as unit ${existing.id}.`,
    { existingId: existing.id },
  );
}

/** The database's last line of defence, told in the clerk's terms when a race slips past the checks. */
function translateWriteError(error: unknown): never {
  if (isUniqueViolation(error, 'uq_units_corporation_external_ref')) {
    throw new UnitError(
      UnitErrorCode.DuplicateExternalRef,
      'That externalRef was registered just now.',
    );
  }
  if (pgError(error)?.constraint === 'ck_skaeve_huis_clusters_size') {
    throw new ValidationError([{ path: 'clusterId', message: 'the cluster is full (6 homes)' }]);
  }
  throw error;
}

/** `[3, 4, 5, 9]` → `3–5, 9`, so a long list of lines stays readable. */
function summarise(lines: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i] ?? 0;
    let end = start;
    while (lines[i + 1] === end + 1) end = lines[++i] ?? end;
    parts.push(start === end ? String(start) : `${start}–${end}`);
  }
  return parts.slice(0, 20).join(', ') + (parts.length > 20 ? ', …' : '');
}
