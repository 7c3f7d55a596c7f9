import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../server/config.js';
import { cypherFile } from '../server/cypher.js';
import { applySchema } from '../server/features/load/load.service.js';
import { fillCypherTemplate } from '../server/neo4j/cypherIdentifiers.js';
import { startLocalNeo4j } from '../server/neo4j/localServer.js';
import { projectRoot } from '../server/projectRoot.js';
import { measureApi, measurePair, scenarios, type CpuLatency } from './apiLatency.js';
import { seededRandom } from '../server/features/analysis/engine/random.js';
import { generate } from './generate.js';
import { rawImport, serviceImport } from './importRate.js';
import { cpuShares, monotonicMicros, type CpuShare } from './support/cpuProfile.js';
import { startServerProcess } from './support/serverProcess.js';
import { deleteDataset, scopedId } from '../server/features/datasets/datasets.service.js';
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
  /** Neo4j heap: the import writes batches of their own transactions, so the default (4g) takes 10^7 relationships. */
  heap: string;
  /**
   * Keep each size's imported store (`<storeDir>-<relationships>`) and, when it is already there, measure the API on it
   * without importing again: for working on the API figures; the import columns of such a size are empty.
   */
  reuseStores: boolean;
  log: (message: string) => void;
}

const SEED = 42;
/** Sizes above this are imported by the service only (BENCH_SIZES=10000000 for 10^7). */
const RAW_LOOP_MAX_RELATIONSHIPS = 1_000_000;
const BENCH_DATASET = 'bench';
const WARM_UP_DATASET = 'bench-warm-up';
/**
 * Each server imports a graph of this many relationships first (at most the measured size), which is then deleted,
 * so that the timed import meets a JVM that has imported before, as a running server has: on a fresh JVM the 10^6
 * import cost Neo4j 73 ms of CPU per 1,000 relationships, on the same server a second time 41 (2026-12-01, quiet).
 */
const WARM_UP_RELATIONSHIPS = 100_000;
/**
 * Warm-up of each side before a scenario is timed: 1.5 times its measured time, at most 15 s (the pipeline test runs
 * 1 s measurements). Neo4j's JIT takes a while to settle on a new kind of request: at 10^6 on a machine at load 12, a
 * raw search's Neo4j CPU fell from 5.8 to 2.1 ms over 100 s of them; 2 s of warm-up left most of that to the side
 * timed first.
 */
const MAX_WARM_UP_SECONDS = 15;

export interface SizeResult {
  relationships: number;
  nodes: number;
  /** Null when the store of an earlier run was reused (BENCH_REUSE_STORES). */
  import: {
    serviceRelationshipsPerSecond: number;
    /** Null past RAW_LOOP_MAX_RELATIONSHIPS. */
    rawRelationshipsPerSecond: number | null;
    ratio: number | null;
    serviceTotalMs: number;
    /** Peak resident memory of the import's own process and of Neo4j's JVM during the import (VmHWM), MiB. */
    importPeakMiB: number;
    neo4jPeakMiB: number;
    /** CPU time of either process over the whole import (validation, writes, commit), per 1,000 relationships, ms. */
    importCpuMsPerThousand: number;
    neo4jCpuMsPerThousand: number;
  } | null;
  api: { scenario: string; api: CpuLatency; raw: CpuLatency; p50Ratio: number }[];
  hub: { id: string; degree: number };
  /** Where the API server's CPU went for node details: a V8 profile of its own run, split by the code that ran. */
  profile: { scenario: string; requests: number; busyMsPerRequest: number; shares: CpuShare[] };
  /** Person pairs the path scenario cycles through, and drawn pairs left out because their search hit the time limit. */
  pathPairs: { measured: number; overTimeLimit: number };
  analysis?: AnalysisResult;
}

type BenchDb = { driver: Driver; name: string; neo4jPid: number; uri: string };

/** A fresh store and server for one import (so neither import finds the other's pages warm), or the kept store when reused. */
async function withNeo4j<T>(options: BenchOptions, storeDir: string, fresh: boolean, work: (db: BenchDb) => Promise<T>): Promise<T> {
  if (fresh) rmSync(path.resolve(projectRoot, storeDir), { recursive: true, force: true });
  const server = await startLocalNeo4j({ ...neo4jSettings(options), storeDir }, options.log);
  const driver = neo4j.driver(server.uri);
  try {
    return await work({ driver, name: 'neo4j', neo4jPid: server.pid()!, uri: server.uri });
  } finally {
    await driver.close();
    await server.stop();
  }
}

/** The generated graph of this size (seed 42), written first when it is not there yet. */
async function generated(relationships: number, log: (message: string) => void): Promise<string> {
  const folder = path.join(projectRoot, '.data', 'generated', `${relationships}-${SEED}`);
  if (!existsSync(path.join(folder, 'persons.csv'))) {
    log(`generating ${relationships} relationships into ${path.relative(projectRoot, folder)}`);
    mkdirSync(folder, { recursive: true });
    await generate(relationships, SEED, folder);
  }
  return folder;
}

/** Empties the raw loop's store after its warm-up (its nodes' __nexo_id would collide with the timed run's). */
async function deleteEverything(db: BenchDb): Promise<void> {
  const session = db.driver.session({ database: db.name });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
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
  const folder = await generated(relationships, log);
  const warmUpFolder = await generated(Math.min(relationships, WARM_UP_RELATIONSHIPS), log);

  const keptStore = `${options.storeDir}-${relationships}`;
  const reuse = options.reuseStores && existsSync(path.resolve(projectRoot, keptStore, 'imported'));
  // The raw loop holds every generated row in memory: past 10^6 relationships it would measure the bench's heap.
  const raw =
    reuse || relationships > RAW_LOOP_MAX_RELATIONSHIPS
      ? undefined
      : await withNeo4j(options, options.storeDir, true, async (db) => {
          log(`${relationships}: raw driver loop (after a warm-up on ${path.basename(warmUpFolder)})`);
          await applySchema(db);
          await rawImport(db, warmUpFolder);
          await deleteEverything(db);
          return rawImport(db, folder);
        });

  log(`${relationships}: ${reuse ? `reusing ${keptStore}` : 'import service'}, then API latency`);
  return withNeo4j(options, options.reuseStores ? keptStore : options.storeDir, !reuse, async (db) => {
    let imported: SizeResult['import'] = null;
    let nodes: number;
    if (!reuse) {
      await applySchema(db);
      await serviceImport(warmUpFolder, db.uri, db.neo4jPid, WARM_UP_DATASET);
      await deleteDataset(db, WARM_UP_DATASET);
      const service = await serviceImport(folder, db.uri, db.neo4jPid, BENCH_DATASET);
      const outcome = service.outcome;
      const serviceRate = perSecond(outcome.relationships, outcome.relationshipWriteMs);
      const rawRate = raw ? perSecond(raw.relationships, raw.relationshipWriteMs) : null;
      const perThousand = (ms: number): number => round2((ms / outcome.relationships) * 1000);
      imported = {
        serviceRelationshipsPerSecond: serviceRate,
        rawRelationshipsPerSecond: rawRate,
        ratio: rawRate === null ? null : round2(serviceRate / rawRate),
        serviceTotalMs: Math.round(service.totalMs),
        importPeakMiB: service.importPeakMiB,
        neo4jPeakMiB: service.neo4jPeakMiB,
        importCpuMsPerThousand: perThousand(service.importCpuMs),
        neo4jCpuMsPerThousand: perThousand(service.neo4jCpuMs),
      };
      nodes = outcome.nodes;
      if (options.reuseStores) writeFileSync(path.resolve(projectRoot, keptStore, 'imported'), `${nodes}\n`);
    } else {
      nodes = Number(readFileSync(path.resolve(projectRoot, keptStore, 'imported'), 'utf8'));
    }

    const hubRecord = (
      await db.driver.executeQuery(
        'MATCH (n:Entity) RETURN n.__nexo_id AS id, COUNT { (n)--() } AS degree ORDER BY degree DESC LIMIT 1',
        {},
        {
          database: db.name,
        },
      )
    ).records[0]!;
    const hub = { id: hubRecord.get('id') as string, degree: Number(hubRecord.get('degree')) };
    const inputs = await pickInputs(db, relationships, hub.id, timeoutMs);

    const serverEnv = {
      NEO4J_URI: `bolt://127.0.0.1:${options.boltPort}`,
      PORT: String(options.apiPort),
      NEXO_RATE_LIMIT_PER_MINUTE: '100000000',
      NEXO_LOAD_ON_START: 'never',
      // An analysis at 10^6 (projection read, then sampled betweenness) outlasts the default 5 s request limit on a
      // busy machine; the latency scenarios' path pairs are picked under the default limit, so nothing else changes.
      ...(options.analysis !== false ? { QUERY_TIMEOUT_MS: '120000' } : {}),
    };
    // Before the server starts: a failure here (a cold store's first query over the time limit) must not leave it running.
    const measured = await scenarios(db, inputs, timeoutMs);
    const server = await startServerProcess(serverEnv);
    const api: SizeResult['api'] = [];
    let analysis: AnalysisResult | undefined;
    const details = measured.find((scenario) => scenario.name === 'node details')!;
    try {
      for (const scenario of measured) {
        log(`${relationships}: ${scenario.name}`);
        // No person pair within the time limit (a heavily loaded machine): nothing to measure, and autocannon fails on no requests.
        if (scenario.paths.length === 0) {
          log(`${relationships}: ${scenario.name} skipped, no inputs`);
          continue;
        }
        // Both paths warmed (plan cache, JIT, page cache), then timed in alternating slices (measurePair).
        const pair = await measurePair(server, db, scenario, { connections, seconds, warmUpSeconds: Math.min(MAX_WARM_UP_SECONDS, seconds * 1.5), timeoutMs });
        api.push({ scenario: scenario.name, api: pair.api, raw: pair.raw, p50Ratio: round2(pair.api.p50 / pair.raw.p50) });
      }
      if (options.analysis !== false)
        analysis = await measureAnalysis(server, details, {
          connections,
          seconds,
          neo4jPid: db.neo4jPid,
          log: (m) => log(`${relationships}: ${m}`),
        });
    } finally {
      await server.stop();
    }
    // Profiled in a server of its own: the profiler's sampling slows the server it watches.
    log(`${relationships}: CPU profile of node details`);
    const profileDir = mkdtempSync(path.join(os.tmpdir(), 'nexo-bench-profile-'));
    const profiled = await startServerProcess(serverEnv, undefined, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
    let profiledRequests: number;
    let from: number;
    let to: number;
    try {
      await measureApi(profiled.base, details, connections, 2);
      from = monotonicMicros();
      profiledRequests = (await measureApi(profiled.base, details, connections, seconds)).requests;
      to = monotonicMicros();
    } finally {
      await profiled.stop();
    }
    // Only the samples of the measured run: start-up, warm-up and shutdown are in the profile too.
    const { busyMs, shares } = cpuShares(profileDir, from, to);
    rmSync(profileDir, { recursive: true, force: true });
    const profile = { scenario: details.name, requests: profiledRequests, busyMsPerRequest: round2(busyMs / profiledRequests), shares };
    return {
      relationships,
      nodes,
      import: imported,
      api,
      profile,
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
  // The API's ids are the generated ones scoped to the bench's dataset (datasets.service.ts).
  const personId = () => scopedId(BENCH_DATASET, `Person:p${Math.floor(random() * persons)}`);
  const candidates = Array.from({ length: 200 }, personId);
  const { records } = await db.driver.executeQuery(
    'UNWIND $ids AS id MATCH (n:Entity {__nexo_id: id}) WHERE COUNT { (n)--() } > 0 RETURN n.__nexo_id AS id, n.name AS name',
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
      const found = await session.executeRead((tx) => tx.run(shortest, { from, to, datasets: [BENCH_DATASET] }), { timeout: timeoutMs });
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
  'neighbours (top hub)': { p50: 10 },
  'shortest path': { p50: 30 },
};

/** The report as three console tables, goals beside the figures. */
export function printTables({ results, ui, settings }: BenchReport): void {
  const { connections } = settings;
  console.log('\nImport (relationships/s of the relationship phase; goal ≥ 50,000/s at 10^6 and ≥ 0.8 × raw loop; 10^7 with the default heap)');
  console.table(
    results.map((result) => ({
      relationships: result.relationships,
      nodes: result.nodes,
      'service rel/s': result.import?.serviceRelationshipsPerSecond ?? 'reused store',
      'raw loop rel/s': result.import?.rawRelationshipsPerSecond,
      'service/raw': result.import?.ratio,
      'service total s': result.import ? round2(result.import.serviceTotalMs / 1000) : undefined,
      'peak MiB import; Neo4j': result.import ? `${result.import.importPeakMiB}; ${result.import.neo4jPeakMiB}` : undefined,
      'CPU ms/1k rel import; Neo4j': result.import ? `${result.import.importCpuMsPerThousand}; ${result.import.neo4jCpuMsPerThousand}` : undefined,
    })),
  );
  console.log(
    `API latency at ${connections} connections, ms (goals: API adds ≤ 1 ms p50 over raw, API/raw p50 ≤ 1.3 where raw ≥ 3 ms); ` +
      'CPU ms per answered request of the API server, of the bench driver on the raw side, and of Neo4j on either',
  );
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
        'API − raw p50': round2(row.api.p50 - row.raw.p50),
        'API server CPU/req': row.api.cpuMsPerRequest.server,
        'raw driver CPU/req': row.raw.cpuMsPerRequest.client,
        'Neo4j CPU/req API; raw': `${row.api.cpuMsPerRequest.neo4j}; ${row.raw.cpuMsPerRequest.neo4j}`,
        goal: `p50 ≤ ${GOALS[row.scenario]!.p50}${GOALS[row.scenario]!.p99 ? `, p99 ≤ ${GOALS[row.scenario]!.p99}` : ''}`,
        errors: row.api.errors + row.raw.errors,
      })),
    ),
  );
  for (const result of results) {
    const { profile } = result;
    console.log(
      `Where the API server's CPU goes, ${result.relationships} relationships, ${profile.scenario}: ${profile.busyMsPerRequest} ms busy per request ` +
        `over ${profile.requests} requests (V8 profile of the server's main thread, self time)`,
    );
    console.table(profile.shares.map((share) => ({ ...share, 'ms/request': round2(share.ms / profile.requests) })));
  }
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
