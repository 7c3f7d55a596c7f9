import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { pino } from 'pino';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../server/config.js';
import type { Dataset } from '../../server/features/load/dataset.js';
import { MEASURES } from '../../server/features/analysis/engine/tasks.js';
import { PERU_DATASET } from '../../server/features/load/load.service.js';
import { MAX_HOPS, MAX_K, PATH_MODES } from '../../server/features/paths/paths.service.js';
import { apiRoutes } from '../../server/routes.js';
import { openTestDatabase } from '../support/testDatabase.js';
import { anyJson, contentType, encodedValue, hostileText, malformedJsonText, nameList, numberish, percentEncode, queryString } from './support/arbitraries.js';
import { expectProblem, expectWellFormed, loadPeru, postJson, send, startApp, type Answer, type RunningApp } from './support/harness.js';

/*
 * Property-based tests: whatever a client sends, every endpoint answers in time, never with a 500, and every error
 * is problem+json without stack or Cypher; valid requests answer 200 in the documented shape (the route's own
 * response schema, the one the OpenAPI document is built from). The seed is fixed so a failure reproduces:
 * NEXO_FUZZ_SEED=<seed> picks another, NEXO_FUZZ_RUNS=<n> changes the runs per property.
 */
const SEED = Number(process.env.NEXO_FUZZ_SEED ?? 5_052_026);
const RUNS = Number(process.env.NEXO_FUZZ_RUNS ?? 80);
/** Valid requests are the feature tests' business; here they only show the fuzzed routes still work. */
const VALID_RUNS = Math.ceil(RUNS / 2);
/** A property sends RUNS requests one after the other; on a loaded machine one can take a second. */
const PROPERTY_TIMEOUT_MS = 180_000;

vi.setConfig({ testTimeout: PROPERTY_TIMEOUT_MS });

const db = openTestDatabase();
let app: RunningApp;
/** The same app with a time limit no valid request comes near, even on a loaded machine (one answered 504 at 5 s). */
let patientApp: RunningApp;
let peru: Dataset;
let ids: string[];
let labels: string[];
let types: string[];
let cases = 0;

/** The analysis routes that answer GET (whole graph) and POST (given ids). */
const ANALYSIS_SCOPED = [
  '/api/analysis/centrality',
  '/api/analysis/communities',
  '/api/analysis/components',
  '/api/analysis/cores',
  '/api/analysis/brokers',
  '/api/analysis/key-players',
  '/api/analysis/why-central',
];

/** The API routes this file has properties for, by "METHOD path". */
const FUZZED_ROUTES = [
  'GET /api/datasets',
  'DELETE /api/datasets/:id',
  'GET /api/datasets/:id/export',
  'POST /api/export',
  'GET /api/search',
  'GET /api/nodes/:id',
  'GET /api/nodes/:id/neighbours',
  'POST /api/subgraph',
  'POST /api/degrees',
  'GET /api/most-connected',
  'GET /api/schema',
  'GET /api/sources/:id',
  'GET /api/paths',
  'POST /api/query',
  ...ANALYSIS_SCOPED.flatMap((path) => [`GET ${path}`, `POST ${path}`]),
  'POST /api/analysis/connect',
  'POST /api/analysis/common-neighbours',
  'GET /api/datasets/:id/captions',
  'PUT /api/datasets/:id/captions',
  'GET /api/analysis/status',
  'POST /api/uploads',
  'GET /api/uploads/:id',
  'POST /api/uploads/:id/check',
  'POST /api/uploads/:id/import',
  'DELETE /api/uploads/:id',
];

/** The documented 200 shape of each API route, by "METHOD path". */
const responseSchemas = new Map(
  apiRoutes({ db, config: loadConfig({}), logger: pino({ level: 'silent' }), readiness: { ready: true, reason: 'test' } }).map((route) => [
    `${route.method.toUpperCase()} ${route.path}`,
    route.response as z.ZodType,
  ]),
);

async function request(method: string, pathAndQuery: string, options?: Parameters<typeof send>[3], on: RunningApp = app): Promise<Answer> {
  cases += 1;
  const answer = await send(on.base, method, pathAndQuery, options);
  expectWellFormed(answer, `${method} ${pathAndQuery.slice(0, 300)}`);
  return answer;
}

async function requestJson(route: string, value: unknown, on: RunningApp = app): Promise<Answer> {
  cases += 1;
  const answer = await postJson(on.base, route, value);
  expectWellFormed(answer, `POST ${route} ${JSON.stringify(value)?.slice(0, 300)}`);
  return answer;
}

/** Valid requests go to the app with the generous limit: a 200 must not depend on how loaded the machine is. */
const requestValid = (method: string, pathAndQuery: string): Promise<Answer> => request(method, pathAndQuery, undefined, patientApp);
const requestJsonValid = (route: string, value: unknown): Promise<Answer> => requestJson(route, value, patientApp);

/** A 200 whose body parses with the route's response schema; returns the parsed body. */
function expectDocumented<T = Record<string, unknown>>(answer: Answer, route: string): T {
  expect(answer.status, answer.text.slice(0, 500)).toBe(200);
  expect(answer.contentType).toMatch(/^application\/json/);
  const schema = responseSchemas.get(route);
  if (!schema) throw new Error(`no route ${route}`);
  const parsed = schema.safeParse(answer.body);
  expect(parsed.success, `${route}: ${parsed.error?.message}`).toBe(true);
  return parsed.data as T;
}

function check<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, numRuns = RUNS): Promise<void> {
  return fc.assert(fc.asyncProperty(arbitrary, predicate), { seed: SEED, numRuns, endOnFailure: true });
}

/** Dataset names a client may send: the loaded one, unknown ones and ones the id rule refuses. */
const DATASET_NAMES = [PERU_DATASET, 'nowhere', 'Peru', '..'];

const knownId = (): fc.Arbitrary<string> => fc.constantFrom(...ids);
const anyId = (): fc.Arbitrary<string> => fc.oneof(knownId().map(percentEncode), encodedValue());
/** Each typed expansion is its own query text for Neo4j to plan (types cannot be parameters): a few keep the plan cache warm. */
const fewTypes = (): string[] => types.slice(0, 4);
const subset = (names: () => string[], max = 3): fc.Arbitrary<string[]> => fc.uniqueArray(fc.constantFrom(...names()), { maxLength: max });

beforeAll(async () => {
  peru = await loadPeru(db);
  ids = peru.nodes.map((node) => node.id);
  labels = [...new Set(peru.nodes.map((node) => node.kind))];
  types = [...new Set(peru.relationships.map((relationship) => relationship.type))];
  const uploadDir = mkdtempSync(path.join(os.tmpdir(), 'nexo-fuzz-uploads-'));
  app = await startApp(db, { QUERY_TIMEOUT_MS: '5000', NEXO_UPLOAD_DIR: uploadDir });
  patientApp = await startApp(db, { QUERY_TIMEOUT_MS: '60000', NEXO_UPLOAD_DIR: uploadDir });
  console.log(`fuzz: seed ${SEED}, ${RUNS} runs per property (NEXO_FUZZ_SEED / NEXO_FUZZ_RUNS to change)`);
});

afterAll(async () => {
  console.log(`fuzz: ${cases} requests sent, seed ${SEED}`);
  await app?.close();
  await patientApp?.close();
  await db.close();
});

describe('GET /api/search', () => {
  it('answers any q, limit and labels without a 500, errors as problem+json', () =>
    check(
      queryString({ q: encodedValue(), limit: numberish.map(percentEncode), labels: nameList(labels), dataset: nameList(DATASET_NAMES) }),
      async (query) => {
        await request('GET', `/api/search${query}`);
      },
    ));

  it('answers valid searches 200 with at most limit results of the asked labels', () =>
    check(
      fc.record({ node: fc.constantFrom(...peru.nodes), limit: fc.integer({ min: 1, max: 50 }), labels: subset(() => labels) }),
      async ({ node, limit, labels: kept }) => {
        const query = `?q=${percentEncode(node.name)}&limit=${limit}${kept.length > 0 ? `&labels=${kept.join(',')}` : ''}`;
        const body = expectDocumented<{ results: { labels: string[] }[] }>(await requestValid('GET', `/api/search${query}`), 'GET /api/search');
        expect(body.results.length).toBeLessThanOrEqual(limit);
        for (const result of body.results) if (kept.length > 0) expect(result.labels.some((label) => kept.includes(label))).toBe(true);
      },
      VALID_RUNS,
    ));
});

describe('GET /api/nodes/:id', () => {
  it('answers any id in the path without a 500', () =>
    check(anyId(), async (id) => {
      await request('GET', `/api/nodes/${id}`);
    }));

  it('answers every known id 200 with that node', () =>
    check(
      knownId(),
      async (id) => {
        const body = expectDocumented<{ node: { id: string } }>(await requestValid('GET', `/api/nodes/${percentEncode(id)}`), 'GET /api/nodes/:id');
        expect(body.node.id).toBe(id);
      },
      VALID_RUNS,
    ));

  it('answers an unknown id 404', () =>
    check(
      hostileText().filter((text) => text.length > 0 && !ids.includes(text)),
      async (text) => {
        const answer = await request('GET', `/api/nodes/${percentEncode(`unknown:${text}`)}`);
        expect(answer.status).toBe(404);
      },
      VALID_RUNS,
    ));
});

describe('GET /api/nodes/:id/neighbours', () => {
  it('answers any id, types, direction, labels, limit and skip without a 500', () =>
    check(
      fc.tuple(
        anyId(),
        queryString({
          types: nameList(types),
          direction: fc.oneof(fc.constantFrom('in', 'out', 'both', 'IN', 'Both', ''), encodedValue()),
          labels: nameList(labels),
          limit: numberish.map(percentEncode),
          skip: numberish.map(percentEncode),
        }),
      ),
      async ([id, query]) => {
        await request('GET', `/api/nodes/${id}/neighbours${query}`);
      },
    ));

  it('answers valid pages 200 with the node first and at most limit neighbours', () =>
    check(
      fc.record({
        id: knownId(),
        types: subset(fewTypes, 2),
        direction: fc.constantFrom('in', 'out', 'both'),
        labels: subset(() => labels),
        limit: fc.integer({ min: 1, max: 500 }),
        skip: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(Number.MAX_SAFE_INTEGER)),
      }),
      async ({ id, types: followed, direction, labels: kept, limit, skip }) => {
        const query = new URLSearchParams({ direction, limit: String(limit), skip: String(skip) });
        if (followed.length > 0) query.set('types', followed.join(','));
        if (kept.length > 0) query.set('labels', kept.join(','));
        const answer = await requestValid('GET', `/api/nodes/${percentEncode(id)}/neighbours?${query}`);
        const body = expectDocumented<{ nodes: { id: string }[]; total: number }>(answer, 'GET /api/nodes/:id/neighbours');
        expect(body.nodes[0]!.id).toBe(id);
        expect(body.nodes.length - 1).toBeLessThanOrEqual(limit);
        expect(body.total).toBeGreaterThanOrEqual(body.nodes.length - 1);
      },
      VALID_RUNS,
    ));
});

describe('POST /api/subgraph', () => {
  it('answers any JSON body without a 500', () =>
    check(fc.oneof(anyJson, fc.record({ ids: anyJson }), fc.record({ ids: fc.array(fc.oneof(knownId(), hostileText()), { maxLength: 30 }) })), async (body) => {
      await requestJson('/api/subgraph', body);
    }));

  it('answers malformed bodies and wrong content types with a 4xx problem', () =>
    check(fc.tuple(malformedJsonText, contentType), async ([body, type]) => {
      const answer = await request('POST', '/api/subgraph', { body, headers: type === undefined ? {} : { 'content-type': type } });
      expect(answer.status).toBeLessThan(500);
    }));

  it('answers known and unknown ids 200 with only known nodes and the edges among them', () =>
    check(
      fc.tuple(
        fc.uniqueArray(knownId(), { minLength: 1, maxLength: 40 }),
        fc.array(
          hostileText(20).filter((text) => text.length > 0),
          { maxLength: 5 },
        ),
      ),
      async ([known, others]) => {
        const answer = await requestJsonValid('/api/subgraph', { ids: [...known, ...others] });
        const body = expectDocumented<{ nodes: { id: string }[]; edges: { source: string; target: string }[] }>(answer, 'POST /api/subgraph');
        const shown = new Set(body.nodes.map((node) => node.id));
        expect([...shown].sort()).toEqual([...new Set([...known, ...others])].filter((id) => ids.includes(id)).sort());
        for (const edge of body.edges) expect(shown.has(edge.source) && shown.has(edge.target)).toBe(true);
      },
      VALID_RUNS,
    ));
});

describe('POST /api/degrees and GET /api/most-connected', () => {
  it('POST /api/degrees answers any JSON body, malformed ones and wrong content types without a 500', () =>
    check(
      fc.oneof(
        fc
          .oneof(anyJson, fc.record({ ids: anyJson }), fc.record({ ids: fc.array(fc.oneof(knownId(), hostileText()), { maxLength: 30 }) }))
          .map((value) => ({ body: JSON.stringify(value) ?? 'null', type: 'application/json' as string | undefined })),
        fc.tuple(malformedJsonText, contentType).map(([body, type]) => ({ body, type })),
      ),
      async ({ body, type }) => {
        await request('POST', '/api/degrees', { body, headers: type === undefined ? {} : { 'content-type': type } });
      },
    ));

  it('POST /api/degrees answers known and unknown ids 200 with a degree for each known one only', () =>
    check(
      fc.tuple(
        fc.uniqueArray(knownId(), { minLength: 1, maxLength: 40 }),
        fc.array(
          hostileText(20).filter((text) => text.length > 0),
          { maxLength: 5 },
        ),
      ),
      async ([known, others]) => {
        const answer = await requestJsonValid('/api/degrees', { ids: [...known, ...others] });
        const body = expectDocumented<{ degrees: Record<string, number> }>(answer, 'POST /api/degrees');
        expect(Object.keys(body.degrees).sort()).toEqual([...new Set([...known, ...others])].filter((id) => ids.includes(id)).sort());
        for (const degree of Object.values(body.degrees)) expect(degree).toBeGreaterThanOrEqual(0);
      },
      VALID_RUNS,
    ));

  it('GET /api/most-connected answers any limit without a 500, a valid one 200 with at most limit results, highest first', () =>
    check(
      fc.oneof(
        queryString({ limit: numberish.map(percentEncode) }),
        fc.integer({ min: 1, max: 100 }).map((limit) => `?limit=${limit}`),
      ),
      async (query) => {
        const answer = await requestValid('GET', `/api/most-connected${query}`);
        const limit = /^\?limit=(\d+)$/.exec(query)?.[1];
        if (limit === undefined || Number(limit) < 1 || Number(limit) > 100) return;
        const body = expectDocumented<{ results: { degree: number }[] }>(answer, 'GET /api/most-connected');
        expect(body.results.length).toBeLessThanOrEqual(Number(limit));
        const degrees = body.results.map((result) => result.degree);
        expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
      },
    ));
});

describe('GET /api/paths', () => {
  it('answers any from, to, maxHops, types, directed, mode and k without a 500', () =>
    check(
      queryString({
        from: anyId(),
        to: anyId(),
        maxHops: fc.oneof(numberish, fc.constantFrom('1000000', '10', '11')).map(percentEncode),
        types: nameList(types),
        directed: fc.oneof(fc.constantFrom('true', 'false', 'TRUE', '1', ''), encodedValue()),
        mode: fc.oneof(fc.constantFrom(...PATH_MODES, 'longest', ''), encodedValue()),
        k: numberish.map(percentEncode),
      }),
      async (query) => {
        await request('GET', `/api/paths${query}`);
      },
    ));

  it('answers valid requests 200 with paths from "from" to "to" of at most maxHops', () =>
    check(
      fc.record({
        ends: fc.uniqueArray(knownId(), { minLength: 2, maxLength: 2 }),
        maxHops: fc.integer({ min: 1, max: MAX_HOPS }),
        types: subset(fewTypes, 2),
        directed: fc.boolean(),
        mode: fc.constantFrom(...PATH_MODES),
        k: fc.integer({ min: 1, max: MAX_K }),
      }),
      async ({ ends: [from, to], maxHops, types: followed, directed, mode, k }) => {
        const query = new URLSearchParams({ from: from!, to: to!, maxHops: String(maxHops), directed: String(directed), mode, k: String(k) });
        if (followed.length > 0) query.set('types', followed.join(','));
        const answer = await requestValid('GET', `/api/paths?${query}`);
        const body = expectDocumented<{ paths: { nodes: { id: string }[]; edges: unknown[] }[] }>(answer, 'GET /api/paths');
        for (const path of body.paths) {
          expect(path.nodes[0]!.id).toBe(from);
          expect(path.nodes.at(-1)!.id).toBe(to);
          expect(path.edges.length).toBeLessThanOrEqual(maxHops);
        }
      },
      VALID_RUNS,
    ));
});

describe('/api/analysis', () => {
  const analysisQuery = () =>
    queryString({
      measure: fc.oneof(fc.constantFrom(...MEASURES, 'fame', ''), encodedValue()),
      limit: numberish.map(percentEncode),
      directed: fc.oneof(fc.constantFrom('true', 'false', '1'), encodedValue()),
      weight: fc.oneof(fc.constantFrom('quotes', 'date', 'nothing'), encodedValue()),
      k: numberish.map(percentEncode),
      of: nameList(ids),
      id: anyId(),
      dataset: nameList(DATASET_NAMES),
    });

  it('answers any query string and any JSON body without a 500', () =>
    check(
      fc.oneof(
        fc.tuple(
          fc.constant('GET'),
          fc.constantFrom(...ANALYSIS_SCOPED),
          analysisQuery().map((query) => ({ query, body: undefined as unknown })),
        ),
        fc.tuple(
          fc.constant('POST'),
          fc.constantFrom(...ANALYSIS_SCOPED, '/api/analysis/connect', '/api/analysis/common-neighbours'),
          fc
            .oneof(
              anyJson,
              fc.record({ ids: anyJson }),
              fc.record({
                ids: fc.array(fc.oneof(knownId(), hostileText()), { maxLength: 20 }),
                measure: fc.constantFrom(...MEASURES, 'fame'),
                maxHops: numberish,
                id: fc.oneof(knownId(), hostileText()),
              }),
            )
            .map((body) => ({ query: '', body })),
        ),
      ),
      async ([method, route, { query, body }]) => {
        if (method === 'GET') await request('GET', `${route}${query}`);
        else await requestJson(route, body);
      },
    ));

  it('answers valid requests 200 in the documented shape', () =>
    check(
      fc.record({
        route: fc.constantFrom(...ANALYSIS_SCOPED, '/api/analysis/connect', '/api/analysis/common-neighbours'),
        method: fc.constantFrom('GET', 'POST'),
        canvas: fc.uniqueArray(knownId(), { minLength: 2, maxLength: 30 }),
        measure: fc.constantFrom(...MEASURES),
        limit: fc.integer({ min: 1, max: 100 }),
        directed: fc.boolean(),
      }),
      async ({ route, method, canvas, measure, limit, directed }) => {
        const actorRoute = route === '/api/analysis/connect' || route === '/api/analysis/common-neighbours';
        const fields: Record<string, unknown> = actorRoute ? { ids: canvas.slice(0, 3) } : { limit, ...(method === 'POST' ? { ids: canvas } : {}) };
        if (route === '/api/analysis/centrality') Object.assign(fields, { measure, directed });
        if (route === '/api/analysis/why-central') Object.assign(fields, { id: canvas[0], directed });
        const get = method === 'GET' && !actorRoute;
        const answer = get
          ? await request('GET', `${route}?${new URLSearchParams(Object.entries(fields).map(([key, value]) => [key, String(value)]))}`)
          : await requestJson(route, fields);
        // A power iteration may not converge on the scope: a documented answer.
        if (answer.status === 422 && (measure === 'pagerank' || measure === 'eigenvector') && route === '/api/analysis/centrality') return;
        expectDocumented(answer, `${get ? 'GET' : 'POST'} ${route}`);
      },
      VALID_RUNS,
    ));
});

/** Read queries a console user might write, with the parameters they use. */
const validConsoleQueries: { cypher: string; params?: (id: string) => Record<string, unknown> }[] = [
  { cypher: 'MATCH (n:Entity {id: $id}) RETURN n', params: (id) => ({ id }) },
  { cypher: 'MATCH (n:Entity {id: $id})-[r]-(m) RETURN n, r, m LIMIT $limit', params: (id) => ({ id, limit: 5 }) },
  { cypher: 'MATCH p = (:Entity {id: $id})-[*1..2]-() RETURN p LIMIT 10', params: (id) => ({ id }) },
  { cypher: 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN n.id AS id, n.name AS name', params: (id) => ({ prefix: id.slice(0, 3) }) },
  { cypher: 'RETURN $value AS value', params: (id) => ({ value: { id, list: [1, 2.5, 'x', null, true] } }) },
  { cypher: 'CALL db.labels() YIELD label RETURN label' },
  { cypher: 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY count DESC' },
];

describe('POST /api/query', () => {
  it('answers any JSON body, Cypher-like text and parameters without a 500', () =>
    check(
      fc.oneof(
        anyJson,
        fc.record({ cypher: anyJson }, { requiredKeys: [] }),
        fc.record(
          {
            cypher: fc.oneof(
              hostileText(60),
              fc
                .array(
                  fc.constantFrom(
                    'MATCH',
                    '(n)',
                    'RETURN',
                    'n',
                    'WHERE',
                    '$x',
                    '=',
                    '[',
                    ']',
                    '{',
                    '}',
                    'UNWIND',
                    'AS',
                    'x',
                    'LIMIT',
                    '1',
                    ',',
                    'WITH',
                    '*',
                    'CALL',
                  ),
                  {
                    minLength: 1,
                    maxLength: 12,
                  },
                )
                .map((tokens) => tokens.join(' ')),
            ),
            params: fc.oneof(fc.dictionary(hostileText(8), anyJson, { maxKeys: 4 }), anyJson),
            timeoutMs: fc.oneof(anyJson, fc.integer(), fc.constantFrom(1, 10, 1e12, -1, 0, 1.5)),
          },
          { requiredKeys: ['cypher'] },
        ),
      ),
      async (body) => {
        await requestJson('/api/query', body);
      },
    ));

  it('answers malformed bodies and wrong content types with a 4xx problem', () =>
    check(fc.tuple(malformedJsonText, contentType), async ([body, type]) => {
      const answer = await request('POST', '/api/query', { body, headers: type === undefined ? {} : { 'content-type': type } });
      expect(answer.status).toBeLessThan(500);
    }));

  it('answers read queries with any parameter values 200 in the documented shape', () =>
    check(
      fc.tuple(fc.constantFrom(...validConsoleQueries), knownId()),
      async ([query, id]) => {
        const answer = await requestJsonValid('/api/query', { cypher: query.cypher, params: query.params?.(id) ?? {} });
        expectDocumented(answer, 'POST /api/query');
      },
      VALID_RUNS,
    ));
});

function decodedOrItself(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

describe('/api/datasets', () => {
  /** What GET /api/datasets says of the Peru network; no DELETE here may change it. */
  const peruListed = async () => {
    const body = expectDocumented<{ datasets: { id: string; nodes: number; relationships: number }[] }>(
      await requestValid('GET', '/api/datasets'),
      'GET /api/datasets',
    );
    return body.datasets.find((dataset) => dataset.id === PERU_DATASET);
  };

  it('GET answers any query string 200 with the datasets, the Peru network among them', () =>
    check(queryString({ dataset: nameList(DATASET_NAMES), limit: numberish }), async (query) => {
      const body = expectDocumented<{ datasets: { id: string; nodes: number }[] }>(await requestValid('GET', `/api/datasets${query}`), 'GET /api/datasets');
      expect(body.datasets.find((dataset) => dataset.id === PERU_DATASET)).toMatchObject({ nodes: peru.nodes.length });
    }));

  it('DELETE answers any id without a 500, an unknown one 404, and removes nothing', async () => {
    const before = await peruListed();
    await check(
      // Filtered on the decoded id: the fuzzer does spell "peru" as %70%65%72%75.
      encodedValue().filter((id) => decodedOrItself(id) !== PERU_DATASET),
      async (id) => {
        const answer = await request('DELETE', `/api/datasets/${id}`);
        expect([400, 404]).toContain(answer.status);
      },
    );
    expect(await peruListed()).toEqual(before);
  });

  it('DELETE of a valid id removes exactly that dataset: 200, then 404', () =>
    check(
      fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/).filter((id) => id !== PERU_DATASET),
      async (id) => {
        await db.driver.executeQuery(
          `MERGE (d:__NexoDataset {id: $id})
           SET d.status = 'complete', d.name = $id, d.format = 'test', d.source = 'test', d.importedAt = datetime(), d.nodes = 1, d.relationships = 0
           CREATE (:Entity:Person {__nexo_id: $key, __nexo_dataset: $id, id: $key, name: 'Scratch'})`,
          { id, key: `${id}::one` },
          { database: db.name },
        );
        const body = expectDocumented<{ deleted: string }>(await requestValid('DELETE', `/api/datasets/${id}`), 'DELETE /api/datasets/:id');
        expect(body.deleted).toBe(id);
        const left = await db.driver.executeQuery('MATCH (n {__nexo_dataset: $id}) RETURN count(n) AS count', { id }, { database: db.name });
        expect(left.records[0]!.get('count').toNumber()).toBe(0);
        expect((await request('DELETE', `/api/datasets/${id}`)).status).toBe(404);
        expect(await peruListed()).toMatchObject({ nodes: peru.nodes.length });
      },
      Math.ceil(VALID_RUNS / 4),
    ));
});

describe('dataset and canvas export', () => {
  const FORMATS = ['graphml', 'gexf', 'edgelist', 'ftm'];
  const anyFormat = fc.oneof(fc.constantFrom(...FORMATS), encodedValue());

  /** A 200 download: an attachment with a filename, a non-empty body, nothing leaked (checked by request). */
  const expectDownload = (answer: Answer): void => {
    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    expect(answer.contentType).toMatch(/^application\/(graphml\+xml|gexf\+xml|zip|x-ndjson)/);
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.text).not.toContain('__nexo');
  };

  it('GET /api/datasets/:id/export answers any id and format without a 500, an unknown dataset 404', () =>
    check(fc.tuple(fc.oneof(fc.constantFrom(...DATASET_NAMES), encodedValue()), anyFormat), async ([id, format]) => {
      const answer = await request('GET', `/api/datasets/${id}/export?format=${format}`);
      if (answer.status === 200) expectDownload(answer);
    }));

  /** Peru's relationships have a `source` property, which an edge-list CSV would read as a tie's start: that is a 422. */
  const expectDownloadOrEdgeListRefusal = (answer: Answer, format: string): void => {
    if (format === 'edgelist' && answer.status === 422) expect((answer.body as { detail: string }).detail).toContain('"source"');
    else expectDownload(answer);
  };

  it('GET /api/datasets/:id/export answers the Peru network 200 as GraphML, GEXF and FtM, 422 as an edge list', async () => {
    for (const format of ['graphml', 'gexf', 'ftm']) expectDownload(await requestValid('GET', `/api/datasets/${PERU_DATASET}/export?format=${format}`));
    const edgeList = await requestValid('GET', `/api/datasets/${PERU_DATASET}/export?format=edgelist`);
    expect(edgeList.status).toBe(422);
    expectDownloadOrEdgeListRefusal(edgeList, 'edgelist');
  });

  it('POST /api/export answers any JSON body, malformed ones and wrong content types without a 500', async () => {
    await check(
      fc.oneof(
        anyJson,
        fc.record({ ids: anyJson, format: anyJson }),
        fc.record({ ids: fc.array(fc.oneof(knownId(), hostileText()), { maxLength: 30 }), format: anyFormat }),
      ),
      async (body) => {
        await requestJson('/api/export', body);
      },
    );
    await check(fc.tuple(malformedJsonText, contentType), async ([body, type]) => {
      const answer = await request('POST', '/api/export', { body, headers: type === undefined ? {} : { 'content-type': type } });
      expect(answer.status).toBeLessThan(500);
    });
  });

  it('POST /api/export answers known and unknown ids 200 with a download (an edge list with ties 422)', () =>
    check(
      fc.tuple(
        fc.uniqueArray(knownId(), { minLength: 1, maxLength: 40 }),
        fc.array(
          hostileText(20).filter((text) => text.length > 0),
          { maxLength: 5 },
        ),
        fc.constantFrom(...FORMATS),
      ),
      async ([known, others, format]) => expectDownloadOrEdgeListRefusal(await requestJsonValid('/api/export', { ids: [...known, ...others], format }), format),
      VALID_RUNS,
    ));
});

describe('GET /api/sources/:id', () => {
  it('answers any id without a 500, the Peru source 200', () =>
    check(fc.oneof(encodedValue(), fc.constant(peru.manifest.id)), async (id) => {
      const answer = await requestValid('GET', `/api/sources/${id}`);
      if (id === peru.manifest.id) expectDocumented(answer, 'GET /api/sources/:id');
    }));
});

describe('GET and PUT /api/datasets/:id/captions', () => {
  const putCaptions = (id: string, body: string): Promise<Answer> =>
    request('PUT', `/api/datasets/${id}/captions`, { body, headers: { 'content-type': 'application/json' } });

  it('answers any dataset id without a 500, Peru 200 with its labels', () =>
    check(fc.oneof(encodedValue(), fc.constant('peru')), async (id) => {
      const answer = await requestValid('GET', `/api/datasets/${id}/captions`);
      if (id === 'peru') expect(expectDocumented<{ labels: unknown[] }>(answer, 'GET /api/datasets/:id/captions').labels.length).toBeGreaterThan(0);
    }));

  it('answers any body without a 500: a choice of labels and properties Peru lacks is 422, anything malformed 400', () =>
    check(
      fc.oneof(
        anyJson.map((value) => JSON.stringify(value) ?? 'null'),
        fc.dictionary(hostileText(), fc.array(hostileText(), { maxLength: 4 }), { maxKeys: 3 }).map((captions) => JSON.stringify({ captions })),
        malformedJsonText,
      ),
      async (body) => {
        const answer = await putCaptions('peru', body);
        expect([200, 400, 413, 422]).toContain(answer.status);
      },
    ));

  it('saves any valid choice and answers it documented', () =>
    check(
      fc.constantFrom(...labels).chain((label) => fc.constantFrom<string[]>([], ['name'], ['name', 'id']).map((properties) => ({ [label]: properties }))),
      async (captions) => {
        const answer = await putCaptions('peru', JSON.stringify({ captions }));
        const body = expectDocumented<{ labels: { label: string; override: string[] | null }[] }>(answer, 'PUT /api/datasets/:id/captions');
        const [label, properties] = Object.entries(captions)[0]!;
        expect(body.labels.find((entry) => entry.label === label)?.override ?? []).toEqual(properties);
        await putCaptions('peru', JSON.stringify({ captions: {} }));
      },
      VALID_RUNS,
    ));
});

describe('/api/analysis/status', () => {
  it('ignores any query string and answers 200 in the documented shape', () =>
    check(queryString({ q: encodedValue(), limit: numberish }), async (query) => {
      expectDocumented(await requestValid('GET', `/api/analysis/status${query}`), 'GET /api/analysis/status');
    }));
});

/** A multipart/form-data body written by hand, so file names and field headers can be anything. */
function multipart(
  parts: { name: string; content: string }[],
  boundary = 'nexo-fuzz-boundary',
): { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> } {
  const text =
    parts
      .map(
        (part) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${part.name}"\r\nContent-Type: application/octet-stream\r\n\r\n${part.content}\r\n`,
      )
      .join('') + `--${boundary}--\r\n`;
  return { body: new Uint8Array(Buffer.from(text)), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const NETWORK = '*Vertices 2\n1 "Ana"\n2 "Bruno"\n*Arcs\n1 2\n';

/** An upload checked and ready to import, on the patient app. */
async function readyUpload(): Promise<string> {
  const sent = await send(patientApp.base, 'POST', '/api/uploads', multipart([{ name: 'ties.net', content: NETWORK }]));
  const { id } = expectDocumented<{ id: string }>(sent, 'POST /api/uploads');
  for (;;) {
    const answer = await requestValid('GET', `/api/uploads/${id}`);
    const upload = expectDocumented<{ state: string }>(answer, 'GET /api/uploads/:id');
    if (upload.state !== 'checking') return id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('/api/uploads', () => {
  it('answers any body, file names and contents without a 500, errors as problem+json', () =>
    check(
      fc.oneof(
        fc.record({
          parts: fc.array(fc.record({ name: hostileText(), content: fc.oneof(hostileText(200), fc.constant(NETWORK)) }), { maxLength: 3 }),
          boundary: fc.oneof(fc.constant('nexo-fuzz-boundary'), fc.stringMatching(/^[A-Za-z0-9'()+_,./:=?-]{1,70}$/)),
        }),
        fc.record({ raw: hostileText(300), type: contentType }),
      ),
      async (value) => {
        const options =
          'parts' in value
            ? multipart(value.parts, value.boundary)
            : { body: new Uint8Array(Buffer.from(value.raw)), headers: value.type ? { 'content-type': value.type } : {} };
        const answer = await request('POST', '/api/uploads', options);
        if (answer.status === 200) expectDocumented(answer, 'POST /api/uploads');
      },
      Math.ceil(RUNS / 2),
    ));

  it('answers any upload id without a 500: 400 or 404 problem+json', () =>
    check(fc.tuple(fc.constantFrom('GET', 'DELETE'), encodedValue()), async ([method, id]) => {
      const answer = await request(method, `/api/uploads/${id}`);
      expect([400, 404]).toContain(answer.status);
    }));

  it('answers any check or import body on a real upload without a 500', async () => {
    const id = await readyUpload();
    await check(
      fc.tuple(fc.constantFrom('check', 'import'), anyJson),
      async ([action, body]) => {
        const answer = await requestJson(`/api/uploads/${id}/${action}`, body);
        if (answer.status === 200) expectDocumented(answer, `POST /api/uploads/:id/${action}`);
        // A valid import starts: the next cases then meet an upload that is importing or imported (409).
        expect(answer.status).not.toBe(500);
      },
      Math.ceil(RUNS / 2),
    );
  });

  it('answers valid uploads 200 in the documented shape, and their preview', async () => {
    const id = await readyUpload();
    const answer = expectDocumented<{ preview: { format: string; nodes: number } }>(await requestValid('GET', `/api/uploads/${id}`), 'GET /api/uploads/:id');
    expect(answer.preview).toMatchObject({ format: 'pajek', nodes: 2 });
    expectDocumented(await requestJsonValid(`/api/uploads/${id}/check`, { undirected: true }), 'POST /api/uploads/:id/check');
    expectDocumented(await requestValid('DELETE', `/api/uploads/${id}`), 'DELETE /api/uploads/:id');
  });
});

describe('coverage', () => {
  it('fuzzes every API route: a new route fails this until it has properties here', () => {
    expect([...responseSchemas.keys()].sort()).toEqual([...FUZZED_ROUTES].sort());
  });
});

describe('routes without parameters', () => {
  it('GET /api/schema, /healthz, /readyz and /api/openapi.json ignore any query string and answer 200', () =>
    check(
      fc.tuple(fc.constantFrom('/api/schema', '/healthz', '/readyz', '/api/openapi.json'), queryString({ q: encodedValue(), limit: numberish })),
      async ([route, query]) => {
        const answer = await requestValid('GET', `${route}${query}`);
        expect(answer.status, answer.text.slice(0, 300)).toBe(200);
        if (route === '/api/schema') expectDocumented(answer, 'GET /api/schema');
        if (route === '/healthz') expect(answer.body).toMatchObject({ status: 'ok', uptimeSeconds: expect.any(Number) });
        if (route === '/readyz') expect(answer.body).toMatchObject({ status: 'ready', database: expect.any(String) });
        if (route === '/api/openapi.json') expect(answer.body).toMatchObject({ openapi: '3.1.0', paths: expect.any(Object) });
      },
      Math.ceil(RUNS / 2),
    ));

  it('unknown paths, and methods a route does not have, answer 404 problem+json', () =>
    check(
      fc.oneof(
        fc.tuple(fc.constantFrom('PUT', 'PATCH', 'DELETE'), fc.constantFrom('/api/search', '/api/nodes/x', '/api/subgraph', '/api/query', '/api/schema')),
        fc.tuple(
          fc.constantFrom('GET', 'POST'),
          encodedValue().map((rest) => `/api/unknown-${rest}`),
        ),
      ),
      async ([method, route]) => {
        const answer = await request(method, route, method === 'GET' ? {} : { body: '{}', headers: { 'content-type': 'application/json' } });
        expect(answer.status).toBe(404);
      },
      Math.ceil(RUNS / 2),
    ));
});

describe('size limits', () => {
  it('a JSON body over 256 kB is a 413 problem, even when it arrives gzipped and small', async () => {
    const huge = JSON.stringify({ ids: ['x'.repeat(1024 * 1024)] });
    const plain = await request('POST', '/api/subgraph', { body: huge, headers: { 'content-type': 'application/json' } });
    expect(plain.status).toBe(413);
    const bomb = await request('POST', '/api/query', {
      body: gzipSync(JSON.stringify({ cypher: 'RETURN 1', params: { x: '0'.repeat(10 * 1024 * 1024) } })),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(bomb.status).toBe(413);
  });

  it('a body in an encoding the server does not know is a 415 problem', async () => {
    const answer = await request('POST', '/api/subgraph', {
      body: '{"ids":["a"]}',
      headers: { 'content-type': 'application/json', 'content-encoding': 'x-unknown' },
    });
    expect(answer.status).toBe(415);
  });

  it('strings over the per-parameter limits are 400 problems naming the parameter', async () => {
    const long = 'a'.repeat(10_000);
    const cases: [string, string][] = [
      [`/api/search?q=${long}`, 'q'],
      [`/api/nodes/${long}`, 'id'],
      [`/api/nodes/person%3Aabimael-guzman/neighbours?types=${long}`, 'types'],
      [`/api/paths?from=${long}&to=b`, 'from'],
      [`/api/sources/${long}`, 'id'],
    ];
    for (const [route, parameter] of cases) {
      const answer = await request('GET', route);
      expect(answer.status, route.slice(0, 60)).toBe(400);
      expect(answer.body).toMatchObject({ parameter });
    }
    const ids = await requestJson('/api/subgraph', { ids: Array.from({ length: 2001 }, (_, index) => `id:${index}`) });
    expect(ids.status).toBe(400);
    const cypher = await requestJson('/api/query', { cypher: `RETURN 1 //${'x'.repeat(200_000)}` });
    expect(cypher.status).toBe(400);
  });

  it('a URL over 16 kB, refused by Node before Express runs, is still a 431 problem+json', async () => {
    cases += 1;
    const answer = await send(app.base, 'GET', `/api/search?q=${'a'.repeat(1024 * 1024)}`);
    expect(answer.status).toBe(431);
    expectProblem(answer);
  });

  it('a request that is not HTTP is a 400 problem+json', async () => {
    cases += 1;
    const { hostname, port } = new URL(app.base);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.end('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, title: 'Bad request' });
  });

  it('deeply nested JSON (100,000 levels) is a 4xx problem, not a stack overflow', async () => {
    const depth = 100_000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    for (const body of [`{"cypher":"RETURN $x","params":{"x":${nested}}}`, `{"ids":${nested}}`, nested]) {
      for (const route of ['/api/query', '/api/subgraph']) {
        const answer = await request('POST', route, { body, headers: { 'content-type': 'application/json' } });
        expect(answer.status).toBeLessThan(500);
        expectProblem(answer);
      }
    }
  });
});
