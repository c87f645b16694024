import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request values every log line carries, without passing them through every call. */
export interface RequestContext {
  requestId: string;
  organisationId?: string;
  tokenId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
