/**
 * The worker thread's body: runs `matchRegion` on what the run sends and posts the result back.
 * Solving a national region takes seconds of CPU; here it never blocks the event loop that renews
 * the job's lock and answers the relay.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

import { matchRegion, type RegionMatchInput } from './engine/region-match';
import { regionOutcome } from './region-outcome';
import type { EngineThreadData } from './engine-thread.pool';
import { warmUpEngine } from './engine-thread.warm-up';

// On Linux a priority is per thread: this renices the engine thread only, not the process's
// event loop. Lowering one's own priority needs no privilege.
const { nice, warmUp } = workerData as EngineThreadData;
if (nice > 0) setPriority(nice);
if (warmUp) {
  // Before any request is read: one that arrives meanwhile waits in the port's queue.
  warmUpEngine();
  parentPort?.postMessage({ warm: true });
}

interface Request {
  id: number;
  input: RegionMatchInput;
}

parentPort?.on('message', (request: Request) => {
  try {
    const result = regionOutcome(matchRegion(request.input, { clock: () => performance.now() }));
    parentPort?.postMessage({ id: request.id, result });
  } catch (error) {
    parentPort?.postMessage({
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
