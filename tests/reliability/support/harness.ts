import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { readDataset, type Dataset } from '../../../server/features/load/dataset.js';
import { applySchema, loadDataset } from '../../../server/features/load/load.service.js';
import type { Database } from '../../../server/neo4j/database.js';
import { projectRoot } from '../../../server/projectRoot.js';
import { emptyDatabase } from '../../support/testDatabase.js';

/** A request that has not answered after this long counts as a hang: the longest server limit is a few seconds. */
export const REQUEST_DEADLINE_MS = 20_000;

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  body: unknown;
  /** The Retry-After header of a 429 or 503, else null. */
  retryAfter: string | null;
  elapsedMs: number;
}

/** Empties the test database and loads the Peru network with its schema; returns the dataset for expectations. */
export async function loadPeru(db: Database): Promise<Dataset> {
  const dataset = readDataset(path.join(projectRoot, 'data', 'peru'));
  await emptyDatabase(db);
  await applySchema(db);
  await loadDataset(db, dataset);
  return dataset;
}

export { startApp, type RunningApp } from '../../support/testApp.js';

/** Sends one request; a request that does not answer within REQUEST_DEADLINE_MS rejects (a hang fails the test). */
export async function send(
  base: string,
  method: string,
  pathAndQuery: string,
  options: { body?: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const startedAt = Date.now();
  const response = await fetch(`${base}${pathAndQuery}`, {
    method,
    headers: options.headers,
    body: options.body,
    signal: AbortSignal.timeout(REQUEST_DEADLINE_MS),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    body,
    retryAfter: response.headers.get('retry-after'),
    elapsedMs: Date.now() - startedAt,
  };
}

/** POSTs a value as JSON. */
export function postJson(base: string, route: string, value: unknown): Promise<Answer> {
  return send(base, 'POST', route, { body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });
}

/** Lines of our own Cypher files long enough to be recognised: none may ever appear in an answer. */
const ownCypherLines: string[] = (() => {
  const lines = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.cypher')) {
        for (const line of readFileSync(full, 'utf8').split('\n')) {
          const trimmed = line.trim();
          if (trimmed.length >= 16 && !trimmed.startsWith('//')) lines.add(trimmed);
        }
      }
    }
  };
  walk(path.join(projectRoot, 'cypher'));
  return [...lines];
})();

/** What an answer must never show: a Node or Java stack, a driver error class, our own Cypher. */
export function expectNothingLeaked(answer: Answer): void {
  expect(answer.text, 'stack trace in the answer').not.toMatch(/at .*\.ts:\d+/);
  expect(answer.text, 'stack trace in the answer').not.toMatch(/\n\s+at |\.java\b|Neo4jError/);
  const leaked = ownCypherLines.find((line) => answer.text.includes(line));
  expect(leaked, 'Cypher text in the answer').toBeUndefined();
}

/** An error answer: application/problem+json with type, title, status (the HTTP status) and detail, nothing leaked. */
export function expectProblem(answer: Answer): void {
  expect(answer.contentType, answer.text.slice(0, 300)).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status: answer.status,
    detail: expect.any(String),
  });
  // Neo4j's messages go on with the query text and a caret under the error: only their first line may be shown.
  expect((answer.body as { detail: string }).detail, 'an echoed query with a caret').not.toMatch(/\n\s*\^/);
  expectNothingLeaked(answer);
}

/**
 * The contract every answer keeps, whatever was sent: never a 5xx other than 504 (a stopped query), and every
 * error as problem+json without leaks (Node's own refusals too, see server/http/clientErrors.ts).
 */
export function expectWellFormed(answer: Answer, context: string): void {
  const summary = `${context} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status === 504 || answer.status < 500, summary).toBe(true);
  if (answer.status >= 400) {
    try {
      expectProblem(answer);
    } catch (error) {
      throw new Error(`${summary}\n${(error as Error).message}`, { cause: error });
    }
  } else {
    expectNothingLeaked(answer);
  }
}
