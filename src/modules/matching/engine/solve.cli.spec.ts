import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'src/modules/matching/engine/solve.cli.ts');

// Each test starts the CLI as a process of its own under tsx: seconds on a busy machine, more
// than Jest's default of 5 s.
jest.setTimeout(60_000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function solve(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(tsx, [cli, ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
        stdout,
        stderr,
      });
    });
  });
}

const example = {
  clients: [{ id: 'c1' }, { id: 'c2' }],
  units: [
    { id: 'u1', neighbourhood: 'BU09830101', municipality: 'GM0983' },
    { id: 'u2', neighbourhood: 'BU09830102', municipality: 'GM0983' },
  ],
  caps: { neighbourhoods: { BU09830101: 1 }, municipalities: { GM0983: 2 } },
  pairs: [
    { client: 'c1', unit: 'u1', score: 0.82 },
    { client: 'c2', unit: 'u1', score: 0.64 },
    { client: 'c2', unit: 'u2', score: 0.31 },
  ],
};

describe('solve CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'solve-cli-'));
  const file = (name: string, content: string): string => {
    const at = path.join(dir, name);
    writeFileSync(at, content);
    return at;
  };
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the example solution of docs/solver.md, optimal and greedy', async () => {
    const input = file('example.json', JSON.stringify(example));
    const [optimal, greedy] = await Promise.all([
      solve('--input', input),
      solve('--input', input, '--greedy'),
    ]);
    for (const run of [optimal, greedy]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      const solution = JSON.parse(run.stdout) as { stats: { millis: number } };
      expect(solution).toEqual({
        assignment: [
          { client: 'c1', unit: 'u1' },
          { client: 'c2', unit: 'u2' },
        ],
        assigned: 2,
        objective: 1.13,
        stats: { clients: 2, units: 2, pairs: 3, millis: solution.stats.millis },
      });
      expect(solution.stats.millis).toBeGreaterThanOrEqual(0);
    }
  });

  it("answers today's instance files exactly as before tiers and groups existed", async () => {
    const fixtures = path.join(__dirname, 'assignment/testing/fixtures');
    const input = path.join(fixtures, 'generated-120x50.instance.json');
    const [optimal, greedy] = await Promise.all([
      solve('--input', input),
      solve('--input', input, '--greedy'),
    ]);
    // Byte for byte, except the measured time.
    const untimed = (text: string): string => text.replace(/"millis": [0-9.]+/, '"millis": 0');
    expect(untimed(optimal.stdout)).toBe(
      readFileSync(path.join(fixtures, 'generated-120x50.optimal.json'), 'utf8'),
    );
    expect(untimed(greedy.stdout)).toBe(
      readFileSync(path.join(fixtures, 'generated-120x50.greedy.json'), 'utf8'),
    );
  });

  it('reads urgency, waits and capacity groups, and reports the bound', async () => {
    const input = file(
      'tiers.json',
      JSON.stringify({
        clients: [
          { id: 'c1', urgent: false, waitDays: 30 },
          { id: 'c2', urgent: true, waitDays: 0 },
          { id: 'c3', waitDays: 700 },
        ],
        units: [
          { id: 'u1', neighbourhood: 'BU09830101', municipality: 'GM0983' },
          { id: 'u2', neighbourhood: 'BU09830102', municipality: 'GM0983' },
        ],
        caps: {},
        groups: { 'P1@GM0983': 1 },
        pairs: [
          { client: 'c1', unit: 'u2', score: 0.9 },
          { client: 'c2', unit: 'u1', score: 0.3, group: 'P1@GM0983' },
          { client: 'c3', unit: 'u2', score: 0.5, group: 'P1@GM0983' },
        ],
      }),
    );
    const run = await solve('--input', input);
    expect(run.code).toBe(0);
    // One slot in the group: c2 and c3 cannot both have it; housing two, the urgent one is in.
    expect(JSON.parse(run.stdout)).toMatchObject({
      assignment: [
        { client: 'c1', unit: 'u2' },
        { client: 'c2', unit: 'u1' },
      ],
      assigned: 2,
      urgent: 1,
      waitDays: 30,
      optimality: { exact: true, gap: null },
    });
  });

  it.each<[string, () => string[], RegExp]>([
    [
      'a pair naming an unknown unit',
      () => [
        '--input',
        file(
          'unknown-unit.json',
          JSON.stringify({
            ...example,
            pairs: [...example.pairs, { client: 'c1', unit: 'u9', score: 0.5 }],
          }),
        ),
      ],
      /^pairs\[3\]\.unit: unknown unit "u9"\n$/,
    ],
    [
      'a fractional cap',
      () => [
        '--input',
        file(
          'bad-cap.json',
          JSON.stringify({ ...example, caps: { neighbourhoods: { BU09830101: 0.5 } } }),
        ),
      ],
      /^caps\.neighbourhoods\.BU09830101: must be a non-negative integer\n$/,
    ],
    [
      'invalid JSON',
      () => ['--input', file('broken.json', '{"clients": [')],
      /^.*broken\.json: invalid JSON: .+\n$/,
    ],
    [
      'a file that cannot be read',
      () => ['--input', path.join(dir, 'missing.json')],
      /^.*missing\.json: cannot read: .+\n$/,
    ],
    [
      'a pair naming an unknown capacity group',
      () => [
        '--input',
        file(
          'unknown-group.json',
          JSON.stringify({
            ...example,
            groups: { g1: 1 },
            pairs: [...example.pairs, { client: 'c1', unit: 'u2', score: 0.5, group: 'g2' }],
          }),
        ),
      ],
      /^pairs\[3\]\.group: unknown group "g2"\n$/,
    ],
    [
      'a fractional wait',
      () => [
        '--input',
        file(
          'bad-wait.json',
          JSON.stringify({ ...example, clients: [{ id: 'c1', waitDays: 1.5 }, { id: 'c2' }] }),
        ),
      ],
      /^clients\[0\]\.waitDays: must be a non-negative integer \(days\)\n$/,
    ],
    ['an unknown flag', () => ['--input', 'x.json', '--fast'], /^usage: .*--input.*\n$/],
    ['no input', () => [], /^usage: .*--input.*\n$/],
  ])(
    'exits 2 with one line on stderr and nothing on stdout for %s',
    async (_case, args, stderr) => {
      const run = await solve(...args());
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(stderr);
    },
  );
});
