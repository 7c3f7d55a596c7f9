import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, type LocalNeo4jServer } from '../../server/neo4j/localServer.js';
import { projectRoot } from '../../server/projectRoot.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

/**
 * Starts a local Neo4j for the test run on its own port and store (so `npm start` can run beside it),
 * or uses NEXO_TEST_NEO4J_URI. Tests wipe that database: never point it at data you want to keep.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: LocalNeo4jServer | undefined;
  let uri = process.env.NEXO_TEST_NEO4J_URI;
  if (!uri) {
    const port = Number(process.env.NEXO_TEST_NEO4J_PORT ?? 7688);
    const storeDir = path.join('.data', `neo4j-test-${port}`);
    rmSync(path.join(projectRoot, storeDir), { recursive: true, force: true });
    server = await startLocalNeo4j({ boltPort: port, storeDir, heap: process.env.NEXO_NEO4J_HEAP ?? '2g', pageCacheMb: 256 }, (message) =>
      console.log(`[test neo4j] ${message}`),
    );
    uri = server.uri;
  }
  project.provide('neo4jUri', uri);
  return async () => {
    await server?.stop();
  };
}
