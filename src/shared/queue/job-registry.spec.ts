import { z } from 'zod';

import { defineJob, handleJob } from './job-definition';
import { JobRegistry } from './job-registry';

const ping = defineJob({ queue: 'q', name: 'ping', payload: z.object({ id: z.string() }) });
const pong = defineJob({ queue: 'q', name: 'pong', payload: z.object({ id: z.string() }) });
const noop = async () => undefined;

describe('JobRegistry', () => {
  it('accepts exactly one handler per declared job and lists its queues', () => {
    const registry = new JobRegistry([ping, pong], [handleJob(ping, noop), handleJob(pong, noop)]);
    expect(registry.queues()).toEqual(['q']);
    expect(registry.handlerFor('q', 'ping')?.definition).toBe(ping);
    expect(registry.handlerFor('q', 'other')).toBeUndefined();
  });

  it('refuses a declared job without a handler', () => {
    expect(() => new JobRegistry([ping, pong], [handleJob(ping, noop)])).toThrow(
      /No handler for job\(s\): q\/pong/,
    );
  });

  it('refuses two handlers for one job', () => {
    expect(() => new JobRegistry([ping], [handleJob(ping, noop), handleJob(ping, noop)])).toThrow(
      /Two handlers for job q\/ping/,
    );
  });

  it('refuses a handler for a job nobody declared, and a job declared twice', () => {
    expect(() => new JobRegistry([ping], [handleJob(ping, noop), handleJob(pong, noop)])).toThrow(
      /undeclared job q\/pong/,
    );
    expect(() => new JobRegistry([ping, ping], [handleJob(ping, noop)])).toThrow(/declared twice/);
  });
});
