import { Client } from 'pg';

import { loadConfig } from '../../config';
import type { RunningWorker } from '../../workers';
import { uniqueSuffix } from '../support/factories';
import {
  createMatchingWorld,
  forgetEarlierOutbox,
  spawnWorker,
  startTestWorker,
} from '../support/matching';
import { eventually } from '../support/tcp-proxy';
import { createTestApp } from '../support/test-app';
import { workflowSteps } from '../support/workflow-steps';

jest.setTimeout(120_000);

describe('expiry under faults', () => {
  it('when the worker is SIGKILLed in the middle of an expiry, then another worker expires the proposal, once', async () => {
    const t = await createTestApp();
    await forgetEarlierOutbox(t.runtime.dataSource);
    const env = {
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}:${uniqueSuffix()}`,
      JOB_LOCK_DURATION_MS: '2000',
      WORKER_CONCURRENCY: '1',
    };
    const first = await spawnWorker(env);
    let replacement: RunningWorker | undefined;
    const holder = new Client({ connectionString: loadConfig(process.env).DATABASE_URL });
    await holder.connect();
    try {
      const w = workflowSteps(t.app, t.runtime.dataSource);
      const world = await createMatchingWorld(t.app, t.runtime.dataSource);
      await w.setPolicy(world, { deadlines: { corporationDays: 0, providerDays: 0 } });
      const { proposalId, unitId, clientId } = await w.pairUp(world);

      // The test holds the client's row: the expiry locks the proposal, writes it and the unit,
      // and then waits here, in the middle of its transaction.
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM clients WHERE id = $1 FOR UPDATE', [clientId]);
      await w.step(world.matcher.token, proposalId, 'approve').expect(200);
      const waiting = await eventually(
        () =>
          t.runtime.dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'
                AND query LIKE 'UPDATE clients SET status = ''waiting''%'`,
          ),
        (rows) => rows[0]!.n === 1,
        20_000,
      );
      expect(waiting[0]!.n).toBe(1);
      const [inFlight] = await t.runtime.dataSource.query<{ status: string }[]>(
        `SELECT status FROM proposals WHERE id = $1`,
        [proposalId],
      );
      // Uncommitted: from outside, nothing has changed yet.
      expect(inFlight!.status).toBe('approved');

      first.child.kill('SIGKILL');
      await first.exited;
      replacement = await startTestWorker(env);
      await holder.query('ROLLBACK');

      const expired = await eventually(
        () => w.read(world.matcher.token, proposalId),
        (body) => body.status === 'expired',
        30_000,
      );
      expect(expired.reason).toBe('deadline_passed');
      expect(await w.statusesOf(unitId, clientId)).toEqual({
        unit: 'available',
        client: 'waiting',
      });
      expect(await w.trail(proposalId, 'expire')).toEqual({ decisions: 1, audits: 1, events: 1 });
    } finally {
      if (first.child.exitCode === null && first.child.signalCode === null) {
        first.child.kill('SIGKILL');
      }
      await holder.end();
      await replacement?.stop();
      await t.close();
    }
  });
});
