import autocannon from 'autocannon';
import path from 'node:path';
import { readDataset } from '../server/features/load/dataset.js';
import { projectRoot } from '../server/projectRoot.js';
import { startServerProcess } from './support/serverProcess.js';

// npm run soak: a bounded mixed load (search, node details, neighbours, paths, console) on loopback
// against a server started here with its own Neo4j; then a graceful-shutdown check. Exits 1 on any error.
const seconds = Number(process.env.SOAK_SECONDS ?? 300);
const connections = Number(process.env.SOAK_CONNECTIONS ?? 8);

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

const server = await startServerProcess({
  PORT: process.env.SOAK_PORT ?? '3900',
  NEXO_NEO4J_BOLT_PORT: process.env.SOAK_BOLT_PORT ?? '7900',
  NEXO_NEO4J_STORE: '.data/neo4j-soak',
  NEXO_RATE_LIMIT_PER_MINUTE: '100000000',
});
try {
  // Warm up so the start figure is the steady state, not the cold process.
  await autocannon({ url: server.base, connections, duration: 10, requests: mixedRequests() });
  const rssStart = server.rssMiB();
  console.log(`Soak: ${seconds} s, ${connections} connections, mixed search/details/neighbours/paths/console on ${server.base}`);
  // An RSS series, not just two points, tells a heap that settles from one that keeps growing.
  const rssSeries: number[] = [Math.round(rssStart)];
  const sampler = setInterval(() => rssSeries.push(Math.round(server.rssMiB())), (seconds * 1000) / 10);
  const result = await autocannon({ url: server.base, connections, duration: seconds, requests: mixedRequests(), timeout: 30 });
  clearInterval(sampler);
  const rssEnd = server.rssMiB();
  rssSeries.push(Math.round(rssEnd));
  const errors = result.errors + result.timeouts + result.non2xx;

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
