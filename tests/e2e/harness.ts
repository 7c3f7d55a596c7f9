import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pino } from 'pino';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { readDataset } from '../../server/features/load/dataset.js';
import { applySchema, loadDataset } from '../../server/features/load/load.service.js';
import type { Database } from '../../server/neo4j/database.js';
import { projectRoot } from '../../server/projectRoot.js';
import { emptyDatabase } from '../support/testDatabase.js';

export const artifactsDir = path.join(projectRoot, 'tests', 'artifacts');
const clientDir = path.join(projectRoot, 'client');
const builtIndex = path.join(projectRoot, 'dist', 'client', 'index.html');

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the client unless dist/client is newer than every file under client/ (a build takes ~15 s). */
export function buildClientIfStale(): void {
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs > newestChange(clientDir)) return;
  execFileSync(
    process.execPath,
    [path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: projectRoot,
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, which would give a development build of React.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}

/**
 * Loads the Peru network into the test database, then serves the real app (API and built client) on an ephemeral port;
 * `environment` sets what the app reads from it (an upload folder, say).
 */
export async function startExplorer(db: Database, environment: Record<string, string> = {}): Promise<{ server: Server; url: string }> {
  await emptyDatabase(db);
  await applySchema(db);
  await loadDataset(db, readDataset(path.join(projectRoot, 'data', 'peru')));
  const app = createApp({ db, config: loadConfig(environment), logger: pino({ level: 'silent' }), readiness: { ready: true, reason: 'test' } });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * Asks every endpoint the explorer uses once, so Neo4j has planned its queries before the browser starts timing
 * things: the first run of each query on a fresh database takes seconds on a busy two-core machine.
 */
export async function warmUp(url: string): Promise<void> {
  const post = (path: string, body: unknown) =>
    fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const ids = ['organization:shining-path', 'person:abimael-guzman', 'person:david-bazan-arevalo'];
  await Promise.all([
    fetch(`${url}/api/schema`),
    fetch(`${url}/api/search?q=sendero&limit=12`),
    fetch(`${url}/api/nodes/${encodeURIComponent(ids[0]!)}`),
    fetch(`${url}/api/nodes/${encodeURIComponent(ids[0]!)}/neighbours?direction=both&limit=25&skip=0`),
    fetch(`${url}/api/sources/peru-organised-crime`),
    post('/api/subgraph', { ids }),
    post('/api/query', { cypher: 'MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, COUNT { (n)--() } AS degree', params: { ids } }),
    post('/api/query', {
      cypher: 'MATCH (n:Entity) WITH n, COUNT { (n)--() } AS degree ORDER BY degree DESC, n.name LIMIT $limit RETURN n.id AS id, degree',
      params: { limit: 10 },
    }),
    fetch(`${url}/api/paths?from=${encodeURIComponent(ids[1]!)}&to=${encodeURIComponent(ids[2]!)}&maxHops=4&mode=all-shortest`),
  ]);
}

export { launchChromium } from '../support/chromium.js';

/**
 * The explorer at `url` in a fresh browser context. Waits are generous: the machine is shared by parallel builds and
 * test databases, and a slow answer is not a failure. Page errors go to the test's output.
 */
export async function openExplorerPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  await page.goto(url);
  return { context, page };
}

/**
 * Saves a screenshot to tests/artifacts; with NEXO_UPDATE_SCREENSHOTS=1 the ones marked for the README are also
 * copied to docs/screenshots (opt-in, so ordinary runs leave the committed images alone).
 */
export async function screenshot(page: Page, name: string, options: { readme?: boolean } = {}): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file });
  if (options.readme && process.env.NEXO_UPDATE_SCREENSHOTS === '1') {
    const docs = path.join(projectRoot, 'docs', 'screenshots');
    mkdirSync(docs, { recursive: true });
    copyFileSync(file, path.join(docs, `${name}.png`));
  }
  return file;
}

/** The ids of the nodes and edges in the explorer's view, through its test hook. */
export function canvasIds(page: Page): Promise<{ nodes: string[]; edges: string[] }> {
  return page.evaluate(() => ({ nodes: window.__nexo!.nodeIds().sort(), edges: window.__nexo!.edgeIds().sort() }));
}

/**
 * Where a node is drawn on the page, so a test can click it like a person: once it has stayed put for 300 ms, so that
 * a layout or settle animation still running on a busy machine does not move it from under the pointer.
 */
export async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  await page.waitForFunction((nodeId) => window.__nexo?.pagePosition(nodeId) !== undefined, id);
  const read = () => page.evaluate((nodeId) => window.__nexo!.pagePosition(nodeId)!, id);
  let point = await read();
  let still = 0;
  const deadline = Date.now() + 15_000;
  while (still < 3 && Date.now() < deadline) {
    await page.waitForTimeout(100);
    const next = await read();
    still = Math.abs(next.x - point.x) < 0.5 && Math.abs(next.y - point.y) < 0.5 ? still + 1 : 0;
    point = next;
  }
  return point;
}

/** Polls `check` every 100 ms until it holds, failing with `what` after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
