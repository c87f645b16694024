import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

import { runMigrations } from '../../src/shared/database/migrate.cli';
import { TEST_ENV, templateDatabase, workerDatabase } from './test-run';
import { databaseUrl, provideTestServices, type TestServices } from './test-services';

declare global {
  var matchpuntTestServices: TestServices | undefined;
}

/**
 * Once per `npm test`: a template database with every migration, cloned into one database per
 * jest worker, so test files in different workers never see each other's rows.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const services = await provideTestServices();
  globalThis.matchpuntTestServices = services;
  const runId = randomBytes(4).toString('hex');
  const template = templateDatabase(runId);

  const admin = new Client({
    connectionString: databaseUrl(services.postgresServerUrl, 'postgres'),
  });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
    await runMigrations({ DATABASE_URL: databaseUrl(services.postgresServerUrl, template) }, 'up');
    // Test factories draw unique CBS-like codes from here; real codes stay below 5000.
    const templateClient = new Client({
      connectionString: databaseUrl(services.postgresServerUrl, template),
    });
    await templateClient.connect();
    await templateClient.query('CREATE SEQUENCE test_code_seq START 5000 MAXVALUE 9999');
    await templateClient.end();
    for (let worker = 1; worker <= Math.max(1, globalConfig.maxWorkers); worker++) {
      await admin.query(
        `CREATE DATABASE ${workerDatabase(runId, String(worker))} TEMPLATE ${template}`,
      );
    }
  } finally {
    await admin.end();
  }

  process.env[TEST_ENV.runId] = runId;
  process.env[TEST_ENV.postgresServerUrl] = services.postgresServerUrl;
  process.env[TEST_ENV.redisUrl] = services.redisUrl;
}
