import { parentPort, workerData } from 'node:worker_threads';
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { AppError } from '../../errors.js';
import type { CaptionRules, DatasetCaptions } from '../../neo4j/caption.js';
import { useCaptionRules, useDatasetCaptions } from '../../neo4j/graph.js';
import { runConsoleQuery, type ConsoleLimits, type ConsoleResult } from './console.service.js';

/*
 * One console worker thread: it has its own driver and connection, decodes what Neo4j sends and builds the answer,
 * so a huge row costs this thread's time, which the API stops (console.workers.ts), never the API's own thread.
 */

export interface WorkerConnection {
  uri: string;
  auth: { username: string; password: string } | undefined;
  database: string;
  queryTimeoutMs: number;
  /** The API's NEXO_CAPTION_RULES, so node names in answers are the same as on every other route. */
  captionRules: CaptionRules;
}

export interface ConsoleJob {
  cypher: string;
  parameters: Record<string, unknown>;
  limits: ConsoleLimits;
  /** The datasets' captions as the API uses them now (they change with imports and the user's choices). */
  captions: Record<string, DatasetCaptions>;
  /** The datasets the answer stays within; null for the whole database. */
  scope: string[] | null;
}

/** What the worker answers a job with; errors travel as their fields, since a thread boundary drops their class. */
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'result'; result: ConsoleResult }
  | { kind: 'problem'; status: number; title: string; detail: string; type: string; extra: Record<string, unknown> }
  | { kind: 'neo4j'; message: string; code: string; gqlStatus: string; gqlStatusDescription: string }
  | { kind: 'error'; message: string };

const connection = (workerData as { connection: WorkerConnection }).connection;
useCaptionRules(connection.captionRules);
function openDriver(): Driver {
  return neo4j.driver(connection.uri, connection.auth ? neo4j.auth.basic(connection.auth.username, connection.auth.password) : undefined, {
    // As the API's driver (server/neo4j/database.ts), with one connection: a worker runs one query at a time.
    maxConnectionPoolSize: 1,
    maxTransactionRetryTime: Math.min(connection.queryTimeoutMs, 3000),
    connectionAcquisitionTimeout: connection.queryTimeoutMs,
    connectionTimeout: Math.min(connection.queryTimeoutMs, 5000),
  });
}
let db = { driver: openDriver(), name: connection.database };

/**
 * After the service's own deadline Neo4j may still be busy with the statement (parsing a huge one, a reduce inside one
 * row) and keep the connection: the next job gets a new driver, connected at once, while the old one closes.
 */
function renewDriver(): void {
  const stale = db.driver;
  db = { driver: openDriver(), name: connection.database };
  db.driver.verifyConnectivity({ database: connection.database }).catch(() => undefined);
  stale.close().catch(() => undefined);
}

function reply(error: unknown): WorkerReply {
  if (error instanceof AppError) {
    return { kind: 'problem', status: error.status, title: error.title, detail: error.detail, type: error.type, extra: error.extra };
  }
  if (error instanceof Neo4jError) {
    return { kind: 'neo4j', message: error.message, code: error.code, gqlStatus: error.gqlStatus, gqlStatusDescription: error.gqlStatusDescription };
  }
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}

parentPort!.on('message', (job: ConsoleJob) => {
  useDatasetCaptions(job.captions);
  runConsoleQuery(db, job.cypher, job.parameters, job.limits, job.scope ?? undefined).then(
    (result) => parentPort!.postMessage({ kind: 'result', result } satisfies WorkerReply),
    (error: unknown) => {
      if (error instanceof AppError && (error.status === 503 || error.status === 504)) renewDriver();
      parentPort!.postMessage(reply(error));
    },
  );
});
// Connected before the first job: on a loaded machine opening the connection can take most of a query's time limit.
db.driver.verifyConnectivity({ database: connection.database }).then(
  () => parentPort!.postMessage({ kind: 'ready' } satisfies WorkerReply),
  (error: unknown) => parentPort!.postMessage(reply(error)),
);
