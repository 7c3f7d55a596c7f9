import type { Server } from 'node:http';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { bootstrapDatabase } from '../../server/bootstrap.js';
import { loadConfig } from '../../server/config.js';
import { openDatabase, type Database } from '../../server/neo4j/database.js';
import { startLocalNeo4j, type LocalNeo4jServer } from '../../server/neo4j/localServer.js';
import { ReadinessState } from '../../server/neo4j/readiness.js';

// Its own Neo4j, port and store: this file stops and restarts the database under a live app. The time limit is generous:
// a cold Neo4j on a loaded machine may take seconds to answer its first read, and this test is about 503s and recovery.
const PORT = Number(process.env.NEXO_TEST_NEO4J_PORT ?? 7688) + 200;
const neo4jSettings = { boltPort: PORT, storeDir: path.join('.data', `neo4j-faults-${PORT}`), heap: '1g', pageCacheMb: 64 };
const config = loadConfig({ NEO4J_URI: `bolt://127.0.0.1:${PORT}`, QUERY_TIMEOUT_MS: '30000', NEXO_LOAD_ON_START: 'always' });
const quiet = (): void => undefined;

let neo4jServer: LocalNeo4jServer | undefined;
let db: Database | undefined;
let http: Server | undefined;
const shutdown = new AbortController();

interface Answer {
  status: number;
  contentType: string | null;
  body: { detail?: string; status?: number };
}

async function get(base: string, route: string): Promise<Answer> {
  const response = await fetch(`${base}${route}`);
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.json() };
}

/**
 * A state change (Neo4j lost, Neo4j back) takes as long as the machine's load makes it take, so the test waits for the
 * change itself; the bound is only there so that a change that never comes fails the test instead of hanging it.
 */
const STATE_CHANGE_DEADLINE_MS = 120_000;

/** Polls a route until its status is the wanted one; returns every answer seen on the way. */
async function pollUntil(base: string, route: string, wanted: number): Promise<Answer[]> {
  const seen: Answer[] = [];
  const deadline = Date.now() + STATE_CHANGE_DEADLINE_MS;
  while (Date.now() < deadline) {
    const answer = await get(base, route);
    seen.push(answer);
    if (answer.status === wanted) return seen;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return seen;
}

afterAll(async () => {
  shutdown.abort();
  await new Promise((resolve) => (http ? http.close(resolve) : resolve(undefined)));
  await db?.close();
  await neo4jServer?.stop();
});

describe('when Neo4j is down at start and lost mid-run', () => {
  it('answers 503 with the reason, recovers by itself, and never crashes or answers 500', async () => {
    // Start the app first, with nothing listening on the Bolt port.
    db = await openDatabase(config, quiet);
    const readiness = new ReadinessState();
    const app = createApp({ db, config, logger: pino({ level: 'silent' }), readiness });
    http = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => http!.once('listening', resolve));
    const address = http.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const bootstrap = bootstrapDatabase(db, config, readiness, pino({ level: 'silent' }), shutdown.signal);

    const notReady = await pollUntil(base, '/readyz', 503);
    expect(notReady.at(-1)!.status).toBe(503);
    expect(notReady.at(-1)!.contentType).toMatch(/application\/problem\+json/);
    expect(notReady.at(-1)!.body.detail).toMatch(/unreachable|connecting/i);
    expect((await get(base, '/api/schema')).status).toBe(503);

    // Neo4j comes up: the bootstrap's retries find it, load the data, and the app becomes ready.
    neo4jServer = await startLocalNeo4j(neo4jSettings, quiet);
    await bootstrap;
    expect((await get(base, '/readyz')).status).toBe(200);
    expect((await get(base, '/api/schema')).status).toBe(200);

    // Neo4j is lost mid-run: data routes and /readyz answer 503, never 500.
    await neo4jServer.stop();
    const during = await pollUntil(base, '/api/schema', 503);
    expect(during.at(-1)!.status).toBe(503);
    expect(during.map((answer) => answer.status)).not.toContain(500);
    const readyz = await get(base, '/readyz');
    expect(readyz.status).toBe(503);
    expect(readyz.body.detail).toMatch(/unreachable/i);

    // Neo4j returns on the same port and store: the same app recovers without a restart.
    neo4jServer = await startLocalNeo4j(neo4jSettings, quiet);
    const after = await pollUntil(base, '/api/schema', 200);
    expect(after.at(-1)!.status).toBe(200);
    expect(after.map((answer) => answer.status)).not.toContain(500);
    expect((await get(base, '/readyz')).status).toBe(200);
  }, 600_000);
});
