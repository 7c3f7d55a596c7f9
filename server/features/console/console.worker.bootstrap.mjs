// Worker threads start without the TypeScript loader under Vitest; registering tsx here lets them run
// console.worker.ts wherever the API runs (tsx, Vitest).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
