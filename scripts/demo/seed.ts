/**
 * Loads the demo region through the services, so every demo record passes the validation an API
 * call would. Idempotent: what exists is left alone (found by code, name or externalRef), what is
 * missing is created, so a second run creates nothing.
 */
import type { DataSource } from 'typeorm';

import { ClientService } from '../../src/modules/clients';
import { ContingentService } from '../../src/modules/contingents';
import { CoverageService } from '../../src/modules/coverage';
import { IdentityService } from '../../src/modules/identity';
import { ReferenceService } from '../../src/modules/reference';
import { formatUnitCsv, UnitService } from '../../src/modules/units';
import { type Actor, ROLE_FOR_KIND, type Role } from '../../src/shared/auth/actor';
import { AppError } from '../../src/shared/errors/app-error';
import type { Logger } from '../../src/shared/logger/logger';
import { type Clock, dutchDate } from '../../src/shared/time/clock';
import { demoToken } from './demo-tokens';
import { DEMO_SEED, type DemoClient, generateDemoData } from './generate';
import {
  DEMO_MUNICIPALITIES,
  DEMO_NEIGHBOURHOODS,
  DEMO_ORGANISATIONS,
  DEMO_REGION,
  registeredMunicipalities,
} from './region.data';

/** Serialises seeds (two containers, or a seed during `docker compose up`): same key, one at a time. */
const SEED_LOCK = 7_263_002;
/** Client registrations in flight at once: enough to hide round trips, few enough for a small pool. */
const CLIENT_CONCURRENCY = 4;
const PLATFORM = { slug: 'matchpunt-beheer', name: 'matchpunt beheer' };

export interface SeedOptions {
  dataSource: DataSource;
  logger: Logger;
  /** Where the services read "now"; generated dates are relative to its Dutch calendar date. */
  clock: Clock;
  /** The deployment's BOOTSTRAP_ADMIN_TOKEN, which keys the demo tokens (see `demoToken`). */
  tokenKey: string | undefined;
  seed?: number;
}

export interface DemoTokenRow {
  role: Role;
  organisation: string;
  token: string;
  revoked: boolean;
}

export interface SeedReport {
  millis: number;
  created: {
    municipalities: number;
    neighbourhoods: number;
    organisations: number;
    coverage: number;
    contingents: number;
    units: number;
    clients: number;
  };
  tokens: DemoTokenRow[];
}

export async function seedDemo(options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const { dataSource } = options;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
    const report = await seed(options);
    return { ...report, millis: Math.round(performance.now() - started) };
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

async function seed(options: SeedOptions): Promise<Omit<SeedReport, 'millis'>> {
  const { dataSource, logger, clock, tokenKey } = options;
  const identity = new IdentityService(dataSource, logger);
  const reference = new ReferenceService(dataSource);
  const data = generateDemoData(options.seed ?? DEMO_SEED, dutchDate(clock()));
  const tokens: DemoTokenRow[] = [];

  /**
   * Ensures the organisation's demo token and acts as that organisation, as the API would; none
   * when someone revoked the token, and then the demo leaves that organisation's records alone.
   */
  const actorFor = async (
    organisationId: string | null,
    slug: string,
    name: string,
    role: Role,
  ): Promise<Actor | undefined> => {
    const token = demoToken(role, slug, tokenKey);
    const { revoked } = await identity.ensureCredential(
      organisationId,
      'demo (npm run seed:demo)',
      token,
    );
    tokens.push({ role, organisation: name, token, revoked });
    const actor = await identity.authenticate(token);
    if (!actor) logger.warn({ organisation: name }, 'demo token revoked: its records are skipped');
    return actor;
  };

  const admin = await actorFor(null, PLATFORM.slug, PLATFORM.name, 'admin');
  if (!admin) throw new Error('The demo admin token has been revoked; the demo cannot be set up.');

  await reference.createRegion(admin, DEMO_REGION).catch(ignore('region_exists'));
  // Only what is missing: reference data an admin has corrected since stays corrected.
  const knownMunicipalities = new Set((await reference.listMunicipalities({})).map((m) => m.code));
  const newMunicipalities = DEMO_MUNICIPALITIES.filter((m) => !knownMunicipalities.has(m.code));
  if (newMunicipalities.length > 0) {
    await reference.bulkLoadMunicipalities(
      admin,
      newMunicipalities.map(({ code, name, lat, lon }) => ({
        code,
        name,
        regionCode: DEMO_REGION.code,
        lat,
        lon,
      })),
    );
  }
  const knownNeighbourhoods = new Set((await reference.listNeighbourhoods({})).map((n) => n.code));
  const newNeighbourhoods = DEMO_NEIGHBOURHOODS.filter((n) => !knownNeighbourhoods.has(n.code));
  if (newNeighbourhoods.length > 0) {
    await reference.bulkLoadNeighbourhoods(
      admin,
      newNeighbourhoods.map(({ code, name, municipalityCode, lat, lon }) => ({
        code,
        name,
        municipalityCode,
        lat,
        lon,
      })),
    );
  }

  const existing = await identity.listOrganisations(
    admin,
    { regionCode: DEMO_REGION.code },
    { limit: 500 },
  );
  const idByName = new Map(existing.items.map((o) => [o.name.toLowerCase(), o.id]));
  let organisationsCreated = 0;
  const actors = new Map<string, Actor>();
  const idBySlug = new Map<string, string>();
  for (const organisation of DEMO_ORGANISATIONS) {
    let id = idByName.get(organisation.name.toLowerCase());
    if (id === undefined) {
      const municipalityCodes = registeredMunicipalities(organisation);
      const created = await identity.createOrganisation(admin, {
        name: organisation.name,
        kind: organisation.kind,
        regionCode: DEMO_REGION.code,
        ...(municipalityCodes.length > 0 ? { municipalityCodes } : {}),
      });
      id = created.id;
      organisationsCreated++;
    }
    idBySlug.set(organisation.slug, id);
    const role = ROLE_FOR_KIND[organisation.kind];
    const actor = await actorFor(id, organisation.slug, organisation.name, role);
    if (actor) actors.set(organisation.slug, actor);
  }

  const coverageService = new CoverageService(dataSource);
  const contingentService = new ContingentService(dataSource);
  const unitService = new UnitService(dataSource, clock);
  const clientService = new ClientService(dataSource, clock);
  let coverageCreated = 0;
  let contingentsCreated = 0;
  let unitsCreated = 0;
  let clientsCreated = 0;

  for (const [slug, items] of data.coverage) {
    const actor = actors.get(slug);
    if (!actor) continue;
    // Set once: a demo user who changes a provider's coverage keeps the change.
    const current = await coverageService.get(actor, actor.organisationId);
    if (current.items.length === 0) {
      await coverageService.put(actor, actor.organisationId, items);
      coverageCreated += items.length;
    }
  }

  for (const [slug, pledges] of data.contingents) {
    const actor = actors.get(slug);
    if (!actor) continue;
    // Pledged once, like coverage: the years are relative to the first run's date.
    if ((await contingentService.list(actor, {})).length > 0) continue;
    for (const pledge of pledges) {
      await contingentService.create(actor, pledge);
      contingentsCreated++;
    }
  }

  for (const [slug, units] of data.units) {
    const actor = actors.get(slug);
    if (!actor) continue;
    const stored = await existingRefs(dataSource, 'units', 'corporation_id', actor.organisationId);
    const missing = units.filter((unit) => !stored.has(unit.externalRef));
    if (missing.length === 0) continue;
    // The CSV import, as a corporation would: one transaction, every row validated.
    const result = await unitService.import(actor, formatUnitCsv(missing));
    unitsCreated += result.created;
  }

  for (const [slug, clients] of data.clients) {
    const actor = actors.get(slug);
    if (!actor) continue;
    const stored = await existingRefs(dataSource, 'clients', 'provider_id', actor.organisationId);
    const missing = clients.filter((client) => !stored.has(client.externalRef));
    await inBatches(missing, CLIENT_CONCURRENCY, async (client) => {
      const created = await clientService
        .create(actor, clientInput(client, idBySlug))
        .catch(ignore('client_external_ref_exists'));
      if (created === undefined) return;
      clientsCreated++;
      // The provider requested urgency; the point's matcher confirms it, as in the workflow.
      const matcher = [...actors.values()].find(
        (candidate) =>
          candidate.role === 'matcher' &&
          candidate.municipalityCodes.includes(created.municipalityOfBelonging),
      );
      if (created.urgencyReason !== null && matcher) {
        await clientService.decideUrgency(matcher, created.id, { confirm: true });
      }
    });
  }

  return {
    created: {
      municipalities: newMunicipalities.length,
      neighbourhoods: newNeighbourhoods.length,
      organisations: organisationsCreated,
      coverage: coverageCreated,
      contingents: contingentsCreated,
      units: unitsCreated,
      clients: clientsCreated,
    },
    tokens,
  };
}

/** A catch handler that swallows the documented conflict `code` (the record exists) only. */
function ignore(code: string): (error: unknown) => undefined {
  return (error) => {
    if (error instanceof AppError && error.code === code) return undefined;
    throw error;
  };
}

async function existingRefs(
  dataSource: DataSource,
  table: 'units' | 'clients',
  ownerColumn: 'corporation_id' | 'provider_id',
  ownerId: string,
): Promise<Set<string>> {
  const rows = await dataSource.query<{ ref: string }[]>(
    `SELECT external_ref AS ref FROM ${table} WHERE ${ownerColumn} = $1`,
    [ownerId],
  );
  return new Set(rows.map((row) => row.ref));
}

function clientInput(client: DemoClient, providerIds: ReadonlyMap<string, string>) {
  const { providerSlug, intensity } = client.support;
  const providerId = providerSlug === undefined ? undefined : providerIds.get(providerSlug);
  return { ...client, support: providerId ? { intensity, providerId } : { intensity } };
}

/** Runs `work` over `items` with at most `size` in flight; the first failure stops the rest. */
async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
}
