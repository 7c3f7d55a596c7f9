import { Worker } from 'node:worker_threads';
import type { EdgeList } from './csr.js';
import type { WorkerReply, WorkerRequest } from './analysis.worker.js';
import type { Task, TaskResult } from './tasks.js';

/** A projection the engine can compute on: its cache key (scope, options, graph version) and its relationships. */
export interface EngineProjection {
  key: string;
  edges: EdgeList;
}

/** What the engine is doing: the task computing now (with how far it got, when it tells) and how many wait. */
export interface EngineStatus {
  running: { kind: Task['kind']; measure: string | null; done: number | null; total: number | null; startedAt: number } | null;
  queued: number;
  /** Workers started so far: one more after each cancelled computation or crash. */
  workersStarted: number;
}

interface Pending {
  request: WorkerRequest;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  progress: { done: number; total: number } | undefined;
  startedAt: number | undefined;
}

/**
 * Runs analysis tasks in one worker thread, one at a time, so a long computation never blocks the API's event loop.
 * The worker is TypeScript like the rest of the server, loaded through tsx by start-worker.mjs, which works the same
 * under `npm start` (tsx) and under Vitest. It starts on the first task and is started again after a crash.
 *
 * Tasks go to the worker one at a time, so a task whose signal aborts (its client went away, or its time ran out)
 * while waiting is simply dropped; the one computing is really stopped: a synchronous computation cannot be
 * interrupted, so the worker is terminated and a fresh one takes the next task.
 */
export class AnalysisEngine {
  private worker: Worker | undefined;
  private nextId = 1;
  private workersStarted = 0;
  /** Tasks not yet answered, in the order they run; the first is the one the worker computes (if inFlight). */
  private readonly pending = new Map<number, Pending>();
  private inFlight: number | undefined;

  run<T extends Task>(projection: EngineProjection, task: T, signal?: AbortSignal): Promise<TaskResult<T>> {
    if (signal?.aborted) return Promise.reject(new AnalysisCancelled());
    const id = this.nextId++;
    const request: WorkerRequest = { id, projectionKey: projection.key, edges: projection.edges, task };
    return new Promise<TaskResult<T>>((resolve, reject) => {
      const onAbort = () => this.cancel(id);
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle =
        <V>(then: (value: V) => void) =>
        (value: V) => {
          signal?.removeEventListener('abort', onAbort);
          then(value);
        };
      this.pending.set(id, {
        request,
        resolve: settle(resolve as (value: unknown) => void),
        reject: settle(reject),
        progress: undefined,
        startedAt: undefined,
      });
      this.pump();
    });
  }

  /**
   * Starts the worker ahead of a task, if it is not running: loading the TypeScript engine takes a good part of a
   * second, which then overlaps e.g. the projection read instead of following it. An idle worker keeps nothing alive.
   */
  prepare(): void {
    this.started();
  }

  status(): EngineStatus {
    const first = this.inFlight === undefined ? undefined : this.pending.get(this.inFlight);
    const task = first?.request.task;
    return {
      running: task
        ? {
            kind: task.kind,
            measure: task.kind === 'centrality' ? task.measure : null,
            done: first.progress?.done ?? null,
            total: first.progress?.total ?? null,
            startedAt: first.startedAt ?? Date.now(),
          }
        : null,
      queued: Math.max(0, this.pending.size - 1),
      workersStarted: this.workersStarted,
    };
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  /** Drops a waiting task, or stops the computing one by terminating the worker; the next task starts on a new one. */
  private cancel(id: number): void {
    const cancelled = this.pending.get(id);
    if (!cancelled) return;
    this.pending.delete(id);
    cancelled.reject(new AnalysisCancelled());
    if (id !== this.inFlight) return;
    this.inFlight = undefined;
    const worker = this.worker;
    this.worker = undefined;
    if (worker) {
      worker.removeAllListeners();
      void worker.terminate();
    }
    this.pump();
  }

  /** Posts the next waiting task when the worker is free. */
  private pump(): void {
    if (this.inFlight !== undefined) return;
    const next = this.pending.values().next().value;
    if (!next) return;
    const worker = this.started();
    worker.ref();
    this.inFlight = next.request.id;
    next.startedAt = Date.now();
    worker.postMessage(next.request);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./start-worker.mjs', import.meta.url));
    this.workersStarted++;
    // An idle worker must not keep the process alive (tests, command-line tools); a busy one is waited for.
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      if ('progress' in reply) {
        waiting.progress = reply.progress;
        return;
      }
      this.pending.delete(reply.id);
      this.inFlight = undefined;
      if (this.pending.size === 0) worker.unref();
      if ('error' in reply) waiting.reject(new AnalysisError(reply.error));
      else waiting.resolve(reply.result);
      this.pump();
    });
    worker.on('error', (error) => this.failAll(worker, error));
    worker.on('exit', (code) => this.failAll(worker, new Error(`analysis worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private failAll(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = undefined;
    this.inFlight = undefined;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/** A computation the engine could not finish, e.g. a power iteration that did not converge. */
export class AnalysisError extends Error {
  override name = 'AnalysisError';
}

/** A computation stopped because nobody waits for its answer any more. */
export class AnalysisCancelled extends Error {
  override name = 'AnalysisCancelled';
  constructor() {
    super('The analysis was cancelled.');
  }
}
