import type { Runtime } from '../src/runtime';
import type { JobDefinition, JobHandler } from '../src/shared/queue/job-definition';

/** Every job any module declares; the worker refuses to start unless each has one handler. */
export const DECLARED_JOBS: readonly JobDefinition[] = [];

export function jobHandlers(_runtime: Runtime): JobHandler[] {
  return [];
}
