import { isDeepStrictEqual } from 'node:util';

import type { DataSource } from 'typeorm';

import { type Actor, requireRole } from '../../shared/auth/actor';
import { type Db, inTransaction, isUniqueViolation, rootDb } from '../../shared/database/db';
import { type FieldError, ValidationError } from '../../shared/errors/app-error';
import { fieldErrorsFromZod } from '../../shared/errors/zod-issues';
import { applyPatch } from '../../shared/schema/schema-shapes';
import { recordAudit } from '../audit';
import { requestMatchingRun } from '../matching';
import { findPolicy, insertPolicy, listPolicyVersions } from './policy.repository';
import {
  type Policy,
  type PolicyInput,
  policyInputSchema,
  type PolicyPatch,
  policyReplaceSchema,
} from './policy.schemas';
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
   * Replaces the whole policy with a new immutable version. `expectedVersion` (If-Match) is the
   * version the caller read: a policy changed since is refused (412). Sending the current policy
   * again changes nothing and answers it, so a retried PUT is safe.
   */
  async putPolicy(
    actor: Actor,
    regionCode: string,
    input: PolicyInput,
    expectedVersion: number,
  ): Promise<Policy> {
    requireRole(actor, 'admin');
    return this.writePolicy(actor, regionCode, expectedVersion, () => input);
  }

  /**
   * Changes the named fields and keeps the rest, as a new version; the result must be a valid
   * policy as a whole. With `expectedVersion` (If-Match), a stale version is refused (412).
   */
  async patchPolicy(
    actor: Actor,
    regionCode: string,
    patch: PolicyPatch,
    expectedVersion?: number,
  ): Promise<Policy> {
    requireRole(actor, 'admin');
    return this.writePolicy(actor, regionCode, expectedVersion, (current) => {
      const merged = applyPatch(policyInputSchema, { ...current }, { ...patch });
      const parsed = policyReplaceSchema.safeParse(merged);
      if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error));
      return parsed.data;
    });
  }

  private async writePolicy(
    actor: Actor,
    regionCode: string,
    expectedVersion: number | undefined,
    next: (current: PolicyInput) => PolicyInput,
  ): Promise<Policy> {
    const db = rootDb(this.dataSource);
    if (!(await findRegion(db, regionCode))) {
      throw new ReferenceError(ReferenceErrorCode.RegionNotFound, `No region "${regionCode}".`);
    }
    try {
      return await inTransaction(this.dataSource, async (tx) => {
        const current = await findPolicy(tx, regionCode);
        if (!current) {
          throw new ReferenceError(ReferenceErrorCode.RegionNotFound, `No region "${regionCode}".`);
        }
        const input = next(withoutMeta(current));
        await this.checkMunicipalityCodes(tx, regionCode, input);
        if (isDeepStrictEqual(asStored(withoutMeta(current)), asStored(input))) return current;
        if (expectedVersion !== undefined && expectedVersion !== current.version) {
          throw stale(regionCode, current.version);
        }
        await insertPolicy(tx, regionCode, current.version + 1, input, actor.tokenId);
        await requestMatchingRun(tx, { regionCodes: [regionCode] });
        await recordAudit(tx, actor, [
          {
            action: 'policy.changed',
            entityType: 'region',
            entityId: regionCode,
            details: { version: current.version + 1 },
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

  /** Every municipality a policy names (caps, fair shares) must lie in the region. */
  private async checkMunicipalityCodes(tx: Db, regionCode: string, input: PolicyInput) {
    const fields = ['municipalityCaps', 'fairShares'] as const;
    const codes = fields.flatMap((field) => Object.keys(input[field]));
    const known = new Map((await findMunicipalities(tx, codes)).map((m) => [m.code, m]));
    const errors: FieldError[] = fields.flatMap((field) =>
      Object.keys(input[field]).flatMap((code) => {
        const municipality = known.get(code);
        if (!municipality) return [{ path: `${field}.${code}`, message: `unknown municipality` }];
        if (municipality.regionCode !== regionCode) {
          return [{ path: `${field}.${code}`, message: `not in region "${regionCode}"` }];
        }
        return [];
      }),
    );
    if (errors.length > 0) throw new ValidationError(errors);
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

/** As JSON, the way a version is stored: absent and undefined fields compare equal. */
function asStored(policy: PolicyInput): unknown {
  return JSON.parse(JSON.stringify(policy));
}

function withoutMeta(policy: Policy): PolicyInput {
  const { regionCode: _region, version: _version, createdAt: _created, ...rest } = policy;
  return rest;
}
