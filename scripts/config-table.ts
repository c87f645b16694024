/** `npm run docs:config`: rewrites the configuration table in README.md from the config schema. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { format, resolveConfig } from 'prettier';

import { README_PATH, replaceConfigTable } from './config-table.lib';

async function main(): Promise<void> {
  const readme = replaceConfigTable(readFileSync(README_PATH, 'utf8'));
  // Leave the file as `prettier --write` would, so `npm run check` stays clean.
  const options = (await resolveConfig(README_PATH)) ?? {};
  writeFileSync(README_PATH, await format(readme, { ...options, parser: 'markdown' }));
  process.stdout.write(`${path.basename(README_PATH)}: configuration table updated\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
