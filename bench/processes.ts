/** The service's processes started as an operator would, for the bench and the load test. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');

/**
 * Starts `script` under tsx; resolves once its output shows `ready` (e.g. `worker started`).
 * `BENCH_NODE_ARGS` (space-separated) goes to Node before the script, e.g. `--cpu-prof`.
 */
export function startProcess(
  script: string,
  env: NodeJS.ProcessEnv,
  ready: string,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', script],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let seen = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-20_000);
      if (seen.includes(ready)) {
        child.stdout.off('data', onData);
        // Keep reading (and dropping) its output, so a full pipe never blocks it.
        child.stdout.resume();
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-20_000);
    });
    child.on('exit', (code) => {
      reject(new Error(`${script} exited with ${String(code)} before it was ready:\n${seen}`));
    });
  });
}

/** SIGTERM, and wait until it has exited. */
export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.on('exit', () => {
      resolve();
    });
    child.kill('SIGTERM');
  });
}
