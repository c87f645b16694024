/**
 * The service as the image runs it: compiled by tsc as the image's build stage compiles it, then
 * the release step, the API and the worker started from `dist/` with Node alone, as
 * docker-compose.yml's commands start them. Every other test runs the sources under tsx, so a file
 * that only resolves there (a worker thread's script, a JSON import, the migrations) would break
 * the image and nothing else.
 */
import request from 'supertest';

import { buildService, stopProcess } from '../../bench/processes';
import { apiEnv, freePort, spawnService, waitForLine } from '../support/processes';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database';

jest.setTimeout(180_000);

describe('the service built as the image builds and runs it', () => {
  let database: ScratchDatabase;

  beforeAll(async () => {
    database = await createScratchDatabase('built', { empty: true });
    await buildService();
  }, 170_000);

  afterAll(() => database.drop());

  it('when the release step, the API and the worker run from dist/ on an empty database, then the migrations and the demo region are loaded, the API answers a corporation, and the worker matches the region', async () => {
    const env: NodeJS.ProcessEnv = {
      DATABASE_URL: database.url,
      // Under this file's own prefix, so no other test's worker takes its jobs.
      REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? ''}:built`,
      LOG_LEVEL: 'info',
    };

    const release = spawnService('scripts/release.ts', { ...env, SEED_DEMO: 'true' }, 'built');
    let output = '';
    release.child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Closed, not only exited: everything it wrote has been read.
    const code = await new Promise((resolve) => release.child.on('close', resolve));
    // What it wrote is shown only when it failed.
    expect({ code, output: code === 0 ? '' : output + release.stderr() }).toEqual({
      code: 0,
      output: '',
    });
    expect(output).toContain('"migrations applied"');
    const corporation = /mpt_demo_corporation_woonstichting-maasdal_\w+/.exec(output)?.[0];
    const matcher = /mpt_demo_matcher_transferpunt-noord-limburg_\w+/.exec(output)?.[0];
    expect(corporation).toBeDefined();
    expect(matcher).toBeDefined();

    const port = await freePort();
    const api = spawnService('src/server.ts', { ...env, ...apiEnv(port) }, 'built');
    const worker = spawnService('workers/index.ts', { ...env, ENGINE_WARM_UP: 'true' }, 'built');
    try {
      await waitForLine(api.child, /api listening/);
      const url = `http://127.0.0.1:${port}`;
      const ready = await request(url).get('/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ checks: { migrations: 'applied' } });

      const units = await request(url)
        .get('/api/v1/units?limit=5')
        .set('Authorization', `Bearer ${corporation ?? ''}`);
      expect(units.status).toBe(200);
      expect((units.body as { items: unknown[] }).items).toHaveLength(5);

      // The engine's threads load their compiled script; the seeded region's changes are matched.
      await waitForLine(worker.child, /engine threads warm[\s\S]*matching run done/, 90_000);
      const runs = await request(url)
        .get('/api/v1/matching/runs?regionCode=noord-midden-limburg')
        .set('Authorization', `Bearer ${matcher ?? ''}`);
      expect(runs.status).toBe(200);
      expect((runs.body as { items: { status: string }[] }).items).toContainEqual(
        expect.objectContaining({ status: 'done' }),
      );
    } finally {
      await Promise.all([stopProcess(api.child), stopProcess(worker.child)]);
    }
    expect({ api: await api.exited, worker: await worker.exited }).toEqual({ api: 0, worker: 0 });
  });
});
