import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import request from 'supertest';

import { createTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const ROOT = path.join(__dirname, '..', '..');

/** `scripts/console-api.ts --check --from FILE` (openapi-typescript is an ES module: own process). */
function checkTypesAgainst(document: object): { status: number | null; output: string } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'matchpunt-openapi-'));
  try {
    const file = path.join(folder, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/console-api.ts', '--check', '--from', file],
      { cwd: ROOT, encoding: 'utf8' },
    );
    return { status: result.status, output: result.stderr + result.stdout };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe("the console's API types", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('when generated from the /openapi.json the service serves, then they equal the committed file (else run `npm run console:api`)', async () => {
    const document = (await request(t.app).get('/openapi.json').expect(200)).body as object;
    expect(readFileSync(path.join(ROOT, 'console/src/api/schema.ts'), 'utf8')).toContain(
      "'/api/v1/me'",
    );
    expect(checkTypesAgainst(document)).toEqual({ status: 0, output: '' });
  });

  it('when the document has changed, then the check fails and says how to regenerate', async () => {
    const document = (await request(t.app).get('/openapi.json').expect(200)).body as {
      paths: Record<string, unknown>;
    };
    delete document.paths['/api/v1/me'];
    const result = checkTypesAgainst(document);
    expect(result.status).toBe(1);
    expect(result.output).toContain('npm run console:api');
  });
});
