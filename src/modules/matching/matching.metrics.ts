import { Counter, Gauge, Histogram } from 'prom-client';
import type { DataSource } from 'typeorm';

import { getMetrics } from '../../shared/metrics/metrics';
import { outboxBacklog } from '../../shared/outbox/outbox';
import type { JobProducer } from '../../shared/queue/job-producer';
import { MATCHING_QUEUE } from './matching.jobs';

export interface MatchingMetrics {
  runPhase: Histogram<'phase'>;
  runs: Counter<'outcome'>;
}

let metrics: MatchingMetrics | undefined;
/** Where the gauges read from; the latest process component to register wins (tests make many). */
let sources: { dataSource: DataSource; jobs: JobProducer } | undefined;

/** Matching's metrics in the process registry (served at `/metrics`). */
export function getMatchingMetrics(): MatchingMetrics {
  if (metrics) return metrics;
  const { registry } = getMetrics();
  metrics = {
    runPhase: new Histogram({
      name: 'matchpunt_matching_run_phase_seconds',
      help: 'Duration of each phase of a matching run (load, score, solve, report, store, total).',
      labelNames: ['phase'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    runs: new Counter({
      name: 'matchpunt_matching_runs_total',
      help: 'Matching run attempts by outcome: done, retried, failed, skipped (nothing new).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
  new Gauge({
    name: 'matchpunt_queue_jobs',
    help: 'Jobs in the matching queue by state.',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      if (!sources) return;
      try {
        const counts = await sources.jobs
          .queue(MATCHING_QUEUE)
          .getJobCounts('waiting', 'delayed', 'active', 'failed', 'prioritized');
        for (const [state, count] of Object.entries(counts)) {
          this.set({ queue: MATCHING_QUEUE, state }, count);
        }
      } catch {
        // Redis away: leave the last values; /readyz reports the outage.
      }
    },
  });
  new Gauge({
    name: 'matchpunt_outbox_backlog',
    help: 'Outbox messages not yet handed to their queue.',
    registers: [registry],
    async collect() {
      if (!sources) return;
      try {
        this.set(await outboxBacklog(sources.dataSource.manager));
      } catch {
        // Database away: /readyz reports it.
      }
    },
  });
  return metrics;
}

export function registerMatchingMetricSources(dataSource: DataSource, jobs: JobProducer): void {
  getMatchingMetrics();
  sources = { dataSource, jobs };
}
