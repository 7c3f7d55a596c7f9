import autocannon from 'autocannon';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { cypherFile } from '../server/cypher.js';
import { prepareNeighbours } from '../server/features/neighbours/neighbours.service.js';
import { prepareNodeDetails } from '../server/features/nodes/nodes.service.js';
import { fillCypherTemplate } from '../server/features/schema/cypherIdentifiers.js';
import { readIndexHits } from '../server/features/search/search.service.js';
import { searchTerms } from '../server/features/search/searchQuery.js';
import type { Database } from '../server/neo4j/database.js';

type Db = Pick<Database, 'driver' | 'name'>;

/** Latency and throughput of one way of asking. */
export interface Latency {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  errors: number;
}

export interface Scenario {
  name: string;
  /** The API requests, cycled through by every connection. */
  paths: string[];
  /** The same Cypher the API's service runs for paths[i], in one read transaction. */
  raw: (tx: ManagedTransaction, index: number) => Promise<unknown>;
}

export interface ScenarioInputs {
  searchTexts: string[];
  ordinaryIds: string[];
  hubId: string;
  pathPairs: [string, string][];
}

/** Defaults the routes apply, so the raw side asks for exactly what the API asks Neo4j. */
const SEARCH_CANDIDATES = 30;
const NEIGHBOURS_LIMIT = 50;
const PATH_SLOTS = { types: '', arrowHead: '', maxHops: '6' };

/** The five scenarios the bench measures, each as API paths and as the services' own Cypher. */
export async function scenarios(db: Db, inputs: ScenarioInputs): Promise<Scenario[]> {
  const readDetails = await prepareNodeDetails(db);
  const neighbours = await prepareNeighbours(db, [], 'both');
  const endpoints = cypherFile('paths/endpoints.cypher');
  const shortest = fillCypherTemplate(cypherFile('paths/shortest.cypher'), PATH_SLOTS);
  const page = (tx: ManagedTransaction, id: string) =>
    tx.run(neighbours.cypher, neighbours.parameters(id, { labels: [], skip: 0, limit: NEIGHBOURS_LIMIT }));
  const id = (index: number) => inputs.ordinaryIds[index % inputs.ordinaryIds.length]!;
  const pair = (index: number) => inputs.pathPairs[index % inputs.pathPairs.length]!;
  const text = (index: number) => inputs.searchTexts[index % inputs.searchTexts.length]!;
  return [
    {
      name: 'search',
      paths: inputs.searchTexts.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
      raw: (tx, index) => readIndexHits(tx, searchTerms(text(index)), [], SEARCH_CANDIDATES),
    },
    {
      name: 'node details',
      paths: inputs.ordinaryIds.map((node) => `/api/nodes/${encodeURIComponent(node)}`),
      raw: (tx, index) => readDetails(tx, id(index)),
    },
    {
      name: 'neighbours (ordinary)',
      paths: inputs.ordinaryIds.map((node) => `/api/nodes/${encodeURIComponent(node)}/neighbours`),
      raw: (tx, index) => page(tx, id(index)),
    },
    {
      name: 'neighbours (top hub)',
      paths: [`/api/nodes/${encodeURIComponent(inputs.hubId)}/neighbours`],
      raw: (tx) => page(tx, inputs.hubId),
    },
    {
      name: 'shortest path',
      paths: inputs.pathPairs.map(([from, to]) => `/api/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&maxHops=6`),
      raw: async (tx, index) => {
        const [from, to] = pair(index);
        await tx.run(endpoints, { from, to });
        return tx.run(shortest, { from, to });
      },
    },
  ];
}

/** autocannon against the API at `connections`, cycling through the scenario's paths. */
export async function measureApi(base: string, scenario: Scenario, connections: number, seconds: number): Promise<Latency> {
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: scenario.paths.map((path) => ({ method: 'GET' as const, path })),
    timeout: 30,
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    requestsPerSecond: Math.round(result.requests.average),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * The scenario's Cypher through neo4j-driver: `connections` loops, each one read transaction per request, stopped by
 * Neo4j after `timeoutMs` as the API's are (a path search can otherwise run for minutes and hold the loop).
 */
export async function measureRaw(db: Db, scenario: Scenario, connections: number, seconds: number, timeoutMs: number): Promise<Latency> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const index = next++;
      const started = performance.now();
      const session = db.driver.session({ database: db.name, defaultAccessMode: neo4j.session.READ });
      try {
        await session.executeRead((tx) => scenario.raw(tx, index), { timeout: timeoutMs });
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      } finally {
        await session.close();
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN);
  return { p50: at(0.5), p99: at(0.99), requestsPerSecond: Math.round(latencies.length / elapsed), errors };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
