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

/** The audit trail's rows about the client, oldest first, with who wrote them. */
export async function auditOf(db: Db, clientId: string): Promise<ExportedAuditRow[]> {
  return db.query<ExportedAuditRow[]>(
    `SELECT to_json(a.occurred_at)#>>'{}' AS "occurredAt", a.action,
            a.organisation_id AS "organisationId", o.name AS "organisationName",
            o.kind AS "organisationKind", a.token_id AS "tokenId", a.details
       FROM audit_events a LEFT JOIN organisations o ON o.id = a.organisation_id
      WHERE a.entity_type = 'client' AND a.entity_id = $1
      ORDER BY a.id`,
    [clientId],
  );
}
