import { parentPort } from 'node:worker_threads';
import type { EdgeList } from './csr.js';
import { PreparedProjection, runTask, type Task } from './tasks.js';

/** A request from the engine: the projection travels in SharedArrayBuffers, so posting it copies nothing. */
export interface WorkerRequest {
  id: number;
  projectionKey: string;
  edges: EdgeList;
  task: Task;
}

export type WorkerReply = { id: number; result: unknown } | { id: number; error: string } | { id: number; progress: { done: number; total: number } };

/** The projections prepared lately (CSR and graphology graphs built), newest last; a few, since each may be large. */
const PREPARED_KEPT = 3;
const prepared = new Map<string, PreparedProjection>();

/** Progress is told at most this often: each message costs the API's event loop a little. */
const PROGRESS_INTERVAL_MS = 200;

function preparedFor(key: string, edges: EdgeList): PreparedProjection {
  let projection = prepared.get(key);
  if (projection) prepared.delete(key);
  else projection = new PreparedProjection(edges);
  prepared.set(key, projection);
  while (prepared.size > PREPARED_KEPT) prepared.delete(prepared.keys().next().value!);
  return projection;
}

parentPort!.on('message', (request: WorkerRequest) => {
  let toldAt = 0;
  const onProgress = (done: number, total: number) => {
    const now = Date.now();
    if (now - toldAt < PROGRESS_INTERVAL_MS && done < total) return;
    toldAt = now;
    parentPort!.postMessage({ id: request.id, progress: { done, total } } satisfies WorkerReply);
  };
  try {
    const result = runTask(preparedFor(request.projectionKey, request.edges), request.task, onProgress);
    parentPort!.postMessage({ id: request.id, result } satisfies WorkerReply);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
});
