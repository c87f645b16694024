import type { Actor } from '../../shared/auth/actor';
import type { Db } from '../../shared/database/db';
import { allOf, Params, prepared, rowCount } from '../../shared/database/prepared';
import type { JsonRow, PageRequest } from '../../shared/http/pagination';
import { writeOutbox } from '../../shared/outbox/outbox';
import { auditCte } from '../audit';
import type { ProposalFacts } from './proposal.access';
import { type DeadlineDays, matcherStep, type StepDeadlines } from './proposal.deadlines';
import { PROPOSAL_TOPICS } from './proposal.jobs';
import { OPEN_STATUSES, type ProposalFilter, type ProposalStatus } from './proposal.schemas';
import type { Decision, Party, Transition } from './proposal.workflow';

/** Which proposals an actor may read; decided by `proposalScope` in the access policy. */
export type ProposalScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'municipalities'; codes: readonly string[] }
  /** Only approved proposals: nothing is shown to a corporation or provider before that. */
  | { kind: 'corporation'; organisationId: string }
  | { kind: 'provider'; organisationId: string };

/** A proposal as a list reads it: everything but the rule results. */
export type ListedProposal = Omit<StoredProposal, 'rules'>;

/** A proposal as stored, with the facts the access policy and the workflow need. */
export interface StoredProposal extends ProposalFacts {
  id: string;
  status: ProposalStatus;
  version: number;
  unitId: string;
  clientId: string;
  regionCode: string;
  origin: 'run' | 'manual';
  runId: string | null;
  score: number;
  breakdown: Record<'location' | 'spreiding' | 'prikkelarm' | 'begeleiding' | 'wait', number>;
  rules: { code: string; passed: boolean; message: string }[];
  policyVersion: number;
  deadline: string | null;
  corporationDeadline: string | null;
  providerDeadline: string | null;
  remindAt: string | null;
  remindedAt: string | null;
  corporationDecision: Decision | null;
  providerDecision: Decision | null;
  reason: string | null;
  leaseStart: string | null;
  overriddenRules: string[];
  createdByTokenId: string | null;
  approvedByTokenId: string | null;
  createdAt: string;
  updatedAt: string;
  clientMunicipalityCode: string;
  unitType: string;
  contingentYear: number | null;
}

const COLUMNS = `
         p.id, p.status, p.version, p.unit_id AS "unitId", p.client_id AS "clientId",
         p.region_code AS "regionCode", p.origin, p.run_id AS "runId", p.score, p.breakdown,
         p.policy_version AS "policyVersion", to_json(p.deadline)#>>'{}' AS deadline,
         to_json(p.approved_at)#>>'{}' AS "approvedAt",
         to_json(p.corporation_deadline)#>>'{}' AS "corporationDeadline",
         to_json(p.provider_deadline)#>>'{}' AS "providerDeadline",
         to_json(p.remind_at)#>>'{}' AS "remindAt", to_json(p.reminded_at)#>>'{}' AS "remindedAt",
         p.corporation_decision AS "corporationDecision", p.provider_decision AS "providerDecision",
         p.reason, to_char(p.lease_start, 'YYYY-MM-DD') AS "leaseStart",
         p.overridden_rules AS "overriddenRules", p.created_by_token_id AS "createdByTokenId",
         p.approved_by_token_id AS "approvedByTokenId",
         to_json(p.created_at)#>>'{}' AS "createdAt", to_json(p.updated_at)#>>'{}' AS "updatedAt",
         u.municipality_code AS "municipalityCode", u.corporation_id AS "corporationId",
         u.type AS "unitType", u.contingent_year AS "contingentYear",
         c.provider_id AS "providerId", c.support_provider_id AS "supportProviderId",
         c.municipality_of_belonging AS "clientMunicipalityCode"`;
const FROM = `FROM proposals p JOIN units u ON u.id = p.unit_id JOIN clients c ON c.id = p.client_id`;
const SELECT = `SELECT ${COLUMNS}, p.rules ${FROM}`;

function scopeClause(scope: ProposalScope, at: number): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'true', params: [] };
    case 'none':
      return { sql: 'false', params: [] };
    case 'municipalities':
      return { sql: `u.municipality_code = ANY($${at})`, params: [scope.codes] };
    case 'corporation':
      return {
        sql: `p.approved_at IS NOT NULL AND u.corporation_id = $${at}`,
        params: [scope.organisationId],
      };
    case 'provider':
      return {
        sql: `p.approved_at IS NOT NULL AND (c.provider_id = $${at} OR c.support_provider_id = $${at})`,
        params: [scope.organisationId],
      };
  }
}

/** One proposal, whoever asks (the access policy decides next); `lock` takes its row lock. */
export async function findProposal(
  db: Db,
  id: string,
  options: { lock?: boolean } = {},
): Promise<StoredProposal | undefined> {
  const rows = await db.query<StoredProposal[]>(
    prepared(`${SELECT} WHERE p.id = $1${options.lock ? ' FOR UPDATE OF p' : ''}`),
    [id],
  );
  return rows[0];
}

/** A listed proposal with what its reader's view adds: the client's summary or the home. */
export type PartyListedProposal = ListedProposal & {
  clientSummary?: ClientSummary;
  unitDetails?: UnitDetails;
};

/**
 * A page of proposals for a party, in one statement, with the client's summary (`with:
 * 'corporation'`) or the home's details (`'provider'`) from the rows the scope already joins, and,
 * when `readBy` is given, a `client.read` audit row for each client whose summary it returns (not
 * the one extra row read to know whether a next page exists): one statement, so no page without
 * its audit rows. The matchers' page is `listMatcherProposalsJson`.
 */
export async function listProposals(
  db: Db,
  scope: ProposalScope,
  filter: ProposalFilter,
  page: PageRequest,
  options: { with: 'corporation' | 'provider'; readBy?: Actor },
): Promise<PartyListedProposal[]> {
  const params = new Params();
  const where = listWhere(scope, filter, page, params);
  const limit = rowCount(page.limit + 1);
  const extra =
    options.with === 'corporation' ? `, ${CLIENT_SUMMARY_COLUMNS}` : `, ${UNIT_DETAILS_COLUMNS}`;
  const readBy = options.readBy;
  const audit = readBy
    ? auditCte(
        readBy,
        {
          action: 'client.read',
          entityType: 'client',
          rows: `SELECT "clientId", jsonb_build_object('via', 'proposal', 'proposalId', id)
                   FROM page ORDER BY sort_at, id LIMIT ${limit} - 1`,
        },
        params,
      )
    : undefined;
  const rows = await db.query<(ListedProposal & ClientSummaryRow & UnitDetailsRow)[]>(
    prepared(`WITH page AS (
       SELECT ${COLUMNS}, p.created_at AS sort_at${extra} ${FROM}
        WHERE ${where}
        ORDER BY p.created_at, p.id LIMIT ${limit})${audit ? `,\n     logged AS (${audit})` : ''}
     SELECT * FROM page ORDER BY sort_at, id`),
    params.values,
  );
  // Assigned onto the rows just read, not spread into copies: on Node 20 a spread builds a new
  // hidden class per object, a measurable part of a list request.
  if (options.with === 'corporation') {
    return rows.map((row) => Object.assign(row, { clientSummary: toClientSummary(row) }));
  }
  return rows.map((row) => Object.assign(row, { unitDetails: toUnitDetails(row) }));
}

/** The filter, the cursor and the reader's scope of a page of proposals. */
function listWhere(
  scope: ProposalScope,
  filter: ProposalFilter,
  page: PageRequest,
  params: Params,
): string {
  return allOf([
    params.equal('p.status', filter.status),
    params.equal('p.region_code', filter.regionCode),
    params.equal('p.unit_id', filter.unitId),
    params.equal('p.client_id', filter.clientId),
    params.equal('p.run_id', filter.runId),
    params.equal('u.corporation_id', filter.corporationId),
    params.equal('c.provider_id', filter.providerId),
    params.after('p', page.after),
    params.include((at) => scopeClause(scope, at)),
  ]);
}

/**
 * A page of proposals in the matcher's view, each item's JSON built by PostgreSQL key for key as
 * the service's `matcherListView` builds it from `listProposals`' rows (its single read is the
 * same plus `rules`): the matchers' list is read most, and turning twenty rows into objects only
 * to serialise them again was most of its cost in the API (docs/performance.md, "The proposal
 * page built by PostgreSQL"). Change one, change the other.
 */
export async function listMatcherProposalsJson(
  db: Db,
  scope: ProposalScope,
  filter: ProposalFilter,
  page: PageRequest,
): Promise<JsonRow[]> {
  const params = new Params();
  const where = listWhere(scope, filter, page, params);
  const limit = rowCount(page.limit + 1);
  // The page first, its JSON after: built for the rows shown only, not for every row sorted.
  return db.query<JsonRow[]>(
    prepared(`SELECT p.id, to_json(p.created_at)#>>'{}' AS "createdAt",
       json_build_object(
         'id', p.id, 'status', p.status, 'version', p.version, 'unitId', p.unit_id,
         'clientId', p.client_id, 'regionCode', p.region_code, 'deadline', p.deadline,
         'corporationDeadline', p.corporation_deadline, 'providerDeadline', p.provider_deadline,
         'approvedAt', p.approved_at, 'corporationDecision', p.corporation_decision,
         'providerDecision', p.provider_decision, 'reason', p.reason,
         'leaseStart', to_char(p.lease_start, 'YYYY-MM-DD'), 'createdAt', p.created_at,
         'updatedAt', p.updated_at, 'view', 'matcher'::text, 'origin', p.origin,
         'runId', p.run_id, 'score', p.score, 'breakdown', p.breakdown,
         'overriddenRules', p.overridden_rules,
         'awaitingSecondMatcher', cardinality(p.overridden_rules) > 0 AND p.approved_at IS NULL,
         'policyVersion', p.policy_version)::text AS json
       FROM (SELECT p.* ${FROM} WHERE ${where} ORDER BY p.created_at, p.id LIMIT ${limit}) p
      ORDER BY p.created_at, p.id`),
    params.values,
  );
}

/** A pair a run wants to propose, with the row versions its snapshot saw. */
export interface RunProposalInput {
  unitId: string;
  clientId: string;
  unitVersion: number;
  clientVersion: number;
  score: number;
  breakdown: Record<string, number>;
  rules: { code: string; passed: boolean; message: string }[];
  policyVersion: number;
  /** The provider that would deliver the support; what its capacity there counts. */
  supportProviderId: string | null;
}

/**
 * Stores a run's proposals in one statement and marks their units and clients `proposed`.
 * A pair whose unit or client changed since the run's snapshot (another status, another version)
 * is skipped: the change has requested a run of its own. The unique indexes on open proposals
 * make a second writer (a retried run, a matcher) a no-op, never a duplicate.
 */
export async function insertRunProposals(
  db: Db,
  runId: string,
  regionCode: string,
  pairs: RunProposalInput[],
): Promise<{ id: string; unitId: string; clientId: string }[]> {
  if (pairs.length === 0) return [];
  // The matcher's step opens with the insert: a second UPDATE of every new row would rewrite it.
  const step = await matcherStepNow(db, regionCode);
  const inserted = await db.query<{ id: string; unitId: string; clientId: string }[]>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
         unit_id uuid, client_id uuid, unit_version int, client_version int, score float8,
         breakdown jsonb, rules jsonb, policy_version int, support_provider_id uuid)
     ), fresh AS (
       SELECT i.* FROM input i
         JOIN units u ON u.id = i.unit_id AND u.status = 'available' AND u.version = i.unit_version
         JOIN clients c ON c.id = i.client_id AND c.status = 'waiting' AND c.version = i.client_version
         FOR UPDATE OF u, c
     ), inserted AS (
       INSERT INTO proposals (unit_id, client_id, region_code, origin, run_id, score, breakdown, rules,
                              policy_version, support_provider_id, deadline, remind_at)
       SELECT unit_id, client_id, $3, 'run', $2, score, breakdown, rules, policy_version,
              support_provider_id, $4, $5 FROM fresh
       ON CONFLICT DO NOTHING
       RETURNING id, unit_id, client_id
     ), units_proposed AS (
       UPDATE units SET status = 'proposed', version = version + 1, updated_at = now()
        WHERE id IN (SELECT unit_id FROM inserted)
     ), clients_proposed AS (
       UPDATE clients SET status = 'proposed', version = version + 1, updated_at = now()
        WHERE id IN (SELECT client_id FROM inserted)
     )
     SELECT id, unit_id AS "unitId", client_id AS "clientId" FROM inserted`,
    [
      JSON.stringify(
        pairs.map((pair) => ({
          unit_id: pair.unitId,
          client_id: pair.clientId,
          unit_version: pair.unitVersion,
          client_version: pair.clientVersion,
          score: pair.score,
          breakdown: pair.breakdown,
          rules: pair.rules,
          policy_version: pair.policyVersion,
          support_provider_id: pair.supportProviderId,
        })),
      ),
      runId,
      regionCode,
      step.deadline,
      step.remindAt,
    ],
  );
  await requestStepJobs(
    db,
    inserted.map((row) => row.id),
    step,
  );
  return inserted;
}

/** The transaction's own time: what `now()` wrote into the rows it changed. */
export async function transactionTime(db: Db): Promise<Date> {
  const rows = await db.query<{ now: Date }[]>(`SELECT now() AS now`);
  const now = rows[0]?.now;
  if (!now) throw new Error('the database gave no time');
  return new Date(now);
}

/** The region's current deadlines (its newest policy version): a step opened now gets these. */
export async function deadlineDays(db: Db, regionCode: string): Promise<DeadlineDays> {
  const rows = await db.query<DeadlineDays[]>(
    `SELECT matcher_days AS "matcherDays", corporation_days AS "corporationDays",
            provider_days AS "providerDays", placement_days AS "placementDays"
       FROM region_policies WHERE region_code = $1 ORDER BY version DESC LIMIT 1`,
    [regionCode],
  );
  const days = rows[0];
  if (!days) throw new Error(`region ${regionCode} has no policy`);
  return days;
}

/** The matcher's step of a proposal made in this transaction: its deadline and reminder. */
async function matcherStepNow(db: Db, regionCode: string): Promise<StepDeadlines> {
  return matcherStep(await transactionTime(db), await deadlineDays(db, regionCode));
}

/** The wake-ups at new proposals' first deadline and reminder, asked for through the outbox. */
async function requestStepJobs(db: Db, ids: readonly string[], step: StepDeadlines): Promise<void> {
  if (ids.length > 0) await writeOutbox(db, [deadlineMessage(ids, step)]);
}

/**
 * New proposals (all made in this transaction, version 1): the matcher's step opens with its
 * deadline, and the wake-ups at its deadline and reminder are asked for through the outbox.
 */
export async function openMatcherSteps(
  db: Db,
  regionCode: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const step = await matcherStepNow(db, regionCode);
  await db.query(`UPDATE proposals SET deadline = $2, remind_at = $3 WHERE id = ANY($1::uuid[])`, [
    ids,
    step.deadline,
    step.remindAt,
  ]);
  await requestStepJobs(db, ids, step);
}

/**
 * Asks for a wake-up at the steps' deadline (and one at their reminder): one message for steps
 * that share their deadlines, however many, so a run's proposals cost one message and two jobs.
 */
export function deadlineMessage(ids: readonly string[], step: StepDeadlines) {
  return {
    topic: PROPOSAL_TOPICS.deadlineSet,
    payload: {
      proposalIds: ids,
      deadline: step.deadline.toISOString(),
      remindAt: step.remindAt?.toISOString() ?? null,
    },
  };
}

/**
 * A unit or client leaves the market: its open proposal is cancelled and the other side is free
 * again, in the caller's transaction.
 */
export async function cancelOpenProposalsOf(
  db: Db,
  side: { unitId: string } | { clientId: string },
  reason: string,
): Promise<number> {
  const [column, id] = 'unitId' in side ? ['unit_id', side.unitId] : ['client_id', side.clientId];
  const rows = await db.query<{ id: string }[]>(
    `WITH cancelled AS (
       UPDATE proposals SET status = 'cancelled', reason = $2, closed_at = now(), updated_at = now(),
              version = version + 1
        WHERE ${column} = $1 AND status = ANY($3) RETURNING id, unit_id, client_id
     ), units_freed AS (
       UPDATE units SET status = 'available', version = version + 1, updated_at = now()
        WHERE id IN (SELECT unit_id FROM cancelled) AND status = 'proposed'
     ), clients_freed AS (
       UPDATE clients SET status = 'waiting', version = version + 1, updated_at = now()
        WHERE id IN (SELECT client_id FROM cancelled) AND status = 'proposed'
     )
     SELECT id FROM cancelled`,
    [id, reason, OPEN_STATUSES],
  );
  return rows.length;
}

/** What a transition writes on the proposal row itself. */
export interface ProposalChange {
  status: ProposalStatus;
  approvedByTokenId?: string;
  decision?: { side: 'corporation' | 'provider'; value: Decision };
  reason?: string;
  leaseStart?: string;
  /** A step opened or its deadline moved; `remindAgain`: the reminder is due anew. */
  deadlines?: StepDeadlines & { remindAgain: boolean };
}

const CLOSED: readonly ProposalStatus[] = [
  'rejected',
  'declined',
  'placed',
  'cancelled',
  'expired',
];

export async function updateProposal(db: Db, id: string, change: ProposalChange): Promise<void> {
  const side = change.decision?.side ?? null;
  await db.query(
    `UPDATE proposals SET
        status = $2, version = version + 1, updated_at = now(),
        approved_at = CASE WHEN $2 = 'approved' AND approved_at IS NULL THEN now() ELSE approved_at END,
        approved_by_token_id = coalesce($3::uuid, approved_by_token_id),
        corporation_decision = CASE WHEN $4 = 'corporation' THEN $5 ELSE corporation_decision END,
        corporation_decided_at = CASE WHEN $4 = 'corporation' THEN now() ELSE corporation_decided_at END,
        provider_decision = CASE WHEN $4 = 'provider' THEN $5 ELSE provider_decision END,
        provider_decided_at = CASE WHEN $4 = 'provider' THEN now() ELSE provider_decided_at END,
        reason = coalesce($6, reason),
        lease_start = coalesce($7::date, lease_start),
        placed_at = CASE WHEN $2 = 'placed' THEN now() ELSE placed_at END,
        closed_at = CASE WHEN $2 = ANY($8) THEN now() ELSE closed_at END,
        deadline = CASE WHEN $9 THEN $10::timestamptz ELSE deadline END,
        corporation_deadline = CASE WHEN $9 THEN $11::timestamptz ELSE corporation_deadline END,
        provider_deadline = CASE WHEN $9 THEN $12::timestamptz ELSE provider_deadline END,
        remind_at = CASE WHEN $9 THEN $13::timestamptz ELSE remind_at END,
        reminded_at = CASE WHEN $9 AND $14 THEN NULL ELSE reminded_at END
      WHERE id = $1`,
    [
      id,
      change.status,
      change.approvedByTokenId ?? null,
      side,
      change.decision?.value ?? null,
      change.reason ?? null,
      change.leaseStart ?? null,
      CLOSED,
      change.deadlines !== undefined,
      change.deadlines?.deadline ?? null,
      change.deadlines?.corporationDeadline ?? null,
      change.deadlines?.providerDeadline ?? null,
      change.deadlines?.remindAt ?? null,
      change.deadlines?.remindAgain ?? false,
    ],
  );
}

/** Unit `available` and client `waiting` again, if the proposal still held them. */
export async function freePair(db: Db, unitId: string, clientId: string): Promise<void> {
  await db.query(
    `UPDATE units SET status = 'available', version = version + 1, updated_at = now()
      WHERE id = $1 AND status = 'proposed'`,
    [unitId],
  );
  await db.query(
    `UPDATE clients SET status = 'waiting', version = version + 1, updated_at = now()
      WHERE id = $1 AND status = 'proposed'`,
    [clientId],
  );
}

/** Unit `let`, client `placed`. */
export async function placePair(db: Db, unitId: string, clientId: string): Promise<void> {
  await db.query(
    `UPDATE units SET status = 'let', version = version + 1, updated_at = now() WHERE id = $1`,
    [unitId],
  );
  await db.query(
    `UPDATE clients SET status = 'placed', closed_at = now(), version = version + 1, updated_at = now()
      WHERE id = $1`,
    [clientId],
  );
}

/**
 * Locks the contingent pledge a placement counts towards (its `placed` is the let contingent units
 * of that corporation, municipality and year), so a concurrent change of the pledge waits.
 * Returns the pledge's id, or undefined when the corporation pledged nothing there that year.
 */
export async function lockPledge(
  db: Db,
  corporationId: string,
  municipalityCode: string,
  year: number,
): Promise<string | undefined> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT id FROM contingent_pledges
      WHERE corporation_id = $1 AND municipality_code = $2 AND year = $3 FOR UPDATE`,
    [corporationId, municipalityCode, year],
  );
  return rows[0]?.id;
}

export interface DecisionRow {
  proposalId: string;
  action: Transition | 'create';
  party: Party;
  reason?: string | null;
  note?: string | null;
  organisationId: string | null;
  tokenId: string | null;
}

export async function insertDecision(db: Db, row: DecisionRow): Promise<void> {
  await db.query(
    `INSERT INTO proposal_decisions (proposal_id, action, party, reason, note, organisation_id, token_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      row.proposalId,
      row.action,
      row.party,
      row.reason ?? null,
      row.note ?? null,
      row.organisationId,
      row.tokenId,
    ],
  );
}

/** The unit and client of a manual proposal, locked, with what decides whether it may be made. */
export async function lockPair(
  db: Db,
  unitId: string,
  clientId: string,
): Promise<
  | {
      unitStatus: string;
      clientStatus: string;
      unitMunicipalityCode: string;
      clientMunicipalityCode: string;
      regionCode: string;
    }
  | undefined
> {
  const rows = await db.query<
    {
      unitStatus: string;
      clientStatus: string;
      unitMunicipalityCode: string;
      clientMunicipalityCode: string;
      regionCode: string;
    }[]
  >(
    `SELECT u.status AS "unitStatus", c.status AS "clientStatus",
            u.municipality_code AS "unitMunicipalityCode",
            c.municipality_of_belonging AS "clientMunicipalityCode", m.region_code AS "regionCode"
       FROM units u CROSS JOIN clients c JOIN municipalities m ON m.code = u.municipality_code
      WHERE u.id = $1 AND c.id = $2 FOR UPDATE OF u, c`,
    [unitId, clientId],
  );
  return rows[0];
}

export interface ManualProposalInput {
  unitId: string;
  clientId: string;
  regionCode: string;
  score: number;
  breakdown: Record<string, number>;
  rules: { code: string; passed: boolean; message: string }[];
  policyVersion: number;
  overriddenRules: string[];
  createdByTokenId: string;
}

/** A matcher's own proposal; the unit and client become `proposed`. Undefined if either is taken. */
export async function insertManualProposal(
  db: Db,
  input: ManualProposalInput,
): Promise<string | undefined> {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO proposals (unit_id, client_id, region_code, origin, score, breakdown, rules,
                            policy_version, overridden_rules, created_by_token_id)
     VALUES ($1, $2, $3, 'manual', $4, $5, $6, $7, $8, $9)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      input.unitId,
      input.clientId,
      input.regionCode,
      input.score,
      JSON.stringify(input.breakdown),
      JSON.stringify(input.rules),
      input.policyVersion,
      input.overriddenRules,
      input.createdByTokenId,
    ],
  );
  const id = rows[0]?.id;
  if (id === undefined) return undefined;
  await db.query(
    `UPDATE units SET status = 'proposed', version = version + 1, updated_at = now() WHERE id = $1`,
    [input.unitId],
  );
  await db.query(
    `UPDATE clients SET status = 'proposed', version = version + 1, updated_at = now() WHERE id = $1`,
    [input.clientId],
  );
  await openMatcherSteps(db, input.regionCode, [id]);
  return id;
}

/** The parts of a client's profile a corporation sees on an approved proposal. */
export interface ClientSummary {
  household: { adults: number; children: number };
  needs: { groundFloorOrLift: boolean; wheelchair: boolean };
  /** Only when the client consented to share it (`matching_with_support`). */
  support: { intensity: 'light' | 'regular' | 'intensive'; providerId: string } | null;
}

interface ClientSummaryRow {
  adults: number;
  children: number;
  groundFloorOrLift: boolean;
  wheelchair: boolean;
  intensity: 'light' | 'regular' | 'intensive';
  supportBy: string;
  consentScope: string | null;
}

const CLIENT_SUMMARY_COLUMNS = `c.adults, c.children,
  c.needs_ground_floor_or_lift AS "groundFloorOrLift", c.needs_wheelchair AS wheelchair,
  c.support_intensity AS intensity, coalesce(c.support_provider_id, c.provider_id) AS "supportBy",
  c.consent_scope AS "consentScope"`;

function toClientSummary(row: ClientSummaryRow): ClientSummary {
  return {
    household: { adults: row.adults, children: row.children },
    needs: { groundFloorOrLift: row.groundFloorOrLift, wheelchair: row.wheelchair },
    support:
      row.consentScope === 'matching_with_support'
        ? { intensity: row.intensity, providerId: row.supportBy }
        : null,
  };
}

/** The parts of client profiles a corporation sees on an approved proposal, by client id. */
export async function findClientSummaries(
  db: Db,
  clientIds: string[],
): Promise<Map<string, ClientSummary>> {
  if (clientIds.length === 0) return new Map();
  const rows = await db.query<(ClientSummaryRow & { id: string })[]>(
    `SELECT c.id, ${CLIENT_SUMMARY_COLUMNS} FROM clients c WHERE c.id = ANY($1::uuid[])`,
    [clientIds],
  );
  return new Map(rows.map((row) => [row.id, toClientSummary(row)]));
}

export interface UnitDetails {
  type: 'contingent' | 'omklap' | 'skaeve_huis' | 'doorstroom';
  address: { street: string; houseNumber: string; postcode: string; municipalityCode: string };
  neighbourhoodCode: string;
  rent: number;
  serviceCosts: number;
  bedrooms: number;
  floor: number;
  hasLift: boolean;
  wheelchairAccessible: boolean;
  stimulus: 'low' | 'medium' | 'high';
  furnished: boolean;
  availableFrom: string;
}

type UnitDetailsRow = Omit<UnitDetails, 'address' | 'type'> & {
  unitType: UnitDetails['type'];
  street: string;
  houseNumber: string;
  postcode: string;
  municipalityCode: string;
};

const UNIT_DETAILS_COLUMNS = `u.street, u.house_number AS "houseNumber", u.postcode,
  u.neighbourhood_code AS "neighbourhoodCode", u.rent::float8 AS rent,
  u.service_costs::float8 AS "serviceCosts", u.bedrooms, u.floor, u.has_lift AS "hasLift",
  u.wheelchair_accessible AS "wheelchairAccessible", u.stimulus, u.furnished,
  to_char(u.available_from, 'YYYY-MM-DD') AS "availableFrom"`;

function toUnitDetails(row: UnitDetailsRow): UnitDetails {
  return {
    type: row.unitType,
    address: {
      street: row.street,
      houseNumber: row.houseNumber,
      postcode: row.postcode,
      municipalityCode: row.municipalityCode,
    },
    neighbourhoodCode: row.neighbourhoodCode,
    rent: row.rent,
    serviceCosts: row.serviceCosts,
    bedrooms: row.bedrooms,
    floor: row.floor,
    hasLift: row.hasLift,
    wheelchairAccessible: row.wheelchairAccessible,
    stimulus: row.stimulus,
    furnished: row.furnished,
    availableFrom: row.availableFrom,
  };
}

/** The home's details a provider sees on its client's approved proposal, by unit id. */
export async function findUnitDetails(
  db: Db,
  unitIds: string[],
): Promise<Map<string, UnitDetails>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.query<(UnitDetailsRow & { id: string })[]>(
    `SELECT u.id, u.type AS "unitType", u.municipality_code AS "municipalityCode",
            ${UNIT_DETAILS_COLUMNS}
       FROM units u WHERE u.id = ANY($1::uuid[])`,
    [unitIds],
  );
  return new Map(rows.map((row) => [row.id, toUnitDetails(row)]));
}

/** The step's reminder went out: it is not sent again for this step. */
export async function markReminded(db: Db, id: string): Promise<void> {
  await db.query(`UPDATE proposals SET reminded_at = now() WHERE id = $1`, [id]);
}

/** Open proposals past their deadline (the safety net, for a job that was lost), oldest first. */
export async function findPastDeadline(
  db: Db,
  limit: number,
): Promise<{ id: string; version: number }[]> {
  return db.query(
    `SELECT id, version FROM proposals
      WHERE status = ANY($1) AND deadline IS NOT NULL AND deadline <= now()
      ORDER BY deadline LIMIT $2`,
    [OPEN_STATUSES, limit],
  );
}

/** Open proposals whose reminder is due and was not sent. */
export async function findReminderDue(
  db: Db,
  limit: number,
): Promise<{ id: string; version: number }[]> {
  return db.query(
    `SELECT id, version FROM proposals
      WHERE status = ANY($1) AND remind_at IS NOT NULL AND reminded_at IS NULL
        AND remind_at <= now()
      ORDER BY remind_at LIMIT $2`,
    [OPEN_STATUSES, limit],
  );
}

export interface ReasonConsequence {
  after: number;
  withinMonths: number;
  parkDays: number;
}

/** What the region's current policy attaches to a provider's decline reason, if anything. */
export async function findReasonConsequence(
  db: Db,
  regionCode: string,
  reason: string,
): Promise<ReasonConsequence | undefined> {
  const rows = await db.query<{ consequence: ReasonConsequence }[]>(
    `SELECT c AS consequence
       FROM (SELECT matching_rules FROM region_policies WHERE region_code = $1
              ORDER BY version DESC LIMIT 1) p,
            jsonb_array_elements(coalesce(p.matching_rules->'reasonConsequences', '[]')) c
      WHERE c->>'reason' = $2`,
    [regionCode, reason],
  );
  return rows[0]?.consequence;
}

/**
 * The client's declines by its provider for `reason` within the window, counting only those
 * since it was last parked (the decline of this transaction included).
 */
export async function countDeclines(
  db: Db,
  clientId: string,
  reason: string,
  withinMonths: number,
): Promise<number> {
  const rows = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n
       FROM proposal_decisions d JOIN proposals p ON p.id = d.proposal_id
       JOIN clients c ON c.id = p.client_id
      WHERE p.client_id = $1 AND d.action = 'decline' AND d.party = 'provider' AND d.reason = $2
        AND d.decided_at > now() - make_interval(months => $3)
        AND (c.parked_at IS NULL OR d.decided_at > c.parked_at)`,
    [clientId, reason, withinMonths],
  );
  return rows[0]?.n ?? 0;
}

/** Parks the client for `days` days from today (a longer parking already set stays). */
export async function parkClient(
  db: Db,
  clientId: string,
  parking: { days: number; reason: string; declines: number },
): Promise<string> {
  const rows = await db.query<{ until: string }[]>(
    `WITH parked AS (
       UPDATE clients
          SET parked_until = greatest(parked_until,
                                      (now() AT TIME ZONE 'Europe/Amsterdam')::date + $2::int),
              parked_at = now(), parked_reason = $3, parked_declines = $4,
              version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING parked_until
     )
     SELECT to_char(parked_until, 'YYYY-MM-DD') AS until FROM parked`,
    [clientId, parking.days, parking.reason, parking.declines],
  );
  const until = rows[0]?.until;
  if (until === undefined) throw new Error(`client ${clientId} of a proposal is missing`);
  return until;
}

/** Open proposals without a deadline (opened before deadlines existed). */
export async function findUndated(
  db: Db,
  limit: number,
): Promise<{ id: string; version: number }[]> {
  return db.query(
    `SELECT id, version FROM proposals WHERE status = ANY($1) AND deadline IS NULL
      ORDER BY created_at LIMIT $2`,
    [OPEN_STATUSES, limit],
  );
}

/** Sets an open step's deadlines without a new version (the step itself did not change). */
export async function setStepDeadlines(db: Db, id: string, step: StepDeadlines): Promise<void> {
  await db.query(
    `UPDATE proposals SET deadline = $2, corporation_deadline = $3, provider_deadline = $4,
            remind_at = $5, reminded_at = NULL
      WHERE id = $1`,
    [id, step.deadline, step.corporationDeadline, step.providerDeadline, step.remindAt],
  );
}
