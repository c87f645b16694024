import type { DataSource } from 'typeorm';

import { type Actor, requireRole } from '../../shared/auth/actor';
import { inTransaction, rootDb } from '../../shared/database/db';
import { type FieldError, ValidationError } from '../../shared/errors/app-error';
import { type PageRequest, toJsonPage } from '../../shared/http/pagination';
import { writeOutbox } from '../../shared/outbox/outbox';
import { MatchingError, MatchingErrorCode } from './matching.errors';
import { MATCHING_TOPICS } from './matching.jobs';
import * as runs from './run.repository';
import type { CreateRunInput, PassedOverList, Run, RunFilter, RunPreview } from './run.schemas';

/** Regions whose runs the actor may see: a matcher its own, an admin every one. */
function visibleRegions(actor: Actor): readonly string[] | 'all' {
  if (actor.role === 'admin') return 'all';
  return actor.regionCode === null ? [] : [actor.regionCode];
}

export class RunService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Queues a run (202): the run row and its outbox message commit together, so the run follows
   * even if Redis is down right now. A dry run stores only itself and its would-be proposals.
   */
  async request(actor: Actor, input: CreateRunInput): Promise<Run> {
    requireRole(actor, 'matcher', 'admin');
    const db = rootDb(this.dataSource);
    const regions = visibleRegions(actor);
    if (regions !== 'all' && !regions.includes(input.regionCode)) throw noRegion(input.regionCode);
    const municipalities = await db.query<{ code: string }[]>(
      `SELECT code FROM municipalities WHERE region_code = $1`,
      [input.regionCode],
    );
    const exists = await db.query<{ code: string }[]>(`SELECT code FROM regions WHERE code = $1`, [
      input.regionCode,
    ]);
    if (exists.length === 0) throw noRegion(input.regionCode);
    const [current] = await db.query<{ weights: Record<string, number> }[]>(
      `SELECT json_build_object('location', weight_location::float8, 'spreiding', weight_spreiding::float8,
                'prikkelarm', weight_prikkelarm::float8, 'begeleiding', weight_begeleiding::float8,
                'wait', weight_wait::float8) AS weights
         FROM region_policies WHERE region_code = $1 ORDER BY version DESC LIMIT 1`,
      [input.regionCode],
    );
    this.checkOverrides(
      input,
      new Set(municipalities.map((row) => row.code)),
      current?.weights ?? {},
    );

    const id = await inTransaction(this.dataSource, async (tx) => {
      const runId = await runs.insertRun(tx, {
        regionCode: input.regionCode,
        trigger: 'request',
        dryRun: input.dryRun,
        policyOverrides: input.policy ?? null,
        requestedByTokenId: actor.tokenId,
      });
      await writeOutbox(tx, [{ topic: MATCHING_TOPICS.runRequested, payload: { runId } }]);
      return runId;
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<Run> {
    requireRole(actor, 'matcher', 'admin');
    const run = await runs.findRun(rootDb(this.dataSource), id);
    const regions = visibleRegions(actor);
    if (!run || (regions !== 'all' && !regions.includes(run.regionCode))) {
      throw new MatchingError(MatchingErrorCode.RunNotFound, `No matching run ${id}.`);
    }
    return run;
  }

  /** A page of runs as JSON text (`GET /matching/runs`), built by the database. */
  async list(actor: Actor, filter: RunFilter, page: PageRequest): Promise<string> {
    requireRole(actor, 'matcher', 'admin');
    const rows = await runs.listRunsJson(
      rootDb(this.dataSource),
      visibleRegions(actor),
      filter,
      page,
    );
    return toJsonPage(rows, page.limit).text;
  }

  /** A dry run's would-be proposals (a real run's are in `/proposals?runId=`). */
  async preview(actor: Actor, id: string): Promise<RunPreview> {
    const run = await this.get(actor, id);
    return { runId: run.id, items: await runs.listPreview(rootDb(this.dataSource), run.id) };
  }

  /**
   * A run's passed-over report: for a matcher only the clients belonging to its municipalities.
   * Ids and reason codes only. Empty until the run is done.
   */
  async passedOver(actor: Actor, id: string): Promise<PassedOverList> {
    const run = await this.get(actor, id);
    const scope = actor.role === 'admin' ? null : actor.municipalityCodes;
    const items = await runs.findPassedOver(rootDb(this.dataSource), run.id, scope);
    return { runId: run.id, items: items ?? [] };
  }

  private checkOverrides(
    input: CreateRunInput,
    regionMunicipalities: Set<string>,
    currentWeights: Record<string, number>,
  ): void {
    const errors: FieldError[] = [];
    const weights = input.policy?.weights;
    // The engine refuses a policy whose weights are all 0: say so now, not as a failed run.
    if (weights && Object.values({ ...currentWeights, ...weights }).every((w) => w === 0)) {
      errors.push({ path: 'policy.weights', message: 'at least one weight must be above 0' });
    }
    for (const code of Object.keys(input.policy?.municipalityCaps ?? {})) {
      if (!regionMunicipalities.has(code)) {
        errors.push({
          path: `policy.municipalityCaps.${code}`,
          message: `not a municipality of region "${input.regionCode}"`,
        });
      }
    }
    if (errors.length > 0) throw new ValidationError(errors);
  }
}

function noRegion(code: string): MatchingError {
  return new MatchingError(MatchingErrorCode.RegionNotFound, `No region "${code}".`);
}
