import { Worker } from 'node:worker_threads';
import { Neo4jError } from 'neo4j-driver';
import type { ConsoleSettings } from '../../config.js';
import { AppError } from '../../errors.js';
import type { ConsoleResult } from './console.service.js';
import type { ConsoleJob, WorkerConnection, WorkerReply } from './console.worker.js';

const bootstrapUrl = new URL('./console.worker.bootstrap.mjs', import.meta.url);
const workerModuleUrl = new URL('./console.worker.ts', import.meta.url).href;

/** A worker left idle this long ends, with its connection; the next query starts a new one (about a second). */
const IDLE_WORKER_MS = 60_000;
/** A worker thread that has not started in this long (a machine out of memory or threads) is given up. */
const WORKER_START_MS = 30_000;
/**
 * The worker stops its own query at the time limit plus 1 s (console.service.ts). Past this further margin, counted
 * from the request's arrival, its thread is busy with something it cannot leave, such as decoding one huge row, and
 * is ended from here. It is under the route's own 2 s margin (timeLimits.ts), so the query's slot is free again before
 * the client reads its 504: at an equal margin the route answered first, and the client's next query found its own
 * finished one still counted (a 429 in the soak).
 */
const BACKSTOP_MARGIN_MS = 1500;
/** Enough for an answer of NEXO_CONSOLE_MAX_ANSWER_BYTES and its graph; a row that needs more ends the worker (413). */
const WORKER_HEAP_MB = 512;

/**
 * Runs console queries on worker threads, each with its own driver and connection: at most `concurrency` at once and
 * `concurrencyPerClient` per client, so the console never takes the connections of the API's other routes, and a query
 * whose answer takes long to decode never blocks the API's thread.
 */
export class ConsoleWorkers {
  private readonly idle: Worker[] = [];
  private running = 0;
  private readonly runningByClient = new Map<string, number>();
  private connection: Promise<WorkerConnection> | undefined;
  /** A worker starting to replace one that was ended; the next query takes it rather than start another. */
  private spare: Promise<Worker> | undefined;

  constructor(
    private readonly settings: ConsoleSettings,
    private readonly resolveConnection: () => Promise<WorkerConnection>,
  ) {}

  /** Runs one job for `client`; throws 429 (this client) or 503 (everyone) with `retryAfter` when the console is full. */
  async run(client: string, job: ConsoleJob): Promise<ConsoleResult> {
    const ofClient = this.runningByClient.get(client) ?? 0;
    if (ofClient >= this.settings.concurrencyPerClient) {
      throw busy(429, 'Too many console queries', `This client already runs ${ofClient} console queries; wait for one to finish.`);
    }
    if (this.running >= this.settings.concurrency) {
      throw busy(503, 'Console busy', `The console already runs ${this.running} queries, its limit; try again shortly.`);
    }
    this.running++;
    this.runningByClient.set(client, ofClient + 1);
    const backstopAt = Date.now() + job.limits.timeoutMs + BACKSTOP_MARGIN_MS;
    try {
      const worker = this.idle.pop() ?? (await this.takeSpare()) ?? (await this.start());
      return await this.runOn(worker, job, backstopAt);
    } finally {
      this.running--;
      const left = (this.runningByClient.get(client) ?? 1) - 1;
      if (left === 0) this.runningByClient.delete(client);
      else this.runningByClient.set(client, left);
    }
  }

  private async start(): Promise<Worker> {
    this.connection ??= this.resolveConnection().catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    });
    const connection = await this.connection;
    const worker = new Worker(bootstrapUrl, {
      workerData: { module: workerModuleUrl, connection },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    worker.unref();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => fail(new AppError(503, 'Console unavailable', 'The console could not start a worker; try again shortly.')),
        WORKER_START_MS,
      );
      const fail = (error: unknown): void => {
        clearTimeout(timer);
        void worker.terminate();
        reject(error instanceof AppError || error instanceof Neo4jError ? error : new Error(`The console worker did not start: ${String(error)}`));
      };
      worker.once('message', (message: WorkerReply) => {
        if (message.kind !== 'ready') return fail(asError(message));
        clearTimeout(timer);
        forgetListeners(worker);
        resolve();
      });
      worker.once('error', fail);
      worker.once('exit', (code) => fail(`it exited with code ${code}`));
    });
    return worker;
  }

  private runOn(worker: Worker, job: ConsoleJob, backstopAt: number): Promise<ConsoleResult> {
    return new Promise<ConsoleResult>((resolve, reject) => {
      const settle = (keepWorker: boolean, outcome: () => void): void => {
        clearTimeout(backstop);
        forgetListeners(worker);
        if (keepWorker) this.keepIdle(worker);
        else this.replace(worker);
        outcome();
      };
      const backstop = setTimeout(
        () => settle(false, () => reject(new AppError(504, 'Query timeout', 'The query took longer than the time limit and was stopped.'))),
        Math.max(0, backstopAt - Date.now()),
      );
      worker.once('message', (message: WorkerReply) => settle(true, () => (message.kind === 'result' ? resolve(message.result) : reject(asError(message)))));
      worker.once('error', (error: Error & { code?: string }) =>
        settle(false, () =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new AppError(413, 'Answer too large', 'The answer needed more memory than the console allows: return fewer or smaller values.')
              : error,
          ),
        ),
      );
      worker.once('exit', (code) => settle(false, () => reject(new Error(`The console worker exited with code ${code}`))));
      worker.postMessage(job);
    });
  }

  /** Ends a worker and starts its successor now, so the next query does not wait the second a start takes. */
  private replace(worker: Worker): void {
    void worker.terminate();
    if (this.idle.length > 0 || this.spare) return;
    const spare = this.start();
    this.spare = spare;
    spare.then(
      (successor) => {
        if (this.spare !== spare) return; // a query took it
        this.spare = undefined;
        this.keepIdle(successor);
      },
      () => {
        if (this.spare === spare) this.spare = undefined; // the next query starts one and reports what fails
      },
    );
  }

  private async takeSpare(): Promise<Worker | undefined> {
    const spare = this.spare;
    this.spare = undefined;
    return spare?.catch(() => undefined);
  }

  private keepIdle(worker: Worker): void {
    this.idle.push(worker);
    const retire = setTimeout(() => {
      const at = this.idle.indexOf(worker);
      if (at === -1) return;
      this.idle.splice(at, 1);
      void worker.terminate();
    }, IDLE_WORKER_MS);
    retire.unref();
  }
}

/** Our listeners only: Worker keeps listeners of its own that deliver its messages. */
function forgetListeners(worker: Worker): void {
  for (const event of ['message', 'error', 'exit']) worker.removeAllListeners(event);
}

function busy(status: 429 | 503, title: string, detail: string): AppError {
  return new AppError(status, title, detail, 'console-busy');
}

/** The error the worker reported, as the class the API's problem handler knows. */
function asError(reply: WorkerReply): Error {
  if (reply.kind === 'problem') return new AppError(reply.status, reply.title, reply.detail, reply.type, reply.extra);
  if (reply.kind === 'neo4j') return new Neo4jError(reply.message, reply.code, reply.gqlStatus, reply.gqlStatusDescription);
  return new Error(reply.kind === 'error' ? reply.message : `Unexpected reply from the console worker: ${reply.kind}`);
}
