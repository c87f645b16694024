/**
 * The worker thread's body: runs `matchRegion` on what the run sends and posts the result back.
 * Solving a national region takes seconds of CPU; here it never blocks the event loop that renews
 * the job's lock and answers the relay.
 */
import { parentPort } from 'node:worker_threads';

import { matchRegion, type RegionMatchInput } from './engine/region-match';
import { regionOutcome } from './region-outcome';

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
