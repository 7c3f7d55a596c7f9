import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../server/config.js';
import { cypherFile } from '../server/cypher.js';
import { importFolder } from '../server/features/import/import.service.js';
import { applySchema } from '../server/features/load/load.service.js';
import { fillCypherTemplate } from '../server/neo4j/cypherIdentifiers.js';
import { startLocalNeo4j } from '../server/neo4j/localServer.js';
import { projectRoot } from '../server/projectRoot.js';
import { measureApi, measureRaw, scenarios, type Latency } from './apiLatency.js';
import { seededRandom } from '../server/features/analysis/engine/random.js';
import { generate } from './generate.js';
import { rawImport } from './importRate.js';
import { startServerProcess } from './support/serverProcess.js';
import { measureUi } from './uiFrames.js';
import { measureAnalysis, printAnalysisTable, type AnalysisResult } from './analysis.js';

// The bench pipeline, one size at a time: generated CSVs, the raw driver loop and the import service each into a fresh
// store, then the API and the same Cypher run raw at one concurrency; then the UI in headless Chromium.

export interface BenchOptions {
  /** Relationships per generated graph. */
  sizes: number[];
  /** Seconds per latency measurement (after 2 s of warm-up). */
  seconds: number;
  connections: number;
  /** Elements on the canvas per UI measurement; [] skips the UI. */
  uiCounts: number[];
  /** Whether to time the analysis measures at each size (bench/analysis.ts). */
  analysis?: boolean;
  boltPort: number;
  apiPort: number;
  /** The bench's own store, wiped before each import. */
  storeDir: string;
  /** Neo4j heap: the import service writes one transaction, so 10^6 relationships need several GB. */
  heap: string;
  log: (message: string) => void;
}

const SEED = 42;

export interface SizeResult {
  relationships: number;
  nodes: number;
  import: { serviceRelationshipsPerSecond: number; rawRelationshipsPerSecond: number; ratio: number; serviceTotalMs: number };
  api: { scenario: string; api: Latency; raw: Latency; p50Ratio: number }[];
  hub: { id: string; degree: number };
  /** Person pairs the path scenario cycles through, and drawn pairs left out because their search hit the time limit. */
  pathPairs: { measured: number; overTimeLimit: number };
  analysis?: AnalysisResult;
}

/** A fresh store and server for one import, so neither import finds the other's pages warm. */
async function withFreshNeo4j<T>(options: BenchOptions, work: (db: { driver: Driver; name: string }) => Promise<T>): Promise<T> {
  rmSync(path.resolve(projectRoot, options.storeDir), { recursive: true, force: true });
  const server = await startLocalNeo4j(neo4jSettings(options), options.log);
  const driver = neo4j.driver(server.uri);
  try {
    return await work({ driver, name: 'neo4j' });
  } finally {
    await driver.close();
    await server.stop();
  }
}

function neo4jSettings(options: BenchOptions) {
  return { boltPort: options.boltPort, storeDir: options.storeDir, heap: options.heap, pageCacheMb: 1024 };
}

const perSecond = (count: number, ms: number): number => Math.round((count / Math.max(ms, 1)) * 1000);

async function benchSize(relationships: number, options: BenchOptions): Promise<SizeResult> {
  const { seconds, connections, log } = options;
  // The API's own query time limit (QUERY_TIMEOUT_MS default), applied to the raw side too.
  const timeoutMs = loadConfig({}).queryTimeoutMs;
  const folder = path.join(projectRoot, '.data', 'generated', `${relationships}-${SEED}`);
  if (!existsSync(path.join(folder, 'persons.csv'))) {
    log(`generating ${relationships} relationships into ${path.relative(projectRoot, folder)}`);
    mkdirSync(folder, { recursive: true });
    await generate(relationships, SEED, folder);
  }

  log(`${relationships}: raw driver loop`);
  const raw = await withFreshNeo4j(options, async (db) => {
    await applySchema(db);
    return rawImport(db, folder);
  });

  log(`${relationships}: import service, then API latency`);
  return withFreshNeo4j(options, async (db) => {
    await applySchema(db);
    const started = performance.now();
    const outcome = await importFolder(db, folder, () => undefined, { id: 'bench', name: 'bench' });
    const serviceTotalMs = performance.now() - started;
    if (outcome.status !== 'imported') throw new Error('the fresh store already had this import');
    const serviceRate = perSecond(outcome.relationships, outcome.relationshipWriteMs);
    const rawRate = perSecond(raw.relationships, raw.relationshipWriteMs);

    const hubRecord = (
      await db.driver.executeQuery('MATCH (n:Entity) RETURN n.id AS id, COUNT { (n)--() } AS degree ORDER BY degree DESC LIMIT 1', {}, { database: db.name })
    ).records[0]!;
    const hub = { id: hubRecord.get('id') as string, degree: Number(hubRecord.get('degree')) };
    const inputs = await pickInputs(db, relationships, hub.id, timeoutMs);

    const server = await startServerProcess({
      NEO4J_URI: `bolt://127.0.0.1:${options.boltPort}`,
      PORT: String(options.apiPort),
      NEXO_RATE_LIMIT_PER_MINUTE: '100000000',
      NEXO_LOAD_ON_START: 'never',
      // An analysis at 10^6 (projection read, then sampled betweenness) outlasts the default 5 s request limit on a
      // busy machine; the latency scenarios' path pairs are picked under the default limit, so nothing else changes.
      ...(options.analysis !== false ? { QUERY_TIMEOUT_MS: '120000' } : {}),
    });
    const api: SizeResult['api'] = [];
    let analysis: AnalysisResult | undefined;
    try {
      const measured = await scenarios(db, inputs, timeoutMs);
      for (const scenario of measured) {
        log(`${relationships}: ${scenario.name}`);
        // Warm both paths (plan cache, JIT, page cache) before timing either.
        await measureApi(server.base, scenario, connections, 2);
        await measureRaw(db, scenario, connections, 2, timeoutMs);
        const apiLatency = await measureApi(server.base, scenario, connections, seconds);
        const rawLatency = await measureRaw(db, scenario, connections, seconds, timeoutMs);
        api.push({ scenario: scenario.name, api: apiLatency, raw: rawLatency, p50Ratio: round2(apiLatency.p50 / rawLatency.p50) });
      }
      const nodeDetails = measured.find((scenario) => scenario.name === 'node details')!;
      if (options.analysis !== false)
        analysis = await measureAnalysis(server, nodeDetails, { connections, seconds, log: (m) => log(`${relationships}: ${m}`) });
    } finally {
      await server.stop();
    }
    return {
      relationships,
      nodes: outcome.nodes,
      import: {
        serviceRelationshipsPerSecond: serviceRate,
        rawRelationshipsPerSecond: rawRate,
        ratio: round2(serviceRate / rawRate),
        serviceTotalMs: Math.round(serviceTotalMs),
      },
      api,
      hub,
      pathPairs: { measured: inputs.pathPairs.length, overTimeLimit: inputs.slowPairs },
      ...(analysis ? { analysis } : {}),
    };
  });
}

/** Seeded picks: persons by their generated ids, their names as search texts, and person pairs at most 6 hops apart. */
async function pickInputs(db: { driver: Driver; name: string }, relationships: number, hubId: string, timeoutMs: number) {
  const random = seededRandom(SEED);
  const persons = Math.max(20, Math.round(relationships / 4));
  const personId = () => `Person:p${Math.floor(random() * persons)}`;
  const candidates = Array.from({ length: 200 }, personId);
  const { records } = await db.driver.executeQuery(
    'UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE COUNT { (n)--() } > 0 RETURN n.id AS id, n.name AS name',
    { ids: candidates },
    { database: db.name },
  );
  const ordinary = records.slice(0, 50);
  const shortest = fillCypherTemplate(cypherFile('paths/shortest.cypher'), { types: '', arrowHead: '', maxHops: '6', exclusions: '' });
  const pathPairs: [string, string][] = [];
  let slowPairs = 0;
  for (let attempt = 0; attempt < 300 && pathPairs.length < 30; attempt += 1) {
    const from = personId();
    const to = personId();
    if (from === to) continue;
    // A pair whose search outlasts the API's time limit would measure 504s, not paths: left out, and counted.
    const session = db.driver.session({ database: db.name, defaultAccessMode: neo4j.session.READ });
    try {
      const found = await session.executeRead((tx) => tx.run(shortest, { from, to }), { timeout: timeoutMs });
      if (found.records.length > 0) pathPairs.push([from, to]);
    } catch {
      slowPairs += 1;
    } finally {
      await session.close();
    }
  }
  return {
    ordinaryIds: ordinary.map((record) => record.get('id') as string),
    searchTexts: ordinary.map((record) => record.get('name') as string),
    hubId,
    pathPairs,
    slowPairs,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export const GOALS: Record<string, { p50: number; p99?: number }> = {
  search: { p50: 10 },
  'node details': { p50: 5, p99: 25 },
  'neighbours (ordinary)': { p50: 5, p99: 25 },
  'neighbours (top hub)': { p50: 5, p99: 25 },
  'shortest path': { p50: 30 },
};

/** The report as three console tables, goals beside the figures. */
export function printTables({ results, ui, settings }: BenchReport): void {
  const { connections } = settings;
  console.log('\nImport (relationships/s; goal ≥ 50,000/s and ≥ 0.8 × raw loop)');
  console.table(
    results.map((result) => ({
      relationships: result.relationships,
      nodes: result.nodes,
      'service rel/s': result.import.serviceRelationshipsPerSecond,
      'raw loop rel/s': result.import.rawRelationshipsPerSecond,
      'service/raw': result.import.ratio,
      'service total s': round2(result.import.serviceTotalMs / 1000),
    })),
  );
  console.log(`API latency at ${connections} connections, ms (goal API/raw p50 ≤ 1.3)`);
  console.table(
    results.flatMap((result) =>
      result.api.map((row) => ({
        relationships: result.relationships,
        scenario: row.scenario,
        'API p50': row.api.p50,
        'API p99': row.api.p99,
        'API req/s': row.api.requestsPerSecond,
        'raw p50': row.raw.p50,
        'raw p99': row.raw.p99,
        'raw req/s': row.raw.requestsPerSecond,
        'API/raw p50': row.p50Ratio,
        goal: `p50 ≤ ${GOALS[row.scenario]!.p50}${GOALS[row.scenario]!.p99 ? `, p99 ≤ ${GOALS[row.scenario]!.p99}` : ''}`,
        errors: row.api.errors + row.raw.errors,
      })),
    ),
  );
  printAnalysisTable(results);
  console.log(
    'UI in headless Chromium, default layout (fCoSE, ForceAtlas2 past 500 nodes), canvas renderer, real mouse pan and zoom (goal: 5,000 laid out ≤ 2 s, panned ≥ 30 fps)',
  );
  console.table(ui);
}

/** Runs every size, then the UI; returns the report that bench.ts prints and writes. */
export async function runBench(options: BenchOptions) {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await benchSize(size, options));
  options.log(`UI: ${options.uiCounts.join(', ')} elements`);
  const ui = options.uiCounts.length > 0 ? await measureUi(options.uiCounts, { panMs: 3000, timeoutMs: 300_000 }) : [];
  return {
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine: {
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverageBefore: loadBefore.map(round2),
      loadAverageAfter: os.loadavg().map(round2),
      uptime: execFileSync('uptime', { encoding: 'utf8' }).trim(),
    },
    settings: { sizes: options.sizes, seconds: options.seconds, connections: options.connections, seed: SEED, neo4j: neo4jSettings(options) },
    goals: GOALS,
    results,
    ui,
  };
}

export type BenchReport = Awaited<ReturnType<typeof runBench>>;
