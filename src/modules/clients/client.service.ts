import { isDeepStrictEqual } from 'node:util';

import type { DataSource } from 'typeorm';

import { type Actor, requireRole } from '../../shared/auth/actor';
import {
  type Db,
  inTransaction,
  isUniqueViolation,
  onOneConnection,
  rootDb,
} from '../../shared/database/db';
import { type FieldError, ForbiddenError, ValidationError } from '../../shared/errors/app-error';
import { fieldErrorsFromZod } from '../../shared/errors/zod-issues';
import { type PageRequest, toJsonPage } from '../../shared/http/pagination';
import { addDays, type Clock, dutchDate } from '../../shared/time/clock';
import { ClientReadLog, recordAudit } from '../audit';
import { requestMatchingRun } from '../matching';
import { cancelOpenProposalsOf } from '../proposals';
import { findMunicipalities, findNearestNeighbourhoods, findNeighbourhoods } from '../reference';
import { ClientError, ClientErrorCode } from './client.errors';
import * as repository from './client.repository';
import { type ClientScope, clientAsInput, type StoredClient } from './client.repository';
import {
  type Client,
  type ClientFilter,
  type CreateClientInput,
  createClientSchema,
  type PatchClientInput,
  type UrgencyDecision,
} from './client.schemas';

export class ClientService {
  /**
   * @param readLog where reads of profiles are logged; the API passes one on its own connection
   *   (`Runtime.accessLogConnection`), and the pool's serves where reads are few.
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly readLog = new ClientReadLog(dataSource),
  ) {}

  /**
   * Registers one client. The duplicate check, the reference checks, the write and the read-back
   * run on one connection, so that under load the request waits for a connection once.
   */
  async create(actor: Actor, input: CreateClientInput): Promise<Client> {
    requireRole(actor, 'provider');
    return onOneConnection(this.dataSource, async (db) => {
      const existing = await repository.findClientByExternalRef(
        db,
        actor.organisationId,
        input.externalRef,
      );
      if (existing) throw duplicate(input.externalRef, existing.id);
      const supportKind = await this.validate(db, actor, input);
      try {
        const id = await inTransaction(db, async (tx) => {
          const created = await repository.insertClient(
            tx,
            { id: actor.organisationId, kind: actor.organisationKind },
            input,
            supportKind,
          );
          await recordAudit(tx, actor, [
            { action: 'client.created', entityType: 'client', entityId: created },
          ]);
          await requestMatchingRun(tx, { municipalityCodes: [input.municipalityOfBelonging] });
          return created;
        });
        return this.present(await this.mustFind(db, id, ownClients(actor)));
      } catch (error) {
        if (isUniqueViolation(error, 'uq_clients_provider_external_ref')) {
          throw duplicate(input.externalRef, undefined);
        }
        throw error;
      }
    });
  }

  /**
   * A page of clients as JSON text (`Page<Client>`), built by PostgreSQL (`listClientsJson`): the
   * same items, key for key, as `present` gives for each, without parsing them into objects here
   * only to serialise them again.
   */
  async list(actor: Actor, filter: ClientFilter, page: PageRequest): Promise<string> {
    const rows = await repository.listClientsJson(
      rootDb(this.dataSource),
      readScope(actor),
      filter,
      page,
      dutchDate(this.clock()),
    );
    const { items, text } = toJsonPage(rows, page.limit);
    await this.logForeignReads(
      actor,
      items.map((client) => client.id),
    );
    return text;
  }

  async get(actor: Actor, id: string): Promise<Client> {
    const client = await repository.readClient(rootDb(this.dataSource), id, readScope(actor));
    if (!client) throw new ClientError(ClientErrorCode.NotFound, `No client ${id}.`);
    await this.logForeignReads(actor, [client.id]);
    return this.present(client);
  }

  /** Changes the profile of a waiting client; `expectedVersion` (If-Match) guards lost updates. */
  async update(
    actor: Actor,
    id: string,
    patch: PatchClientInput,
    expectedVersion?: number,
  ): Promise<Client> {
    requireRole(actor, 'provider');
    return inTransaction(this.dataSource, async (tx) => {
      const current = await this.mustFind(tx, id, ownClients(actor), true);
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw new ClientError(
          ClientErrorCode.VersionStale,
          `Client ${id} is at version ${current.version}; reload it and apply your change again.`,
        );
      }
      if (current.status !== 'waiting') {
        throw new ClientError(
          ClientErrorCode.NotWaiting,
          `Client ${id} is ${current.status}; only a waiting client's profile can be changed.`,
        );
      }
      const before = clientAsInput(current);
      if (patch.externalRef !== undefined && patch.externalRef !== before.externalRef) {
        throw new ValidationError([
          { path: 'externalRef', message: 'cannot change; it identifies the client' },
        ]);
      }
      const merged = createClientSchema.safeParse({ ...before, ...patch });
      if (!merged.success) throw new ValidationError(fieldErrorsFromZod(merged.error));
      if (isDeepStrictEqual(merged.data, before)) return this.present(current);
      const supportKind = await this.validate(tx, actor, merged.data);
      const updated = await repository.updateClientProfile(
        tx,
        id,
        merged.data,
        supportKind,
        before,
      );
      await requestMatchingRun(tx, {
        municipalityCodes: [current.municipalityOfBelonging, merged.data.municipalityOfBelonging],
      });
      await recordAudit(tx, actor, [
        {
          action: 'client.updated',
          entityType: 'client',
          entityId: id,
          details: { fields: Object.keys(patch).sort() },
        },
      ]);
      return this.present(updated);
    });
  }

  /**
   * A matcher confirms a client's urgency (with the provider's reason unless it gives its own) or
   * declines it, which also clears the request. Only for a client belonging to one of the
   * matcher's municipalities (others are a 404) that is still looking for a home.
   */
  async decideUrgency(actor: Actor, id: string, decision: UrgencyDecision): Promise<Client> {
    requireRole(actor, 'matcher');
    const scope = readScope(actor);
    const client = await inTransaction(this.dataSource, async (tx) => {
      const current = await this.mustFind(tx, id, scope, true);
      if (current.status !== 'waiting' && current.status !== 'proposed') {
        throw new ClientError(
          ClientErrorCode.NotWaiting,
          `Client ${id} is ${current.status}; urgency only matters while it looks for a home.`,
        );
      }
      const reason = decision.reason ?? current.urgencyReason;
      if (decision.confirm && reason === null) {
        throw new ValidationError([
          { path: 'reason', message: 'no urgency was requested for this client; give a reason' },
        ]);
      }
      await repository.setUrgency(
        tx,
        id,
        decision.confirm && reason !== null ? { confirmedBy: actor.organisationId, reason } : null,
      );
      await recordAudit(tx, actor, [
        {
          action: decision.confirm ? 'client.urgency_confirmed' : 'client.urgency_declined',
          entityType: 'client',
          entityId: id,
          details: decision.confirm ? { reason } : {},
        },
      ]);
      return this.mustFind(tx, id, scope);
    });
    await this.logForeignReads(actor, [client.id]);
    return this.present(client);
  }

  /**
   * A matcher of the client's municipality lifts a parking (by hand or by a reason consequence):
   * the client is matchable again at once, and a run is requested. Unparking a client that is not
   * parked changes nothing.
   */
  async unpark(actor: Actor, id: string): Promise<Client> {
    requireRole(actor, 'matcher');
    const scope = readScope(actor);
    const today = dutchDate(this.clock());
    const client = await inTransaction(this.dataSource, async (tx) => {
      const current = await this.mustFind(tx, id, scope, true);
      if (current.parkedUntil === null || current.parkedUntil <= today) return current;
      await repository.unpark(tx, id);
      await requestMatchingRun(tx, { municipalityCodes: [current.municipalityOfBelonging] });
      await recordAudit(tx, actor, [
        {
          action: 'client.unparked',
          entityType: 'client',
          entityId: id,
          details: {
            parkedUntil: current.parkedUntil,
            ...(current.parkedBy ? { reason: current.parkedBy.reason } : {}),
          },
        },
      ]);
      return this.mustFind(tx, id, scope);
    });
    await this.logForeignReads(actor, [client.id]);
    return this.present(client);
  }

  /** The client no longer seeks a home through the point; withdrawing twice is harmless. */
  async withdraw(actor: Actor, id: string): Promise<Client> {
    requireRole(actor, 'provider');
    return inTransaction(this.dataSource, async (tx) => {
      const current = await this.mustFind(tx, id, ownClients(actor), true);
      if (current.status === 'withdrawn') return this.present(current);
      if (current.status === 'placed') {
        throw new ClientError(ClientErrorCode.AlreadyPlaced, `Client ${id} is placed already.`);
      }
      await repository.closeClient(tx, id, 'withdrawn');
      // An open proposal for the client ends; its unit is free again, and a run follows.
      await cancelOpenProposalsOf(tx, { clientId: id }, 'client_withdrawn');
      await requestMatchingRun(tx, { municipalityCodes: [current.municipalityOfBelonging] });
      await recordAudit(tx, actor, [
        {
          action: 'client.withdrawn',
          entityType: 'client',
          entityId: id,
          details: { from: current.status },
        },
      ]);
      return this.present(await this.mustFind(tx, id, ownClients(actor)));
    });
  }

  /** The retention job: see `anonymiseClosedClients`. Returns how many records it anonymised. */
  async anonymiseClosed(): Promise<number> {
    return inTransaction(this.dataSource, async (tx) => {
      const ids = await repository.anonymiseClosedClients(tx, this.clock());
      await recordAudit(
        tx,
        null,
        ids.map((id) => ({ action: 'client.anonymised', entityType: 'client', entityId: id })),
      );
      return ids.length;
    });
  }

  /** Rules that need the database or today's date; returns the support provider's kind. */
  private async validate(db: Db, actor: Actor, client: CreateClientInput): Promise<string | null> {
    const today = dutchDate(this.clock());
    const errors: FieldError[] = [];
    const codes = [
      client.municipalityOfBelonging,
      ...client.preferredMunicipalities,
      ...client.avoidMunicipalities,
    ];
    const known = new Map(
      (await findMunicipalities(db, [...new Set(codes)])).map((m) => [m.code, m]),
    );
    const belonging = known.get(client.municipalityOfBelonging);
    if (!belonging) {
      errors.push({
        path: 'municipalityOfBelonging',
        message: `unknown municipality ${client.municipalityOfBelonging}`,
      });
    } else if (actor.regionCode !== null && belonging.regionCode !== actor.regionCode) {
      errors.push({
        path: 'municipalityOfBelonging',
        message: `${belonging.name} is outside your region "${actor.regionCode}"`,
      });
    }
    for (const field of ['preferredMunicipalities', 'avoidMunicipalities'] as const) {
      client[field].forEach((code, index) => {
        if (!known.has(code))
          errors.push({ path: `${field}[${index}]`, message: `unknown municipality ${code}` });
      });
    }
    errors.push(...(await this.checkAvoidance(db, client, belonging?.regionCode ?? null)));
    const providerId = client.support.providerId;
    const supportKind =
      providerId === undefined
        ? undefined
        : (await repository.findProviderKinds(db, [providerId])).get(providerId);
    if (providerId !== undefined && supportKind === undefined) {
      errors.push({ path: 'support.providerId', message: 'not a care or welfare provider' });
    }
    if (client.readySince > addDays(today, 365)) {
      errors.push({ path: 'readySince', message: 'more than a year ahead' });
    }
    if (client.readySince < '2000-01-01')
      errors.push({ path: 'readySince', message: 'before 2000' });
    if (client.consent && client.consent.givenOn > today) {
      errors.push({ path: 'consent.givenOn', message: 'consent cannot be dated in the future' });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    return supportKind ?? null;
  }

  /**
   * The avoided neighbourhoods and corporations exist, and no anchor lies in an avoided area: a
   * network point there would pull homes towards the place the client must stay away from. An
   * anchor lies where its nearest neighbourhood centroid lies, among the neighbourhoods of the
   * client's region and of the avoided areas (municipal boundaries are not stored).
   */
  private async checkAvoidance(
    db: Db,
    client: CreateClientInput,
    regionCode: string | null,
  ): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const neighbourhoods = new Map(
      (await findNeighbourhoods(db, client.avoidNeighbourhoods)).map((n) => [n.code, n]),
    );
    client.avoidNeighbourhoods.forEach((code, index) => {
      if (!neighbourhoods.has(code)) {
        errors.push({
          path: `avoidNeighbourhoods[${index}]`,
          message: `unknown neighbourhood ${code}`,
        });
      }
    });
    const corporations = await repository.findCorporationIds(db, client.avoidCorporations);
    client.avoidCorporations.forEach((id, index) => {
      if (!corporations.has(id)) {
        errors.push({ path: `avoidCorporations[${index}]`, message: 'not a housing corporation' });
      }
    });
    if (client.avoidMunicipalities.length + client.avoidNeighbourhoods.length === 0) return errors;
    const avoidedMunicipalities = new Set(client.avoidMunicipalities);
    const avoidedNeighbourhoods = new Set(client.avoidNeighbourhoods);
    const nearest = await findNearestNeighbourhoods(db, client.anchors, regionCode, [
      ...client.avoidMunicipalities,
      ...[...neighbourhoods.values()].map((n) => n.municipalityCode),
    ]);
    nearest.forEach((area, index) => {
      if (area === undefined) return;
      if (avoidedMunicipalities.has(area.municipalityCode)) {
        errors.push({
          path: `anchors[${index}]`,
          message: `lies in ${area.municipalityCode} (nearest neighbourhood ${area.code}), a municipality the client must avoid`,
        });
      } else if (avoidedNeighbourhoods.has(area.code)) {
        errors.push({
          path: `anchors[${index}]`,
          message: `lies in ${area.code}, a neighbourhood the client must avoid`,
        });
      }
    });
    return errors;
  }

  /**
   * Every read of a client profile by an organisation other than the registering provider is
   * logged (docs/privacy.md, "The access log"): ids only, one access-log row per request, committed
   * before the profiles are answered.
   */
  private async logForeignReads(actor: Actor, ids: string[]): Promise<void> {
    if (logsReads(actor)) await this.readLog.record(actor, ids);
  }

  /**
   * A stored client as the API answers it. The client list builds the same in SQL
   * (`listClientsJson`); a change here belongs there too (the list's test holds the two equal).
   */
  private present(client: StoredClient): Client {
    const today = dutchDate(this.clock());
    const reasons: Client['notMatchableReasons'] = [];
    if (client.status !== 'waiting') reasons.push('not_waiting');
    if (client.consent === null || client.consent.givenOn > today) reasons.push('no_consent');
    if (client.parkedUntil !== null && client.parkedUntil > today) reasons.push('parked');
    // Onto the client the repository just built, not `{ ...client, matchable, … }`: on Node 20 a
    // spread followed by more properties builds a new hidden class per object (10 µs a client),
    // and a copy with `Object.assign({}, …)` still costs four times this.
    return Object.assign(client, {
      matchable: reasons.length === 0,
      notMatchableReasons: reasons,
    });
  }

  private async mustFind(
    db: Db,
    id: string,
    scope: ClientScope,
    lock = false,
  ): Promise<StoredClient> {
    const client = await repository.findClient(db, id, scope, lock);
    if (!client) throw new ClientError(ClientErrorCode.NotFound, `No client ${id}.`);
    return client;
  }
}

/** A provider reading its own clients is not logged; every other read of a profile is. */
function logsReads(actor: Actor): boolean {
  return actor.role !== 'provider';
}

/** Providers see the clients they registered, matchers those belonging to their municipalities. */
function readScope(actor: Actor): ClientScope {
  switch (actor.role) {
    case 'provider':
      return ownClients(actor);
    case 'matcher':
      return { kind: 'municipalities', codes: actor.municipalityCodes };
    case 'admin':
      return { kind: 'all' };
    case 'corporation':
    case 'viewer':
      throw new ForbiddenError(`The ${actor.role} role has no access to client profiles.`);
  }
}

function ownClients(actor: Actor): ClientScope {
  return { kind: 'provider', providerId: actor.organisationId };
}

function duplicate(externalRef: string, existingId: string | undefined): ClientError {
  return new ClientError(
    ClientErrorCode.DuplicateExternalRef,
    `You registered externalRef "${externalRef}" already${existingId ? `, as client ${existingId}` : ''}.`,
    existingId ? { existingId } : {},
  );
}
