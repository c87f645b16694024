import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import request from 'supertest';

import { containsBsn } from '../../src/shared/domain/opaque-reference';
import { DEMO_MUNICIPALITIES } from '../../scripts/demo/region.data';
import { tableCounts } from '../support/db-counts';
import { startTestWorker, waitUntilSettled } from '../support/matching';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database';
import { createTestApp, type TestApp } from '../support/test-app';

const ROOT = path.join(__dirname, '..', '..');
const run = promisify(execFile);

/** `npm run seed:demo` against the scratch database, as a person would run it; its stdout. */
async function seedDemo(databaseUrl: string): Promise<string> {
  const { stdout } = await run('npm', ['run', '--silent', 'seed:demo'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' },
    timeout: 40_000,
  });
  return stdout;
}

describe('the demo region (npm run seed:demo)', () => {
  let database: ScratchDatabase;
  let t: TestApp;
  let firstOutput: string;
  let secondOutput: string;
  let afterFirst: Record<string, number>;
  let afterSecond: Record<string, number>;
  const query = <T>(sql: string, params: unknown[] = []) =>
    t.runtime.dataSource.query<T[]>(sql, params);

  beforeAll(async () => {
    database = await createScratchDatabase('seed');
    t = await createTestApp({ overrides: { DATABASE_URL: database.url } });
    firstOutput = await seedDemo(database.url);
    afterFirst = await tableCounts(t.runtime.dataSource);
    secondOutput = await seedDemo(database.url);
    afterSecond = await tableCounts(t.runtime.dataSource);
  }, 90_000);
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  it('when it runs twice, then every table holds exactly what one run left, and the second run says it created nothing', () => {
    expect(afterFirst.units).toBeGreaterThan(0);
    expect(afterSecond).toEqual(afterFirst);
    expect(firstOutput).toMatch(/Created: 14 municipalities, \d+ neighbourhoods, 13 organisations/);
    expect(secondOutput).toContain('Nothing to create: the demo region was complete.');
    // The same tokens both times: they are derived, not random.
    expect(tokensIn(secondOutput)).toEqual(tokensIn(firstOutput));
  });

  it('when it has run, then the region has its 14 municipalities, ~300 homes of all four types in clusters of at most 6, ~800 clients and every organisation a token', async () => {
    expect(afterFirst).toMatchObject({ regions: 1, municipalities: 14 });
    const municipalities = await query<{ code: string }>(
      `SELECT code FROM municipalities WHERE region_code = 'noord-midden-limburg' ORDER BY code`,
    );
    expect(municipalities.map((m) => m.code)).toEqual(
      DEMO_MUNICIPALITIES.map((m) => m.code).sort(),
    );

    const neighbourhoods = await query<{ code: string; n: string }>(
      `SELECT m.code, count(n.code) AS n FROM municipalities m
         LEFT JOIN neighbourhoods n
           ON n.municipality_code = m.code AND substr(n.code, 3, 4) = substr(m.code, 3, 4)
        GROUP BY m.code`,
    );
    expect(neighbourhoods.filter((row) => Number(row.n) < 3)).toEqual([]);
    expect(afterFirst.neighbourhoods).toBeGreaterThanOrEqual(80);

    expect(afterFirst.units).toBeGreaterThanOrEqual(280);
    expect(afterFirst.units).toBeLessThanOrEqual(320);
    const types = await query<{ type: string; n: string }>(
      `SELECT type, count(*) AS n FROM units GROUP BY type ORDER BY type`,
    );
    expect(types.map((row) => row.type)).toEqual([
      'contingent',
      'doorstroom',
      'omklap',
      'skaeve_huis',
    ]);
    expect(types.filter((row) => Number(row.n) < 20)).toEqual([]);
    const clusters = await query<{ size: string; municipalities: string }>(
      `SELECT count(*) AS size, count(DISTINCT municipality_code) AS municipalities
         FROM units WHERE cluster_id IS NOT NULL GROUP BY corporation_id, cluster_id`,
    );
    expect(clusters.length).toBeGreaterThanOrEqual(3);
    expect(clusters.filter((c) => Number(c.size) > 6 || c.municipalities !== '1')).toEqual([]);

    expect(afterFirst.clients).toBeGreaterThanOrEqual(780);
    expect(afterFirst.clients).toBeLessThanOrEqual(820);
    const [profile] = await query<Record<string, string>>(
      `SELECT count(*) FILTER (WHERE target_group = 'bw') AS bw,
              count(*) FILTER (WHERE target_group = 'mo') AS mo,
              count(*) FILTER (WHERE target_group = 'vo') AS vo,
              count(*) FILTER (WHERE target_group = 'other') AS other,
              count(*) FILTER (WHERE consent_given_on IS NULL) AS "noConsent",
              count(*) FILTER (WHERE parked_until IS NOT NULL) AS parked,
              count(*) FILTER (WHERE urgent) AS urgent,
              count(*) FILTER (WHERE 'skaeve_huis' = ANY (routes)) AS "skaeveHuis",
              count(*) FILTER (WHERE children > 0) AS "withChildren"
         FROM clients`,
    );
    const share = (key: string) => Number(profile?.[key]) / afterFirst.clients!;
    expect(share('bw')).toBeGreaterThan(0.25);
    expect(share('mo')).toBeGreaterThan(0.1);
    expect(share('vo')).toBeGreaterThan(0.08);
    expect(share('other')).toBeGreaterThan(0.03);
    expect(share('noConsent')).toBeGreaterThan(0);
    expect(share('noConsent')).toBeLessThan(0.15);
    expect(share('parked')).toBeGreaterThan(0);
    expect(share('urgent')).toBeGreaterThan(0);
    expect(share('skaeveHuis')).toBeGreaterThan(0);
    expect(share('skaeveHuis')).toBeLessThan(0.1);
    expect(share('withChildren')).toBeGreaterThan(0.03);

    const organisations = await query<{ kind: string; n: string; tokens: string }>(
      `SELECT o.kind, count(DISTINCT o.id) AS n, count(t.id) AS tokens
         FROM organisations o LEFT JOIN api_tokens t ON t.organisation_id = o.id
        WHERE o.region_code = 'noord-midden-limburg' GROUP BY o.kind ORDER BY o.kind`,
    );
    expect(organisations).toEqual([
      { kind: 'corporatie', n: '4', tokens: '4' },
      { kind: 'gemeente', n: '3', tokens: '3' },
      { kind: 'matchingspunt', n: '2', tokens: '2' },
      { kind: 'welzijnsaanbieder', n: '2', tokens: '2' },
      { kind: 'zorgaanbieder', n: '2', tokens: '2' },
    ]);
    // Every corporation pledged contingents; every provider covers municipalities.
    const [pledgesAndCoverage] = await query<{ pledging: string; covering: string }>(
      `SELECT (SELECT count(DISTINCT corporation_id) FROM contingent_pledges) AS pledging,
              (SELECT count(DISTINCT provider_id) FROM provider_coverage) AS covering`,
    );
    expect(pledgesAndCoverage).toEqual({ pledging: '4', covering: '4' });
  });

  it('when it has run, then no stored text holds anything a BSN check flags, and every reference is a plain code', async () => {
    // Every text column but random ones (token hashes, the audit trail's uuids), in which nine
    // digits in a row happen by chance.
    const columns = await query<{ table: string; column: string }>(
      `SELECT table_name AS table, column_name AS column FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')
          AND table_name NOT IN ('typeorm_migrations', 'audit_events')
          AND column_name <> 'token_hash'`,
    );
    expect(columns.length).toBeGreaterThan(10);
    const flagged: string[] = [];
    for (const { table, column } of columns) {
      const rows = await query<{ value: string }>(
        `SELECT DISTINCT "${column}" AS value FROM "${table}" WHERE "${column}" IS NOT NULL`,
      );
      for (const { value } of rows) {
        // A CBS code (BU09830200) is eight digits behind its prefix, checked by its format.
        if (/^(GM|WK|BU)\d+$/.test(value)) continue;
        if (containsBsn(value)) flagged.push(`${table}.${column}: ${value}`);
      }
    }
    expect(flagged).toEqual([]);

    const refs = await query<{ ref: string }>(
      `SELECT external_ref AS ref FROM clients UNION ALL SELECT external_ref FROM units`,
    );
    expect(refs).toHaveLength(afterFirst.clients! + afterFirst.units!);
    expect(refs.filter(({ ref }) => !/^[A-Z]{2,4}-[CU]-\d{4}$/.test(ref))).toEqual([]);
  });

  it("when the README's first session is replayed with the printed tokens, then every call answers 2xx and every list has rows", async () => {
    // As after `docker compose up`: the worker has matched the seeded region.
    const worker = await startTestWorker({ DATABASE_URL: database.url });
    try {
      await waitUntilSettled(t.runtime.dataSource, 'noord-midden-limburg');
    } finally {
      await worker.stop();
    }
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const failures: unknown[] = [];
    const execute = async (call: CurlCall): Promise<unknown> => {
      const url = new URL(call.url);
      expect(url.origin).toBe('http://localhost:3000');
      let pending = request(t.app)[call.method === 'POST' ? 'post' : 'get'](
        url.pathname + url.search,
      );
      for (const [name, value] of Object.entries(call.headers)) pending = pending.set(name, value);
      const response = call.body === undefined ? await pending : await pending.send(call.body);
      const body = response.body as { items?: unknown[] } | unknown[];
      const rows = Array.isArray(body) ? body : body.items;
      if (
        response.status < 200 ||
        response.status > 299 ||
        (rows !== undefined && rows.length === 0)
      ) {
        failures.push({ call: `${call.method} ${call.url}`, status: response.status, body });
      }
      return body;
    };
    const calls = await replaySession(
      readme,
      (command) => {
        // `npm run --silent seed:demo` prints what the seed printed the first time (idempotent).
        if (command.trim() === 'npm run --silent seed:demo') return firstOutput;
        // `echo "$TOKENS" | grep -o '<pattern>' | tail -n 1`, on the seed's output.
        const pattern = /grep -o '([^']+)'/.exec(command)?.[1];
        if (pattern === undefined) throw new Error(`cannot replay $(${command})`);
        const found = firstOutput.match(new RegExp(pattern, 'g')) ?? [];
        if (found.length === 0) throw new Error(`the seed printed nothing matching ${pattern}`);
        return found.at(-1)!;
      },
      execute,
    );
    expect(calls.length).toBeGreaterThanOrEqual(6);
    expect(new Set(calls.map((call) => call.method))).toEqual(new Set(['GET', 'POST']));
    expect(failures).toEqual([]);
  }, 60_000);
});

function tokensIn(output: string): string[] {
  return output.match(/mpt_demo_[a-z]+_[a-z-]+_[0-9a-f]+/g) ?? [];
}

interface CurlCall {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

type Part = { literal: string } | { variable: string } | { command: string };

/**
 * Replays the curl calls of the README's "A first session", in order, with shell variables
 * expanded, and returns them. Understands the little shell the session uses: `NAME=value` and
 * `NAME=$(…)` lines (the seed's output through grep, or `curl … | jq -r '.path'`), comments,
 * single and double quotes, `\` line continuations and `curl -s [-X M] URL [-H h]… [-d body]`.
 * Anything else fails the test, so the README stays within what this replay checks.
 */
async function replaySession(
  readme: string,
  substitute: (command: string) => string,
  execute: (call: CurlCall) => Promise<unknown>,
): Promise<CurlCall[]> {
  const start = readme.indexOf('## A first session');
  expect(start).toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
    .map((match) => match[1]!)
    .filter((block) => block.includes('curl '));
  expect(blocks).toHaveLength(1);

  const env = new Map<string, string>();
  const calls: CurlCall[] = [];
  const expand = async (word: Part[]): Promise<string> => {
    let text = '';
    for (const part of word) {
      if ('literal' in part) text += part.literal;
      else if ('command' in part) {
        text += part.command.trimStart().startsWith('curl ')
          ? await curlThroughJq(part.command)
          : substitute(part.command);
      } else {
        const value = env.get(part.variable);
        if (value === undefined) throw new Error(`$${part.variable} is used before it is set`);
        text += value;
      }
    }
    return text;
  };
  const run = async (words: string[]): Promise<unknown> => {
    const call = curlCall(words);
    calls.push(call);
    return execute(call);
  };
  /** `curl … | jq -r '.items[0].id'`: the call, then the value at that path of its answer. */
  const curlThroughJq = async (command: string): Promise<string> => {
    const piped = /^([\s\S]*?)\|\s*jq -r '([^']+)'\s*$/.exec(command);
    if (!piped) throw new Error(`cannot replay $(${command})`);
    const [words] = shellCommands(piped[1]!);
    const body = await run(await Promise.all((words ?? []).map(expand)));
    let value: unknown = body;
    for (const step of piped[2]!.matchAll(/\.([A-Za-z_]\w*)|\[(\d+)\]/g)) {
      value = (value as Record<string, unknown> | undefined)?.[step[1] ?? Number(step[2])];
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`jq -r '${piped[2]}' found nothing in ${JSON.stringify(body)}`);
    }
    return String(value);
  };

  for (const words of shellCommands(blocks[0]!)) {
    const expanded = [];
    for (const word of words) expanded.push(await expand(word));
    const [first, ...rest] = expanded;
    const assignment = /^([A-Za-z_]\w*)=([\s\S]*)$/.exec(first ?? '');
    if (assignment && rest.length === 0) {
      env.set(assignment[1]!, assignment[2]!);
      continue;
    }
    await run(expanded);
  }
  return calls;
}

/** `curl -s [-X M] URL [-H h]… [-d body]` as a call. */
function curlCall([first, ...rest]: string[]): CurlCall {
  if (first !== 'curl') throw new Error(`the session may only set variables and curl: ${first}`);
  const call: Partial<CurlCall> & { headers: Record<string, string> } = { headers: {} };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const next = () => {
      const value = rest[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      return value;
    };
    if (arg === '-s') continue;
    else if (arg === '-X') call.method = next() as CurlCall['method'];
    else if (arg === '-H') {
      const header = next();
      const colon = header.indexOf(':');
      call.headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
    } else if (arg === '-d') call.body = next();
    else if (!arg.startsWith('-') && call.url === undefined) call.url = arg;
    else throw new Error(`curl ${arg} is not part of the replayable subset`);
  }
  if (call.url === undefined) throw new Error('curl without a URL');
  return {
    method: call.method ?? (call.body === undefined ? 'GET' : 'POST'),
    url: call.url,
    headers: call.headers,
    ...(call.body === undefined ? {} : { body: call.body }),
  };
}

/** Splits a script into commands of words; each word a list of literal and expandable parts. */
function shellCommands(script: string): Part[][][] {
  const commands: Part[][][] = [];
  let words: Part[][] = [];
  // In an object, so the closures' assignments are not lost to narrowing.
  const current: { word: Part[] | null } = { word: null };
  const add = (part: Part) => (current.word ??= []).push(part);
  const endWord = () => {
    if (current.word !== null) words.push(current.word);
    current.word = null;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  /** At a `$`: the variable or command substitution it starts, and where it ends. */
  const dollar = (at: number): [Part, number] => {
    if (script[at + 1] === '(') {
      let depth = 0;
      let quoted = false;
      for (let i = at + 1; i < script.length; i++) {
        const ch = script[i];
        if (ch === "'") quoted = !quoted;
        else if (!quoted && ch === '(') depth++;
        else if (!quoted && ch === ')' && --depth === 0) {
          return [{ command: script.slice(at + 2, i) }, i + 1];
        }
      }
      throw new Error('unclosed $(');
    }
    const braced = /^\{([A-Za-z_]\w*)\}/.exec(script.slice(at + 1));
    if (braced) return [{ variable: braced[1]! }, at + 1 + braced[0].length];
    const plain = /^[A-Za-z_]\w*/.exec(script.slice(at + 1));
    if (!plain) return [{ literal: '$' }, at + 1];
    return [{ variable: plain[0] }, at + 1 + plain[0].length];
  };

  let i = 0;
  while (i < script.length) {
    const ch = script[i]!;
    if (ch === '\\' && script[i + 1] === '\n') i += 2;
    else if (ch === '\n') {
      endCommand();
      i++;
    } else if (ch === ' ' || ch === '\t') {
      endWord();
      i++;
    } else if (ch === '#' && current.word === null) {
      while (i < script.length && script[i] !== '\n') i++;
    } else if (ch === "'") {
      const close = script.indexOf("'", i + 1);
      if (close === -1) throw new Error('unclosed single quote');
      add({ literal: script.slice(i + 1, close) });
      i = close + 1;
    } else if (ch === '"') {
      add({ literal: '' });
      i++;
      while (script[i] !== '"') {
        if (i >= script.length) throw new Error('unclosed double quote');
        if (script[i] === '$') {
          const [part, after] = dollar(i);
          add(part);
          i = after;
        } else if (script[i] === '\\' && '"\\$`'.includes(script[i + 1] ?? '')) {
          add({ literal: script[i + 1]! });
          i += 2;
        } else add({ literal: script[i++]! });
      }
      i++;
    } else if (ch === '$') {
      const [part, after] = dollar(i);
      add(part);
      i = after;
    } else {
      add({ literal: ch });
      i++;
    }
  }
  endCommand();
  return commands;
}
