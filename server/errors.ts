import type {} from 'pino-http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { Neo4jError } from 'neo4j-driver';
import { withoutJavaNames } from './neo4j/javaNames.js';

const PROBLEM_BASE = 'https://nexo.dev/problems/';

/** What a 503 tells clients to wait: about what a full pool or a restarting Neo4j takes to recover. */
const RETRY_AFTER_SECONDS = 5;

/** The one error type of the API: it becomes an application/problem+json answer. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly type: string = slug(title),
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The code the driver gives errors of its own, which have no Neo4j status code. */
const NO_CODE = 'N/A';

/** Translates driver errors by their code, never by message text. */
export function fromNeo4jError(error: unknown): AppError | undefined {
  if (!(error instanceof Neo4jError)) return undefined;
  const code = error.code;
  // The driver's own failures carry no Neo4j code ('N/A'): a connection that could not be had from a full pool in
  // time, a connection lost mid-answer. Neo4j is unavailable to this request, not the request wrong.
  if (
    !code ||
    code === NO_CODE ||
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.startsWith('Neo.TransientError.General.DatabaseUnavailable')
  ) {
    return new AppError(503, 'Database unavailable', 'Neo4j cannot take this request right now (unreachable or busy); try again shortly.');
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.TransientError.Transaction.LockClientStopped') {
    return queryTimeout();
  }
  // Services never go on after a failed statement, so a transaction already failed when its next statement runs was
  // stopped underneath them: by the time limit.
  if (code === 'Neo.ClientError.Transaction.TransactionMarkedAsFailed') {
    return queryTimeout();
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || code === 'Neo.ClientError.Security.Forbidden') {
    return new AppError(403, 'Read-only', 'Only read queries are allowed here: the query tried to write or change the schema.');
  }
  // Neo4j 5.26 answers these, instead of AccessMode, to administration commands it cannot plan or Community lacks.
  if (code === 'Neo.ClientError.Statement.UnsupportedAdministrationCommand' || code === 'Neo.ClientError.Statement.NotSystemDatabaseError') {
    return new AppError(403, 'Not allowed', 'Administration commands (users, databases, privileges) are not available here.', 'not-allowed');
  }
  if (code === 'Neo.ClientError.Procedure.ProcedureNotFound') {
    return new AppError(400, 'Unknown procedure', firstLine(error.message));
  }
  // E.g. a full-text query that Lucene cannot parse, or an index that does not exist.
  if (code === 'Neo.ClientError.Procedure.ProcedureCallFailed') {
    return new AppError(400, 'Procedure failed', firstLine(error.message));
  }
  if (code.startsWith('Neo.ClientError.Statement.')) {
    return new AppError(400, 'Invalid query', firstLine(error.message));
  }
  if (code.startsWith('Neo.TransientError.General.MemoryPoolOutOfMemoryError') || code.includes('MemoryLimit')) {
    return new AppError(413, 'Result too large', 'The query needed more memory than allowed; narrow it down.');
  }
  return undefined;
}

/** The 504 of a read stopped at the query time limit, by Neo4j or by a service between its statements. */
export function queryTimeout(): AppError {
  return new AppError(504, 'Query timeout', 'The query took longer than the time limit and was stopped.');
}

/** The first line of a Neo4j message, without the Java class names it quotes. */
function firstLine(message: string): string {
  return withoutJavaNames(message.split('\n')[0] ?? message);
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'Not found', `No route for ${req.method} ${req.path}.`));
};

/** Every failure leaves as problem+json; unknown errors are logged and answered 500 without details. */
export const problemHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const problem = toAppError(error);
  if (problem.status >= 500 && problem.status !== 503 && problem.status !== 504) {
    req.log?.error({ err: error }, 'request failed');
  }
  if (problem.status === 503 && !res.hasHeader('Retry-After')) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.status(problem.status).type('application/problem+json').json(problemDocument(problem));
};

/** The application/problem+json body of an error. */
export function problemDocument(problem: AppError): Record<string, unknown> {
  return {
    type: `${PROBLEM_BASE}${problem.type}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    ...problem.extra,
  };
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fromNeo4j = fromNeo4jError(error);
  if (fromNeo4j) return fromNeo4j;
  // Errors raised by Express's own body parsers carry a status and an http-errors type.
  if (isHttpError(error)) {
    if (error.type === 'entity.parse.failed') return new AppError(400, 'Malformed JSON', 'The request body is not valid JSON.');
    if (error.type === 'entity.too.large') return new AppError(413, 'Body too large', 'The request body is larger than allowed.');
    return new AppError(error.status, 'Bad request', error.expose ? error.message : 'The request could not be read.');
  }
  return new AppError(500, 'Internal error', 'Something went wrong on the server; it has been logged.');
}

function isHttpError(error: unknown): error is { status: number; type?: string; expose?: boolean; message: string } {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' && error.status >= 400 && error.status < 500;
}
