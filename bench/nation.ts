/** The generated nation of the national benches and the load test's national run. */
import type { DataSource } from 'typeorm';

import { loadPopulationInRegions, regionsByArea } from '../scripts/population/load-population';
import { generatePopulation } from '../src/modules/matching/engine';

export const NATION_REGIONS = 14;

/** 50,000 clients and 20,000 units in 341 municipalities, split into 14 neighbouring regions. */
export async function loadNation(dataSource: DataSource): Promise<void> {
  const population = generatePopulation({
    seed: 20_240_002,
    clients: 50_000,
    units: 20_000,
    geography: 'national',
    now: new Date(),
  });
  const regions = regionsByArea(population.context.municipalities, NATION_REGIONS, 'nl');
  await loadPopulationInRegions(dataSource, population, regions);
  await dataSource.query('ANALYZE');
}
