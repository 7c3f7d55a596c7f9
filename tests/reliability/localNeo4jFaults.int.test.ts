import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { bootstrapDatabase, superviseLocalNeo4j } from '../../server/bootstrap.js';
import { loadConfig } from '../../server/config.js';
import { openDatabase, type Database } from '../../server/neo4j/database.js';
import { ReadinessState } from '../../server/neo4j/readiness.js';
import { projectRoot } from '../../server/projectRoot.js';

// Its own local Neo4j, started as `npm start` starts it, on its own port and store: this file kills and freezes the JVM.
const PORT = Number(process.env.NEXO_TEST_NEO4J_PORT ?? 7688) + 300;
const STORE = path.join('.data', `neo4j-kill-${PORT}`);
const config = loadConfig({
  NEXO_NEO4J_BOLT_PORT: String(PORT),
  NEXO_NEO4J_STORE: STORE,
  NEXO_NEO4J_HEAP: '1g',
  NEXO_NEO4J_PAGECACHE_MB: '64',
  QUERY_TIMEOUT_MS: '10000',
});
const JVM_TIMEOUT_MS = 240_000;

let db: Database;
let http: Server;
let base: string;
const logLines: string[] = [];
const shutdown = new AbortController();

interface Answer {
  status: number;
  detail: string | undefined;
}

async function readyz(): Promise<Answer> {
  const response = await fetch(`${base}/readyz`);
  const body = (await response.json()) as { detail?: string };
  return { status: response.status, detail: body.detail };
}

/** Polls /readyz until `done` holds for an answer; returns that answer, or the last one seen. */
async function pollReadyz(done: (answer: Answer) => boolean, timeoutMs: number): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  let answer = await readyz();
  while (!done(answer) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    answer = await readyz();
  }
  return answer;
}

function jvmPid(): number {
  const pid = db.local?.pid();
  if (pid === undefined) throw new Error('no local Neo4j process');
  return pid;
}

beforeAll(async () => {
  rmSync(path.join(projectRoot, STORE), { recursive: true, force: true });
  const logger = pino({ level: 'info' }, { write: (line: string) => logLines.push(line) });
  db = await openDatabase(config, () => undefined);
  const readiness = new ReadinessState();
  const app = createApp({ db, config, logger, readiness });
  http = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => http.once('listening', resolve));
  const address = http.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  superviseLocalNeo4j(db.local!, db, config, readiness, logger, shutdown.signal);
  await bootstrapDatabase(db, config, readiness, logger, shutdown.signal);
}, JVM_TIMEOUT_MS);

afterAll(async () => {
  shutdown.abort();
  try {
    const pid = db?.local?.pid();
    if (pid !== undefined) process.kill(pid, 'SIGCONT');
  } catch {
    // Already gone: nothing to wake.
  }
  http?.closeAllConnections();
  await new Promise((resolve) => (http ? http.close(resolve) : resolve(undefined)));
  await db?.close();
}, JVM_TIMEOUT_MS);

describe('the local Neo4j started by the app', () => {
  it(
    'is noticed at once when killed, logged, explained on /readyz, restarted on the same store, and the app recovers',
    async () => {
      expect((await readyz()).status).toBe(200);
      const before = jvmPid();

      process.kill(before, 'SIGKILL');

      // A probe may first see the closed port; the explanation follows as soon as the exit is reported.
      const down = await pollReadyz((answer) => answer.status === 503 && /killed/.test(answer.detail ?? ''), 30_000);
      expect(down.status).toBe(503);
      expect(down.detail).toMatch(/the local Neo4j server was killed \(SIGKILL\) at .*; restart/);
      expect(logLines.some((line) => line.includes('"level":50') && line.includes('Local Neo4j was killed (SIGKILL)'))).toBe(true);

      const back = await pollReadyz((answer) => answer.status === 200, 180_000);
      expect(back).toEqual({ status: 200, detail: undefined });
      expect(jvmPid()).not.toBe(before);
      // The same store: the network loaded before the kill is still there.
      const search = await fetch(`${base}/api/search?q=guzman`);
      expect(search.status).toBe(200);
      expect(JSON.stringify(await search.json())).toMatch(/Guzm/);
      expect(logLines.some((line) => line.includes('Local Neo4j restarted in'))).toBe(true);
    },
    JVM_TIMEOUT_MS,
  );

  it(
    'leaves /readyz answering 503 by its own bound while the JVM is frozen (SIGSTOP), and 200 once it runs again',
    async () => {
      expect((await readyz()).status).toBe(200);
      const pid = jvmPid();

      process.kill(pid, 'SIGSTOP');
      try {
        const frozen = await readyz();
        expect(frozen.status).toBe(503);
        expect(frozen.detail).toMatch(/Neo4j did not answer within 1 s/);
        expect((await fetch(`${base}/healthz`)).status).toBe(200);
      } finally {
        process.kill(pid, 'SIGCONT');
      }

      const thawed = await pollReadyz((answer) => answer.status === 200, 60_000);
      expect(thawed.status).toBe(200);
      expect(jvmPid()).toBe(pid);
    },
    JVM_TIMEOUT_MS,
  );
});
