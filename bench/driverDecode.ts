import neo4j from 'neo4j-driver';
import { createRequire } from 'node:module';

/*
 * npx tsx bench/driverDecode.ts [bolt://127.0.0.1:7687]: how long neo4j-driver takes to receive and decode one row
 * holding a list of n integers, for doubling n. Neo4j builds and sends the list in a fraction of that time
 * (resultAvailableAfter + resultConsumedAfter); the rest is the driver, which reads a message spread over many 64 kB
 * Bolt chunks byte by byte through a buffer that looks its chunk up from the first one each time, so the time grows
 * with the square of n. This is why the console decodes on worker threads (server/features/console/console.workers.ts).
 */
const uri = process.argv[2] ?? 'bolt://127.0.0.1:7687';
const sizes = [250_000, 500_000, 1_000_000, 2_000_000];
const driverVersion = (createRequire(import.meta.url)('neo4j-driver/package.json') as { version: string }).version;

const driver = neo4j.driver(uri);
try {
  console.log(`neo4j-driver ${driverVersion}, Node ${process.version}, ${uri}`);
  for (const n of sizes) {
    const startedAt = performance.now();
    const { records, summary } = await driver.executeQuery('RETURN range(1, $n) AS l', { n: neo4j.int(n) }, { routing: neo4j.routing.READ });
    const totalMs = performance.now() - startedAt;
    const neo4jMs = summary.resultAvailableAfter.toNumber() + summary.resultConsumedAfter.toNumber();
    const length = (records[0]!.get('l') as unknown[]).length;
    console.log(`${String(length).padStart(9)} integers: ${totalMs.toFixed(0).padStart(6)} ms in all, ${neo4jMs} ms of them in Neo4j`);
  }
} finally {
  await driver.close();
}
