import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../server/features/load/load.service.js';
import type { Database } from '../../server/neo4j/database.js';
import { startApp, type RunningApp } from '../support/testApp.js';
import { openTestDatabase } from '../support/testDatabase.js';

let db: Database;
let app: RunningApp;

beforeAll(async () => {
  db = openTestDatabase();
  await applySchema(db);
  app = await startApp(db, {});
});

afterAll(async () => {
  await app.close();
  await db.close();
});

async function consoleDetail(cypher: string): Promise<{ status: number; detail: string }> {
  const response = await fetch(`${app.base}/api/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cypher }),
  });
  const body = (await response.json()) as { detail: string };
  return { status: response.status, detail: body.detail };
}

describe('error details', () => {
  it('keep what went wrong but not the Java class names Neo4j quotes', async () => {
    // Lucene cannot parse a query that is only an operator; Neo4j's message names Lucene's exception class.
    const answer = await consoleDetail("CALL db.index.fulltext.queryNodes('entity_names', 'AND') YIELD node RETURN node");

    expect(answer.status).toBe(400);
    expect(answer.detail).toMatch(/^Failed to invoke procedure `db.index.fulltext.queryNodes`: Encountered/);
    expect(answer.detail).not.toMatch(/\b(org|java|javax|com)\.[a-z]+\.[\w.]*[A-Z]\w*/);
    expect(answer.detail).not.toMatch(/Exception|Caused by/);
  });
});
