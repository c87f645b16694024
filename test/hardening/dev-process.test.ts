import { spawn } from 'node:child_process';
import path from 'node:path';

import { loadConfig } from '../../config';
import { uniqueSuffix } from '../support/factories';
import { connectionRefused, freePort, waitForLine } from '../support/processes';

const ROOT = path.join(__dirname, '..', '..');

/** Generous: npm, the TypeScript loader and a graceful stop on a busy two-core machine. */
const STOPS_WITHIN_MS = 15_000;

describe('npm run dev', () => {
  it('when npm is signalled (`npm run dev &` then `kill $!`), then the service stops too', async () => {
    const port = await freePort();
    const npm = spawn('npm', ['run', 'dev'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DATABASE_URL: loadConfig(process.env).DATABASE_URL,
        REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? ''}:dev-${uniqueSuffix()}`,
      },
      // Its own process group, so that whatever is left can be cleaned up by the group's id.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const npmPid = npm.pid ?? 0;
    try {
      await waitForLine(npm, /worker started/);
      expect(await connectionRefused(port)).toBe(false);

      npm.kill('SIGTERM');
      const deadline = Date.now() + STOPS_WITHIN_MS;
      while (!(await connectionRefused(port)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(await connectionRefused(port)).toBe(true);
    } finally {
      try {
        process.kill(-npmPid, 'SIGKILL');
      } catch {
        // The group is gone already: nothing was left behind.
      }
    }
  }, 60_000);
});
