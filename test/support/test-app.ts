import type { Express } from 'express';
import { Writable } from 'node:stream';

import { type Config, loadConfig } from '../../config';
import { createApp } from '../../src/app';
import { openRuntime, type Runtime } from '../../src/runtime';
import { createLogger } from '../../src/shared/logger/logger';

export interface TestApp {
  app: Express;
  runtime: Runtime;
  /** Every log line the app wrote, parsed; only filled when `captureLogs` is set. */
  logLines: Record<string, unknown>[];
  close(): Promise<void>;
}

/** The real app on this worker's database and Redis prefix; `overrides` tweak the configuration. */
export async function createTestApp(
  options: { overrides?: Record<string, string>; captureLogs?: boolean } = {},
): Promise<TestApp> {
  const env = { ...process.env, ...options.overrides };
  if (options.captureLogs) env.LOG_LEVEL = 'info';
  const config: Config = loadConfig(env);
  const logLines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') logLines.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  const logger = createLogger(config, 'matchpunt-test', sink);
  const runtime = await openRuntime(config, {
    service: 'matchpunt-test',
    logger,
    queryTimeoutMs: config.DATABASE_QUERY_TIMEOUT_MS,
  });
  return { app: createApp(runtime), runtime, logLines, close: () => runtime.close() };
}
