import type { DataSource } from 'typeorm';

import { type Actor, requireRole } from '../../shared/auth/actor';
import { inTransaction, isUniqueViolation, rootDb } from '../../shared/database/db';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  ValidationError,
} from '../../shared/errors/app-error';
import { recordAudit } from '../audit';
import { findMunicipalities } from '../reference';
import * as repository from './contingent.repository';
import type { ContingentScope } from './contingent.repository';
import type { Contingent, ContingentFilter, CreateContingentInput } from './contingent.schemas';

/**
 * Contingent pledges: corporation × municipality × year → N homes (docs/domain-overview.md), with `placed`
 * counted from the corporation's let contingent units.
 */
export class ContingentService {
  constructor(private readonly dataSource: DataSource) {}

  async create(actor: Actor, input: CreateContingentInput): Promise<Contingent> {
    requireRole(actor, 'corporation');
    const db = rootDb(this.dataSource);
    const [municipality] = await findMunicipalities(db, [input.municipalityCode]);
    if (!municipality) {
      throw new ValidationError([
        { path: 'municipalityCode', message: `unknown municipality ${input.municipalityCode}` },
      ]);
    }
    if (municipality.regionCode !== actor.regionCode) {
      throw new ValidationError([
        { path: 'municipalityCode', message: `${municipality.name} is outside your region` },
      ]);
    }
    const existing = await repository.findContingentFor(
      db,
      actor.organisationId,
      input.municipalityCode,
      input.year,
    );
    if (existing) throw duplicate(input, existing.id);
    try {
      const id = await inTransaction(this.dataSource, async (tx) => {
        const created = await repository.insertContingent(tx, actor.organisationId, input);
        await recordAudit(tx, actor, [
          {
            action: 'contingent.pledged',
            entityType: 'contingent',
            entityId: created,
            details: { ...input },
          },
        ]);
        return created;
      });
      return await this.get(actor, id);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_contingent_pledges_corporation_municipality_year')) {
        throw duplicate(input, undefined);
      }
      throw error;
    }
  }

  async list(actor: Actor, filter: ContingentFilter): Promise<Contingent[]> {
    return repository.listContingents(rootDb(this.dataSource), scope(actor), filter);
  }

  async get(actor: Actor, id: string): Promise<Contingent> {
    const found = await repository.findContingent(rootDb(this.dataSource), id, scope(actor));
    if (!found)
      throw new AppError('not_found', 'contingent_not_found', `No contingent pledge ${id}.`);
    return found;
  }

  /** Revises the number pledged (performance agreements are renegotiated). */
  async revise(actor: Actor, id: string, pledged: number): Promise<Contingent> {
    requireRole(actor, 'corporation');
    const current = await this.get(actor, id);
    if (current.pledged === pledged) return current;
    await inTransaction(this.dataSource, async (tx) => {
      await repository.updatePledged(tx, id, pledged);
      await recordAudit(tx, actor, [
        {
          action: 'contingent.revised',
          entityType: 'contingent',
          entityId: id,
          details: { from: current.pledged, to: pledged },
        },
      ]);
    });
    return this.get(actor, id);
  }
}

/** Corporations see their pledges; matchers and gemeenten those in their municipalities. */
function scope(actor: Actor): ContingentScope {
  switch (actor.role) {
    case 'corporation':
      return { kind: 'corporation', corporationId: actor.organisationId };
    case 'matcher':
    case 'viewer':
      return { kind: 'municipalities', codes: actor.municipalityCodes };
    case 'admin':
      return { kind: 'all' };
    case 'provider':
      throw new ForbiddenError('The provider role has no access to contingent pledges.');
  }
}

function duplicate(input: CreateContingentInput, existingId: string | undefined): ConflictError {
  const error = new ConflictError(
    'contingent_exists',
    `You pledged for ${input.municipalityCode} in ${input.year} already; change it with PATCH.`,
  );
  if (existingId) error.extensions.existingId = existingId;
  return error;
}
