import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'src/modules/matching/engine/solve.cli.ts');

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

  it("prints docs/solver-contract.md's example solution, optimal and greedy", async () => {
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
