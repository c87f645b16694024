import type { DataSource } from 'typeorm';

import { inTransaction, rootDb } from '../../shared/database/db';
import type { Logger } from '../../shared/logger/logger';
import { writeOutbox } from '../../shared/outbox/outbox';
import type { JobContext } from '../../shared/queue/job-definition';
import type { Clock } from '../../shared/time/clock';
import { insertRunProposals } from '../proposals';
import type { RegionMatchInput } from './engine/region-match';
import { MATCHING_TOPICS } from './matching.jobs';
import { getMatchingMetrics } from './matching.metrics';
import type { RegionOutcome } from './region-outcome';
import { markRegionServed, regionRunDue } from './region-state.repository';
import * as runs from './run.repository';
import type { RunStats } from './run.schemas';
import {
  inSnapshot,
  loadRegionSnapshot,
  type PolicyOverrides,
  type RegionSnapshot,
} from './snapshot.loader';

/**
 * Solves one region; in production an engine thread (`EngineThreadPool.match`), in process
 * `regionOutcome(matchRegion(input))`.
 */
export type RegionMatcher = (input: RegionMatchInput) => Promise<RegionOutcome>;

export interface RunExecutorOptions {
  dataSource: DataSource;
  match: RegionMatcher;
  clock: Clock;
  logger: Logger;
  /** How long a run waits for the region's lock (the run before it) before it gives up. */
  lockTimeoutMs: number;
}

/** Key space of the advisory locks held by runs (the second key is the region's hash). */
export const REGION_LOCK_SPACE = 8_100_001;

interface RunToExecute {
  id: string;
  regionCode: string;
  dryRun: boolean;
  policyOverrides: PolicyOverrides | null;
}

const inputOf = (snapshot: RegionSnapshot): RegionMatchInput => ({
  units: snapshot.units,
  clients: snapshot.clients,
  fixed: snapshot.fixed,
  context: snapshot.context,
});

const seconds = (ms: number) => ms / 1000;

/**
 * Executes matching runs in the worker. One run per region at a time: a run holds an advisory
 * lock on its region for its whole length (released by PostgreSQL should the worker die), and
 * the unique index on running runs backs that up in the data. Runs of different regions go on
 * in parallel, in this process or others.
 */
export class RunExecutor {
  constructor(private readonly options: RunExecutorOptions) {}

  /** A change job: runs unless a finished run has seen every change of the region already. */
  async onRegionChanged(
    regionCode: string,
    job: JobContext,
  ): Promise<{ runId?: string; skipped?: boolean }> {
    const db = rootDb(this.options.dataSource);
    if (!(await regionRunDue(db, regionCode))) {
      getMatchingMetrics().runs.inc({ outcome: 'skipped' });
      return { skipped: true };
    }
    return this.withRegionLock(regionCode, async () => {
      // Checked again under the lock: the run before may have covered this change meanwhile.
      let runId = await runs.findRunIdByJob(db, job.jobId);
      if (!(await regionRunDue(db, regionCode))) {
        // An earlier attempt of this job that failed leaves its run behind: close it.
        if (runId !== undefined) {
          await runs.recordRunFailure(
            db,
            runId,
            'superseded: a later run covered the change',
            true,
          );
        }
        getMatchingMetrics().runs.inc({ outcome: 'skipped' });
        return { skipped: true };
      }
      runId ??= await runs.insertRun(db, {
        regionCode,
        trigger: 'change',
        dryRun: false,
        policyOverrides: null,
        requestedByTokenId: null,
        jobId: job.jobId,
      });
      await this.attempt({ id: runId, regionCode, dryRun: false, policyOverrides: null }, job);
      return { runId };
    });
  }

  /** A requested run (API, nightly): always runs, once. */
  async onRunRequested(runId: string, job: JobContext): Promise<{ status: string }> {
    const db = rootDb(this.options.dataSource);
    const run = await runs.findRun(db, runId);
    if (!run) return { status: 'missing' };
    if (run.status === 'done' || run.status === 'failed') return { status: run.status };
    const target: RunToExecute = {
      id: run.id,
      regionCode: run.regionCode,
      dryRun: run.dryRun,
      policyOverrides: run.policyOverrides,
    };
    // A dry run writes no proposals, so it needs no turn on the region.
    if (run.dryRun) await this.attempt(target, job);
    else await this.withRegionLock(run.regionCode, () => this.attempt(target, job));
    return { status: 'done' };
  }

  /** The nightly job: a full run requested for every region, through the outbox. */
  async requestNightlyRuns(): Promise<number> {
    return inTransaction(this.options.dataSource, async (tx) => {
      const regions = await runs.listRegionCodes(tx);
      const ids: string[] = [];
      for (const regionCode of regions) {
        ids.push(
          await runs.insertRun(tx, {
            regionCode,
            trigger: 'nightly',
            dryRun: false,
            policyOverrides: null,
            requestedByTokenId: null,
          }),
        );
      }
      await writeOutbox(
        tx,
        ids.map((runId) => ({ topic: MATCHING_TOPICS.runRequested, payload: { runId } })),
      );
      return ids.length;
    });
  }

  private async attempt(run: RunToExecute, job: JobContext): Promise<void> {
    const db = rootDb(this.options.dataSource);
    const metrics = getMatchingMetrics();
    await runs.startRun(db, run.id, run.regionCode, run.dryRun);
    try {
      await this.execute(run);
      metrics.runs.inc({ outcome: 'done' });
    } catch (error) {
      const final = job.attempt >= job.maxAttempts;
      const message = error instanceof Error ? error.message : String(error);
      await runs.recordRunFailure(db, run.id, message, final);
      metrics.runs.inc({ outcome: final ? 'failed' : 'retried' });
      this.options.logger.warn(
        {
          regionCode: run.regionCode,
          runId: run.id,
          attempt: job.attempt,
          final,
          err: { message },
        },
        final ? 'matching run failed' : 'matching run attempt failed; retrying',
      );
      throw error;
    }
  }

  private async execute(run: RunToExecute): Promise<void> {
    const { dataSource, match, clock, logger } = this.options;
    const metrics = getMatchingMetrics();
    const started = performance.now();
    const now = clock();
    const { current, whatIf } = await inSnapshot(dataSource, async (db) => ({
      current: await loadRegionSnapshot(db, run.regionCode, now),
      whatIf: run.policyOverrides
        ? await loadRegionSnapshot(db, run.regionCode, now, run.policyOverrides)
        : undefined,
    }));
    if (!current) throw new Error(`region ${run.regionCode} has no policy`);
    const subject = whatIf ?? current;
    const loaded = performance.now();

    const result = await match(inputOf(subject));
    const baseline = run.dryRun && whatIf ? await match(inputOf(current)) : undefined;
    const matched = performance.now();

    const stats = (proposalsCreated: number, storeMs: number): RunStats => ({
      clients: result.stats.clients,
      units: result.stats.units,
      fixedPairs: result.stats.fixedPairs,
      pairs: result.stats.pairs,
      proposalsCreated,
      assigned: result.stats.assigned,
      objective: result.stats.objective,
      urgentHoused: result.stats.urgentHoused,
      waitDaysHoused: result.stats.waitDaysHoused,
      fit: result.stats.fit,
      greedyAssigned: result.stats.greedyAssigned,
      greedyObjective: result.stats.greedyObjective,
      greedyUrgentHoused: result.stats.greedyUrgentHoused,
      greedyWaitDaysHoused: result.stats.greedyWaitDaysHoused,
      greedyFit: result.stats.greedyFit,
      optimality: result.stats.optimality,
      passedOver: result.stats.passedOver,
      perMunicipality: result.stats.perMunicipality,
      millis: Math.round(performance.now() - started),
      phases: {
        load: Math.round(loaded - started),
        score: result.stats.millis.score,
        solve: result.stats.millis.solve,
        report: Math.max(
          0,
          Math.round(matched - loaded - result.stats.millis.score - result.stats.millis.solve),
        ),
        store: Math.round(storeMs),
      },
      ...(baseline
        ? {
            comparison: {
              current: outcome(baseline),
              whatIf: outcome(result),
            },
          }
        : {}),
    });

    const storeStarted = performance.now();
    const created = await inTransaction(dataSource, async (tx) => {
      let count = 0;
      if (run.dryRun) {
        await runs.insertPreview(tx, run.id, result.pairs);
      } else {
        const inserted = await insertRunProposals(
          tx,
          run.id,
          run.regionCode,
          result.pairs.map((pair) => ({
            ...pair,
            unitVersion: subject.unitVersions.get(pair.unitId) ?? -1,
            clientVersion: subject.clientVersions.get(pair.clientId) ?? -1,
          })),
        );
        count = inserted.length;
        await markRegionServed(tx, run.regionCode, subject.changeSeq);
      }
      const final = stats(count, performance.now() - storeStarted);
      await runs.finishRun(tx, run.id, {
        stats: final,
        passedOverJson: result.passedOverJson,
        policyVersion: subject.policy.version,
        snapshotSeq: subject.changeSeq,
      });
      return final;
    });

    metrics.runPhase.observe({ phase: 'load' }, seconds(created.phases.load));
    metrics.runPhase.observe({ phase: 'score' }, seconds(created.phases.score));
    metrics.runPhase.observe({ phase: 'solve' }, seconds(created.phases.solve));
    metrics.runPhase.observe({ phase: 'report' }, seconds(created.phases.report ?? 0));
    metrics.runPhase.observe({ phase: 'store' }, seconds(created.phases.store));
    metrics.runPhase.observe({ phase: 'total' }, seconds(created.millis));
    // Counts and ids only: never anything about a client.
    logger.info(
      {
        regionCode: run.regionCode,
        runId: run.id,
        dryRun: run.dryRun,
        clients: created.clients,
        units: created.units,
        pairs: created.pairs,
        assigned: created.assigned,
        urgentHoused: created.urgentHoused,
        exact: created.optimality.exact,
        passedOver: created.passedOver,
        proposalsCreated: created.proposalsCreated,
        greedyAssigned: created.greedyAssigned,
        phases: created.phases,
        ms: created.millis,
        engineMs: Math.round(matched - loaded),
      },
      'matching run done',
    );
  }

  private async withRegionLock<T>(regionCode: string, work: () => Promise<T>): Promise<T> {
    const runner = this.options.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT set_config('lock_timeout', $1, false)`, [
        `${this.options.lockTimeoutMs}ms`,
      ]);
      await runner.query(`SELECT pg_advisory_lock($1, hashtext($2))`, [
        REGION_LOCK_SPACE,
        regionCode,
      ]);
      try {
        return await work();
      } finally {
        await runner
          .query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [REGION_LOCK_SPACE, regionCode])
          .catch(() => undefined);
      }
    } finally {
      await runner.query(`RESET lock_timeout`).catch(() => undefined);
      await runner.release();
    }
  }
}

function outcome(result: RegionOutcome) {
  return {
    assigned: result.stats.assigned,
    objective: result.stats.objective,
    perMunicipality: result.stats.perMunicipality,
  };
}
