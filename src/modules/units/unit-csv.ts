import { stringify } from 'csv-stringify/sync';

import { parseCsvTable } from '../../shared/csv/csv';
import type { CreateUnitInput } from './unit.schemas';

/** docs/api-contract.md, "Units": the import's columns; any order, an empty cell is an absent field. */
export const UNIT_CSV_COLUMNS = [
  'externalRef',
  'type',
  'street',
  'houseNumber',
  'postcode',
  'municipalityCode',
  'neighbourhoodCode',
  'lat',
  'lon',
  'rent',
  'serviceCosts',
  'bedrooms',
  'floor',
  'hasLift',
  'wheelchairAccessible',
  'stimulus',
  'furnished',
  'availableFrom',
  'contingentYear',
  'omklapReviewAfterMonths',
  'doorstroomMaxStayMonths',
  'clusterId',
  'selfContained',
  'petsAllowed',
  'seniorOnly',
] as const;

const OPTIONAL_COLUMNS = new Set([
  'serviceCosts',
  'selfContained',
  'petsAllowed',
  'seniorOnly',
  'contingentYear',
  'omklapReviewAfterMonths',
  'doorstroomMaxStayMonths',
  'clusterId',
]);
const NUMBER_COLUMNS = new Set([
  'lat',
  'lon',
  'rent',
  'serviceCosts',
  'bedrooms',
  'floor',
  'contingentYear',
  'omklapReviewAfterMonths',
  'doorstroomMaxStayMonths',
]);
const BOOLEAN_COLUMNS = new Set([
  'hasLift',
  'wheelchairAccessible',
  'furnished',
  'selfContained',
  'petsAllowed',
  'seniorOnly',
]);
const TRUE = new Set(['true', 'ja', 'j', 'yes', 'y', '1', 'waar']);
const FALSE = new Set(['false', 'nee', 'n', 'no', '0', 'onwaar']);

/** Where each column lands in the JSON shape; errors travel the other way. */
const JSON_PATH: Record<string, string[]> = {
  street: ['address', 'street'],
  houseNumber: ['address', 'houseNumber'],
  postcode: ['address', 'postcode'],
  municipalityCode: ['address', 'municipalityCode'],
  lat: ['location', 'lat'],
  lon: ['location', 'lon'],
  omklapReviewAfterMonths: ['omklap', 'reviewAfterMonths'],
  doorstroomMaxStayMonths: ['doorstroom', 'maxStayMonths'],
};
const COLUMN_FOR_PATH = new Map<string, string>([
  ...Object.entries(JSON_PATH).map(([column, path]): [string, string] => [path.join('.'), column]),
  ['location', 'lat'],
  ['address', 'street'],
  ['omklap', 'omklapReviewAfterMonths'],
  ['doorstroom', 'doorstroomMaxStayMonths'],
]);

/** `address.postcode` → `postcode`: errors name the column the clerk sees. */
export function columnForPath(path: string): string {
  return COLUMN_FOR_PATH.get(path) ?? path;
}

function cellValue(column: string, cell: string): unknown {
  if (NUMBER_COLUMNS.has(column) && /^-?\d+([.,]\d+)?$/.test(cell)) {
    return Number(cell.replace(',', '.'));
  }
  if (BOOLEAN_COLUMNS.has(column)) {
    const lower = cell.toLowerCase();
    if (TRUE.has(lower)) return true;
    if (FALSE.has(lower)) return false;
  }
  // Anything else stays a string, and validation says what it should have been.
  return cell;
}

export interface UnitCsvRow {
  line: number;
  /** The row in the shape of `POST /units`, not yet validated. */
  value: Record<string, unknown>;
  extraCells: boolean;
}

export function parseUnitCsv(text: string, maxRows: number): UnitCsvRow[] {
  const table = parseCsvTable(text, {
    known: UNIT_CSV_COLUMNS,
    required: UNIT_CSV_COLUMNS.filter((column) => !OPTIONAL_COLUMNS.has(column)),
    maxRows,
  });
  return table.rows.map(({ line, values, extraCells }) => {
    const value: Record<string, unknown> = {};
    for (const [column, cell] of Object.entries(values)) {
      const path = JSON_PATH[column] ?? [column];
      let target = value;
      for (const key of path.slice(0, -1)) {
        target[key] ??= {};
        target = target[key] as Record<string, unknown>;
      }
      target[path.at(-1) ?? column] = cellValue(column, cell);
    }
    return { line, value, extraCells };
  });
}

/** Units as an import file: the inverse of `parseUnitCsv`, through the same column map. */
export function formatUnitCsv(units: readonly CreateUnitInput[]): string {
  const cell = (unit: CreateUnitInput, column: string): string => {
    let value: unknown = unit;
    for (const key of JSON_PATH[column] ?? [column]) {
      value = (value as Record<string, unknown> | undefined)?.[key];
    }
    if (typeof value === 'number') {
      return column === 'rent' || column === 'serviceCosts' ? value.toFixed(2) : String(value);
    }
    return typeof value === 'string' || typeof value === 'boolean' ? String(value) : '';
  };
  return stringify(
    units.map((unit) => UNIT_CSV_COLUMNS.map((column) => cell(unit, column))),
    { header: true, columns: [...UNIT_CSV_COLUMNS] },
  );
}
