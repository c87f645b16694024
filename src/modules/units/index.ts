export { formatUnitCsv, UNIT_CSV_COLUMNS } from './unit-csv';
export { unitEndpoints } from './unit.routes';
export type { Unit } from './unit.schemas';
export { UnitService } from './unit.service';
