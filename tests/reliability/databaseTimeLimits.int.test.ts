import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readDataset } from '../../server/features/load/dataset.js';
import { applySchema, loadDataset, PERU_DATASET } from '../../server/features/load/load.service.js';
import { loadConfig } from '../../server/config.js';
import { driverTimeLimits } from '../../server/neo4j/database.js';
import { projectRoot } from '../../server/projectRoot.js';
import { apiRoutes } from '../../server/routes.js';
import { startApp, type RunningApp } from '../support/testApp.js';
import { emptyDatabase, openTestDatabase } from '../support/testDatabase.js';
import { startFreezableProxy, type FreezableProxy } from './support/freezableProxy.js';

// A short query time limit, so the pool and the route give up quickly; the database is the real test Neo4j.
const QUERY_TIMEOUT_MS = 1000;
const db = openTestDatabase();
const dataset = readDataset(path.join(projectRoot, 'data', 'peru'));
const uploadDir = mkdtempSync(path.join(os.tmpdir(), 'nexo-time-limits-'));
const NODE = 'person:abimael-guzman';
const OTHER = 'organization:shining-path';
/** The dataset DELETE /api/datasets/:id removes: an empty one, written again before each delete. */
const SCRATCH = 'scratch';

interface Answer {
  route: string;
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: { status?: number; title?: string };
}

/** Routes that never read the database, so have no database time limit to keep: the analysis engine's status. */
const WITHOUT_DATABASE = ['GET /api/analysis/status'];

/** One valid request per API route, by "METHOD path". */
const requests: Record<string, [method: 'GET' | 'POST' | 'DELETE' | 'PUT', path: string, body?: unknown]> = {
  'GET /api/datasets': ['GET', '/api/datasets'],
  'DELETE /api/datasets/:id': ['DELETE', `/api/datasets/${SCRATCH}`],
  'GET /api/datasets/:id/export': ['GET', `/api/datasets/${PERU_DATASET}/export?format=graphml`],
  'POST /api/export': ['POST', '/api/export', { ids: [NODE, OTHER], format: 'gexf' }],
  'GET /api/search': ['GET', '/api/search?q=guzman&labels=Person'],
  'GET /api/nodes/:id': ['GET', `/api/nodes/${NODE}`],
  'GET /api/nodes/:id/neighbours': ['GET', `/api/nodes/${NODE}/neighbours?types=LEADER_OF`],
  'POST /api/subgraph': ['POST', '/api/subgraph', { ids: [NODE, OTHER] }],
  'POST /api/degrees': ['POST', '/api/degrees', { ids: [NODE, OTHER] }],
  'GET /api/most-connected': ['GET', '/api/most-connected'],
  'GET /api/datasets/:id/captions': ['GET', '/api/datasets/peru/captions'],
  'PUT /api/datasets/:id/captions': ['PUT', '/api/datasets/peru/captions', { captions: {} }],
  'GET /api/schema': ['GET', '/api/schema'],
  'GET /api/sources/:id': ['GET', `/api/sources/${dataset.manifest.id}`],
  'GET /api/paths': ['GET', `/api/paths?from=${NODE}&to=${OTHER}`],
  'POST /api/query': ['POST', '/api/query', { cypher: 'MATCH (n:Entity) RETURN count(n) AS entities' }],
  'GET /api/analysis/centrality': ['GET', '/api/analysis/centrality?measure=degree'],
  'POST /api/analysis/centrality': ['POST', '/api/analysis/centrality', { ids: [NODE, OTHER], measure: 'degree' }],
  'GET /api/analysis/why-central': ['GET', `/api/analysis/why-central?id=${OTHER}`],
  'POST /api/analysis/why-central': ['POST', '/api/analysis/why-central', { ids: [NODE, OTHER], id: OTHER }],
  'POST /api/analysis/connect': ['POST', '/api/analysis/connect', { ids: [NODE, OTHER] }],
  'POST /api/analysis/common-neighbours': ['POST', '/api/analysis/common-neighbours', { ids: [NODE, OTHER] }],
  'GET /api/analysis/communities': ['GET', '/api/analysis/communities'],
  'POST /api/analysis/communities': ['POST', '/api/analysis/communities', { ids: [NODE, OTHER] }],
  'GET /api/analysis/components': ['GET', '/api/analysis/components'],
  'POST /api/analysis/components': ['POST', '/api/analysis/components', { ids: [NODE, OTHER] }],
  'GET /api/analysis/cores': ['GET', '/api/analysis/cores'],
  'POST /api/analysis/cores': ['POST', '/api/analysis/cores', { ids: [NODE, OTHER] }],
  'GET /api/analysis/brokers': ['GET', '/api/analysis/brokers'],
  'POST /api/analysis/brokers': ['POST', '/api/analysis/brokers', { ids: [NODE, OTHER] }],
  'GET /api/analysis/key-players': ['GET', '/api/analysis/key-players'],
  'POST /api/analysis/key-players': ['POST', '/api/analysis/key-players', { ids: [NODE, OTHER] }],
  // {upload} is a fresh upload of a small network made on the app asked, ready to import.
  'POST /api/uploads': ['POST', '/api/uploads'],
  'GET /api/uploads/:id': ['GET', '/api/uploads/{upload}'],
  'POST /api/uploads/:id/check': ['POST', '/api/uploads/{upload}/check', { undirected: true }],
  'DELETE /api/uploads/:id': ['DELETE', '/api/uploads/{upload}'],
  // The dataset exists, so a healthy server refuses (409) after asking Neo4j; an unhealthy one cannot ask.
  'POST /api/uploads/:id/import': ['POST', '/api/uploads/{upload}/import', { dataset: PERU_DATASET }],
};

/** Writes the scratch dataset's record straight to the test Neo4j (never through the pool or proxy under test). */
async function writeScratchDataset(): Promise<void> {
  await db.driver.executeQuery(
    `MERGE (d:__NexoDataset {id: $id})
     SET d.status = 'complete', d.name = 'Scratch', d.format = 'test', d.source = 'test', d.importedAt = datetime(), d.nodes = 0, d.relationships = 0`,
    { id: SCRATCH },
    { database: db.name },
  );
}

/** What a route answers when Neo4j is well, when that is not 200. */
const healthyStatus: Record<string, number> = { 'POST /api/uploads/:id/import': 409 };

/** Routes that work on uploaded files and this process's memory only: they answer whatever Neo4j does. */
const withoutNeo4j = new Set(['POST /api/uploads', 'GET /api/uploads/:id', 'POST /api/uploads/:id/check', 'DELETE /api/uploads/:id']);

function uploadForm(): FormData {
  const body = new FormData();
  body.append('files', new Blob(['*Vertices 2\n1 "Ana"\n2 "Bruno"\n*Arcs\n1 2\n']), 'ties.net');
  return body;
}

/** Uploads a small network to `app` and waits until it is checked. */
async function readyUpload(app: RunningApp): Promise<string> {
  const sent = await fetch(`${app.base}/api/uploads`, { method: 'POST', body: uploadForm(), signal: AbortSignal.timeout(30_000) });
  const { id } = (await sent.json()) as { id: string };
  for (;;) {
    const answer = (await (await fetch(`${app.base}/api/uploads/${id}`)).json()) as { state: string };
    if (answer.state !== 'checking') return id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function send(app: RunningApp, route: string): Promise<Answer> {
  const [method, pathTemplate, body] = requests[route]!;
  if (route === 'DELETE /api/datasets/:id') await writeScratchDataset();
  const pathAndQuery = pathTemplate.includes('{upload}') ? pathTemplate.replace('{upload}', await readyUpload(app)) : pathTemplate;
  // The bound only turns a hang into a failure; the route's own limit is QUERY_TIMEOUT_MS + 2 s.
  const response = await fetch(`${app.base}${pathAndQuery}`, {
    method,
    ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    ...(route === 'POST /api/uploads' ? { body: uploadForm() } : {}),
    signal: AbortSignal.timeout(30_000),
  }).catch((error: unknown) => {
    throw new Error(`${route}: ${(error as Error).message}`);
  });
  return {
    route,
    // A healthy answer reads as 200, so one check covers every route.
    status: response.status === healthyStatus[route] ? 200 : response.status,
    contentType: response.headers.get('content-type'),
    retryAfter: response.headers.get('retry-after'),
    // A download (an export) is not JSON; only errors are read.
    body: (response.headers.get('content-type')?.includes('json') ? await response.json() : (await response.arrayBuffer(), {})) as Answer['body'],
  };
}

const everyRoute = (app: RunningApp): Promise<Answer[]> => Promise.all(Object.keys(requests).map((route) => send(app, route)));

function driverFor(uri: string, settings: Record<string, unknown> = {}): Driver {
  return neo4j.driver(uri, undefined, { ...driverTimeLimits(QUERY_TIMEOUT_MS), ...settings });
}

beforeAll(async () => {
  await emptyDatabase(db);
  await applySchema(db);
  await loadDataset(db, dataset);
  // Every route once with time to spare, so Neo4j has planned each query before the 1-second limit applies.
  const warmUp = await startApp(db, { QUERY_TIMEOUT_MS: '30000', NEXO_UPLOAD_DIR: uploadDir });
  try {
    expect((await everyRoute(warmUp)).filter((answer) => answer.status !== 200)).toEqual([]);
  } finally {
    await warmUp.close();
  }
});

/** Asks every route until all answer 200 (the held-back work drains first), at most `attempts` times. */
async function untilAllAnswer(app: RunningApp, attempts: number): Promise<Answer[]> {
  let failing: Answer[] = [];
  for (let attempt = 0; attempt < attempts; attempt++) {
    failing = (await everyRoute(app)).filter((answer) => answer.status !== 200);
    if (failing.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return failing;
}

afterAll(() => db.close());

describe('the requests of this file', () => {
  it('cover every API route', () => {
    const routes = apiRoutes({ db, config: loadConfig({}), logger: pino({ level: 'silent' }), readiness: { ready: true, reason: 'test' } });
    const readingTheDatabase = routes.map((route) => `${route.method.toUpperCase()} ${route.path}`).filter((route) => !WITHOUT_DATABASE.includes(route));
    expect(Object.keys(requests).sort()).toEqual(readingTheDatabase.sort());
  });
});

describe('when every connection of the pool is taken', () => {
  let driver: Driver;
  let app: RunningApp;

  beforeAll(async () => {
    driver = driverFor(inject('neo4jUri'), { maxConnectionPoolSize: 1 });
    app = await startApp({ driver, name: db.name }, { QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS), NEXO_UPLOAD_DIR: uploadDir });
  });

  afterAll(async () => {
    await app.close();
    await driver.close();
  });

  it('answers every route that reads Neo4j 503 with Retry-After as problem+json (uploads 200), then 200 once the connection is free', async () => {
    // A read that stays open holds the pool's one connection, as 100 slow console queries would hold a full pool.
    const holder = driver.session({ database: db.name, defaultAccessMode: neo4j.session.READ });
    const longRead = await holder.beginTransaction();
    await longRead.run('MATCH (n:Entity) RETURN count(n)');
    let answers: Answer[];
    try {
      answers = await everyRoute(app);
    } finally {
      await longRead.rollback();
      await holder.close();
    }
    for (const answer of answers) {
      if (withoutNeo4j.has(answer.route)) {
        expect({ route: answer.route, status: answer.status }).toEqual({ route: answer.route, status: 200 });
        continue;
      }
      expect({ route: answer.route, status: answer.status }).toEqual({ route: answer.route, status: 503 });
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.retryAfter).toMatch(/^\d+$/);
      expect(answer.body).toMatchObject({ status: 503, title: 'Database unavailable' });
    }
    expect(await untilAllAnswer(app, 10)).toEqual([]);
  });
});

describe('when Neo4j freezes', () => {
  let proxy: FreezableProxy;
  let driver: Driver;
  let app: RunningApp;

  beforeAll(async () => {
    proxy = await startFreezableProxy(new URL(inject('neo4jUri')));
    driver = driverFor(proxy.uri);
    app = await startApp({ driver, name: db.name }, { QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS), NEXO_UPLOAD_DIR: uploadDir });
  });

  afterAll(async () => {
    await app.close();
    await driver.close();
    await proxy.close();
  });

  it('answers every route that reads Neo4j 503 or 504 as problem+json (uploads 200), never hangs, and recovers when it thaws', async () => {
    // One pooled connection that Neo4j stops answering mid-use, and new ones whose handshake gets no answer.
    await driver.verifyConnectivity({ database: db.name });
    proxy.freeze();
    let answers: Answer[];
    try {
      answers = await everyRoute(app);
    } finally {
      proxy.thaw();
    }
    for (const answer of answers) {
      if (withoutNeo4j.has(answer.route)) {
        expect({ route: answer.route, status: answer.status }).toEqual({ route: answer.route, status: 200 });
        continue;
      }
      expect([503, 504]).toContain(answer.status);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.body.status).toBe(answer.status);
      if (answer.status === 503) expect(answer.retryAfter).toMatch(/^\d+$/);
    }
    expect(await untilAllAnswer(app, 10)).toEqual([]);
  });
});
