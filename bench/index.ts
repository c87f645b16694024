/**
 * `npm run bench`: runs every case in `bench/cases/*.bench.ts`, each in a process of its own so
 * that its peak memory is its own, and prints one JSON line per result.
 *
 * A case module exports `default async function run(): Promise<Record<string, unknown>[]>`.
 * Usage: `npm run bench [-- name-filter]`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const casesDir = path.join(__dirname, 'cases');
const filter = process.argv[2];
const cases = readdirSync(casesDir)
  .filter((file) => file.endsWith('.bench.ts') || file.endsWith('.bench.js'))
  .filter((file) => filter === undefined || file.includes(filter))
  .sort();

let failed = false;
for (const file of cases) {
  const result = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      path.join(__dirname, `run-case${path.extname(__filename)}`),
      path.join(casesDir, file),
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
