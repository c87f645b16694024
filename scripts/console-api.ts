/**
 * `npm run console:api`: rewrites the console's API types from the service's OpenAPI document.
 * Without arguments it asks an app built in this process (on the configured database and Redis,
 * answering on a loopback port for the one request). `--from FILE` reads a saved document instead;
 * `--check` writes nothing and exits 1 when the committed file differs (the test uses both).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

import { loadConfigOrExit } from '../config';
import { createApp } from '../src/app';
import { openRuntime } from '../src/runtime';
import { CONSOLE_API_TYPES_PATH, renderConsoleApiTypes } from './console-api.lib';

async function servedDocument(): Promise<object> {
  const config = { ...loadConfigOrExit(), LOG_LEVEL: 'silent' as const };
  const runtime = await openRuntime(config, { service: 'matchpunt-console-api' });
  try {
    const server = createApp(runtime).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/openapi.json`);
    server.close();
    if (!response.ok) throw new Error(`/openapi.json answered ${response.status}`);
    return (await response.json()) as object;
  } finally {
    await runtime.close();
  }
}

async function main(args: string[]): Promise<number> {
  const fromIndex = args.indexOf('--from');
  const from = fromIndex >= 0 ? args[fromIndex + 1] : undefined;
  const document = from
    ? (JSON.parse(readFileSync(from, 'utf8')) as object)
    : await servedDocument();
  const types = await renderConsoleApiTypes(document);
  if (args.includes('--check')) {
    if (readFileSync(CONSOLE_API_TYPES_PATH, 'utf8') === types) return 0;
    process.stderr.write(
      `${CONSOLE_API_TYPES_PATH} is out of date with /openapi.json: run \`npm run console:api\`\n`,
    );
    return 1;
  }
  writeFileSync(CONSOLE_API_TYPES_PATH, types);
  process.stdout.write(`${CONSOLE_API_TYPES_PATH}: written\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(2);
  },
);
