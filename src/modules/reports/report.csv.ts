import { stringify } from 'csv-stringify/sync';

import type { ReportRow, TableSpec } from './report.tables';

export type CsvSeparator = 'comma' | 'semicolon';

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (or as the start of one),
 * so such a cell gets a leading apostrophe: Excel and LibreOffice then show it as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as written: text that could start a formula is escaped; numbers we format stay numbers. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One report table as CSV: UTF-8 with a byte-order mark (so Excel reads the encoding), a header
 * row of the table's columns in their documented order, CRLF line ends, `,` or `;` between cells.
 */
export function formatReportCsv(
  spec: TableSpec,
  rows: readonly ReportRow[],
  separator: CsvSeparator,
): string {
  return (
    BYTE_ORDER_MARK +
    stringify(
      rows.map((row) => spec.columns.map((column) => csvCell(row[column] ?? null))),
      {
        header: true,
        columns: [...spec.columns],
        delimiter: separator === 'semicolon' ? ';' : ',',
        record_delimiter: 'windows',
      },
    )
  );
}
