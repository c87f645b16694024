import type { Db } from '../../shared/database/db';
import { matchingRulesSchema, type Policy, type PolicyInput } from './policy.schemas';

interface PolicyRow {
  regionCode: string;
  version: number;
  location: string;
  spreiding: string;
  prikkelarm: string;
  begeleiding: string;
  wait: string;
  neighbourhoodCap: number;
  capWindowMonths: number;
  maxDistanceKm: string;
  planningHorizonDays: number;
  matcherDays: number;
  corporationDays: number;
  providerDays: number;
  placementDays: number;
  retentionMonths: number;
  createdAt: string;
  municipalityCaps: Record<string, number> | null;
  matchingRules: Record<string, unknown>;
}

const SELECT_POLICY = `
  SELECT p.region_code AS "regionCode", p.version,
         p.weight_location AS location, p.weight_spreiding AS spreiding,
         p.weight_prikkelarm AS prikkelarm, p.weight_begeleiding AS begeleiding,
         p.weight_wait AS wait, p.neighbourhood_cap AS "neighbourhoodCap",
         p.cap_window_months AS "capWindowMonths", p.max_distance_km AS "maxDistanceKm",
         p.planning_horizon_days AS "planningHorizonDays", p.matcher_days AS "matcherDays",
         p.corporation_days AS "corporationDays", p.provider_days AS "providerDays",
         p.placement_days AS "placementDays",
         p.retention_months AS "retentionMonths", to_json(p.created_at)#>>'{}' AS "createdAt",
         p.matching_rules AS "matchingRules",
         (SELECT jsonb_object_agg(c.municipality_code, c.cap)
            FROM region_policy_municipality_caps c
           WHERE c.region_code = p.region_code AND c.version = p.version) AS "municipalityCaps"
    FROM region_policies p`;

function toPolicy(row: PolicyRow): Policy {
  return {
    regionCode: row.regionCode,
    version: row.version,
    weights: {
      location: Number(row.location),
      spreiding: Number(row.spreiding),
      prikkelarm: Number(row.prikkelarm),
      begeleiding: Number(row.begeleiding),
      wait: Number(row.wait),
    },
    neighbourhoodCap: row.neighbourhoodCap,
    municipalityCaps: row.municipalityCaps ?? {},
    capWindowMonths: row.capWindowMonths,
    maxDistanceKm: Number(row.maxDistanceKm),
    planningHorizonDays: row.planningHorizonDays,
    deadlines: {
      matcherDays: row.matcherDays,
      corporationDays: row.corporationDays,
      providerDays: row.providerDays,
      placementDays: row.placementDays,
    },
    retentionMonths: row.retentionMonths,
    // Stored as written; a version from before a rule existed takes the rule's default.
    ...matchingRulesSchema.parse(row.matchingRules),
    createdAt: row.createdAt,
  };
}

/** The newest version, or the given one. */
export async function findPolicy(
  db: Db,
  regionCode: string,
  version?: number,
): Promise<Policy | undefined> {
  const rows = await db.query<PolicyRow[]>(
    `${SELECT_POLICY}
      WHERE p.region_code = $1 AND ($2::int IS NULL OR p.version = $2)
      ORDER BY p.version DESC LIMIT 1`,
    [regionCode, version ?? null],
  );
  return rows[0] && toPolicy(rows[0]);
}

export async function listPolicyVersions(db: Db, regionCode: string): Promise<Policy[]> {
  const rows = await db.query<PolicyRow[]>(
    `${SELECT_POLICY} WHERE p.region_code = $1 ORDER BY p.version DESC`,
    [regionCode],
  );
  return rows.map(toPolicy);
}

/** The matching rules of a policy, as the JSON document stored with its version. */
function matchingRulesOf(policy: PolicyInput): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const key of Object.keys(matchingRulesSchema.shape)) {
    rules[key] = policy[key as keyof typeof matchingRulesSchema.shape];
  }
  return rules;
}

/** Writes `version`; the primary key makes a concurrent writer of the same version fail. */
export async function insertPolicy(
  db: Db,
  regionCode: string,
  version: number,
  policy: PolicyInput,
  tokenId: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO region_policies (region_code, version, weight_location, weight_spreiding,
       weight_prikkelarm, weight_begeleiding, weight_wait, neighbourhood_cap, cap_window_months,
       max_distance_km, planning_horizon_days, matcher_days, corporation_days, provider_days,
       retention_months, created_by_token_id, matching_rules, placement_days)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [
      regionCode,
      version,
      policy.weights.location,
      policy.weights.spreiding,
      policy.weights.prikkelarm,
      policy.weights.begeleiding,
      policy.weights.wait,
      policy.neighbourhoodCap,
      policy.capWindowMonths,
      policy.maxDistanceKm,
      policy.planningHorizonDays,
      policy.deadlines.matcherDays,
      policy.deadlines.corporationDays,
      policy.deadlines.providerDays,
      policy.retentionMonths,
      tokenId,
      matchingRulesOf(policy),
      policy.deadlines.placementDays,
    ],
  );
  const caps = Object.entries(policy.municipalityCaps);
  if (caps.length > 0) {
    await db.query(
      `INSERT INTO region_policy_municipality_caps (region_code, version, municipality_code, cap)
       SELECT $1, $2, unnest($3::text[]), unnest($4::int[])`,
      [regionCode, version, caps.map(([code]) => code), caps.map(([, cap]) => cap)],
    );
  }
}
