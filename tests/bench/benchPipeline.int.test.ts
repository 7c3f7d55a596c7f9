import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { runBench } from '../../bench/pipeline.js';
import { projectRoot } from '../../server/projectRoot.js';

// A smoke run of `npm run bench` at its smallest: proves the pipeline (generator, both imports, API and raw loops,
// UI in Chromium) works from a clean checkout. It asserts what was measured, never how fast.
const testPort = Number(process.env.NEXO_TEST_NEO4J_PORT ?? 7688);
const storeDir = `.data/bench-smoke-${testPort}`;

afterAll(() => rmSync(path.resolve(projectRoot, storeDir), { recursive: true, force: true }));

describe('npm run bench, smallest size', () => {
  it('imports a generated graph both ways, measures every API scenario and its raw Cypher, and the UI', async () => {
    const report = await runBench({
      sizes: [2000],
      seconds: 1,
      connections: 2,
      uiCounts: [300],
      // Ports beside the test database's, so parallel checkouts with their own test port do not collide.
      boltPort: testPort + 40,
      apiPort: testPort + 41,
      storeDir,
      heap: '1g',
      reuseStores: false,
      log: () => undefined,
    });
    const [size] = report.results;
    expect(size!.relationships).toBe(2000);
    expect(size!.nodes).toBeGreaterThan(0);
    expect(size!.import!.serviceRelationshipsPerSecond).toBeGreaterThan(0);
    expect(size!.import!.rawRelationshipsPerSecond).toBeGreaterThan(0);
    expect(size!.import!.importPeakMiB).toBeGreaterThan(0);
    expect(size!.import!.neo4jPeakMiB).toBeGreaterThan(0);
    expect(size!.import!.neo4jCpuMsPerThousand).toBeGreaterThan(0);
    expect(size!.hub.degree).toBeGreaterThan(100);
    expect(size!.pathPairs.measured).toBeGreaterThan(0);
    expect(size!.api.map((row) => row.scenario)).toEqual(['search', 'node details', 'neighbours (ordinary)', 'neighbours (top hub)', 'shortest path']);
    for (const row of size!.api) {
      expect(row.api.errors, row.scenario).toBe(0);
      expect(row.raw.errors, row.scenario).toBe(0);
      expect(row.api.p50, row.scenario).toBeGreaterThan(0);
      expect(row.raw.p50, row.scenario).toBeGreaterThan(0);
      expect(row.p50Ratio, row.scenario).toBe(Math.round((row.api.p50 / row.raw.p50) * 100) / 100);
      // Every process measured did some work for the requests; how much is the bench's business, not the test's.
      expect(row.api.cpuMsPerRequest.server, row.scenario).toBeGreaterThan(0);
      expect(row.raw.cpuMsPerRequest.client, row.scenario).toBeGreaterThan(0);
    }
    expect(report.ui).toHaveLength(1);
    expect(report.ui[0]).toMatchObject({ elements: 300, nodes: 120 });
    expect(report.ui[0]).not.toHaveProperty('error');
    expect(report.ui[0]).toHaveProperty('reopenMs');
  }, 600_000);
});
