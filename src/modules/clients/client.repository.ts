import { isDeepStrictEqual } from 'node:util';

import type { Db } from '../../shared/database/db';
import { allOf, Params, prepared, rowCount } from '../../shared/database/prepared';
import type { ClientStatus } from '../../shared/domain/vocabulary';
import type { JsonRow, PageRequest } from '../../shared/http/pagination';
import type { ClientFilter, CreateClientInput } from './client.schemas';

/** A client as stored; `matchable` is derived by the service, which knows today's date. */
export interface StoredClient {
  id: string;
  providerId: string;
  externalRef: string;
  status: ClientStatus;
  targetGroup: CreateClientInput['targetGroup'];
  household: { adults: number; children: number };
  maxRent: number;
  municipalityOfBelonging: string;
  preferredMunicipalities: string[];
  anchors: CreateClientInput['anchors'];
  avoidMunicipalities: string[];
  avoidNeighbourhoods: string[];
  avoidCorporations: string[];
  pets: boolean;
  huurtoeslagEligible: boolean;
  under23: boolean;
  mustMoveBy: string | null;
  stimulusNeed: CreateClientInput['stimulusNeed'];
  support: { intensity: CreateClientInput['support']['intensity']; providerId: string | null };
  needs: { groundFloorOrLift: boolean; wheelchair: boolean };
  routes: CreateClientInput['routes'];
  readySince: string;
  urgencyReason: CreateClientInput['urgencyReason'];
  urgent: boolean;
  urgencyConfirmedBy: string | null;
  urgencyConfirmedAt: string | null;
  consent: CreateClientInput['consent'];
  parkedUntil: string | null;
  parkedBy: { reason: string; declines: number; parkedAt: string } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

// Plain columns only: the lists (municipalities, anchors, avoidances) are read for the whole page
// in one more query (`attachLists`) instead of five correlated JSON sub-selects per row, and the
// nested objects are built here, so PostgreSQL neither plans those sub-selects nor renders JSON
// that Node then parses again.
const CLIENT_COLUMNS = `
         c.id, c.provider_id AS "providerId", c.external_ref AS "externalRef", c.status,
         c.target_group AS "targetGroup", c.adults, c.children,
         c.max_rent::float8 AS "maxRent", c.municipality_of_belonging AS "municipalityOfBelonging",
         c.pets, c.huurtoeslag_eligible AS "huurtoeslagEligible", c.under_23 AS "under23",
         to_char(c.must_move_by, 'YYYY-MM-DD') AS "mustMoveBy",
         c.stimulus_need AS "stimulusNeed", c.support_intensity AS "supportIntensity",
         c.support_provider_id AS "supportProviderId",
         c.needs_ground_floor_or_lift AS "needsGroundFloorOrLift", c.needs_wheelchair AS "needsWheelchair",
         c.routes, to_char(c.ready_since, 'YYYY-MM-DD') AS "readySince",
         c.urgency_reason AS "urgencyReason", c.urgent, c.urgency_confirmed_by AS "urgencyConfirmedBy",
         to_json(c.urgency_confirmed_at)#>>'{}' AS "urgencyConfirmedAt",
         to_char(c.consent_given_on, 'YYYY-MM-DD') AS "consentGivenOn", c.consent_scope AS "consentScope",
         to_char(c.parked_until, 'YYYY-MM-DD') AS "parkedUntil",
         c.parked_reason AS "parkedReason", c.parked_declines AS "parkedDeclines",
         to_json(c.parked_at)#>>'{}' AS "parkedAt", c.version,
         to_json(c.created_at)#>>'{}' AS "createdAt", to_json(c.updated_at)#>>'{}' AS "updatedAt",
         to_json(c.closed_at)#>>'{}' AS "closedAt"`;
const CLIENT_SELECT = `SELECT ${CLIENT_COLUMNS} FROM clients c`;

type ClientRow = Omit<
  StoredClient,
  | 'household'
  | 'support'
  | 'needs'
  | 'consent'
  | 'parkedBy'
  | 'preferredMunicipalities'
  | 'anchors'
  | 'avoidMunicipalities'
  | 'avoidNeighbourhoods'
  | 'avoidCorporations'
> & {
  adults: number;
  children: number;
  supportIntensity: StoredClient['support']['intensity'];
  supportProviderId: string | null;
  needsGroundFloorOrLift: boolean;
  needsWheelchair: boolean;
  consentGivenOn: string | null;
  consentScope: NonNullable<StoredClient['consent']>['scope'] | null;
  parkedReason: string | null;
  parkedDeclines: number | null;
  parkedAt: string | null;
};

/** One element of a client's lists; `list` names which, `position` orders it. */
interface ListRow {
  clientId: string;
  list: 'preferred' | 'avoided' | 'anchor' | 'neighbourhood' | 'corporation';
  value: string;
  lat: number | null;
  lon: number | null;
}

/**
 * The lists of the clients `clients` picks (an SQL condition on `client_id`), in one query.
 */
const listSelect = (clients: string) => `
  SELECT client_id AS "clientId", relation AS list, municipality_code AS value,
         NULL::float8 AS lat, NULL::float8 AS lon, rank AS position
    FROM client_municipalities WHERE client_id ${clients}
  UNION ALL
  SELECT client_id, 'anchor', kind, lat::float8, lon::float8, position
    FROM client_anchors WHERE client_id ${clients}
  UNION ALL
  SELECT client_id, 'neighbourhood', neighbourhood_code, NULL, NULL, 0
    FROM client_avoided_neighbourhoods WHERE client_id ${clients}
  UNION ALL
  SELECT client_id, 'corporation', corporation_id::text, NULL, NULL, 0
    FROM client_avoided_corporations WHERE client_id ${clients}
  ORDER BY 1, 2, 6, 3`;

/** The stored clients of `rows`, with their lists read in one query for all of them. */
async function attachLists(db: Db, rows: ClientRow[]): Promise<StoredClient[]> {
  if (rows.length === 0) return [];
  const params = new Params();
  const ids = params.oneOf(
    rows.map((row) => row.id),
    'uuid',
  );
  const lists = await db.query<ListRow[]>(prepared(listSelect(ids)), params.values);
  const byClient = new Map<string, ListRow[]>();
  for (const item of lists) {
    const items = byClient.get(item.clientId);
    if (items) items.push(item);
    else byClient.set(item.clientId, [item]);
  }
  return rows.map((row) => toStoredClient(row, byClient.get(row.id) ?? []));
}

/** The client of a row and its lists. The client list builds the same object in SQL (`listClientsJson`). */
function toStoredClient(row: ClientRow, lists: ListRow[]): StoredClient {
  const values = (list: ListRow['list']): string[] =>
    lists.filter((item) => item.list === list).map((item) => item.value);
  return {
    id: row.id,
    providerId: row.providerId,
    externalRef: row.externalRef,
    status: row.status,
    targetGroup: row.targetGroup,
    household: { adults: row.adults, children: row.children },
    maxRent: row.maxRent,
    municipalityOfBelonging: row.municipalityOfBelonging,
    preferredMunicipalities: values('preferred'),
    anchors: lists
      .filter((item) => item.list === 'anchor')
      .map((item) => ({
        kind: item.value as StoredClient['anchors'][number]['kind'],
        lat: item.lat ?? 0,
        lon: item.lon ?? 0,
      })),
    avoidMunicipalities: values('avoided'),
    avoidNeighbourhoods: values('neighbourhood'),
    avoidCorporations: values('corporation'),
    pets: row.pets,
    huurtoeslagEligible: row.huurtoeslagEligible,
    under23: row.under23,
    mustMoveBy: row.mustMoveBy,
    stimulusNeed: row.stimulusNeed,
    support: { intensity: row.supportIntensity, providerId: row.supportProviderId },
    needs: { groundFloorOrLift: row.needsGroundFloorOrLift, wheelchair: row.needsWheelchair },
    routes: row.routes,
    readySince: row.readySince,
    urgencyReason: row.urgencyReason,
    urgent: row.urgent,
    urgencyConfirmedBy: row.urgencyConfirmedBy,
    urgencyConfirmedAt: row.urgencyConfirmedAt,
    consent:
      row.consentGivenOn === null || row.consentScope === null
        ? null
        : { givenOn: row.consentGivenOn, scope: row.consentScope },
    parkedUntil: row.parkedUntil,
    parkedBy:
      row.parkedReason === null || row.parkedAt === null
        ? null
        : { reason: row.parkedReason, declines: row.parkedDeclines ?? 0, parkedAt: row.parkedAt },
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    closedAt: row.closedAt,
  };
}

/** The input that would register exactly this client (to merge a PATCH into). */
export function clientAsInput(client: StoredClient): CreateClientInput {
  return {
    externalRef: client.externalRef,
    targetGroup: client.targetGroup,
    household: client.household,
    maxRent: client.maxRent,
    municipalityOfBelonging: client.municipalityOfBelonging,
    preferredMunicipalities: client.preferredMunicipalities,
    anchors: client.anchors,
    avoidMunicipalities: client.avoidMunicipalities,
    avoidNeighbourhoods: client.avoidNeighbourhoods,
    avoidCorporations: client.avoidCorporations,
    pets: client.pets,
    huurtoeslagEligible: client.huurtoeslagEligible,
    under23: client.under23,
    mustMoveBy: client.mustMoveBy,
    stimulusNeed: client.stimulusNeed,
    support:
      client.support.providerId === null
        ? { intensity: client.support.intensity }
        : { intensity: client.support.intensity, providerId: client.support.providerId },
    needs: client.needs,
    routes: client.routes,
    readySince: client.readySince,
    urgencyReason: client.urgencyReason,
    consent: client.consent,
    parkedUntil: client.parkedUntil,
  };
}

export type ClientScope =
  | { kind: 'all' }
  | { kind: 'provider'; providerId: string }
  | { kind: 'municipalities'; codes: readonly string[] };

function scopeSql(scope: ClientScope, first: number): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', params: [] };
    case 'provider':
      return { sql: `c.provider_id = $${first}`, params: [scope.providerId] };
    case 'municipalities':
      return { sql: `c.municipality_of_belonging = ANY($${first}::text[])`, params: [scope.codes] };
  }
}

export async function findClient(
  db: Db,
  id: string,
  scope: ClientScope,
  lock = false,
): Promise<StoredClient | undefined> {
  const where = scopeSql(scope, 2);
  // Locked, the row is read as it is once the lock is had (PostgreSQL re-reads a row it waited
  // for, and checks it still matches), and its lists after that, in the next statement.
  const rows = await db.query<ClientRow[]>(
    prepared(
      `${CLIENT_SELECT} WHERE c.id = $1 AND c.anonymised_at IS NULL AND ${where.sql}${lock ? ' FOR UPDATE OF c' : ''}`,
    ),
    [id, ...where.params],
  );
  return (await attachLists(db, rows))[0];
}

export async function findClientByExternalRef(
  db: Db,
  providerId: string,
  externalRef: string,
): Promise<{ id: string } | undefined> {
  const rows = await db.query<{ id: string }[]>(
    prepared(`SELECT id FROM clients WHERE provider_id = $1 AND external_ref = $2`),
    [providerId, externalRef],
  );
  return rows[0];
}

/** The conditions of a client list: its filter and the page's keyset, for `Params`. */
function listConditions(filter: ClientFilter, page: PageRequest) {
  return (params: Params) => [
    params.equal('c.status', filter.status),
    params.equal('c.target_group', filter.targetGroup),
    params.equal('c.municipality_of_belonging', filter.municipalityOfBelonging),
    params.equal('c.external_ref', filter.externalRef),
    params.after('c', page.after),
  ];
}

/**
 * A page of clients as the API answers them, each client's JSON built by PostgreSQL, one row more
 * than the page to know whether a next page exists. The same page and lists as `readClients`, and
 * the same object as `toStoredClient` and the service's `present` build from them, key for key: the
 * client list is the most read list, and parsing twenty rows of forty columns into objects only to
 * serialise them again was most of its cost in the API (docs/performance.md, "The client page
 * built by PostgreSQL"). The lists come from `client_lists`, where triggers keep them as each
 * client's list tables hold them: aggregating them from those four tables was half of what a page
 * cost PostgreSQL ("The client list's lists, kept"). The page's row count is in the text
 * (`rowCount`), so the plan PostgreSQL keeps for it knows the page's size ("The list pages' plans at
 * national size"). `today` (YYYY-MM-DD) decides `matchable` as `present` does.
 */
export async function listClientsJson(
  db: Db,
  scope: ClientScope,
  filter: ClientFilter,
  page: PageRequest,
  today: string,
): Promise<JsonRow[]> {
  const params = new Params();
  const where = clientsWhere(scope, listConditions(filter, page), params);
  const day = `${params.add(today)}::date`;
  return db.query<JsonRow[]>(
    prepared(`WITH page AS (
       SELECT c.* FROM clients c WHERE ${where} ORDER BY c.created_at, c.id
        LIMIT ${rowCount(page.limit + 1)})
     SELECT c.id, to_json(c.created_at)#>>'{}' AS "createdAt", (SELECT row_to_json(client) FROM (SELECT
              c.id, c.provider_id AS "providerId", c.external_ref AS "externalRef",
              c.status, c.target_group AS "targetGroup",
              json_build_object('adults', c.adults, 'children', c.children) AS household,
              c.max_rent::float8 AS "maxRent", c.municipality_of_belonging AS "municipalityOfBelonging",
              coalesce(l.preferred_municipalities, '[]') AS "preferredMunicipalities",
              coalesce(l.anchors, '[]') AS anchors,
              coalesce(l.avoid_municipalities, '[]') AS "avoidMunicipalities",
              coalesce(l.avoid_neighbourhoods, '[]') AS "avoidNeighbourhoods",
              coalesce(l.avoid_corporations, '[]') AS "avoidCorporations",
              c.pets, c.huurtoeslag_eligible AS "huurtoeslagEligible", c.under_23 AS "under23",
              to_char(c.must_move_by, 'YYYY-MM-DD') AS "mustMoveBy", c.stimulus_need AS "stimulusNeed",
              json_build_object('intensity', c.support_intensity,
                                'providerId', c.support_provider_id) AS support,
              json_build_object('groundFloorOrLift', c.needs_ground_floor_or_lift,
                                'wheelchair', c.needs_wheelchair) AS needs,
              c.routes, to_char(c.ready_since, 'YYYY-MM-DD') AS "readySince",
              c.urgency_reason AS "urgencyReason", c.urgent,
              c.urgency_confirmed_by AS "urgencyConfirmedBy",
              c.urgency_confirmed_at AS "urgencyConfirmedAt",
              CASE WHEN c.consent_given_on IS NOT NULL AND c.consent_scope IS NOT NULL
                   THEN json_build_object('givenOn', to_char(c.consent_given_on, 'YYYY-MM-DD'),
                                          'scope', c.consent_scope) END AS consent,
              to_char(c.parked_until, 'YYYY-MM-DD') AS "parkedUntil",
              CASE WHEN c.parked_reason IS NOT NULL AND c.parked_at IS NOT NULL
                   THEN json_build_object('reason', c.parked_reason,
                                          'declines', coalesce(c.parked_declines, 0),
                                          'parkedAt', c.parked_at) END AS "parkedBy",
              c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
              c.closed_at AS "closedAt",
              cardinality(r.reasons) = 0 AS matchable, r.reasons AS "notMatchableReasons") client)::text AS json
       FROM page c
       LEFT JOIN client_lists l ON l.client_id = c.id
      CROSS JOIN LATERAL (SELECT array_remove(ARRAY[
              CASE WHEN c.status <> 'waiting' THEN 'not_waiting' END,
              CASE WHEN c.consent_given_on IS NULL OR c.consent_scope IS NULL
                     OR c.consent_given_on > ${day} THEN 'no_consent' END,
              CASE WHEN c.parked_until > ${day} THEN 'parked' END], NULL) AS reasons) r
      ORDER BY c.created_at, c.id`),
    params.values,
  );
}

/** One client in the scope, with its lists, in one statement. */
export async function readClient(
  db: Db,
  id: string,
  scope: ClientScope,
): Promise<StoredClient | undefined> {
  const rows = await readClients(db, scope, (params) => [params.equal('c.id', id)], 1);
  return rows[0];
}

/** The clients of `scope` that `conditions` keep, not anonymised, as SQL with its values in `params`. */
function clientsWhere(
  scope: ClientScope,
  conditions: (params: Params) => (string | null)[],
  params: Params,
): string {
  return allOf([
    'c.anonymised_at IS NULL',
    ...conditions(params),
    params.include((at) => scopeSql(scope, at)),
  ]);
}

/**
 * Clients in one statement: the page and each client's lists (one JSON array per client, elements
 * `[list, value, lat, lon]` in `listSelect`'s order). The caller logs the reads (`ClientReadLog`).
 *
 * The lists are aggregated per client and joined, not read by a sub-select per row: PostgreSQL
 * costs such a sub-select once per row it expects, and with the page's size unknown to a generic
 * plan (a parameter) that made the generic plan look dearer than planning each call anew, so it
 * planned the statement at every call (0.2 ms, more than half its running time). Joined, it keeps
 * the generic plan after five calls. `listClientsJson` is built the same way.
 */
async function readClients(
  db: Db,
  scope: ClientScope,
  conditions: (params: Params) => (string | null)[],
  limit: number,
): Promise<StoredClient[]> {
  const params = new Params();
  const where = clientsWhere(scope, conditions, params);
  const rows = await db.query<
    (ClientRow & { lists: [ListRow['list'], string, number | null, number | null][] | null })[]
  >(
    prepared(`WITH page AS (
       SELECT ${CLIENT_COLUMNS}, c.created_at AS sort_at FROM clients c
        WHERE ${where}
        ORDER BY c.created_at, c.id
        LIMIT ${params.add(limit)}),
     lists AS (${listSelect('= ANY(ARRAY(SELECT id FROM page))')})
     SELECT page.*, agg.lists
       FROM page LEFT JOIN (
         SELECT l."clientId", json_agg(json_build_array(l.list, l.value, l.lat, l.lon)
                                       ORDER BY l.list, l.position, l.value) AS lists
           FROM lists l GROUP BY l."clientId") AS agg ON agg."clientId" = page.id
      ORDER BY page.sort_at, page.id`),
    params.values,
  );
  return rows.map((row) =>
    toStoredClient(
      row,
      (row.lists ?? []).map(([list, value, lat, lon]) => ({
        clientId: row.id,
        list,
        value,
        lat,
        lon,
      })),
    ),
  );
}

// A changed urgency request withdraws a matcher's confirmation: it was given for another reason.
const PROFILE_COLUMNS = `target_group = $2, adults = $3, children = $4, max_rent = $5,
  municipality_of_belonging = $6, stimulus_need = $7, support_intensity = $8,
  support_provider_id = $9, support_provider_kind = $10, needs_ground_floor_or_lift = $11,
  needs_wheelchair = $12, routes = $13, ready_since = $14, urgency_reason = $15,
  consent_given_on = $16, consent_scope = $17, parked_until = $18,
  -- A parking set or lifted by hand is no longer the reason consequence's.
  parked_reason = CASE WHEN parked_until IS DISTINCT FROM $18::date THEN NULL ELSE parked_reason END,
  parked_declines = CASE WHEN parked_until IS DISTINCT FROM $18::date THEN NULL ELSE parked_declines END,
  pets = $19, huurtoeslag_eligible = $20, under_23 = $21, must_move_by = $22,
  urgent = urgent AND urgency_reason IS NOT DISTINCT FROM $15,
  urgency_confirmed_at = CASE WHEN urgency_reason IS NOT DISTINCT FROM $15 THEN urgency_confirmed_at END,
  urgency_confirmed_by = CASE WHEN urgency_reason IS NOT DISTINCT FROM $15 THEN urgency_confirmed_by END,
  urgency_confirmed_by_kind = CASE WHEN urgency_reason IS NOT DISTINCT FROM $15 THEN urgency_confirmed_by_kind END`;

function profileParams(client: CreateClientInput, supportProviderKind: string | null): unknown[] {
  return [
    client.targetGroup,
    client.household.adults,
    client.household.children,
    client.maxRent,
    client.municipalityOfBelonging,
    client.stimulusNeed,
    client.support.intensity,
    client.support.providerId ?? null,
    supportProviderKind,
    client.needs.groundFloorOrLift,
    client.needs.wheelchair,
    client.routes,
    client.readySince,
    client.urgencyReason,
    client.consent?.givenOn ?? null,
    client.consent?.scope ?? null,
    client.parkedUntil,
    client.pets,
    client.huurtoeslagEligible,
    client.under23,
    client.mustMoveBy,
  ];
}

export async function insertClient(
  db: Db,
  provider: { id: string; kind: string },
  client: CreateClientInput,
  supportProviderKind: string | null,
): Promise<string> {
  const rows = await db.query<{ id: string }[]>(
    prepared(`INSERT INTO clients (external_ref, provider_id, provider_kind, target_group, adults, children,
       max_rent, municipality_of_belonging, stimulus_need, support_intensity, support_provider_id,
       support_provider_kind, needs_ground_floor_or_lift, needs_wheelchair, routes, ready_since,
       urgency_reason, consent_given_on, consent_scope, parked_until, pets, huurtoeslag_eligible,
       under_23, must_move_by, urgent)
     VALUES ($1, $23, $24, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
       $18, $19, $20, $21, $22, false)
     RETURNING id`),
    [client.externalRef, ...profileParams(client, supportProviderKind), provider.id, provider.kind],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('INSERT … RETURNING gave no row');
  await writeChildren(db, id, client);
  return id;
}

/**
 * Writes a client's new profile; of its lists, only those that differ from `before` are
 * rewritten (each rewrite is a delete and an insert, and the region change log's triggers fire on
 * both). Returns the client as stored, as `findClient` would read it in the same transaction: the
 * row as the update left it, and the lists read again only when one was rewritten (else they are
 * `before`'s, which were read from the database under the row's lock).
 */
export async function updateClientProfile(
  db: Db,
  id: string,
  client: CreateClientInput,
  supportProviderKind: string | null,
  before: CreateClientInput,
): Promise<StoredClient> {
  // Through a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
  const rows = await db.query<ClientRow[]>(
    prepared(
      `WITH c AS (
         UPDATE clients SET ${PROFILE_COLUMNS}, version = version + 1, updated_at = now()
          WHERE id = $1 RETURNING *)
       SELECT ${CLIENT_COLUMNS} FROM c`,
    ),
    [id, ...profileParams(client, supportProviderKind)],
  );
  const row = rows[0];
  if (!row) throw new Error(`client ${id} was not there to update`);
  // Only the lists whose fields changed are rewritten.
  let rewritten = false;
  for (const list of CHILD_LISTS) {
    if (list.fields.every((field) => isDeepStrictEqual(client[field], before[field]))) continue;
    await db.query(prepared(`DELETE FROM ${list.table} WHERE client_id = $1`), [id]);
    await list.write(db, id, client);
    rewritten = true;
  }
  if (!rewritten) {
    return {
      ...toStoredClient(row, []),
      preferredMunicipalities: before.preferredMunicipalities,
      anchors: before.anchors,
      avoidMunicipalities: before.avoidMunicipalities,
      avoidNeighbourhoods: before.avoidNeighbourhoods,
      avoidCorporations: before.avoidCorporations,
    };
  }
  const [stored] = await attachLists(db, [row]);
  if (!stored) throw new Error(`client ${id}'s lists were not read`);
  return stored;
}

/** A matcher's decision on urgency: confirmed with a reason, or declined (request cleared). */
export async function setUrgency(
  db: Db,
  id: string,
  decision: { confirmedBy: string; reason: string } | null,
): Promise<void> {
  await db.query(
    `UPDATE clients
        SET urgent = $2::uuid IS NOT NULL, urgency_reason = $3,
            urgency_confirmed_by = $2::uuid,
            urgency_confirmed_by_kind = CASE WHEN $2::uuid IS NULL THEN NULL ELSE 'matchingspunt' END,
            urgency_confirmed_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() END,
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, decision?.confirmedBy ?? null, decision?.reason ?? null],
  );
}

/** Which of these ids are housing corporations. */
export async function findCorporationIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const params = new Params();
  const rows = await db.query<{ id: string }[]>(
    prepared(
      `SELECT id FROM organisations WHERE id ${params.oneOf(ids, 'uuid')} AND kind = 'corporatie'`,
    ),
    params.values,
  );
  return new Set(rows.map((row) => row.id));
}

async function writeChildren(db: Db, id: string, client: CreateClientInput): Promise<void> {
  for (const list of CHILD_LISTS) await list.write(db, id, client);
}

async function writeMunicipalities(db: Db, id: string, client: CreateClientInput): Promise<void> {
  const municipalities = [
    ...client.preferredMunicipalities.map((code, rank) => ({ code, relation: 'preferred', rank })),
    ...client.avoidMunicipalities.map((code, rank) => ({ code, relation: 'avoided', rank })),
  ];
  if (municipalities.length === 0) return;
  await db.query(
    prepared(`INSERT INTO client_municipalities (client_id, municipality_code, relation, rank)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[])`),
    [
      id,
      municipalities.map((m) => m.code),
      municipalities.map((m) => m.relation),
      municipalities.map((m) => m.rank),
    ],
  );
}

/** A client's list of one column: `field`'s values as `table`'s `column`, of SQL type `type`. */
function oneColumnList(
  field: 'avoidNeighbourhoods' | 'avoidCorporations',
  table: string,
  column: string,
  type: 'text' | 'uuid',
): ChildList {
  return {
    fields: [field],
    table,
    write: async (db, id, client) => {
      if (client[field].length === 0) return;
      await db.query(
        prepared(`INSERT INTO ${table} (client_id, ${column}) SELECT $1, unnest($2::${type}[])`),
        [id, client[field]],
      );
    },
  };
}

async function writeAnchors(db: Db, id: string, client: CreateClientInput): Promise<void> {
  if (client.anchors.length === 0) return;
  await db.query(
    prepared(`INSERT INTO client_anchors (client_id, position, kind, lat, lon)
     SELECT $1, r.position - 1, r.kind, r.lat, r.lon
       FROM unnest($2::text[], $3::numeric[], $4::numeric[]) WITH ORDINALITY AS r(kind, lat, lon, position)`),
    [
      id,
      client.anchors.map((a) => a.kind),
      client.anchors.map((a) => a.lat),
      client.anchors.map((a) => a.lon),
    ],
  );
}

/** A client's lists in their tables: the profile fields each holds, and how it is written. */
interface ChildList {
  fields: readonly (keyof CreateClientInput)[];
  table: string;
  write: (db: Db, id: string, client: CreateClientInput) => Promise<void>;
}

const CHILD_LISTS: readonly ChildList[] = [
  {
    fields: ['preferredMunicipalities', 'avoidMunicipalities'],
    table: 'client_municipalities',
    write: writeMunicipalities,
  },
  oneColumnList(
    'avoidNeighbourhoods',
    'client_avoided_neighbourhoods',
    'neighbourhood_code',
    'text',
  ),
  oneColumnList('avoidCorporations', 'client_avoided_corporations', 'corporation_id', 'uuid'),
  { fields: ['anchors'], table: 'client_anchors', write: writeAnchors },
];

export async function closeClient(
  db: Db,
  id: string,
  status: 'withdrawn' | 'placed',
): Promise<void> {
  await db.query(
    `UPDATE clients SET status = $2, closed_at = now(), version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, status],
  );
}

export async function findProviderKinds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; kind: string }[]>(
    `SELECT id, kind FROM organisations
      WHERE id = ANY($1::uuid[]) AND kind IN ('zorgaanbieder', 'welzijnsaanbieder')`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.kind]));
}

/**
 * Anonymises clients closed longer ago than their region's newest retention period: the provider's
 * reference, anchors, municipality preferences, consent and support provider go; what reports
 * need (target group, municipality of belonging, dates, status) stays. Returns the ids.
 */
export async function anonymiseClosedClients(db: Db, now: Date): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `WITH retention AS (
       SELECT DISTINCT ON (region_code) region_code, retention_months
         FROM region_policies ORDER BY region_code, version DESC),
     anonymised AS (
     UPDATE clients c
        SET external_ref = 'anon-' || c.id, anonymised_at = $1, consent_given_on = NULL,
            consent_scope = NULL, parked_until = NULL, support_provider_id = NULL,
            support_provider_kind = NULL, version = c.version + 1, updated_at = $1
       FROM organisations o JOIN retention r ON r.region_code = o.region_code
      WHERE o.id = c.provider_id AND c.anonymised_at IS NULL AND c.closed_at IS NOT NULL
        AND c.closed_at < $1::timestamptz - make_interval(months => r.retention_months)
     RETURNING c.id)
     SELECT id FROM anonymised`,
    [now],
  );
  const ids = rows.map((row) => row.id);
  if (ids.length > 0) {
    await db.query(`DELETE FROM client_anchors WHERE client_id = ANY($1::uuid[])`, [ids]);
    await db.query(`DELETE FROM client_municipalities WHERE client_id = ANY($1::uuid[])`, [ids]);
    await db.query(`DELETE FROM client_avoided_neighbourhoods WHERE client_id = ANY($1::uuid[])`, [
      ids,
    ]);
    await db.query(`DELETE FROM client_avoided_corporations WHERE client_id = ANY($1::uuid[])`, [
      ids,
    ]);
  }
  return ids;
}

/** A matcher lifts a parking: matchable again at once. */
export async function unpark(db: Db, id: string): Promise<void> {
  await db.query(
    `UPDATE clients SET parked_until = NULL, parked_reason = NULL, parked_declines = NULL,
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id],
  );
}
