import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');

/**
 * Builds the console (Vite, a development dependency) into `outDir`, as `npm run build:console`
 * does. For `npm run dev` and the browser tests; production images build it with `npm run build`.
 */
export function buildConsole(outDir: string): void {
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      path.join(ROOT, 'console', 'vite.config.ts'),
      '--outDir',
      path.resolve(outDir),
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`building the console failed:\n${result.stderr}${result.stdout}`);
  }
}
