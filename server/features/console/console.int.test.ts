import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Express } from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyDatabase, graphCounts, openTestDatabase } from '../../../tests/support/testDatabase.js';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { openDatabase, type Database } from '../../neo4j/database.js';
import { plainValue, type Graph } from '../../neo4j/graph.js';
import { projectRoot } from '../../projectRoot.js';
import { readDataset } from '../load/dataset.js';
import { applySchema, loadDataset } from '../load/load.service.js';
import { runConsoleQuery } from './console.service.js';

const db = openTestDatabase();
const servers: Server[] = [];
let baseUrl: string;

interface Answer {
  status: number;
  contentType: string;
  text: string;
  body: { columns: string[]; rows: unknown[][]; graph: Graph; truncated: boolean } & { type: string; title: string; status: number; detail: string };
  elapsedMs: number;
}

/** Listens on a free port and returns the base URL; servers close in afterAll. */
async function listen(app: Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

function appOn(database: Pick<Database, 'driver' | 'name'>, environment: Record<string, string>): Express {
  const config = loadConfig({ NEXO_RATE_LIMIT_PER_MINUTE: '100000', ...environment });
  return createApp({ db: database, config, logger: pino({ level: 'silent' }), readiness: { ready: true, reason: 'test' } });
}

async function post(body: unknown, base = baseUrl): Promise<Answer> {
  const startedAt = Date.now();
  const response = await fetch(`${base}/api/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, body: JSON.parse(text), elapsedMs: Date.now() - startedAt };
}

async function ok(cypher: string, params?: Record<string, unknown>): Promise<Answer['body']> {
  const answer = await post({ cypher, ...(params ? { params } : {}) });
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
}

function expectProblem(answer: Answer, status: number): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.contentType).toContain('application/problem+json');
  expect(answer.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
  expect(answer.text).not.toMatch(/\n\s+at |Neo4jError|\.java/);
}

/** Every id, label, type and property in the database, the schema, tokens, users and databases, hashed. */
async function fingerprint(): Promise<{ counts: unknown; data: string; schema: unknown; system: unknown }> {
  const rows = async (cypher: string, database = db.name): Promise<string[]> => {
    const { records } = await db.driver.executeQuery(cypher, {}, { database });
    return records.map((record) => stableJson(plainValue(record.toObject()))).sort();
  };
  const data = [
    ...(await rows('MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties')),
    ...(await rows('MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, properties(r) AS properties, b.id AS to')),
  ];
  return {
    counts: await graphCounts(db),
    data: createHash('sha256').update(data.join('\n')).digest('hex'),
    schema: [
      await rows('SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN *'),
      await rows('SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN *'),
      await rows('CALL db.labels()'),
      await rows('CALL db.relationshipTypes()'),
    ],
    system: [await rows('SHOW USERS YIELD user RETURN user', 'system'), await rows('SHOW DATABASES YIELD name RETURN name', 'system')],
  };
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  await loadDataset(db, readDataset(path.join(projectRoot, 'data', 'peru')));
  // A generous default limit: other test servers share the CPU. Time-limit tests pass their own timeoutMs.
  baseUrl = await listen(appOn(db, { QUERY_TIMEOUT_MS: '30000' }));
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await db.close();
});

describe('POST /api/query returns rows and the graph inside them', () => {
  it('MATCH (n) RETURN n LIMIT 5 answers 5 rows and those 5 nodes in the graph', async () => {
    const result = await ok('MATCH (n:Entity) RETURN n LIMIT 5');
    expect(result.columns).toEqual(['n']);
    expect(result.rows).toHaveLength(5);
    expect(result.truncated).toBe(false);
    expect(result.graph.nodes).toHaveLength(5);
    expect(result.graph.edges).toHaveLength(0);
    const rowIds = result.rows.map(([cell]) => (cell as { id: string }).id).sort();
    expect(result.graph.nodes.map((node) => node.id).sort()).toEqual(rowIds);
    const first = result.rows[0]![0] as Record<string, unknown>;
    expect(Object.keys(first).sort()).toEqual(['id', 'labels', 'name']);
    expect(result.graph.nodes.find((node) => node.id === first.id)!.properties).toHaveProperty('quotes');
  });

  it('a relationship returned without its ends still brings both end nodes, and edges point at stable ids', async () => {
    const result = await ok("MATCH ()-[r:LEADER_OF]->(:Organization {id: 'organization:shining-path'}) RETURN r");
    expect(result.rows.length).toBeGreaterThan(0);
    const nodeIds = new Set(result.graph.nodes.map((node) => node.id));
    expect(nodeIds).toContain('person:abimael-guzman');
    expect(nodeIds).toContain('organization:shining-path');
    for (const edge of result.graph.edges) {
      expect(nodeIds).toContain(edge.source);
      expect(nodeIds).toContain(edge.target);
      expect(edge.source).not.toMatch(/^element:/);
    }
    expect(result.rows).toContainEqual([
      {
        id: 'person:abimael-guzman-[LEADER_OF]->organization:shining-path',
        type: 'LEADER_OF',
        source: 'person:abimael-guzman',
        target: 'organization:shining-path',
      },
    ]);
  });

  it('paths come as [node, relationship, node, …] and every node and relationship of them joins the graph', async () => {
    const result = await ok("MATCH p = (:Person {id: 'person:abimael-guzman'})-[*2]-() RETURN p LIMIT 10");
    expect(result.rows).toHaveLength(10);
    const nodeIds = new Set(result.graph.nodes.map((node) => node.id));
    const edgeIds = new Set(result.graph.edges.map((edge) => edge.id));
    for (const [path] of result.rows) {
      const steps = path as { id: string }[];
      expect(steps).toHaveLength(5);
      expect(steps[0]!.id).toBe('person:abimael-guzman');
      steps.forEach((step, index) => {
        if (index % 2 === 0) expect(nodeIds).toContain(step.id);
        else expect(edgeIds).toContain(step.id);
      });
    }
  });

  it('nodes and relationships nested in lists and maps are gathered into the graph', async () => {
    const result = await ok(
      `MATCH (p:Person {id: 'person:abimael-guzman'})-[r:LEADER_OF]->(o:Organization {id: 'organization:shining-path'})
       RETURN [p, o] AS pair, {link: r, members: [[o]]} AS nested`,
    );
    expect(result.columns).toEqual(['pair', 'nested']);
    expect(result.graph.nodes.map((node) => node.id).sort()).toEqual(['organization:shining-path', 'person:abimael-guzman']);
    expect(result.graph.edges.map((edge) => edge.type)).toEqual(['LEADER_OF']);
    const [pair, nested] = result.rows[0]!;
    expect((pair as { id: string }[]).map((node) => node.id)).toEqual(['person:abimael-guzman', 'organization:shining-path']);
    expect(nested).toMatchObject({ link: { type: 'LEADER_OF', source: 'person:abimael-guzman' }, members: [[{ id: 'organization:shining-path' }]] });
  });

  it('other values come back as plain JSON: integers as numbers, temporals as strings, maps as objects', async () => {
    const result = await ok("RETURN 42 AS n, 1.5 AS f, date('2017-07-26') AS d, {a: [1, 'x'], b: null} AS m, true AS t, null AS z");
    expect(result.rows).toEqual([[42, 1.5, '2017-07-26', { a: [1, 'x'], b: null }, true, null]]);
    expect(result.graph).toEqual({ nodes: [], edges: [] });
  });

  it('takes $parameters, sending whole numbers as integers so LIMIT $n works', async () => {
    const result = await ok('MATCH (n:Person) WHERE n.id IN $ids RETURN n.id AS id ORDER BY id LIMIT $n', {
      ids: ['person:abimael-guzman', 'person:david-bazan-arevalo'],
      n: 1,
    });
    expect(result.rows).toEqual([['person:abimael-guzman']]);
    expect((await ok('RETURN $x * 2 AS twice, $nested.list[1] AS second', { x: 1.25, nested: { list: [1, 2] } })).rows).toEqual([[2.5, 2]]);
  });

  it('columns are known even when no row matches', async () => {
    const result = await ok("MATCH (n:Person {id: 'nobody'}) RETURN n.id AS id, n.name AS name");
    expect(result).toEqual({
      columns: ['id', 'name'],
      rows: [],
      graph: { nodes: [], edges: [] },
      truncated: false,
      withheld: { nodes: 0, relationships: 0, paths: 0 },
    });
  });

  it('allows the catalogue: SHOW INDEXES, db.labels(), dbms.components() and full-text search', async () => {
    expect((await ok("SHOW INDEXES YIELD name WHERE name = 'entity_names' RETURN name")).rows).toEqual([['entity_names']]);
    expect((await ok('CALL db.labels() YIELD label RETURN label ORDER BY label')).rows).toContainEqual(['Person']);
    expect((await ok('CALL dbms.components() YIELD edition RETURN edition')).rows).toEqual([['community']]);
    const found = await ok("CALL db.index.fulltext.queryNodes('entity_names', 'guzman') YIELD node RETURN node LIMIT 1");
    expect(found.graph.nodes[0]!.id).toBe('person:abimael-guzman');
  });
});

describe('POST /api/query stops at its caps', () => {
  it('returns exactly the 1,000-row cap with truncated: true, without reading a huge stream to its end', async () => {
    const answer = await post({ cypher: 'UNWIND range(1, 100000000) AS x RETURN x', timeoutMs: 20_000 });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.rows).toHaveLength(1000);
    expect(answer.body.rows.at(-1)).toEqual([1000]);
    expect(answer.body.truncated).toBe(true);
  });

  it('a result of exactly the cap is not truncated', async () => {
    const result = await ok('UNWIND range(1, 1000) AS x RETURN x');
    expect(result.rows).toHaveLength(1000);
    expect(result.truncated).toBe(false);
  });

  it('stops before the row that would take the graph past its cap, so rows and graph stay consistent', async () => {
    const result = await runConsoleQuery(
      db,
      'MATCH (n:Entity) RETURN n ORDER BY n.id',
      {},
      { timeoutMs: 30_000, maxRows: 1000, maxGraphElements: 10, maxAnswerBytes: 1_000_000 },
    );
    expect(result.truncated).toBe(true);
    expect(result.rows).toHaveLength(10);
    expect(result.graph.nodes.map((node) => node.id)).toEqual(result.rows.map(([cell]) => (cell as { id: string }).id));
  });
});

describe('POST /api/query refuses what is not a read', () => {
  let before: Awaited<ReturnType<typeof fingerprint>>;
  beforeAll(async () => {
    before = await fingerprint();
  });

  it.each([
    ['CREATE', "CREATE (n:Person {id: 'person:intruder'}) RETURN n"],
    ['MERGE', "MERGE (n:Person {id: 'person:intruder'}) RETURN n"],
    ['SET', "MATCH (n:Person) SET n.name = 'changed'"],
    ['DELETE', 'MATCH ()-[r]->() DELETE r'],
    ['DETACH DELETE', 'MATCH (n) DETACH DELETE n'],
    ['REMOVE', 'MATCH (n:Person) REMOVE n:Person'],
    ['FOREACH with a write', "MATCH (n:Person) FOREACH (m IN [n] | SET m.name = 'changed')"],
    ['a write hidden in a CALL subquery', "CALL () { CREATE (n:Person {id: 'person:intruder'}) RETURN n } RETURN n"],
    ['a write behind UNION', "RETURN 1 AS x UNION MATCH (n:Person) SET n.name = 'changed' RETURN 2 AS x"],
    ['a write procedure', "CALL db.createLabel('Intruder')"],
    ['CREATE INDEX', 'CREATE INDEX intruder IF NOT EXISTS FOR (n:Person) ON (n.note)'],
    ['DROP CONSTRAINT', 'DROP CONSTRAINT entity_id'],
    ['DROP INDEX', 'DROP INDEX entity_names'],
    ['CREATE USER', "CREATE USER intruder SET PASSWORD 'intruder-password'"],
    ['ALTER CURRENT USER', "ALTER CURRENT USER SET PASSWORD FROM 'a' TO 'intruder-password'"],
    ['CREATE DATABASE', 'CREATE DATABASE intruder'],
    ['STOP DATABASE', 'STOP DATABASE neo4j'],
    ['GRANT', 'GRANT ROLE admin TO intruder'],
  ])('refuses %s with 403 (Neo4j refuses writes in the read transaction)', async (_what, cypher) => {
    const answer = await post({ cypher });
    expectProblem(answer, 403);
    expect(answer.body.detail).not.toContain(cypher);
  });

  it.each([
    ['LOAD CSV from a file', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"],
    ['LOAD CSV from a URL', "LOAD CSV FROM 'http://127.0.0.1:9/' AS line RETURN line"],
    ['LOAD CSV inside a subquery', "MATCH (n) CALL (n) { LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line } RETURN line LIMIT 1"],
    ['CALL { … } IN TRANSACTIONS writing', "UNWIND [1] AS i CALL (i) { CREATE (:Person {id: 'person:intruder'}) } IN TRANSACTIONS RETURN i"],
    ['CALL { … } IN TRANSACTIONS reading', 'UNWIND [1] AS i CALL (i) { RETURN i AS j } IN TRANSACTIONS RETURN j'],
    ['a procedure outside the allow-list', 'CALL db.clearQueryCaches()'],
    ['tx.setMetaData', "CALL tx.setMetaData({who: 'intruder'})"],
    ['dbms.listConfig', 'CALL dbms.listConfig()'],
    ['a refused procedure inside a subquery', 'CALL () { CALL db.clearQueryCaches() YIELD value RETURN value } RETURN value'],
    ['a refused procedure behind UNION', 'RETURN 1 AS x UNION CALL db.clearQueryCaches() YIELD value RETURN value AS x'],
    ['a refused procedure in a COUNT subquery', 'MATCH (n) RETURN COUNT { CALL db.clearQueryCaches() YIELD value RETURN value } AS c LIMIT 1'],
    ['a refused procedure after an allowed one', 'CALL db.labels() YIELD label WITH label CALL db.clearQueryCaches() YIELD value RETURN label, value'],
    ['SHOW USERS', 'SHOW USERS'],
    ['SHOW DATABASES', 'SHOW DATABASES'],
    ['SHOW TRANSACTIONS', 'SHOW TRANSACTIONS'],
    ['SHOW SETTINGS', 'SHOW SETTINGS'],
    ['TERMINATE TRANSACTIONS', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
    ['SHOW ROLES', 'SHOW ROLES'],
  ])('refuses %s with 403 before running it (its plan is checked)', async (_what, cypher) => {
    const answer = await post({ cypher });
    expectProblem(answer, 403);
    expect(answer.text).not.toContain('root:');
  });

  it('answers 400 for procedures Neo4j does not have, such as dbms.setConfigValue', async () => {
    const answer = await post({ cypher: "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')" });
    expectProblem(answer, 400);
    expect(answer.body.title).toBe('Unknown procedure');
  });

  it('leaves the data, schema, users and databases exactly as they were', async () => {
    expect(await fingerprint()).toEqual(before);
  });
});

describe('POST /api/query reports errors as problem+json', () => {
  it('a syntax error is a 400 with Neo4j’s first message line, positioned in the text sent, and no stack or query echo', async () => {
    const answer = await post({ cypher: 'MATCH (n RETURN n' });
    expectProblem(answer, 400);
    expect(answer.body.detail).toBe(
      "Invalid input 'RETURN': expected a graph pattern, a parameter, ')', ':', 'IS', 'WHERE' or '{' (line 1, column 10 (offset: 9))",
    );
    expect(answer.body.detail).not.toContain('\n');
  });

  it('positions on later lines point at the user’s line', async () => {
    const answer = await post({ cypher: 'MATCH (n:Person)\nRETURN m' });
    expectProblem(answer, 400);
    expect(answer.body.detail).toBe('Variable `m` not defined (line 2, column 8 (offset: 24))');
  });

  it.each([
    ['a runtime error', 'RETURN 1 / 0', 400],
    ['a missing parameter', 'RETURN $absent', 400],
    ['two statements', 'RETURN 1; RETURN 2', 400],
    ['a full-text query Lucene cannot parse', "CALL db.index.fulltext.queryNodes('entity_names', 'AND (') YIELD node RETURN node", 400],
  ])('%s is a 400', async (_what, cypher, status) => {
    expectProblem(await post({ cypher }), status);
  });

  it.each([
    ['no cypher', {}, 'cypher'],
    ['empty cypher', { cypher: '' }, 'cypher'],
    ['blank cypher', { cypher: '  \n ' }, 'cypher'],
    ['cypher over 20,000 characters', { cypher: `RETURN 1 ${' '.repeat(20_000)}` }, 'cypher'],
    ['params that are not a map', { cypher: 'RETURN 1', params: [1] }, 'params'],
    ['a zero time limit', { cypher: 'RETURN 1', timeoutMs: 0 }, 'timeoutMs'],
    ['an unknown field', { cypher: 'RETURN 1', parameters: {} }, 'body'],
  ])('a body with %s is a 400 naming the field', async (_what, body, field) => {
    const answer = await post(body);
    expectProblem(answer, 400);
    expect(answer.body.detail).toContain(`"${field}"`);
  });
});

describe('POST /api/query stops at its time limit', () => {
  // A query stopped at its limit ends its console worker; the next one starts meanwhile, which is not what these time.
  beforeEach(async () => {
    await post({ cypher: 'RETURN 1' });
  });

  it.each([
    ['counting a huge UNWIND', 'UNWIND range(1, 1000000000) AS x RETURN count(*)'],
    ['a Cartesian product', 'MATCH (a), (b), (c), (d), (e) RETURN count(a.id + b.id + c.id + d.id + e.id)'],
  ])('%s with timeoutMs 300 is a 504', async (_what, cypher) => {
    const answer = await post({ cypher, timeoutMs: 300 });
    expectProblem(answer, 504);
    // Neo4j looks for expired transactions every 2 seconds.
    expect(answer.elapsedMs).toBeLessThan(300 + 1000 + 2000);
  });

  it('answers 504 on time even when one expression keeps Neo4j busy past the limit', async () => {
    // reduce() runs inside one row, where Neo4j does not check the time limit; it goes on for seconds after the answer.
    const answer = await post({ cypher: "RETURN size(reduce(s = '', x IN range(1, 100000) | s + 'xxxxxxxxxx')) AS size", timeoutMs: 300 });
    expectProblem(answer, 504);
    expect(answer.elapsedMs).toBeLessThan(300 + 1000 + 1000);
  });

  it('caps a requested time limit at the server’s QUERY_TIMEOUT_MS', async () => {
    const strictBase = await listen(appOn(db, { QUERY_TIMEOUT_MS: '500' }));
    // Its first query starts the app's console worker thread, which is not what this test times.
    await post({ cypher: 'RETURN 1' }, strictBase);
    const answer = await post({ cypher: 'UNWIND range(1, 1000000000) AS x RETURN count(*)', timeoutMs: 600_000 }, strictBase);
    expectProblem(answer, 504);
    expect(answer.elapsedMs).toBeLessThan(500 + 1000 + 2000);
  });
});

describe('POST /api/query without Neo4j', () => {
  it('answers 503 when Neo4j cannot be reached', async () => {
    const config = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', QUERY_TIMEOUT_MS: '1000' });
    const unreachable = await openDatabase(config, () => undefined);
    try {
      const answer = await post({ cypher: 'RETURN 1' }, await listen(appOn(unreachable, { QUERY_TIMEOUT_MS: '1000' })));
      expectProblem(answer, 503);
    } finally {
      await unreachable.close();
    }
  });
});
