import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';

import { generatePopulation } from './engine/scoring/population-generator';
import { EngineThreadPool } from './engine-thread.pool';

/** Niceness of each thread of this process (Linux: field 19 of /proc/self/task/<tid>/stat). */
function threadNiceness(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // After "pid (comm) ", the state is field 3: field 19 is index 16.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

const onLinux = existsSync('/proc/self/task') ? it : it.skip;

function smallRegion(seed: number) {
  const population = generatePopulation({
    seed,
    clients: 20,
    units: 10,
    geography: 'noord-midden-limburg',
  });
  return {
    units: population.units,
    clients: population.clients,
    fixed: [],
    context: population.context,
  };
}

describe('EngineThreadPool', () => {
  onLinux(
    'when started with a niceness, then the engine thread runs at it and the process’s own thread does not',
    async () => {
      const before = threadNiceness().filter((nice) => nice === 7).length;
      const pool = new EngineThreadPool(1, 7);
      try {
        const result = await pool.match(smallRegion(7));
        expect(result.pairs.length).toBeGreaterThan(0);
        // The idle engine thread is kept for the next run: it is there to look at.
        expect(threadNiceness().filter((nice) => nice === 7).length).toBe(before + 1);
        expect(getPriority()).toBe(0);
      } finally {
        await pool.close();
      }
    },
    60_000,
  );

  it('when started ahead of use, then every thread warms up first and then matches as a cold one does', async () => {
    const region = smallRegion(11);
    const cold = new EngineThreadPool(1);
    const warm = new EngineThreadPool(2);
    try {
      const expected = await cold.match(region);
      await warm.start();
      // Both threads are warm and idle: two runs at once, one on each.
      const results = await Promise.all([warm.match(region), warm.match(region)]);
      for (const result of results) {
        expect(result.pairs.map((pair) => [pair.unitId, pair.clientId])).toEqual(
          expected.pairs.map((pair) => [pair.unitId, pair.clientId]),
        );
        expect(result.passedOverJson).toBe(expected.passedOverJson);
      }
    } finally {
      await Promise.all([cold.close(), warm.close()]);
    }
  }, 120_000);
});
