import autocannon from 'autocannon';
import { request } from 'node:http';
import path from 'node:path';
import { readDataset } from '../server/features/load/dataset.js';
import { projectRoot } from '../server/projectRoot.js';
import { startServerProcess } from './support/serverProcess.js';

// npm run soak: a bounded mixed load (search, node details, neighbours, paths, console) on loopback
// against a server started here with its own Neo4j, while one more client sends the heaviest console statements;
// then a graceful-shutdown check. Exits 1 on any error of the ordinary clients or any 5xx but 503/504 of the heavy one.
const seconds = Number(process.env.SOAK_SECONDS ?? 300);
const connections = Number(process.env.SOAK_CONNECTIONS ?? 8);
/** Node details alone are measured idle and beside the heavy client for this long each. */
const detailsSeconds = Number(process.env.SOAK_DETAILS_SECONDS ?? 20);
/** The heavy client connects from this second loopback address, so the server counts it as a client of its own. */
const heavyAddress = '127.0.0.2';

/** Statements that froze the API or answered 500 before the console ran on worker threads (issue 16). */
const heavyStatements = [
  'RETURN range(1, 10000000) AS l',
  "UNWIND range(1, 1000) AS r RETURN reduce(s = 'x', i IN range(1, 20) | s + s) AS s",
  'MATCH (n:Entity) RETURN collect(n) AS all',
  'CALL db.schema.nodeTypeProperties()',
  'UNWIND range(1, 1000000000000) AS x RETURN count(x)',
];

const peru = readDataset(path.join(projectRoot, 'data', 'peru'));
const ids = peru.nodes.map((node) => node.id);
const words = peru.nodes.flatMap((node) => node.name.split(/\s+/)).filter((word) => word.length >= 4);
const pick = <T>(list: T[], index: number): T => list[index % list.length]!;

/** A fixed, varied request list; autocannon cycles through it on every connection. */
function mixedRequests(): autocannon.Request[] {
  const requests: autocannon.Request[] = [];
  for (let i = 0; i < 200; i++) {
    const id = encodeURIComponent(pick(ids, i * 7));
    switch (i % 5) {
      case 0:
        requests.push({ method: 'GET', path: `/api/search?q=${encodeURIComponent(pick(words, i * 13).slice(0, 5))}` });
        break;
      case 1:
        requests.push({ method: 'GET', path: `/api/nodes/${id}` });
        break;
      case 2:
        requests.push({ method: 'GET', path: `/api/nodes/${id}/neighbours?limit=25` });
        break;
      case 3:
        requests.push({ method: 'GET', path: `/api/paths?from=${id}&to=${encodeURIComponent(pick(ids, i * 11 + 5))}&maxHops=6` });
        break;
      default:
        requests.push({
          method: 'POST',
          path: '/api/query',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ cypher: 'MATCH (n:Entity)-[r]-(m) WHERE n.id = $id RETURN n, r, m LIMIT 20', params: { id: pick(ids, i) } }),
        });
    }
  }
  // A pair with the same ends would be a 400 by contract: keep the load free of expected errors.
  return requests.filter((request) => !/from=([^&]+)&to=\1&/.test(request.path ?? ''));
}

/** POSTs one console statement from heavyAddress; resolves with the status, or 0 when the request failed. */
function heavyQuery(base: string, cypher: string): Promise<number> {
  const url = new URL('/api/query', base);
  return new Promise((resolve) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: heavyAddress, headers: { 'content-type': 'application/json' } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', () => resolve(0));
    outgoing.end(JSON.stringify({ cypher }));
  });
}

/** Two loops of heavy statements until stopped; returns how often each status came. */
function heavyClient(base: string): { stop: () => Promise<Map<number, number>> } {
  let running = true;
  const statuses = new Map<number, number>();
  const loop = async (offset: number): Promise<void> => {
    for (let i = offset; running; i++) {
      const status = await heavyQuery(base, heavyStatements[i % heavyStatements.length]!);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  const loops = [loop(0), loop(2)];
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return statuses;
    },
  };
}

/** The heavy client's answers are refusals and stops by design; a 500, a 502 or a failed request is an error. */
const heavyErrors = (statuses: Map<number, number>): number =>
  [...statuses].filter(([status]) => status === 0 || (status >= 500 && status !== 503 && status !== 504)).reduce((sum, [, count]) => sum + count, 0);

const detailsRequests = (): autocannon.Request[] => ids.slice(0, 50).map((id) => ({ method: 'GET', path: `/api/nodes/${encodeURIComponent(id)}` }));

const server = await startServerProcess({
  PORT: process.env.SOAK_PORT ?? '3900',
  NEXO_NEO4J_BOLT_PORT: process.env.SOAK_BOLT_PORT ?? '7900',
  NEXO_NEO4J_STORE: '.data/neo4j-soak',
  NEXO_RATE_LIMIT_PER_MINUTE: '100000000',
  // The ordinary connections all come from 127.0.0.1, where they stand for eight users: one console query each, plus
  // the heavy client's two.
  NEXO_CONSOLE_CONCURRENCY_PER_CLIENT: String(connections),
  NEXO_CONSOLE_CONCURRENCY: String(connections + 2),
});
try {
  // Warm up so the start figure is the steady state, not the cold process.
  await autocannon({ url: server.base, connections, duration: 10, requests: mixedRequests() });
  // Node details idle, then beside the heavy client alone: the heavy statements must not slow other users down.
  const detailsIdle = await autocannon({ url: server.base, connections, duration: detailsSeconds, requests: detailsRequests() });
  const heavyBesideDetails = heavyClient(server.base);
  const detailsBusy = await autocannon({ url: server.base, connections, duration: detailsSeconds, requests: detailsRequests() });
  const heavyStatusesBesideDetails = await heavyBesideDetails.stop();

  const rssStart = server.rssMiB();
  console.log(`Soak: ${seconds} s, ${connections} connections, mixed search/details/neighbours/paths/console on ${server.base}`);
  // An RSS series, not just two points, tells a heap that settles from one that keeps growing.
  const rssSeries: number[] = [Math.round(rssStart)];
  const sampler = setInterval(() => rssSeries.push(Math.round(server.rssMiB())), (seconds * 1000) / 10);
  const heavy = heavyClient(server.base);
  const result = await autocannon({ url: server.base, connections, duration: seconds, requests: mixedRequests(), timeout: 30 });
  const heavyStatuses = await heavy.stop();
  for (const [status, count] of heavyStatusesBesideDetails) heavyStatuses.set(status, (heavyStatuses.get(status) ?? 0) + count);
  clearInterval(sampler);
  const rssEnd = server.rssMiB();
  rssSeries.push(Math.round(rssEnd));
  const errors =
    result.errors +
    result.timeouts +
    result.non2xx +
    detailsIdle.errors +
    detailsIdle.non2xx +
    detailsBusy.errors +
    detailsBusy.non2xx +
    heavyErrors(heavyStatuses);

  // Graceful shutdown: slow requests in flight when SIGTERM arrives must still be answered.
  const slow = Array.from({ length: 4 }, () =>
    fetch(`${server.base}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cypher: 'UNWIND range(1, 300000) AS x RETURN count(x) AS n' }),
    }).then(
      (response) => response.status,
      (error: unknown) => `failed: ${String(error)}`,
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  const exitCode = await server.stop();
  const drained = await Promise.all(slow);

  const table = {
    requests: result.requests.total,
    'throughput (req/s)': Math.round(result.requests.average),
    'latency p50 (ms)': result.latency.p50,
    'latency p99 (ms)': result.latency.p99,
    'latency max (ms)': result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    'non-2xx': result.non2xx,
    'node details p99 idle (ms)': detailsIdle.latency.p99,
    'node details p99 beside the heavy client (ms)': detailsBusy.latency.p99,
    'node details errors idle / beside': `${detailsIdle.errors + detailsIdle.non2xx} / ${detailsBusy.errors + detailsBusy.non2xx}`,
    'heavy console answers (status×count)': [...heavyStatuses]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' '),
    'RSS start (MiB)': Math.round(rssStart),
    'RSS end (MiB)': Math.round(rssEnd),
    'RSS growth (%)': Math.round(((rssEnd - rssStart) / rssStart) * 100),
    'RSS every tenth (MiB)': rssSeries.join(' '),
    'in-flight at SIGTERM': drained.join(', '),
    'server exit code': exitCode,
  };
  console.table(table);
  const failed = errors > 0 || drained.some((status) => status !== 200) || exitCode !== 0;
  console.log(failed ? 'Soak FAILED' : 'Soak passed: zero errors, in-flight requests drained, clean exit.');
  process.exitCode = failed ? 1 : 0;
} catch (error) {
  await server.stop();
  throw error;
}
