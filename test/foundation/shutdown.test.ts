import net from 'node:net';

import { createRegion } from '../support/factories';
import {
  apiEnv,
  connectionRefused,
  freePort,
  spawnService,
  waitForLine,
} from '../support/processes';
import { createTestApp, type TestApp } from '../support/test-app';

const ADMIN = `shutdown-admin-${'y'.repeat(32)}`;

describe('graceful shutdown', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('when SIGTERM arrives while a request is in flight, then that request completes and the process exits 0', async () => {
    const region = await createRegion(t.runtime.dataSource);
    const port = await freePort();
    const { child, exited } = spawnService('src/server.ts', {
      ...apiEnv(port),
      BOOTSTRAP_ADMIN_TOKEN: ADMIN,
    });
    try {
      await waitForLine(child, /api listening/);

      // A request whose body is still arriving: in flight from the server's point of view.
      const body = JSON.stringify({
        name: 'Tijdens het afsluiten',
        kind: 'corporatie',
        regionCode: region.code,
      });
      const socket = net.connect(port, '127.0.0.1');
      await new Promise((resolve) => socket.on('connect', resolve));
      let response = '';
      socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
      const responded = new Promise((resolve) => socket.on('end', resolve));
      socket.write(
        `POST /api/v1/organisations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${ADMIN}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
          body.slice(0, 10),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));

      child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(child.exitCode).toBeNull(); // still finishing the request
      expect(await connectionRefused(port)).toBe(true); // but taking no new ones

      socket.write(body.slice(10));
      await responded;
      expect(response).toMatch(/^HTTP\/1\.1 201/);
      expect(response).toMatch(/Connection: close/i);
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
    const stored = await t.runtime.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM organisations WHERE region_code = $1`,
      [region.code],
    );
    expect(stored[0]?.n).toBe('1');
  }, 60_000);

  it('when the worker process gets SIGTERM, then it stops taking jobs, closes its connections and exits 0', async () => {
    const { child, exited } = spawnService('workers/index.ts');
    try {
      await waitForLine(child, /worker started/);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
