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

describe('EngineThreadPool', () => {
  onLinux(
    'when started with a niceness, then the engine thread runs at it and the process’s own thread does not',
    async () => {
      const before = threadNiceness().filter((nice) => nice === 7).length;
      const pool = new EngineThreadPool(1, 7);
      try {
        const population = generatePopulation({
          seed: 7,
          clients: 20,
          units: 10,
          geography: 'noord-midden-limburg',
        });
        const result = await pool.match({
          units: population.units,
          clients: population.clients,
          fixed: [],
          context: population.context,
        });
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
});
