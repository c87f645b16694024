import { parse } from 'csv-parse/sync';

import { csvCell, formatReportCsv } from './report.csv';
import { TABLES } from './report.tables';

describe('report CSV', () => {
  it.each(['=1+1', '+31 6', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'escapes a text cell that starts a formula (%j)',
    (value) => {
      expect(csvCell(value)).toBe(`'${value}`);
    },
  );

  it('leaves other text, numbers and empty cells as they are', () => {
    expect(csvCell('Woonstichting Maasdal')).toBe('Woonstichting Maasdal');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
  });

  it('writes a byte-order mark, the columns in their order and the chosen separator', () => {
    const spec = TABLES.instroom;
    const rows = [
      { municipalityCode: 'GM0983', targetGroup: 'bw', registered: 7 },
      { municipalityCode: 'GM0983', targetGroup: 'vo', registered: '<5' },
    ];
    const semicolon = formatReportCsv(spec, rows, 'semicolon');
    expect(semicolon.startsWith('\uFEFFmunicipalityCode;targetGroup;registered\r\n')).toBe(true);
    expect(parse(semicolon, { bom: true, delimiter: ';' })).toEqual([
      ['municipalityCode', 'targetGroup', 'registered'],
      ['GM0983', 'bw', '7'],
      ['GM0983', 'vo', '<5'],
    ]);
    const comma = formatReportCsv(spec, rows, 'comma');
    expect(parse(comma, { bom: true })).toEqual(parse(semicolon, { bom: true, delimiter: ';' }));
  });
});
