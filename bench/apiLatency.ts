import { visibleDatasets } from '../server/features/datasets/datasets.service.js';
import autocannon from 'autocannon';
import { cypherFile } from '../server/cypher.js';
import { prepareNeighbours } from '../server/features/neighbours/neighbours.service.js';
import { readNodeDetails } from '../server/features/nodes/nodes.service.js';
import { fillCypherTemplate } from '../server/neo4j/cypherIdentifiers.js';
import { findEntities } from '../server/features/search/search.service.js';
import { searchTerms } from '../server/features/search/searchQuery.js';
import { timedRead, type StatementRunner } from '../server/neo4j/timedRead.js';
import type { Database } from '../server/neo4j/database.js';
import { processCpuMs } from './support/processCpu.js';

type Db = Pick<Database, 'driver' | 'name'>;

/** Latency and throughput of one way of asking. */
export interface Latency {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  /** Answered requests, the divisor of the CPU figures. */
  requests: number;
  errors: number;
}

export interface Scenario {
  name: string;
  /** The API requests, cycled through by every connection. */
  paths: string[];
  /** The same Cypher the API's service runs for paths[i], the same way: auto-commit statements or one transaction. */
  raw: (tx: StatementRunner, index: number) => Promise<unknown>;
  /** True where the service runs its statements in auto-commit transactions (timedRead's autoCommit option). */
  autoCommit: boolean;
}

export interface ScenarioInputs {
  searchTexts: string[];
  ordinaryIds: string[];
  hubId: string;
  pathPairs: [string, string][];
}

/** Defaults the routes apply, so the raw side asks for exactly what the API asks Neo4j. */
const SEARCH_LIMIT = 10;
const NEIGHBOURS_LIMIT = 50;
// No avoid options: the API's default search, whose exclusions slot is empty.
const PATH_SLOTS = { types: '', arrowHead: '', maxHops: '6', exclusions: '' };

/** The five scenarios the bench measures, each as API paths and as the services' own Cypher. */
export async function scenarios(db: Db, inputs: ScenarioInputs, timeoutMs: number): Promise<Scenario[]> {
  const readDetails = readNodeDetails(db, timeoutMs);
  const datasets = await visibleDatasets(db, [], timeoutMs);
  const neighbours = prepareNeighbours(db, [], 'both', timeoutMs);
  const endpoints = cypherFile('paths/endpoints.cypher');
  const shortest = fillCypherTemplate(cypherFile('paths/shortest.cypher'), PATH_SLOTS);
  const page = async (tx: StatementRunner, id: string) => {
    const paging = { skip: 0, limit: NEIGHBOURS_LIMIT };
    const record = (await tx.run(neighbours.cypher, neighbours.parameters(id, { ...paging, labels: [], datasets }))).records[0]!;
    return neighbours.read(tx, id, record, paging);
  };
  const id = (index: number) => inputs.ordinaryIds[index % inputs.ordinaryIds.length]!;
  const pair = (index: number) => inputs.pathPairs[index % inputs.pathPairs.length]!;
  const text = (index: number) => inputs.searchTexts[index % inputs.searchTexts.length]!;
  return [
    {
      name: 'search',
      paths: inputs.searchTexts.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
      raw: (tx, index) => findEntities(tx, searchTerms(text(index)), { limit: SEARCH_LIMIT, labels: [], datasets }),
      autoCommit: true,
    },
    {
      name: 'node details',
      paths: inputs.ordinaryIds.map((node) => `/api/nodes/${encodeURIComponent(node)}`),
      raw: (tx, index) => readDetails(tx, id(index), datasets),
      autoCommit: true,
    },
    {
      name: 'neighbours (ordinary)',
      paths: inputs.ordinaryIds.map((node) => `/api/nodes/${encodeURIComponent(node)}/neighbours`),
      raw: (tx, index) => page(tx, id(index)),
      autoCommit: true,
    },
    {
      name: 'neighbours (top hub)',
      paths: [`/api/nodes/${encodeURIComponent(inputs.hubId)}/neighbours`],
      raw: (tx) => page(tx, inputs.hubId),
      autoCommit: true,
    },
    {
      name: 'shortest path',
      paths: inputs.pathPairs.map(([from, to]) => `/api/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&maxHops=6`),
      raw: async (tx, index) => {
        const [from, to] = pair(index);
        await tx.run(endpoints, { from, to, datasets });
        return tx.run(shortest, { from, to, datasets });
      },
      autoCommit: false,
    },
  ];
}

/**
 * A measurement with no answer in it says nothing: on a loaded machine a one-second run can end before the first answer
 * (autocannon drops the requests still in flight), so every measurement goes on until it holds at least this many.
 */
const MIN_SAMPLES = 5;

/** Each answer's time and the failures of one run. */
interface Samples {
  latencies: number[];
  errors: number;
  /** Wall time of the run, the divisor of requests per second. */
  seconds: number;
}

/**
 * autocannon against the API at `connections`, cycling through the scenario's paths, for `seconds` and then, if too few
 * answers came back, for as many more requests as are missing. Percentiles come from each response's own time:
 * autocannon's histogram keeps whole milliseconds, too coarse for 1-2 ms answers.
 */
export async function measureApi(base: string, scenario: Scenario, connections: number, seconds: number): Promise<Latency> {
  return summarise(await sampleApi(base, scenario, connections, seconds));
}

async function sampleApi(base: string, scenario: Scenario, connections: number, seconds: number): Promise<Samples> {
  const latencies: number[] = [];
  const requests = scenario.paths.map((path) => ({ method: 'GET' as const, path }));
  const run = (limit: { duration: number } | { amount: number }) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url: base, connections, requests, timeout: 30, ...limit }, (error, finished) =>
        error ? reject(error) : resolve(finished),
      );
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode < 300) latencies.push(responseTime);
      });
    });
  const started = performance.now();
  const timed = await run({ duration: seconds });
  let errors = timed.errors + timed.timeouts + timed.non2xx;
  if (latencies.length < MIN_SAMPLES) {
    const topUp = await run({ amount: Math.max(connections, MIN_SAMPLES - latencies.length) });
    errors += topUp.errors + topUp.timeouts + topUp.non2xx;
  }
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

/**
 * The scenario's Cypher through neo4j-driver: `connections` loops, each request read as the service reads it, stopped by
 * Neo4j after `timeoutMs` as the API's are (a path search can otherwise run for minutes and hold the loop).
 */
export async function measureRaw(db: Db, scenario: Scenario, connections: number, seconds: number, timeoutMs: number): Promise<Latency> {
  return summarise(await sampleRaw(db, scenario, connections, seconds, timeoutMs));
}

async function sampleRaw(db: Db, scenario: Scenario, connections: number, seconds: number, timeoutMs: number): Promise<Samples> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline || latencies.length + errors < MIN_SAMPLES) {
      const index = next++;
      const started = performance.now();
      try {
        await timedRead(db, timeoutMs, (tx) => scenario.raw(tx, index), { autoCommit: scenario.autoCommit });
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

/** Latency with the CPU each process spent per answered request: the API server or the bench's driver, and Neo4j. */
export type CpuLatency = Latency & { cpuMsPerRequest: Record<string, number> };

/** Slices of each side per measurement, taken API, raw, raw, API, API, raw, raw, API. */
const SLICES = 4;

/**
 * The API and the raw driver on one scenario, `seconds` each, after `warmUpSeconds` of each (in two turns). Neo4j's
 * JIT keeps warming for a minute or more of a new kind of request, so the side measured first paid for it: the API's
 * search cost Neo4j 11 ms per request against the raw side's 4.4 ms for the same statements, measured right after.
 * Taken in alternating slices (ABBA), what drift remains weighs on both sides alike. CPU is per answered request over
 * all slices.
 */
export async function measurePair(
  api: { base: string; pid: number },
  db: Db & { neo4jPid: number },
  scenario: Scenario,
  options: { connections: number; seconds: number; warmUpSeconds: number; timeoutMs: number },
): Promise<{ api: CpuLatency; raw: CpuLatency }> {
  const { connections, seconds, timeoutMs } = options;
  for (let half = 0; half < 2; half++) {
    await sampleApi(api.base, scenario, connections, options.warmUpSeconds / 2);
    await sampleRaw(db, scenario, connections, options.warmUpSeconds / 2, timeoutMs);
  }
  const sides = {
    api: { pids: { server: api.pid, neo4j: db.neo4jPid }, run: (s: number) => sampleApi(api.base, scenario, connections, s) },
    raw: { pids: { client: process.pid, neo4j: db.neo4jPid }, run: (s: number) => sampleRaw(db, scenario, connections, s, timeoutMs) },
  };
  const totals = {
    api: { samples: { latencies: [] as number[], errors: 0, seconds: 0 }, cpuMs: {} as Record<string, number> },
    raw: { samples: { latencies: [] as number[], errors: 0, seconds: 0 }, cpuMs: {} as Record<string, number> },
  };
  for (let slice = 0; slice < SLICES * 2; slice++) {
    const side = slice % 4 === 0 || slice % 4 === 3 ? 'api' : 'raw';
    const { pids, run } = sides[side];
    const before = Object.entries(pids).map(([name, pid]) => [name, processCpuMs(pid)] as const);
    const samples = await run(seconds / SLICES);
    const total = totals[side];
    for (const [name, cpuMs] of before) total.cpuMs[name] = (total.cpuMs[name] ?? 0) + processCpuMs(pids[name as keyof typeof pids]) - cpuMs;
    total.samples.latencies.push(...samples.latencies);
    total.samples.errors += samples.errors;
    total.samples.seconds += samples.seconds;
  }
  const result = (side: 'api' | 'raw'): CpuLatency => {
    const { samples, cpuMs } = totals[side];
    const latency = summarise(samples);
    const perRequest = (ms: number) => Math.round((ms / Math.max(latency.requests, 1)) * 1000) / 1000;
    return { ...latency, cpuMsPerRequest: Object.fromEntries(Object.entries(cpuMs).map(([name, ms]) => [name, perRequest(ms)])) };
  };
  return { api: result('api'), raw: result('raw') };
}

function summarise({ latencies, errors, seconds }: Samples): Latency {
  return { ...percentiles(latencies), requestsPerSecond: Math.round(latencies.length / Math.max(seconds, 1e-3)), requests: latencies.length, errors };
}

function percentiles(latencies: number[]): { p50: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN);
  return { p50: at(0.5), p99: at(0.99) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
