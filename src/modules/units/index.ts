export { unitEndpoints } from './unit.routes';
export type { Unit } from './unit.schemas';
export { UnitService } from './unit.service';
