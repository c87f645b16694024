import { parse } from 'csv-parse/sync';

import { ValidationError } from '../errors/app-error';

export interface CsvTable {
  columns: string[];
  /**
   * One record per data row; an empty cell is absent. `line` is the row's line in the file;
   * `extraCells` says the row had non-empty cells beyond the header's columns.
   */
  rows: { line: number; values: Record<string, string>; extraCells: boolean }[];
}

/**
 * Parses a CSV with a header row. Accepts `,` or `;` as separator (Dutch spreadsheets export
 * with semicolons), a UTF-8 byte-order mark and quoted cells. Unknown or missing columns, a row
 * with the wrong number of cells and unbalanced quotes are reported, all at once.
 */
export function parseCsvTable(
  text: string,
  spec: { known: readonly string[]; required: readonly string[]; maxRows: number },
): CsvTable {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ValidationError([{ path: 'body', message: `not readable as CSV: ${message}` }]);
  }
  const header = records[0]?.record;
  const data = records.slice(1);
  if (!header || header.length === 0 || header.every((cell) => cell === '')) {
    throw new ValidationError([
      { path: 'body', message: 'a header row naming the columns is required' },
    ]);
  }
  const problems = [
    ...header
      .filter((column) => !spec.known.includes(column))
      .map((column) => ({ path: `columns.${column}`, message: 'unknown column' })),
    ...spec.required
      .filter((column) => !header.includes(column))
      .map((column) => ({ path: `columns.${column}`, message: 'required column missing' })),
    ...header
      .filter((column, index) => header.indexOf(column) !== index)
      .map((column) => ({ path: `columns.${column}`, message: 'column appears twice' })),
  ];
  if (data.length === 0) problems.push({ path: 'body', message: 'no data rows' });
  if (data.length > spec.maxRows) {
    problems.push({
      path: 'body',
      message: `at most ${spec.maxRows} rows per import; got ${data.length}`,
    });
  }
  if (problems.length > 0) throw new ValidationError(problems);

  const rows = data.map(({ record: cells, info }) => {
    const values: Record<string, string> = {};
    header.forEach((column, position) => {
      const cell = cells[position];
      if (cell !== undefined && cell !== '') values[column] = cell;
    });
    const extraCells = cells.slice(header.length).some((cell) => cell !== '');
    return { line: info.lines, values, extraCells };
  });
  return { columns: header, rows };
}
