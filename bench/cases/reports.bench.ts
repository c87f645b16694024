/**
 * Policy information at the scale of a large region (needs PostgreSQL): a generated Noord- en
 * Midden-Limburg population of 5,000 clients and 2,000 homes in a throwaway database, with a
 * year of activity written behind it — registrations spread over the year, about 6,700
 * proposals in every state with their decisions, 1,000 placements with their tenancies, history
 * and 3,000 check-ins, 365 matching runs — then the
 * overview through the service, as a matcher (exact) and as a gemeente (protected), and one CSV.
 * Target: overview ≤ 200 ms.
 */
import type { DataSource } from 'typeorm';

import { loadConfig } from '../../config';
import { loadPopulation } from '../../scripts/population/load-population';
import { generatePopulation } from '../../src/modules/matching/engine';
import { ReportService } from '../../src/modules/reports';
import type { Actor } from '../../src/shared/auth/actor';
import { createDataSource } from '../../src/shared/database/data-source';
import { runMigrations } from '../../src/shared/database/migrate.cli';
import { dutchDate } from '../../src/shared/time/clock';
import { probeServer, throwawayDatabase } from '../throwaway-database';

const CLIENTS = 5_000;
const UNITS = 2_000;
const RUNS = 15;

/**
 * A year of workflow, in SQL: client i gets a proposal of unit i mod 2,000 in the state i mod 10
 * says (open states only while the unit is still free of another open one), every third client an
 * earlier one that was declined; decisions, placements, runs as the workflow writes them.
 */
async function writeYearOfActivity(dataSource: DataSource, regionCode: string): Promise<void> {
  await dataSource.query(
    `UPDATE clients SET created_at = now() - make_interval(days => (abs(hashtext(id::text)) % 365))`,
  );
  await dataSource.query(
    `INSERT INTO matching_runs (region_code, status, trigger, stats, created_at, started_at, finished_at)
     SELECT $1, 'done', 'change',
            jsonb_build_object('assigned', 20 + d % 7, 'greedyAssigned', 19 + d % 5,
                               'objective', 14.5 + (d % 9) / 4.0, 'greedyObjective', 13.25 + (d % 4) / 4.0),
            now() - make_interval(days => d), now() - make_interval(days => d),
            now() - make_interval(days => d)
       FROM generate_series(0, 364) AS d`,
    [regionCode],
  );
  await dataSource.query(
    `WITH c AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, created_at FROM clients),
          u AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS j FROM units),
          r AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM matching_runs),
          pairs AS (
            SELECT c.id AS client_id, u.id AS unit_id, c.created_at, r.id AS run_id, c.i, 0 AS round,
                   CASE WHEN c.i >= ${UNITS} AND c.i % 10 IN (2, 3, 4) THEN 'declined'
                        ELSE (ARRAY['placed', 'placed', 'proposed', 'approved', 'accepted', 'rejected',
                                    'declined', 'declined', 'cancelled', 'expired'])[c.i % 10 + 1] END AS status
              FROM c JOIN u ON u.j = c.i % ${UNITS} JOIN r ON r.k = c.i % 365
            UNION ALL
            SELECT c.id, u.id, c.created_at, r.id, c.i, 1, 'declined'
              FROM c JOIN u ON u.j = (c.i + 1) % ${UNITS} JOIN r ON r.k = (c.i + 7) % 365
             WHERE c.i % 3 = 0)
     INSERT INTO proposals (unit_id, client_id, region_code, status, origin, run_id, score, breakdown,
                            rules, policy_version, approved_at, created_at, updated_at, closed_at,
                            placed_at, lease_start, reason)
     SELECT unit_id, client_id, $1, status, 'run', run_id, 0.7, '{}'::jsonb, '[]'::jsonb, 1,
            CASE WHEN status IN ('approved', 'accepted', 'placed', 'declined') THEN created_at + interval '2 days' END,
            created_at + make_interval(days => round), created_at + interval '3 days',
            CASE WHEN status IN ('rejected', 'declined', 'placed', 'cancelled', 'expired')
                 THEN created_at + interval '5 days' END,
            CASE WHEN status = 'placed' THEN created_at + interval '5 days' END,
            CASE WHEN status = 'placed' THEN (created_at + interval '20 days')::date END,
            CASE status WHEN 'rejected' THEN 'better_alternative' WHEN 'cancelled' THEN 'information_incomplete'
                        WHEN 'expired' THEN 'deadline_passed'
                        WHEN 'declined' THEN (ARRAY['location_refused', 'household_does_not_fit'])[i % 2 + 1] END
       FROM pairs`,
    [regionCode],
  );
  await dataSource.query(
    `INSERT INTO proposal_decisions (proposal_id, action, party, reason, decided_at)
     SELECT id, CASE status WHEN 'rejected' THEN 'reject' WHEN 'declined' THEN 'decline'
                            WHEN 'cancelled' THEN 'cancel' ELSE 'expire' END,
            CASE status WHEN 'declined' THEN
                   CASE reason WHEN 'location_refused' THEN 'provider' ELSE 'corporation' END
                 WHEN 'expired' THEN 'system' ELSE 'matcher' END,
            reason, closed_at
       FROM proposals WHERE status IN ('rejected', 'declined', 'cancelled', 'expired')`,
  );
  await dataSource.query(
    `UPDATE clients c SET status = 'placed', closed_at = p.closed_at
       FROM proposals p WHERE p.client_id = c.id AND p.status = 'placed'`,
  );
  await dataSource.query(
    `UPDATE clients c SET status = 'proposed'
       FROM proposals p WHERE p.client_id = c.id AND p.status IN ('proposed', 'approved', 'accepted')`,
  );
  await dataSource.query(
    `UPDATE units u SET status = 'let' FROM proposals p WHERE p.unit_id = u.id AND p.status = 'placed'`,
  );
  // The tenancies behind the placements (a home placed twice: the earlier tenancy ended), their
  // history, and check-ins: recorded (85 % stably housed) when due over a month ago, else open.
  await dataSource.query(
    `INSERT INTO placements (proposal_id, unit_id, client_id, corporation_id, provider_id,
                             region_code, municipality_code, unit_type, lease_start, status, tenant,
                             review_date, end_date, ended_on, end_reason, created_at)
     SELECT p.id, p.unit_id, p.client_id, u.corporation_id, c.provider_id, p.region_code,
            u.municipality_code, u.type, p.lease_start,
            CASE WHEN last THEN 'active' ELSE 'ended' END,
            CASE WHEN u.type = 'omklap' THEN 'provider' ELSE 'client' END,
            CASE WHEN u.type = 'omklap'
                 THEN p.lease_start + make_interval(months => u.omklap_review_after_months) END,
            CASE WHEN u.type = 'doorstroom'
                 THEN p.lease_start + make_interval(months => u.doorstroom_max_stay_months) END,
            CASE WHEN NOT last THEN p.lease_start + 30 END, CASE WHEN NOT last THEN 'ended' END,
            p.placed_at
       FROM (SELECT *, row_number() OVER (PARTITION BY unit_id ORDER BY lease_start DESC) = 1 AS last
               FROM proposals WHERE status = 'placed') p
       JOIN units u ON u.id = p.unit_id JOIN clients c ON c.id = p.client_id`,
  );
  await dataSource.query(
    `INSERT INTO placement_events (placement_id, type, date)
     SELECT id, 'placed', lease_start FROM placements
     UNION ALL SELECT id, 'ended', ended_on FROM placements WHERE status = 'ended'
     UNION ALL SELECT id, 'omklap_flipped', lease_start + 90 FROM placements
                WHERE unit_type = 'omklap' AND status = 'active' AND lease_start + 90 < current_date`,
  );
  await dataSource.query(
    `INSERT INTO placement_checkins (placement_id, months, due_date, status, stably_housed,
                                     recorded_on, recorded_by)
     SELECT pl.id, m.months, d.due,
            CASE WHEN d.due < current_date - 30 THEN 'done'
                 WHEN pl.status = 'ended' THEN 'cancelled' ELSE 'open' END,
            CASE WHEN d.due < current_date - 30 THEN abs(hashtext(pl.id::text || m.months)) % 100 < 85 END,
            CASE WHEN d.due < current_date - 30 THEN d.due + 7 END,
            CASE WHEN d.due < current_date - 30 THEN pl.provider_id END
       FROM placements pl CROSS JOIN (VALUES (3), (6), (12)) AS m(months)
       CROSS JOIN LATERAL (SELECT (pl.lease_start + make_interval(months => m.months))::date AS due) d`,
  );
  await dataSource.query(`ANALYZE`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10;
}

export default async function run(): Promise<Record<string, unknown>[]> {
  const config = loadConfig(process.env);
  const unreachable = await probeServer(config.DATABASE_URL);
  if (unreachable !== undefined) {
    return [{ bench: 'reports', skipped: `PostgreSQL unreachable: ${unreachable}` }];
  }
  const database = await throwawayDatabase(config.DATABASE_URL);
  const url = database.url;
  const dataSource = createDataSource(
    { DATABASE_URL: url, DATABASE_POOL_SIZE: 4 },
    { applicationName: 'bench-reports' },
  );
  try {
    await runMigrations({ DATABASE_URL: url }, 'up');
    await dataSource.initialize();
    const now = new Date();
    const population = generatePopulation({
      seed: 20_261_130,
      clients: CLIENTS,
      units: UNITS,
      geography: 'noord-midden-limburg',
      now,
    });
    const loaded = await loadPopulation(dataSource, population, 'bench-reports');
    await writeYearOfActivity(dataSource, loaded.regionCode);
    const counts = (
      await dataSource.query<
        { proposals: number; placed: number; decisions: number; checkins: number }[]
      >(
        `SELECT (SELECT count(*)::int FROM proposals) AS proposals,
                (SELECT count(*)::int FROM proposals WHERE status = 'placed') AS placed,
                (SELECT count(*)::int FROM proposal_decisions) AS decisions,
                (SELECT count(*)::int FROM placement_checkins) AS checkins`,
      )
    )[0];

    const service = new ReportService(dataSource, () => now, 5);
    const actor = (role: 'matcher' | 'viewer', municipalityCodes: string[]): Actor => ({
      tokenId: '00000000-0000-4000-8000-000000000000',
      role,
      organisationId: loaded.matcherOrganisationId,
      organisationKind: role === 'matcher' ? 'matchingspunt' : 'gemeente',
      regionCode: loaded.regionCode,
      municipalityCodes,
    });
    const year = dutchDate(now).slice(0, 4);
    const time = async (call: () => Promise<unknown>) => {
      await call(); // warm: the first call pays for plans and the pool
      const timings: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await call();
        timings.push(performance.now() - started);
      }
      return { medianMs: median(timings), maxMs: Math.round(Math.max(...timings)) };
    };
    const matcher = actor('matcher', loaded.municipalityCodes);
    const period = { from: `${Number(year) - 1}-${dutchDate(now).slice(5)}`, to: dutchDate(now) };
    const region = await time(() => service.overview(matcher, period));
    const gemeente = await time(() =>
      service.overview(actor('viewer', [loaded.municipalityCodes[0] ?? '']), {}),
    );
    const csv = await time(() => service.csv(matcher, 'placements', period, 'semicolon'));
    return [
      {
        bench: 'reports-overview',
        clients: CLIENTS,
        units: UNITS,
        municipalities: loaded.municipalityCodes.length,
        ...counts,
        runs: 365,
        matcherOverview: region,
        gemeenteOverview: gemeente,
        placementsCsv: csv,
        targetMs: 200,
      },
    ];
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}
