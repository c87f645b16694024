import { DASHBOARD_QUEUES } from '../src/shared/admin/queue-board';
import { DECLARED_JOBS } from './jobs';

describe('declared jobs', () => {
  it('run on queues the admin dashboard shows', () => {
    const queues = [...new Set(DECLARED_JOBS.map((definition) => definition.queue))].sort();
    expect(queues).toEqual([...DASHBOARD_QUEUES].sort());
  });
});
