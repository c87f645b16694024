import type { Db } from '../../shared/database/db';
import { allOf, Params, prepared, rowCount } from '../../shared/database/prepared';
import type { JsonRow, PageRequest } from '../../shared/http/pagination';
import type { PolicyOverrides } from './snapshot.loader';
import type {
  PassedOverItem,
  Run,
  RunFilter,
  RunPreview,
  RunStats,
  RunTrigger,
} from './run.schemas';

/**
 * A run as the API shows it. `listRunsJson` builds the same JSON in SQL for the list: change one,
 * change the other (`expectRunsListedAsRead` holds every listed run to its single read).
 */
const SELECT = `
  SELECT r.id, r.region_code AS "regionCode", r.status, r.trigger, r.dry_run AS "dryRun",
         r.policy_overrides AS "policyOverrides", r.policy_version AS "policyVersion", r.attempts,
         r.stats, r.error, to_json(r.created_at)#>>'{}' AS "createdAt",
         to_json(r.started_at)#>>'{}' AS "startedAt", to_json(r.finished_at)#>>'{}' AS "finishedAt"
    FROM matching_runs r`;

export async function insertRun(
  db: Db,
  run: {
    regionCode: string;
    trigger: RunTrigger;
    dryRun: boolean;
    policyOverrides: PolicyOverrides | null;
    requestedByTokenId: string | null;
    jobId?: string;
    status?: 'queued' | 'running';
  },
): Promise<string> {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO matching_runs (region_code, trigger, dry_run, policy_overrides, requested_by_token_id,
                                job_id, status, started_at, attempts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7 = 'running' THEN now() END,
             CASE WHEN $7 = 'running' THEN 1 ELSE 0 END)
     RETURNING id`,
    [
      run.regionCode,
      run.trigger,
      run.dryRun,
      run.policyOverrides === null ? null : JSON.stringify(run.policyOverrides),
      run.requestedByTokenId,
      run.jobId ?? null,
      run.status ?? 'queued',
    ],
  );
  return rows[0]?.id ?? '';
}

export async function findRun(db: Db, id: string): Promise<Run | undefined> {
  const rows = await db.query<Run[]>(prepared(`${SELECT} WHERE r.id = $1`), [id]);
  return rows[0];
}

export async function findRunIdByJob(db: Db, jobId: string): Promise<string | undefined> {
  const rows = await db.query<{ id: string }[]>(`SELECT id FROM matching_runs WHERE job_id = $1`, [
    jobId,
  ]);
  return rows[0]?.id;
}

/**
 * A page of runs (`limit + 1` rows), each as the JSON text `res.json` gives `findRun`'s row: the
 * same keys in the same order, built by PostgreSQL (docs/performance.md, "The runs page built by
 * PostgreSQL"). `stats` and `policyOverrides` are the stored jsonb's text, keys in its order.
 */
export async function listRunsJson(
  db: Db,
  regionCodes: readonly string[] | 'all',
  filter: RunFilter,
  page: PageRequest,
): Promise<JsonRow[]> {
  const params = new Params();
  const where = allOf([
    regionCodes === 'all' ? null : `r.region_code = ANY(${params.add(regionCodes)}::text[])`,
    params.equal('r.region_code', filter.regionCode),
    params.equal('r.status', filter.status),
    params.after('r', page.after),
  ]);
  return db.query<JsonRow[]>(
    prepared(
      `SELECT r.id, to_json(r.created_at)#>>'{}' AS "createdAt", json_build_object(
                'id', r.id, 'regionCode', r.region_code, 'status', r.status, 'trigger', r.trigger,
                'dryRun', r.dry_run, 'policyOverrides', r.policy_overrides,
                'policyVersion', r.policy_version, 'attempts', r.attempts, 'stats', r.stats,
                'error', r.error, 'createdAt', to_json(r.created_at)#>>'{}',
                'startedAt', to_json(r.started_at)#>>'{}',
                'finishedAt', to_json(r.finished_at)#>>'{}')::text AS json
         FROM matching_runs r
        WHERE ${where} ORDER BY r.created_at, r.id LIMIT ${rowCount(page.limit + 1)}`,
    ),
    params.values,
  );
}

/**
 * Marks the run running. Runs of the region still marked running belong to a worker that died
 * (the caller holds the region's lock, so no live worker runs one): they end failed.
 */
export async function startRun(
  db: Db,
  id: string,
  regionCode: string,
  dryRun: boolean,
): Promise<void> {
  if (!dryRun) {
    await db.query(
      `UPDATE matching_runs SET status = 'failed', finished_at = now(),
              error = 'interrupted: the worker running it stopped; a later attempt took over'
        WHERE region_code = $1 AND status = 'running' AND NOT dry_run AND id <> $2`,
      [regionCode, id],
    );
  }
  await db.query(
    `UPDATE matching_runs SET status = 'running', started_at = now(), attempts = attempts + 1,
            finished_at = NULL WHERE id = $1`,
    [id],
  );
}

export async function finishRun(
  db: Db,
  id: string,
  outcome: {
    stats: RunStats;
    /** The passed-over report as JSON (`regionOutcome`). */
    passedOverJson: string;
    policyVersion: number;
    snapshotSeq: number;
  },
): Promise<void> {
  await db.query(
    `UPDATE matching_runs SET status = 'done', finished_at = now(), stats = $2, policy_version = $3,
            snapshot_seq = $4, passed_over = $5, error = NULL
      WHERE id = $1`,
    [
      id,
      JSON.stringify(outcome.stats),
      outcome.policyVersion,
      outcome.snapshotSeq,
      outcome.passedOverJson,
    ],
  );
}

/**
 * A run's passed-over report, only the clients belonging to `municipalityCodes` (null: all).
 * Undefined when the run has none stored (not done yet).
 */
export async function findPassedOver(
  db: Db,
  id: string,
  municipalityCodes: readonly string[] | null,
): Promise<PassedOverItem[] | undefined> {
  const rows = await db.query<{ items: PassedOverItem[] | null }[]>(
    `SELECT (SELECT coalesce(jsonb_agg(e.entry ORDER BY e.n), '[]'::jsonb)
               FROM jsonb_array_elements(r.passed_over) WITH ORDINALITY AS e(entry, n)
               JOIN clients c ON c.id = (e.entry->>'clientId')::uuid
              WHERE $2::text[] IS NULL OR c.municipality_of_belonging = ANY($2::text[])) AS items
       FROM matching_runs r WHERE r.id = $1 AND r.passed_over IS NOT NULL`,
    [id, municipalityCodes],
  );
  return rows[0]?.items ?? undefined;
}

/** After a failed attempt: `failed` for good once attempts are used up, else back in the queue. */
export async function recordRunFailure(
  db: Db,
  id: string,
  error: string,
  final: boolean,
): Promise<void> {
  await db.query(
    `UPDATE matching_runs SET status = $3, error = $2,
            finished_at = CASE WHEN $3 = 'failed' THEN now() END
      WHERE id = $1 AND status <> 'done'`,
    [id, error.slice(0, 1000), final ? 'failed' : 'queued'],
  );
}

export async function insertPreview(
  db: Db,
  runId: string,
  pairs: { unitId: string; clientId: string; score: number; breakdown: Record<string, number> }[],
): Promise<void> {
  if (pairs.length === 0) return;
  await db.query(
    `INSERT INTO matching_run_previews (run_id, unit_id, client_id, score, breakdown)
     SELECT $1, p.unit_id, p.client_id, p.score, p.breakdown
       FROM jsonb_to_recordset($2::jsonb) AS p(unit_id uuid, client_id uuid, score float8, breakdown jsonb)
     ON CONFLICT DO NOTHING`,
    [
      runId,
      JSON.stringify(
        pairs.map((pair) => ({
          unit_id: pair.unitId,
          client_id: pair.clientId,
          score: pair.score,
          breakdown: pair.breakdown,
        })),
      ),
    ],
  );
}

export async function listPreview(db: Db, runId: string): Promise<RunPreview['items']> {
  return db.query(
    `SELECT unit_id AS "unitId", client_id AS "clientId", score, breakdown
       FROM matching_run_previews WHERE run_id = $1 ORDER BY score DESC, unit_id`,
    [runId],
  );
}

/**
 * Every region, for the nightly runs: the largest first (waiting clients times available units,
 * what a run's work grows with), then by code. Runs are taken from the queue in this order, so
 * the long runs start at once and the short ones fill in around them, rather than a long run
 * starting last and keeping the night's runs going on its own.
 */
export async function listRegionCodes(db: Db): Promise<string[]> {
  const rows = await db.query<{ code: string }[]>(
    `WITH clients_waiting AS (
       SELECT m.region_code, count(*) AS n FROM clients c
         JOIN municipalities m ON m.code = c.municipality_of_belonging
        WHERE c.status = 'waiting' GROUP BY m.region_code
     ), units_available AS (
       SELECT m.region_code, count(*) AS n FROM units u
         JOIN municipalities m ON m.code = u.municipality_code
        WHERE u.status = 'available' GROUP BY m.region_code
     )
     SELECT r.code FROM regions r
       LEFT JOIN clients_waiting c ON c.region_code = r.code
       LEFT JOIN units_available u ON u.region_code = r.code
      ORDER BY coalesce(c.n, 0) * coalesce(u.n, 0) DESC, r.code`,
  );
  return rows.map((row) => row.code);
}
