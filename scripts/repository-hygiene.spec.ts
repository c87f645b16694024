import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');
/** Every file of the repository, committed or about to be, as git sees it. */
const FILES = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => file !== '' && existsSync(path.join(ROOT, file)));
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const MARKDOWN = FILES.filter((file) => file.endsWith('.md'));

describe('the repository stands alone', () => {
  it('mentions no document outside it: what a reader needs is in docs/', () => {
    // The team's briefs go by upper-case names; our own docs are lower-case (`docs/solver.md`).
    const outside = /(?<![\w/-])(SOLVER|API|DOMAIN|STYLE)\.md\b|\/work\/shared/;
    const offending = FILES.filter((file) => !/\.(png|jpg|ico)$/.test(file)).filter((file) =>
      outside.test(read(file)),
    );
    expect(offending).toEqual([]);
    const markdownOutside = MARKDOWN.filter((file) => /\.\.\/shared\b/.test(read(file)));
    expect(markdownOutside).toEqual([]);
  });

  it('has every link of its Markdown pointing at a file that exists', () => {
    const broken: string[] = [];
    for (const file of MARKDOWN) {
      for (const [, target] of read(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (!target || /^[a-z]+:/.test(target)) continue;
        if (!existsSync(path.join(ROOT, path.dirname(file), target))) {
          broken.push(`${file} → ${target}`);
        }
      }
    }
    expect(broken).toEqual([]);
    for (const doc of ['domain-overview', 'api-contract', 'solver-contract', 'privacy']) {
      expect(FILES).toContain(`docs/${doc}.md`);
    }
  });

  it('gives a newcomer one path without Docker: database, seed, tokens, port', () => {
    const readme = read('README.md');
    const start = readme.indexOf('### Without Docker');
    const section = readme.slice(start, readme.indexOf('\n## ', start));
    expect(start).toBeGreaterThan(-1);
    for (const step of [
      'createdb',
      'npm ci',
      'npm run migrate',
      'npm run seed:demo',
      'npm run dev',
    ]) {
      expect({ step, present: section.includes(step) }).toEqual({ step, present: true });
    }
    expect(section).toMatch(/BOOTSTRAP_ADMIN_TOKEN/);
    expect(section).toMatch(/`PORT`/);
  });
});

describe('the format check', () => {
  it('covers every source file: no ignore rule hides one (src/modules/coverage once was)', () => {
    const sources = FILES.filter((f) => /^(src|config|test|workers|scripts|bench)\//.test(f));
    // Prettier's API is an ES module: ask it in a process of its own, once for all files.
    const ask = `
      const prettier = require('prettier');
      const files = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
      Promise.all(files.map((file) => prettier.getFileInfo(file, { ignorePath: '.prettierignore' })))
        .then((infos) => console.log(JSON.stringify(files.filter((_, i) => infos[i].ignored))));`;
    const ignored = JSON.parse(
      execFileSync(process.execPath, ['-e', ask], {
        cwd: ROOT,
        input: JSON.stringify(sources),
        encoding: 'utf8',
      }),
    ) as string[];
    expect(sources.length).toBeGreaterThan(100);
    expect(ignored).toEqual([]);
  });
});
