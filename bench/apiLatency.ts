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

/**
 * autocannon against the API at `connections`, cycling through the scenario's paths, for `seconds` and then, if too few
 * answers came back, for as many more requests as are missing. Percentiles come from each response's own time:
 * autocannon's histogram keeps whole milliseconds, too coarse for 1-2 ms answers.
 */
export async function measureApi(base: string, scenario: Scenario, connections: number, seconds: number): Promise<Latency> {
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
  const timed = await run({ duration: seconds });
  let errors = timed.errors + timed.timeouts + timed.non2xx;
  if (latencies.length < MIN_SAMPLES) {
    const topUp = await run({ amount: Math.max(connections, MIN_SAMPLES - latencies.length) });
    errors += topUp.errors + topUp.timeouts + topUp.non2xx;
  }
  return { ...percentiles(latencies), requestsPerSecond: Math.round(timed.requests.average), requests: latencies.length, errors };
}

/**
 * The scenario's Cypher through neo4j-driver: `connections` loops, each request read as the service reads it, stopped by
 * Neo4j after `timeoutMs` as the API's are (a path search can otherwise run for minutes and hold the loop).
 */
export async function measureRaw(db: Db, scenario: Scenario, connections: number, seconds: number, timeoutMs: number): Promise<Latency> {
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
  const elapsed = (performance.now() - started) / 1000;
  return { ...percentiles(latencies), requestsPerSecond: Math.round(latencies.length / elapsed), requests: latencies.length, errors };
}

function percentiles(latencies: number[]): { p50: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN);
  return { p50: at(0.5), p99: at(0.99) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
