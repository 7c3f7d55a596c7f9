import { Worker } from 'node:worker_threads';
import type { EdgeList } from './csr.js';
import type { WorkerReply, WorkerRequest } from './analysis.worker.js';
import type { Task, TaskResult } from './tasks.js';

/** A projection the engine can compute on: its cache key (scope, options, graph version) and its relationships. */
export interface EngineProjection {
  key: string;
  edges: EdgeList;
}

/**
 * Runs analysis tasks in one worker thread, one at a time, so a long computation never blocks the API's event loop.
 * The worker is TypeScript like the rest of the server, loaded through tsx by start-worker.mjs, which works the same
 * under `npm start` (tsx) and under Vitest. It starts on the first task and is started again after a crash.
 */
export class AnalysisEngine {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  run<T extends Task>(projection: EngineProjection, task: T): Promise<TaskResult<T>> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<TaskResult<T>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ id, projectionKey: projection.key, edges: projection.edges, task } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./start-worker.mjs', import.meta.url));
    // An idle worker must not keep the process alive (tests, command-line tools); a busy one is waited for.
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('error' in reply) waiting.reject(new AnalysisError(reply.error));
      else waiting.resolve(reply.result);
    });
    worker.on('error', (error) => this.failAll(worker, error));
    worker.on('exit', (code) => this.failAll(worker, new Error(`analysis worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private failAll(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = undefined;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/** A computation the engine could not finish, e.g. a power iteration that did not converge. */
export class AnalysisError extends Error {
  override name = 'AnalysisError';
}
