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

/** Longest line of an import, in characters: a unit row is about 250. */
export const CSV_MAX_LINE_LENGTH = 4096;
/** Most columns a header may name: every import knows far fewer. */
export const CSV_MAX_COLUMNS = 64;

/**
 * Refuses, before any parsing, a file whose lines or header are beyond every honest import: the
 * cost of reading a file is then linear in its size and bounded per line, whatever it holds.
 */
function checkBounds(text: string): string {
  let start = 0;
  let line = 1;
  let header: string | undefined;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end - start > CSV_MAX_LINE_LENGTH) {
      throw new ValidationError([
        { path: `lines[${line}]`, message: `longer than ${CSV_MAX_LINE_LENGTH} characters` },
      ]);
    }
    header ??= text.slice(start, end).trim() === '' ? undefined : text.slice(start, end);
    if (newline === -1) break;
    start = newline + 1;
    line++;
  }
  return header ?? '';
}

/**
 * Parses a CSV with a header row. Accepts `,` or `;` as separator (Dutch spreadsheets export
 * with semicolons), a UTF-8 byte-order mark and quoted cells. Unknown or missing columns, a row
 * with the wrong number of cells and unbalanced quotes are reported, all at once. Lines longer
 * than CSV_MAX_LINE_LENGTH and headers with more than CSV_MAX_COLUMNS columns are refused first.
 */
export function parseCsvTable(
  text: string,
  spec: { known: readonly string[]; required: readonly string[]; maxRows: number },
): CsvTable {
  const firstLine = checkBounds(text).replace(/^\uFEFF/, '');
  const semicolons = firstLine.match(/;/g)?.length ?? 0;
  const commas = firstLine.match(/,/g)?.length ?? 0;
  const delimiter = semicolons > commas ? ';' : ',';
  const columnCount = Math.max(semicolons, commas) + 1;
  if (columnCount > CSV_MAX_COLUMNS) {
    throw new ValidationError([
      {
        path: 'columns',
        message: `at most ${CSV_MAX_COLUMNS} columns; the header has ${columnCount}`,
      },
    ]);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      // A quoted cell may span lines; it is bounded like a line.
      max_record_size: CSV_MAX_LINE_LENGTH,
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
    ...duplicates(header).map((column) => ({
      path: `columns.${column}`,
      message: 'column appears twice',
    })),
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

function duplicates(columns: readonly string[]): string[] {
  const seen = new Set<string>();
  return columns.filter((column) => {
    if (seen.has(column)) return true;
    seen.add(column);
    return false;
  });
}
