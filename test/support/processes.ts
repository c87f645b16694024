import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

import { nodeArguments, type Runner } from '../../bench/processes';
import { loadConfig } from '../../config';

/** Helpers for tests that start the service as a process, as an operator would. */

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      reject(new Error(`timed out waiting for ${pattern}; saw:\n${seen}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

export function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => {
      resolve(true);
    });
  });
}

export interface ServiceProcess {
  child: ChildProcess;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Everything the process has written to stderr so far. */
  stderr: () => string;
}

/** The API's address settings for `spawnService('src/server.ts', …)`. */
export function apiEnv(port: number): NodeJS.ProcessEnv {
  return { PORT: String(port), HOST: '127.0.0.1' };
}

/**
 * `script` (`src/server.ts`, `workers/index.ts`) as its own process, under tsx or (`built`) from
 * `dist/` as the image runs it, with this test's database and `env` on top; wait for its ready line
 * (`waitForLine`) before using it.
 */
export function spawnService(
  script: string,
  env: NodeJS.ProcessEnv = {},
  runner: Runner = 'sources',
): ServiceProcess {
  const child = spawn(process.execPath, nodeArguments(script, runner), {
    cwd: path.join(__dirname, '..', '..'),
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      DATABASE_URL: loadConfig(process.env).DATABASE_URL,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      resolve(code);
    }),
  );
  return { child, exited, stderr: () => stderr };
}
