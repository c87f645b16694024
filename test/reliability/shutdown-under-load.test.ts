import http from 'node:http';

import { createOrganisation, createRegion } from '../support/factories';
import { apiEnv, freePort, spawnService, waitForLine } from '../support/processes';
import { nextRef, unitBody } from '../support/registry-fixtures';
import { eventually } from '../support/tcp-proxy';
import { createTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const CONNECTIONS = 20;
/** Responses before the signal: the load is in full swing by then. */
const BEFORE_SIGNAL = 200;

type Outcome =
  | { kind: 'response'; status: number; connectionClose: boolean; afterSignal: boolean }
  | { kind: 'error'; code: string; reusedSocket: boolean };

/** One request on `agent` (one keep-alive connection per client); never rejects. */
function send(
  agent: http.Agent,
  port: number,
  options: { method: string; path: string; token: string; body?: unknown },
  signalled: () => boolean,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: options.method,
        path: options.path,
        headers: {
          Authorization: `Bearer ${options.token}`,
          ...(payload === undefined
            ? {}
            : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve({
            kind: 'response',
            status: res.statusCode ?? 0,
            connectionClose: /close/i.test(String(res.headers.connection)),
            afterSignal: signalled(),
          });
        });
        res.on('error', (error: NodeJS.ErrnoException) => {
          resolve({ kind: 'error', code: error.code ?? error.message, reusedSocket: true });
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      resolve({ kind: 'error', code: error.code ?? error.message, reusedSocket: req.reusedSocket });
    });
    req.end(payload);
  });
}

describe('API shutdown under load', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('when SIGTERM arrives while 20 connections send reads and writes, then every request taken is answered normally, new ones are refused, and the process exits 0', async () => {
    const region = await createRegion(t.runtime.dataSource);
    const corporation = await createOrganisation(t.runtime.dataSource, 'corporatie', {
      regionCode: region.code,
    });
    const refPrefix = nextRef('SIGTERM');
    const port = await freePort();
    const { child, exited, stderr } = spawnService('src/server.ts', {
      ...apiEnv(port),
      RATE_LIMIT_POINTS: '1000000',
    });
    const agents: http.Agent[] = [];
    try {
      await waitForLine(child, /api listening/);
      let signalled = false;
      const outcomes: Outcome[] = [];
      const createdRefs: string[] = [];

      const client = async (index: number) => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        agents.push(agent);
        for (let n = 0; ; n++) {
          const write = index % 2 === 1;
          // Letters between the numbers: `N1-3-25` would read as a date (1 March '25) and be refused.
          const externalRef = `${refPrefix}-C${index}-R${n}`;
          const outcome = await send(
            agent,
            port,
            write
              ? {
                  method: 'POST',
                  path: '/api/v1/units',
                  token: corporation.token,
                  body: unitBody(region, { externalRef }),
                }
              : { method: 'GET', path: '/api/v1/units?limit=20', token: corporation.token },
            () => signalled,
          );
          outcomes.push(outcome);
          if (outcome.kind === 'response' && outcome.status === 201) createdRefs.push(externalRef);
          // The server is gone for this client: a refused connection ends it.
          if (outcome.kind === 'error') return;
        }
      };
      const clients = Array.from({ length: CONNECTIONS }, (_, index) => client(index));

      await eventually(
        async () => outcomes.length,
        (count) => count >= BEFORE_SIGNAL,
        60_000,
      );
      signalled = true;
      child.kill('SIGTERM');
      await Promise.all(clients);
      const code = await exited;

      const responses = outcomes.filter((o) => o.kind === 'response');
      const errors = outcomes.filter((o) => o.kind === 'error');
      expect(code).toBe(0);
      expect(stderr()).toBe('');
      // No 5xx, no 429: every request the server took got its normal answer.
      expect([...new Set(responses.map((o) => o.status))].sort()).toEqual([200, 201]);
      // Some were in flight as the signal came, and were told the connection closes after.
      expect(responses.some((o) => o.afterSignal && o.connectionClose)).toBe(true);
      // Each client ended on a refused new connection, none on a reset of a request it had sent.
      expect(errors.map((o) => o.code)).toEqual(Array(CONNECTIONS).fill('ECONNREFUSED'));

      // Every write answered 201 is stored, and nothing else is.
      const stored = await t.runtime.dataSource.query<{ ref: string }[]>(
        `SELECT external_ref AS ref FROM units WHERE corporation_id = $1 ORDER BY 1`,
        [corporation.id],
      );
      expect(stored.map((row) => row.ref)).toEqual([...createdRefs].sort());
      expect(createdRefs.length).toBeGreaterThan(0);
    } finally {
      agents.forEach((agent) => {
        agent.destroy();
      });
      child.kill('SIGKILL');
    }
  });
});
