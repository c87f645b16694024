import path from 'node:path';
import { Worker } from 'node:worker_threads';

import type { RegionMatchInput } from './engine/region-match';
import type { RegionOutcome } from './region-outcome';

interface Pending {
  resolve: (result: RegionOutcome) => void;
  reject: (error: Error) => void;
}

/** What an engine thread is started with. */
export interface EngineThreadData {
  /** Niceness the thread gives itself (Linux renices just that thread): 0 = as the process. */
  nice: number;
  /** Match a small generated region before the first request (`engine-thread.warm-up.ts`). */
  warmUp: boolean;
}

interface Reply {
  id: number;
  result?: RegionOutcome;
  error?: string;
}

/** Compiled, the entry is a `.js` file; under tsx or jest it is TypeScript and needs tsx's hook. */
function spawnEngineThread(nice: number, warmUp = false): Worker {
  const extension = path.extname(__filename);
  const entry = path.join(__dirname, `engine-thread.entry${extension}`);
  const workerData: EngineThreadData = { nice, warmUp };
  if (extension === '.js') return new Worker(entry, { workerData });
  const hook = require.resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(hook)}); require(${JSON.stringify(entry)});`, {
    eval: true,
    workerData,
  });
}

/**
 * Engine threads, started on first use and kept for later runs (a thread's first solve pays for
 * V8 compiling the engine). At most `size` solves at once; more wait their turn.
 */
export class EngineThreadPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((worker: Worker) => void)[] = [];
  private started = 0;
  private nextId = 1;
  private closed = false;

  /**
   * `nice` lowers the engine threads' CPU priority, so that on a small machine a long run leaves
   * the event loops (the API's, the job lock renewals) the CPU they need (ENGINE_THREAD_NICE).
   */
  constructor(
    private readonly size: number,
    private readonly nice = 0,
  ) {}

  async match(input: RegionMatchInput): Promise<RegionOutcome> {
    const worker = await this.acquire();
    const id = this.nextId++;
    try {
      const result = await new Promise<RegionOutcome>((resolve, reject) => {
        const pending: Pending = { resolve, reject };
        const onMessage = (reply: Reply) => {
          if (reply.id !== id) return;
          cleanup();
          if (reply.error !== undefined) pending.reject(new Error(reply.error));
          else pending.resolve(reply.result as RegionOutcome);
        };
        const onError = (error: Error) => {
          cleanup();
          pending.reject(error);
        };
        const onExit = (code: number) => {
          cleanup();
          pending.reject(new Error(`engine thread exited with code ${code}`));
        };
        const cleanup = () => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.postMessage({ id, input });
      });
      this.release(worker);
      return result;
    } catch (error) {
      // A thread that failed is not trusted again.
      this.started--;
      void worker.terminate();
      this.wakeNext();
      throw error;
    }
  }

  /**
   * Starts every thread now rather than on first use, each warming the engine up on a generated
   * region (a few seconds of CPU at the threads' priority). Resolves when all are warm; a run
   * requested meanwhile waits for the first warm thread.
   */
  async start(): Promise<void> {
    const warming: Promise<void>[] = [];
    while (this.started < this.size) {
      this.started++;
      const worker = spawnEngineThread(this.nice, true);
      warming.push(
        new Promise<void>((resolve, reject) => {
          const onMessage = (message: { warm?: boolean }) => {
            if (message.warm !== true) return;
            cleanup();
            this.release(worker);
            resolve();
          };
          const onFailure = (error: unknown) => {
            cleanup();
            this.started--;
            void worker.terminate();
            this.wakeNext();
            reject(
              error instanceof Error ? error : new Error(`engine thread exited (${String(error)})`),
            );
          };
          const cleanup = () => {
            worker.off('message', onMessage);
            worker.off('error', onFailure);
            worker.off('exit', onFailure);
          };
          worker.on('message', onMessage);
          worker.on('error', onFailure);
          worker.on('exit', onFailure);
        }),
      );
    }
    await Promise.all(warming);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private acquire(): Promise<Worker> {
    const worker = this.idle.pop();
    if (worker) {
      worker.ref();
      return Promise.resolve(worker);
    }
    if (this.started < this.size) {
      this.started++;
      return Promise.resolve(spawnEngineThread(this.nice));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker): void {
    if (this.closed) {
      this.started--;
      void worker.terminate();
      return;
    }
    const next = this.waiting.shift();
    if (next) next(worker);
    else {
      // An idle thread must not keep the process alive.
      worker.unref();
      this.idle.push(worker);
    }
  }

  private wakeNext(): void {
    const next = this.waiting.shift();
    if (!next) return;
    this.started++;
    next(spawnEngineThread(this.nice));
  }
}
