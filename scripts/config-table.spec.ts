import { readFileSync } from 'node:fs';

import { configSchema } from '../config/config.schema';
import { configTable, README_PATH, readmeConfigSection, tableCells } from './config-table.lib';

describe('the README configuration table', () => {
  it('lists every variable of the schema with a default and a description', () => {
    const rows = tableCells(configTable()).slice(1);
    expect(rows.map((row) => row[0])).toEqual(
      Object.keys(configSchema.shape).map((name) => `\`${name}\``),
    );
    for (const row of rows) {
      expect(row).toHaveLength(3);
      expect(row[2]).not.toBe('');
    }
  });

  it('is what README.md holds (run `npm run docs:config` after changing the schema)', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(tableCells(readmeConfigSection(readme))).toEqual(tableCells(configTable()));
  });
});
