import type { DataSource } from 'typeorm';

import {
  type Actor,
  ROLE_FOR_KIND,
  type OrganisationKind,
  requireRole,
} from '../../shared/auth/actor';
import { inTransaction, isUniqueViolation, rootDb } from '../../shared/database/db';
import { type FieldError, ValidationError } from '../../shared/errors/app-error';
import type { Logger } from '../../shared/logger/logger';
import { type Page, type PageRequest, toPage } from '../../shared/http/pagination';
import { recordAudit } from '../audit';
import { findMunicipalities, findRegion } from '../reference';
import { IdentityError, IdentityErrorCode } from './identity.errors';
import * as repository from './identity.repository';
import type {
  CreateOrganisationInput,
  CreateTokenInput,
  CreatedToken,
  Me,
  Organisation,
  Token,
} from './identity.schemas';
import type { TokenCache } from './token-cache';
import { displayPrefix, generateTokenSecret, hashTokenSecret } from './token-secret';

/** Matches the repository's own 5-minute guard in `touchToken`. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

export class IdentityService {
  private readonly lastTouched = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    /** Without one (scripts, the seed) every request asks the database. */
    private readonly tokenCache?: TokenCache,
  ) {}

  async createOrganisation(actor: Actor, input: CreateOrganisationInput): Promise<Organisation> {
    requireRole(actor, 'admin');
    const db = rootDb(this.dataSource);
    const municipalityCodes = [...new Set(input.municipalityCodes ?? [])].sort();
    const errors: FieldError[] = [];

    const region = await findRegion(db, input.regionCode);
    if (!region)
      errors.push({ path: 'regionCode', message: `unknown region "${input.regionCode}"` });

    const needsMunicipalities = input.kind === 'matchingspunt' || input.kind === 'gemeente';
    if (needsMunicipalities && municipalityCodes.length === 0) {
      errors.push({ path: 'municipalityCodes', message: `required for a ${input.kind}` });
    }
    if (input.kind === 'gemeente' && municipalityCodes.length > 1) {
      errors.push({ path: 'municipalityCodes', message: 'a gemeente is exactly one municipality' });
    }
    if (!needsMunicipalities && municipalityCodes.length > 0) {
      errors.push({ path: 'municipalityCodes', message: `not used for a ${input.kind}` });
    }
    const known = new Map(
      (await findMunicipalities(db, municipalityCodes)).map((m) => [m.code, m]),
    );
    (input.municipalityCodes ?? []).forEach((code, index) => {
      const municipality = known.get(code);
      if (!municipality) {
        errors.push({
          path: `municipalityCodes[${index}]`,
          message: `unknown municipality "${code}"`,
        });
      } else if (region && municipality.regionCode !== region.code) {
        errors.push({
          path: `municipalityCodes[${index}]`,
          message: `${code} lies in region "${municipality.regionCode}", not "${region.code}"`,
        });
      }
    });
    if (errors.length > 0) throw new ValidationError(errors);

    if (await repository.findOrganisationByName(db, input.regionCode, input.name)) {
      throw new IdentityError(
        IdentityErrorCode.OrganisationNameTaken,
        `Region "${input.regionCode}" already has an organisation named "${input.name}".`,
      );
    }
    if (input.kind === 'matchingspunt') {
      const served = await repository.findServingPoints(db, municipalityCodes);
      if (served.length > 0) {
        throw new IdentityError(
          IdentityErrorCode.MunicipalityAlreadyServed,
          served.map((s) => `${s.municipalityCode} is served by ${s.organisationName}`).join('; '),
        );
      }
    }

    try {
      const id = await inTransaction(this.dataSource, async (tx) => {
        const created = await repository.insertOrganisation(
          tx,
          { name: input.name, kind: input.kind, regionCode: input.regionCode },
          municipalityCodes,
        );
        await recordAudit(tx, actor, [
          {
            action: 'organisation.created',
            entityType: 'organisation',
            entityId: created,
            details: { kind: input.kind, regionCode: input.regionCode, municipalityCodes },
          },
        ]);
        return created;
      });
      return await this.mustFind(id);
    } catch (error) {
      // Lost a race with an identical request: report it as the duplicate it is.
      if (isUniqueViolation(error, 'uq_organisations_region_name')) {
        throw new IdentityError(
          IdentityErrorCode.OrganisationNameTaken,
          `Region "${input.regionCode}" already has an organisation named "${input.name}".`,
        );
      }
      if (isUniqueViolation(error, 'uq_organisation_municipalities_one_point')) {
        throw new IdentityError(
          IdentityErrorCode.MunicipalityAlreadyServed,
          'One of these municipalities is already served by another matchingspunt.',
        );
      }
      throw error;
    }
  }

  async listOrganisations(
    actor: Actor,
    filter: { kind?: OrganisationKind | undefined; regionCode?: string | undefined },
    page: PageRequest,
  ): Promise<Page<Organisation>> {
    // Everyone but the platform admin sees only its own organisation.
    const onlyId = actor.role === 'admin' ? {} : { onlyId: actor.organisationId };
    const rows = await repository.listOrganisations(
      rootDb(this.dataSource),
      { ...filter, ...onlyId },
      page,
    );
    return toPage(rows, page.limit);
  }

  /** The caller's own token role and organisation. */
  async me(actor: Actor): Promise<Me> {
    return {
      tokenId: actor.tokenId,
      role: actor.role,
      organisation: await this.mustFind(actor.organisationId),
    };
  }

  async getOrganisation(actor: Actor, id: string): Promise<Organisation> {
    if (actor.role !== 'admin' && actor.organisationId !== id) throw notFound(id);
    return this.mustFind(id);
  }

  async createToken(
    actor: Actor,
    organisationId: string,
    input: CreateTokenInput,
  ): Promise<CreatedToken> {
    requireRole(actor, 'admin');
    const organisation = await this.mustFind(organisationId);
    const expected = ROLE_FOR_KIND[organisation.kind];
    if (input.role !== expected) {
      throw new ValidationError([
        {
          path: 'role',
          message: `a ${organisation.kind} organisation's tokens have the ${expected} role`,
        },
      ]);
    }
    const secret = generateTokenSecret();
    const token = await inTransaction(this.dataSource, async (tx) => {
      const inserted = await repository.insertToken(tx, {
        organisationId,
        organisationKind: organisation.kind,
        role: input.role,
        label: input.label,
        hash: hashTokenSecret(secret),
        prefix: displayPrefix(secret),
      });
      await recordAudit(tx, actor, [
        {
          action: 'token.issued',
          entityType: 'token',
          entityId: inserted.id,
          details: { organisationId, role: input.role },
        },
      ]);
      return inserted;
    });
    this.logger.info({ tokenId: token.id, organisationId }, 'api token created');
    return { ...token, token: secret };
  }

  async listTokens(actor: Actor, organisationId: string): Promise<Token[]> {
    requireRole(actor, 'admin');
    await this.mustFind(organisationId);
    return repository.listTokens(rootDb(this.dataSource), organisationId);
  }

  async revokeToken(actor: Actor, organisationId: string, tokenId: string): Promise<void> {
    requireRole(actor, 'admin');
    await inTransaction(this.dataSource, async (tx) => {
      const revoked = await repository.revokeToken(tx, organisationId, tokenId);
      if (!revoked) {
        throw new IdentityError(IdentityErrorCode.TokenNotFound, `No token "${tokenId}" here.`);
      }
      await recordAudit(tx, actor, [
        {
          action: 'token.revoked',
          entityType: 'token',
          entityId: tokenId,
          details: { organisationId },
        },
      ]);
    });
    // At once for this process; the others hear it from the database's notification.
    this.tokenCache?.clear();
    this.logger.info({ tokenId, organisationId }, 'api token revoked');
  }

  /** The actor behind a presented token, or undefined when it is unknown or revoked. */
  async authenticate(secret: string): Promise<Actor | undefined> {
    const hash = hashTokenSecret(secret);
    const cached = this.cachedActor(hash);
    if (cached) return cached;
    const generation = this.tokenCache?.generation ?? 0;
    const db = rootDb(this.dataSource);
    const actor = await repository.findActorByTokenHash(db, hash);
    if (actor) {
      this.tokenCache?.set(hash, actor, generation);
      this.touch(actor.tokenId);
    }
    return actor;
  }

  /** The actor behind a token this process has seen lately and knows to be valid; no database. */
  knownActor(secret: string): Actor | undefined {
    return this.cachedActor(hashTokenSecret(secret));
  }

  private cachedActor(hash: string): Actor | undefined {
    const actor = this.tokenCache?.get(hash);
    if (actor) this.touch(actor.tokenId);
    return actor;
  }

  private touch(tokenId: string): void {
    if (!this.dueForTouch(tokenId)) return;
    repository.touchToken(rootDb(this.dataSource), tokenId).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not record token use');
    });
  }

  /**
   * `last_used_at` is written at most every few minutes per token; remembering when this process
   * last wrote it spares a database round trip on every other request.
   */
  private dueForTouch(tokenId: string): boolean {
    const now = Date.now();
    if (now - (this.lastTouched.get(tokenId) ?? 0) < TOUCH_INTERVAL_MS) return false;
    if (this.lastTouched.size >= 10_000) this.lastTouched.clear();
    this.lastTouched.set(tokenId, now);
    return true;
  }

  /**
   * Makes sure an admin credential with exactly this secret exists (docs/api-contract.md: BOOTSTRAP_ADMIN_TOKEN),
   * so a fresh deployment can be set up by script. Idempotent; a revoked one stays revoked.
   */
  async ensureBootstrapAdmin(secret: string): Promise<void> {
    const token = await this.ensureCredential(
      null,
      'bootstrap admin (BOOTSTRAP_ADMIN_TOKEN)',
      secret,
    );
    if (token.revoked) {
      this.logger.warn(
        { tokenId: token.tokenId },
        'BOOTSTRAP_ADMIN_TOKEN names a revoked token; it stays revoked: set a new one',
      );
    }
  }

  /**
   * Makes sure a credential with exactly this secret exists for the organisation (the platform
   * organisation when `organisationId` is null), with the role its kind carries: for the bootstrap
   * admin and the demo seed, whose printed tokens must stay valid when it runs again. Not an API
   * operation. Idempotent; a revoked one stays revoked, and the answer says so.
   */
  async ensureCredential(
    organisationId: string | null,
    label: string,
    secret: string,
  ): Promise<{ tokenId: string; revoked: boolean }> {
    const token = await inTransaction(this.dataSource, async (tx) => {
      const id = organisationId ?? (await repository.ensurePlatformOrganisation(tx));
      const organisation = await repository.findOrganisation(tx, id);
      if (!organisation) throw notFound(id);
      return repository.ensureToken(tx, {
        organisationId: id,
        organisationKind: organisation.kind,
        role: ROLE_FOR_KIND[organisation.kind],
        label,
        hash: hashTokenSecret(secret),
        prefix: displayPrefix(secret),
      });
    });
    return { tokenId: token.id, revoked: token.revokedAt !== null };
  }

  private async mustFind(id: string): Promise<Organisation> {
    const organisation = await repository.findOrganisation(rootDb(this.dataSource), id);
    if (!organisation) throw notFound(id);
    return organisation;
  }
}

function notFound(id: string): IdentityError {
  return new IdentityError(IdentityErrorCode.OrganisationNotFound, `No organisation "${id}".`);
}
