import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';

import { nodePostgresPool } from '../database/data-source';
import { getMetrics } from './metrics';

/** The pool the gauges read: the latest process component to register (tests make many). */
let source: DataSource | undefined;

/**
 * The process's database pool in the process registry (served at `/metrics`): its connections in
 * use and idle, and the statements waiting for one. A pool with none idle and statements waiting is
 * where requests queue once the database's connections are all held (docs/performance.md, "Where
 * the mix waits: the pool").
 */
export function registerDatabasePoolMetrics(dataSource: DataSource): void {
  const first = source === undefined;
  source = dataSource;
  if (!first) return;
  const { registry } = getMetrics();
  new Gauge({
    name: 'matchpunt_db_pool_connections',
    help: "Connections of the process's database pool, in use (checked out) or idle.",
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = source && nodePostgresPool(source);
      if (!pool) return;
      this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'idle' }, pool.idleCount);
    },
  });
  new Gauge({
    name: 'matchpunt_db_pool_waiting_requests',
    help: "Statements waiting for a connection of the process's database pool.",
    registers: [registry],
    collect() {
      const pool = source && nodePostgresPool(source);
      // pg-pool queues every checkout and hands out idle connections a tick later: as many queued
      // as there are idle connections are not waiting (the scrape's own reads are among them).
      if (pool) this.set(Math.max(0, pool.waitingCount - pool.idleCount));
    },
  });
}
