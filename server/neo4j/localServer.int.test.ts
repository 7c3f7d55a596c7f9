import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../projectRoot.js';
import { LocalNeo4jError, startLocalNeo4j } from './localServer.js';

// Ports and stores of their own, so these tests never touch the test run's shared database.
const PORT = Number(process.env.NEXO_TEST_NEO4J_PORT ?? 7688) + 100;
const settings = { boltPort: PORT, storeDir: path.join('.data', `neo4j-lifecycle-${PORT}`), heap: '1g', pageCacheMb: 64 };
const quiet = (): void => undefined;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

// Each test starts a JVM: allow for a slow, shared machine.
const JVM_TEST_TIMEOUT_MS = 240_000;

describe('the local Neo4j server', () => {
  const originalJavaHome = process.env.JAVA_HOME;
  afterEach(() => {
    if (originalJavaHome === undefined) delete process.env.JAVA_HOME;
    else process.env.JAVA_HOME = originalJavaHome;
  });

  it(
    'starts, answers Bolt, stops cleanly and frees its port',
    async () => {
      const server = await startLocalNeo4j(settings, quiet);
      expect(server.uri).toBe(`bolt://127.0.0.1:${PORT}`);
      expect(await portIsFree(PORT)).toBe(false);
      await server.stop();
      expect(await portIsFree(PORT)).toBe(true);
    },
    JVM_TEST_TIMEOUT_MS,
  );

  it(
    'says plainly that the port is taken, naming the variable to change',
    async () => {
      const blocker = net.createServer();
      await new Promise<void>((resolve) => blocker.listen(PORT, '127.0.0.1', () => resolve()));
      try {
        await expect(startLocalNeo4j(settings, quiet)).rejects.toThrow(/Port \d+ on 127\.0\.0\.1 is already in use.*NEXO_NEO4J_BOLT_PORT/);
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
    },
    JVM_TEST_TIMEOUT_MS,
  );

  it(
    'names the alternatives in one line when Java is missing',
    async () => {
      process.env.JAVA_HOME = '/nonexistent-java-home';
      const failure = startLocalNeo4j(settings, quiet);
      await expect(failure).rejects.toBeInstanceOf(LocalNeo4jError);
      await expect(failure).rejects.toThrow(/Java 17 or newer.*NEO4J_URI.*docker compose/);
    },
    JVM_TEST_TIMEOUT_MS,
  );

  it(
    'stops when its Node parent is killed, leaving no lock behind for the next start',
    async () => {
      const parent = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(projectRoot, 'tests', 'support', 'runLocalNeo4j.ts'), String(PORT), settings.storeDir],
        { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const lines = readline.createInterface({ input: parent.stdout! });
      await new Promise<void>((resolve, reject) => {
        lines.on('line', (line) => line.startsWith('ready') && resolve());
        parent.once('exit', (code) => reject(new Error(`parent exited early with ${code}`)));
      });
      parent.kill('SIGKILL');
      expect(await waitUntil(() => portIsFree(PORT), 60_000)).toBe(true);
      const again = await startLocalNeo4j(settings, quiet);
      await again.stop();
    },
    JVM_TEST_TIMEOUT_MS,
  );
});
