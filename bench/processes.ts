/** The service's processes started as an operator would, for the bench and the load test. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.join(__dirname, '..');

/**
 * How a process runs: from the sources under tsx (as `npm run dev`), or from `dist/` as the image
 * runs it (`node dist/src/server.js`), built by `buildService`.
 */
export type Runner = 'sources' | 'built';

let built: Promise<void> | undefined;

/**
 * Compiles the service into `dist/` as the image's build does (`tsc -p tsconfig.build.json`), once
 * per process.
 */
export function buildService(): Promise<void> {
  built ??= promisify(execFile)(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: ROOT },
  ).then(() => undefined);
  return built;
}

/**
 * Node's arguments to run `script` (a path of the sources, e.g. `src/server.ts`, from the
 * repository's root) with `runner`: `built` runs its compiled file in `dist/`, which
 * `buildService` must have made.
 */
export function nodeArguments(script: string, runner: Runner, nodeArgs: string[] = []): string[] {
  return runner === 'built'
    ? [...nodeArgs, path.join('dist', script.replace(/\.ts$/, '.js'))]
    : [...nodeArgs, '--import', 'tsx', script];
}

/**
 * Starts `script` with `runner` (`nodeArguments`; `built` builds first, once per process); resolves
 * once its output shows `ready` (e.g. `worker started`). `BENCH_NODE_ARGS` (space-separated) goes
 * to Node before the script, e.g. `--cpu-prof`.
 */
export async function startProcess(
  script: string,
  env: NodeJS.ProcessEnv,
  ready: string,
  runner: Runner = 'sources',
): Promise<ChildProcess> {
  if (runner === 'built') await buildService();
  const child = spawn(
    process.execPath,
    nodeArguments(script, runner, process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean)),
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
