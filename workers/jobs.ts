import { anonymiseClosedClientsJob, CLIENT_JOBS, ClientService } from '../src/modules/clients';
import type { Runtime } from '../src/runtime';
import { handleJob, type JobDefinition, type JobHandler } from '../src/shared/queue/job-definition';
import { systemClock } from '../src/shared/time/clock';

/** Every job any module declares; the worker refuses to start unless each has one handler. */
export const DECLARED_JOBS: readonly JobDefinition[] = [...CLIENT_JOBS];

export function jobHandlers(runtime: Runtime): JobHandler[] {
  const clients = new ClientService(runtime.dataSource, systemClock);
  return [
    handleJob(anonymiseClosedClientsJob, async () => {
      const anonymised = await clients.anonymiseClosed();
      runtime.logger.info({ anonymised }, 'closed client records anonymised');
      return { anonymised };
    }),
  ];
}
