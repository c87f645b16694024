/**
 * An engine thread's first solve runs on code V8 has not optimised yet, which costs several times
 * the solve itself; on a worker's first night that first solve is the largest region. So a new
 * engine thread first matches a small generated region (no real data: the engine's own population
 * generator), and the region that comes next finds the engine compiled.
 */
import { matchRegion } from './engine/region-match';
import { generatePopulation } from './engine/scoring/population-generator';
import { regionOutcome } from './region-outcome';

const WARM_UP_ROUNDS = 2;

/** Matches a generated region a few times; returns what it matched, so nothing is optimised away. */
export function warmUpEngine(): number {
  let assigned = 0;
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    const population = generatePopulation({
      seed: 20_240_100 + round,
      clients: 2_400,
      units: 900,
      geography: 'noord-midden-limburg',
    });
    const outcome = regionOutcome(
      matchRegion({
        units: population.units,
        clients: population.clients,
        fixed: [],
        context: population.context,
      }),
    );
    assigned += outcome.pairs.length;
  }
  return assigned;
}
