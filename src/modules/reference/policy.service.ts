import { isDeepStrictEqual } from 'node:util';

import type { DataSource } from 'typeorm';

import { type Actor, requireRole } from '../../shared/auth/actor';
import { inTransaction, isUniqueViolation, rootDb } from '../../shared/database/db';
import { type FieldError, ValidationError } from '../../shared/errors/app-error';
import { recordAudit } from '../audit';
import { requestMatchingRun } from '../matching';
import { findPolicy, insertPolicy, listPolicyVersions } from './policy.repository';
import type { Policy, PolicyInput } from './policy.schemas';
import { ReferenceError, ReferenceErrorCode } from './reference.errors';
import { findMunicipalities, findRegion } from './reference.repository';

export class PolicyService {
  constructor(private readonly dataSource: DataSource) {}

  /** Anyone in the region may read its policy (it explains every proposal); others get 404. */
  async getPolicy(actor: Actor, regionCode: string, version?: number): Promise<Policy> {
    this.assertRegionVisible(actor, regionCode);
    const policy = await findPolicy(rootDb(this.dataSource), regionCode, version);
    if (!policy) {
      throw version === undefined
        ? new ReferenceError(ReferenceErrorCode.RegionNotFound, `No region "${regionCode}".`)
        : new ReferenceError(
            ReferenceErrorCode.PolicyVersionNotFound,
            `Region "${regionCode}" has no policy version ${version}.`,
          );
    }
    return policy;
  }

  async listVersions(actor: Actor, regionCode: string): Promise<Policy[]> {
    this.assertRegionVisible(actor, regionCode);
    const versions = await listPolicyVersions(rootDb(this.dataSource), regionCode);
    if (versions.length === 0) {
      throw new ReferenceError(ReferenceErrorCode.RegionNotFound, `No region "${regionCode}".`);
    }
    return versions;
  }

  /**
   * Replaces the policy with a new immutable version (absent fields take their defaults). Sending
   * the current policy again changes nothing and answers the current version, so retries are safe.
   * With `expectedVersion` (If-Match), a stale version is refused with 412.
   */
  async putPolicy(
    actor: Actor,
    regionCode: string,
    input: PolicyInput,
    expectedVersion?: number,
  ): Promise<Policy> {
    requireRole(actor, 'admin');
    const db = rootDb(this.dataSource);
    if (!(await findRegion(db, regionCode))) {
      throw new ReferenceError(ReferenceErrorCode.RegionNotFound, `No region "${regionCode}".`);
    }
    const codes = Object.keys(input.municipalityCaps);
    const known = new Map((await findMunicipalities(db, codes)).map((m) => [m.code, m]));
    const errors: FieldError[] = codes.flatMap((code) => {
      const municipality = known.get(code);
      if (!municipality)
        return [{ path: `municipalityCaps.${code}`, message: `unknown municipality` }];
      if (municipality.regionCode !== regionCode) {
        return [{ path: `municipalityCaps.${code}`, message: `not in region "${regionCode}"` }];
      }
      return [];
    });
    if (errors.length > 0) throw new ValidationError(errors);

    try {
      return await inTransaction(this.dataSource, async (tx) => {
        const current = await findPolicy(tx, regionCode);
        const currentVersion = current?.version ?? 0;
        if (expectedVersion !== undefined && expectedVersion !== currentVersion) {
          throw stale(regionCode, currentVersion);
        }
        if (current && isDeepStrictEqual(withoutMeta(current), input)) return current;
        await insertPolicy(tx, regionCode, currentVersion + 1, input, actor.tokenId);
        await requestMatchingRun(tx, { regionCodes: [regionCode] });
        await recordAudit(tx, actor, [
          {
            action: 'policy.changed',
            entityType: 'region',
            entityId: regionCode,
            details: { version: currentVersion + 1 },
          },
        ]);
        const written = await findPolicy(tx, regionCode);
        if (!written) throw new Error('policy vanished after insert');
        return written;
      });
    } catch (error) {
      // Two admins saving at once: the second write of the same version hits the primary key.
      if (isUniqueViolation(error, 'pk_region_policies')) {
        const latest = await findPolicy(db, regionCode);
        throw stale(regionCode, latest?.version ?? 0);
      }
      throw error;
    }
  }

  private assertRegionVisible(actor: Actor, regionCode: string): void {
    if (actor.role !== 'admin' && actor.regionCode !== regionCode) {
      throw new ReferenceError(ReferenceErrorCode.RegionNotFound, `No region "${regionCode}".`);
    }
  }
}

function stale(regionCode: string, version: number): ReferenceError {
  return new ReferenceError(
    ReferenceErrorCode.PolicyVersionStale,
    `The policy of "${regionCode}" is at version ${version}; reload it and apply your change again.`,
  );
}

function withoutMeta(policy: Policy): PolicyInput {
  const { regionCode: _region, version: _version, createdAt: _created, ...rest } = policy;
  return rest;
}
