import type { Db } from '../../shared/database/db';

export interface ExportedDecision {
  action: string;
  party: string;
  reason: string | null;
  note: string | null;
  organisationId: string | null;
  decidedAt: string;
}

export interface ExportedProposal {
  id: string;
  status: string;
  origin: string;
  unit: { id: string; type: string; municipalityCode: string; neighbourhoodCode: string };
  score: number;
  breakdown: Record<string, number>;
  rules: unknown[];
  policyVersion: number;
  reason: string | null;
  leaseStart: string | null;
  createdAt: string;
  closedAt: string | null;
  decisions: ExportedDecision[];
}

export interface ExportedAuditRow {
  occurredAt: string;
  action: string;
  organisationId: string | null;
  organisationName: string | null;
  organisationKind: string | null;
  tokenId: string | null;
  details: Record<string, unknown>;
}

/** Every proposal for the client, oldest first, each with its decisions in order. */
export async function proposalsOf(db: Db, clientId: string): Promise<ExportedProposal[]> {
  return db.query<ExportedProposal[]>(
    `SELECT p.id, p.status, p.origin,
            json_build_object('id', u.id, 'type', u.type, 'municipalityCode', u.municipality_code,
                              'neighbourhoodCode', u.neighbourhood_code) AS unit,
            p.score, p.breakdown, p.rules, p.policy_version AS "policyVersion", p.reason,
            to_char(p.lease_start, 'YYYY-MM-DD') AS "leaseStart",
            to_json(p.created_at)#>>'{}' AS "createdAt", to_json(p.closed_at)#>>'{}' AS "closedAt",
            coalesce((SELECT json_agg(json_build_object(
                        'action', d.action, 'party', d.party, 'reason', d.reason, 'note', d.note,
                        'organisationId', d.organisation_id,
                        'decidedAt', to_json(d.decided_at)#>>'{}') ORDER BY d.id)
                        FROM proposal_decisions d WHERE d.proposal_id = p.id), '[]') AS decisions
       FROM proposals p JOIN units u ON u.id = p.unit_id
      WHERE p.client_id = $1
      ORDER BY p.created_at, p.id`,
    [clientId],
  );
}

export interface ExportedPlacement {
  id: string;
  proposalId: string;
  unitId: string;
  unitType: string;
  municipalityCode: string;
  leaseStart: string;
  status: string;
  tenant: string;
  reviewDate: string | null;
  endDate: string | null;
  movingOnSince: string | null;
  endedOn: string | null;
  endReason: string | null;
  events: {
    type: string;
    date: string;
    organisationId: string | null;
    details: Record<string, unknown>;
  }[];
  checkins: {
    months: number;
    dueDate: string;
    status: string;
    stablyHoused: boolean | null;
    recordedOn: string | null;
  }[];
}

/** Every tenancy of the client, with its history and its follow-up check-ins. */
export async function placementsOf(db: Db, clientId: string): Promise<ExportedPlacement[]> {
  return db.query<ExportedPlacement[]>(
    `SELECT pl.id, pl.proposal_id AS "proposalId", pl.unit_id AS "unitId", pl.unit_type AS "unitType",
            pl.municipality_code AS "municipalityCode",
            to_char(pl.lease_start, 'YYYY-MM-DD') AS "leaseStart", pl.status, pl.tenant,
            to_char(pl.review_date, 'YYYY-MM-DD') AS "reviewDate",
            to_char(pl.end_date, 'YYYY-MM-DD') AS "endDate",
            to_char(pl.moving_on_since, 'YYYY-MM-DD') AS "movingOnSince",
            to_char(pl.ended_on, 'YYYY-MM-DD') AS "endedOn", pl.end_reason AS "endReason",
            coalesce((SELECT json_agg(json_build_object(
                        'type', e.type, 'date', to_char(e.date, 'YYYY-MM-DD'),
                        'organisationId', e.organisation_id, 'details', e.details) ORDER BY e.id)
                        FROM placement_events e WHERE e.placement_id = pl.id), '[]') AS events,
            coalesce((SELECT json_agg(json_build_object(
                        'months', k.months, 'dueDate', to_char(k.due_date, 'YYYY-MM-DD'),
                        'status', k.status, 'stablyHoused', k.stably_housed,
                        'recordedOn', to_char(k.recorded_on, 'YYYY-MM-DD')) ORDER BY k.months)
                        FROM placement_checkins k WHERE k.placement_id = pl.id), '[]') AS checkins
       FROM placements pl
      WHERE pl.client_id = $1
      ORDER BY pl.lease_start, pl.id`,
    [clientId],
  );
}

/**
 * The audit trail's rows about the client, oldest first, with who wrote them: its own rows and
 * the logged reads that showed it (found by the GIN index on `client_ids`).
 */
export async function auditOf(db: Db, clientId: string): Promise<ExportedAuditRow[]> {
  return db.query<ExportedAuditRow[]>(
    `SELECT to_json(a.occurred_at)#>>'{}' AS "occurredAt", a.action,
            a.organisation_id AS "organisationId", o.name AS "organisationName",
            o.kind AS "organisationKind", a.token_id AS "tokenId", a.details
       FROM (SELECT id, occurred_at, action, organisation_id, token_id, details
               FROM audit_events WHERE entity_type = 'client' AND entity_id = $1
             UNION ALL
             SELECT id, occurred_at, 'client.read', organisation_id, token_id, '{}'::jsonb
               FROM client_reads WHERE client_ids @> ARRAY[$1::uuid]) AS a
            LEFT JOIN organisations o ON o.id = a.organisation_id
      ORDER BY a.id`,
    [clientId],
  );
}
