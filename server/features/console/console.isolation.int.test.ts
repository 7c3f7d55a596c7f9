import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../tests/support/testApp.js';
import { emptyDatabase, openTestDatabase } from '../../../tests/support/testDatabase.js';
import type { Database } from '../../neo4j/database.js';
import { projectRoot } from '../../projectRoot.js';
import { readDataset } from '../load/dataset.js';
import { applySchema, loadDataset } from '../load/load.service.js';

/*
 * The console must never hold up the rest of the API: not by decoding one huge row on the API's thread, not by an
 * answer too large to send, not by taking every connection of the pool.
 */

const db = openTestDatabase();
const apps: RunningApp[] = [];

interface Answer {
  status: number;
  contentType: string;
  retryAfter: string | null;
  text: string;
  body: { truncated?: boolean; rows?: unknown[][]; type?: string; title?: string; status?: number; detail?: string };
  sentAt: number;
  answeredAt: number;
}

async function request(base: string, route: string, body?: unknown): Promise<Answer> {
  const sentAt = Date.now();
  const response = await fetch(`${base}${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    retryAfter: response.headers.get('retry-after'),
    text,
    body: JSON.parse(text) as Answer['body'],
    sentAt,
    answeredAt: Date.now(),
  };
}

const consoleQuery = (base: string, body: unknown): Promise<Answer> => request(base, '/api/query', body);

function expectProblem(answer: Answer, status: number): void {
  expect(answer.status, answer.text.slice(0, 300)).toBe(status);
  expect(answer.contentType).toContain('application/problem+json');
  expect(answer.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
}

async function app(database: Pick<Database, 'driver' | 'name'>, environment: Record<string, string>): Promise<RunningApp> {
  const running = await startApp(database, environment);
  apps.push(running);
  return running;
}

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  await loadDataset(db, readDataset(path.join(projectRoot, 'data', 'peru')));
});

afterAll(async () => {
  await Promise.all(apps.map((running) => running.close()));
  await db.close();
});

describe('a console query with one huge row', () => {
  it('leaves /healthz answering while it runs, and is stopped', async () => {
    // One row of 4 million integers: the driver's decoder needed 14 s for it, on whatever thread it runs.
    const timeLimitMs = 3000;
    const { base } = await app(db, { QUERY_TIMEOUT_MS: String(timeLimitMs) });
    const startedAt = Date.now();
    let consoleAnswer: Answer | undefined;
    const running = consoleQuery(base, { cypher: 'RETURN range(1, 4000000) AS l' }).then((answer) => (consoleAnswer = answer));
    const health: Answer[] = [];
    while (!consoleAnswer) health.push(await request(base, '/healthz'));
    await running;

    expect([413, 504], consoleAnswer.text.slice(0, 300)).toContain(consoleAnswer.status);
    expectProblem(consoleAnswer, consoleAnswer.status);
    // Once the query is past its own time limit Neo4j has long sent the row: a /healthz sent then and answered before
    // the console shows the API's thread was free while the row was being decoded.
    const duringDecoding = health.filter((answer) => answer.sentAt >= startedAt + timeLimitMs && answer.answeredAt <= consoleAnswer!.answeredAt);
    expect(duringDecoding.length, `${health.length} /healthz answers`).toBeGreaterThan(0);
    expect(health.every((answer) => answer.status === 200)).toBe(true);
  });
});

describe('a console answer larger than NEXO_CONSOLE_MAX_ANSWER_BYTES', () => {
  it('is a 413 problem, never a 500: 1,000 rows of 1 MiB each', async () => {
    const { base } = await app(db, { QUERY_TIMEOUT_MS: '30000' });
    const answer = await consoleQuery(base, { cypher: "UNWIND range(1, 1000) AS r RETURN reduce(s = 'x', i IN range(1, 20) | s + s) AS s" });
    expectProblem(answer, 413);
    expect(answer.body.detail).toMatch(/answer/i);
  });

  it('is a 413 at the configured size, while a smaller answer is a 200', async () => {
    const { base } = await app(db, { QUERY_TIMEOUT_MS: '30000', NEXO_CONSOLE_MAX_ANSWER_BYTES: '20000' });
    expectProblem(await consoleQuery(base, { cypher: "UNWIND range(1, 100) AS r RETURN r, reduce(s = 'x', i IN range(1, 8) | s + s) AS s" }), 413);
    const small = await consoleQuery(base, { cypher: "UNWIND range(1, 10) AS r RETURN r, reduce(s = 'x', i IN range(1, 8) | s + s) AS s" });
    expect(small.status, small.text.slice(0, 300)).toBe(200);
    expect(small.body.rows).toHaveLength(10);
  });

  it('counts the properties of the nodes in the graph too', async () => {
    const { base } = await app(db, { QUERY_TIMEOUT_MS: '30000', NEXO_CONSOLE_MAX_ANSWER_BYTES: '20000' });
    expectProblem(await consoleQuery(base, { cypher: 'MATCH (n:Entity) RETURN n' }), 413);
  });
});

describe('many console queries at once', () => {
  // Holds its connection until Neo4j stops it at the time limit.
  const slow = { cypher: 'UNWIND range(1, 1000000000000) AS x RETURN count(x)', timeoutMs: 2000 };

  it('answer 429 with Retry-After beyond the per-client limit', async () => {
    const { base } = await app(db, { NEXO_CONSOLE_CONCURRENCY: '4', NEXO_CONSOLE_CONCURRENCY_PER_CLIENT: '2' });
    const answers = await Promise.all(Array.from({ length: 5 }, () => consoleQuery(base, slow)));
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(3);
    for (const answer of refused) {
      expectProblem(answer, 429);
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    expect(answers.filter((answer) => answer.status === 504)).toHaveLength(2);
  });

  it('answer 503 with Retry-After beyond the overall limit', async () => {
    const { base } = await app(db, { NEXO_CONSOLE_CONCURRENCY: '2', NEXO_CONSOLE_CONCURRENCY_PER_CLIENT: '10' });
    const answers = await Promise.all(Array.from({ length: 4 }, () => consoleQuery(base, slow)));
    const refused = answers.filter((answer) => answer.status === 503);
    expect(refused).toHaveLength(2);
    for (const answer of refused) {
      expectProblem(answer, 503);
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
  });

  it('leave ordinary reads their connections: node details answer 200 throughout', async () => {
    // A small pool with the production acquisition timeout: twelve console queries were enough to take all of it.
    const driver = neo4j.driver(db.uri, undefined, { maxConnectionPoolSize: 8, connectionAcquisitionTimeout: 1000 });
    try {
      // The console queries carry their own 2 s limit; node details get a limit no loaded machine comes near.
      const { base } = await app({ driver, name: db.name }, { QUERY_TIMEOUT_MS: '30000', NEXO_CONSOLE_CONCURRENCY_PER_CLIENT: '20' });
      let storm = true;
      const consoleAnswers = Promise.all(Array.from({ length: 12 }, () => consoleQuery(base, slow))).finally(() => (storm = false));
      const details: Answer[] = [];
      while (storm) details.push(await request(base, '/api/nodes/person:abimael-guzman'));
      for (const answer of await consoleAnswers) expect([200, 429, 503, 504], answer.text.slice(0, 300)).toContain(answer.status);
      expect(details.length).toBeGreaterThan(0);
      expect(details.map((answer) => answer.status)).toEqual(details.map(() => 200));
    } finally {
      await driver.close();
    }
  });
});

describe('procedures on the console allow-list', () => {
  it.each(['db.schema.nodeTypeProperties', 'db.schema.relTypeProperties'])(
    '%s, which scans the whole graph without looking at the time limit, is refused',
    async (procedure) => {
      const { base } = await app(db, {});
      expectProblem(await consoleQuery(base, { cypher: `CALL ${procedure}()` }), 403);
    },
  );
});
