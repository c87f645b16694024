import type { JobDefinition, JobHandler } from './job-definition';

const key = (definition: JobDefinition) => `${definition.queue}/${definition.name}`;

/**
 * The worker's table of handlers. It refuses to be built when a declared job has no handler,
 * when two handlers claim one job, or when a handler serves a job nobody declared: better not to
 * start than to leave jobs piling up unprocessed.
 */
export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler>();

  constructor(declared: readonly JobDefinition[], handlers: readonly JobHandler[]) {
    const declaredKeys = new Set<string>();
    for (const definition of declared) {
      if (declaredKeys.has(key(definition))) {
        throw new Error(`Job ${key(definition)} is declared twice.`);
      }
      declaredKeys.add(key(definition));
    }
    for (const handler of handlers) {
      const jobKey = key(handler.definition);
      if (!declaredKeys.has(jobKey)) throw new Error(`Handler for undeclared job ${jobKey}.`);
      if (this.handlers.has(jobKey)) throw new Error(`Two handlers for job ${jobKey}.`);
      this.handlers.set(jobKey, handler);
    }
    const missing = [...declaredKeys].filter((jobKey) => !this.handlers.has(jobKey));
    if (missing.length > 0) throw new Error(`No handler for job(s): ${missing.join(', ')}.`);
  }

  queues(): string[] {
    return [
      ...new Set([...this.handlers.values()].map((handler) => handler.definition.queue)),
    ].sort();
  }

  handlerFor(queue: string, name: string): JobHandler | undefined {
    return this.handlers.get(`${queue}/${name}`);
  }
}
