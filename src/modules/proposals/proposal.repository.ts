import type { Db } from '../../shared/database/db';
import type { PageRequest } from '../../shared/http/pagination';
import { OPEN_STATUSES, type Proposal, type ProposalFilter } from './proposal.schemas';

/** Which proposals an actor may read; decided by `proposalScope` in the service. */
export type ProposalScope =
  | { kind: 'all' }
  | { kind: 'municipalities'; codes: readonly string[] }
  /** Only approved proposals: nothing is shown to a corporation or provider before that. */
  | { kind: 'corporation'; organisationId: string }
  | { kind: 'provider'; organisationId: string };

const SELECT = `
  SELECT p.id, p.status, p.version, p.unit_id AS "unitId", p.client_id AS "clientId",
         p.region_code AS "regionCode", p.origin, p.run_id AS "runId", p.score, p.breakdown, p.rules,
         p.policy_version AS "policyVersion", to_json(p.deadline)#>>'{}' AS deadline,
         to_json(p.approved_at)#>>'{}' AS "approvedAt",
         p.corporation_decision AS "corporationDecision", p.provider_decision AS "providerDecision",
         to_json(p.created_at)#>>'{}' AS "createdAt", to_json(p.updated_at)#>>'{}' AS "updatedAt"
    FROM proposals p JOIN units u ON u.id = p.unit_id JOIN clients c ON c.id = p.client_id`;

function scopeClause(scope: ProposalScope, at: number): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'true', params: [] };
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

export async function findProposal(
  db: Db,
  id: string,
  scope: ProposalScope,
): Promise<Proposal | undefined> {
  const where = scopeClause(scope, 2);
  const rows = await db.query<Proposal[]>(`${SELECT} WHERE p.id = $1 AND ${where.sql}`, [
    id,
    ...where.params,
  ]);
  return rows[0];
}

export async function listProposals(
  db: Db,
  scope: ProposalScope,
  filter: ProposalFilter,
  page: PageRequest,
): Promise<Proposal[]> {
  const where = scopeClause(scope, 9);
  return db.query<Proposal[]>(
    `${SELECT}
      WHERE ($1::text IS NULL OR p.status = $1) AND ($2::text IS NULL OR p.region_code = $2)
        AND ($3::uuid IS NULL OR p.unit_id = $3) AND ($4::uuid IS NULL OR p.client_id = $4)
        AND ($5::uuid IS NULL OR p.run_id = $5)
        AND ($6::timestamptz IS NULL OR (p.created_at, p.id) > ($6::timestamptz, $7::uuid))
        AND ${where.sql}
      ORDER BY p.created_at, p.id LIMIT $8`,
    [
      filter.status ?? null,
      filter.regionCode ?? null,
      filter.unitId ?? null,
      filter.clientId ?? null,
      filter.runId ?? null,
      page.after?.createdAt ?? null,
      page.after?.id ?? null,
      page.limit + 1,
      ...where.params,
    ],
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
  return db.query(
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
                              policy_version, support_provider_id)
       SELECT unit_id, client_id, $3, 'run', $2, score, breakdown, rules, policy_version,
              support_provider_id FROM fresh
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
    ],
  );
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
