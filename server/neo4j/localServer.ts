import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import neo4j from 'neo4j-driver';
import type { LocalNeo4jSettings } from '../config.js';
import { projectRoot } from '../projectRoot.js';

const launcherDir = path.join(projectRoot, 'neo4j');
const classpathFile = path.join(launcherDir, 'target', 'classpath.txt');
const launcherClass = path.join(launcherDir, 'target', 'classes', 'dev', 'nexo', 'neo4j', 'LocalNeo4j.class');
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
const ALTERNATIVES = 'Alternatives: set NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD) to a Neo4j 5+ server you already run, or use `docker compose up`.';

/** A problem with the local server that the user can act on; its message is one readable line. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

/** What happens to a running local server after its start; `restarted` means it answers Bolt again. */
export type LocalNeo4jEvent =
  | { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null }
  | { kind: 'restarting'; attempt: number }
  | { kind: 'restarted'; attempt: number; seconds: number }
  | { kind: 'restart-failed'; attempt: number; reason: string; retryInMs: number };

export interface LocalNeo4jServer {
  uri: string;
  /** The JVM's process id (changes with each restart). */
  pid(): number | undefined;
  /** Hears every exit and restart; the server restarts by itself whether anyone listens or not. */
  onEvent(listener: (event: LocalNeo4jEvent) => void): void;
  stop(): Promise<void>;
}

export type ProgressLog = (message: string) => void;

/** Restarts wait 1 s, 2 s, 4 s … up to this, so a server that cannot start does not spin. */
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * Builds the launcher if needed, starts Neo4j on loopback and resolves once the driver can connect.
 * If the JVM later exits unasked (killed, crashed), it is started again on the same store and port,
 * with back-off, and listeners hear of it. The JVM stops with stop(), with this process, or when this
 * process dies (it watches its stdin).
 */
export async function startLocalNeo4j(settings: LocalNeo4jSettings, log: ProgressLog): Promise<LocalNeo4jServer> {
  const java = javaCommand();
  requireTool(java, ['-version'], 'Java 17 or newer');
  if (!isLauncherBuilt()) {
    requireTool('mvn', ['-v'], 'Apache Maven');
    await buildLauncher(log);
  }
  await requirePortFree(settings.boltPort);

  const storeDir = path.resolve(projectRoot, settings.storeDir);
  mkdirSync(storeDir, { recursive: true });
  const uri = `bolt://127.0.0.1:${settings.boltPort}`;
  log(`Starting local Neo4j on ${uri} (store ${path.relative(projectRoot, storeDir) || storeDir})…`);
  const startedAt = Date.now();

  // The JVM being started or running now: stop() must reach it even in the middle of a restart.
  let child!: ChildProcess;
  const track = (spawned: ChildProcess): void => {
    child = spawned;
  };
  await launch(java, settings, storeDir, uri, track);
  log(`Local Neo4j ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);

  const listeners: ((event: LocalNeo4jEvent) => void)[] = [];
  const emit = (event: LocalNeo4jEvent): void => listeners.forEach((listener) => listener(event));
  let stopping = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let wakeRetry: (() => void) | undefined;
  const killOnExit = (): void => {
    child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);

  const restart = async (): Promise<void> => {
    for (let attempt = 1, delay = 1000; !stopping; attempt++, delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS)) {
      emit({ kind: 'restarting', attempt });
      const restartedAt = Date.now();
      try {
        await launch(java, settings, storeDir, uri, track);
      } catch (error) {
        if (stopping) return;
        emit({ kind: 'restart-failed', attempt, reason: error instanceof Error ? error.message : String(error), retryInMs: delay });
        await new Promise<void>((resolve) => {
          wakeRetry = resolve;
          retryTimer = setTimeout(resolve, delay);
        });
        continue;
      }
      if (stopping) return;
      watch(child);
      emit({ kind: 'restarted', attempt, seconds: (Date.now() - restartedAt) / 1000 });
      return;
    }
  };
  const watch = (running: ChildProcess): void => {
    running.once('exit', (code, signal) => {
      if (stopping) return;
      emit({ kind: 'exited', code, signal });
      void restart();
    });
  };
  watch(child);

  return {
    uri,
    pid: () => child.pid,
    onEvent(listener) {
      listeners.push(listener);
    },
    async stop() {
      stopping = true;
      clearTimeout(retryTimer);
      wakeRetry?.();
      process.removeListener('exit', killOnExit);
      await stopChild(child);
    },
  };
}

/** Spawns the JVM (handing it to `spawned` at once) and resolves once Bolt answers; on failure the JVM is stopped and the error says why. */
async function launch(java: string, settings: LocalNeo4jSettings, storeDir: string, uri: string, spawned: (child: ChildProcess) => void): Promise<void> {
  const child = spawn(
    java,
    [
      `-Xmx${settings.heap}`,
      // Neo4j reads these JDK internals; without the flags Java 17 logs warnings or refuses.
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-cp',
      [path.join(launcherDir, 'target', 'classes'), readFileSync(classpathFile, 'utf8').trim()].join(path.delimiter),
      'dev.nexo.neo4j.LocalNeo4j',
      storeDir,
      String(settings.boltPort),
      String(settings.pageCacheMb),
    ],
    { cwd: projectRoot, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  spawned(child);
  const output = collectOutput(child);
  try {
    await waitUntilReady(uri, child, output);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

function javaCommand(): string {
  const javaHome = process.env.JAVA_HOME;
  return javaHome ? path.join(javaHome, 'bin', 'java') : 'java';
}

function requireTool(command: string, args: string[], what: string): void {
  const probe = spawnSync(command, args, { stdio: 'ignore' });
  if (probe.error) {
    throw new LocalNeo4jError(`${what} is needed to run the local Neo4j server, but \`${command}\` was not found. ${ALTERNATIVES}`);
  }
}

/** True when the compiled launcher and its classpath are newer than its sources. */
function isLauncherBuilt(): boolean {
  if (!existsSync(classpathFile) || !existsSync(launcherClass)) return false;
  const builtAt = Math.min(statSync(classpathFile).mtimeMs, statSync(launcherClass).mtimeMs);
  return launcherSources().every((file) => statSync(file).mtimeMs <= builtAt);
}

function launcherSources(): string[] {
  const sources = [path.join(launcherDir, 'pom.xml')];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else sources.push(full);
    }
  };
  walk(path.join(launcherDir, 'src'));
  return sources;
}

/** Runs `mvn package` once; the first run downloads Neo4j's jars, so it reports progress. */
async function buildLauncher(log: ProgressLog): Promise<void> {
  log('Building the local Neo4j launcher with Maven (first start only; downloads about 170 MB of jars)…');
  const maven = spawn('mvn', ['-B', 'package'], { cwd: launcherDir, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  let downloaded = 0;
  let lastReport = Date.now();
  const lines = readline.createInterface({ input: maven.stdout });
  lines.on('line', (line) => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
    if (line.includes('Downloaded from')) {
      downloaded += 1;
      if (Date.now() - lastReport > 2000) {
        lastReport = Date.now();
        log(`  Maven: ${downloaded} files downloaded so far…`);
      }
    }
  });
  maven.stderr.on('data', (chunk: Buffer) => tail.push(chunk.toString()));
  const code = await new Promise<number | null>((resolve) => maven.on('close', resolve));
  if (code !== 0) {
    throw new LocalNeo4jError(`Building the Neo4j launcher failed (mvn exited ${code}). Last lines:\n${tail.join('\n')}\n${ALTERNATIVES}`);
  }
  log(`  Maven: build done (${downloaded} files downloaded).`);
}

function requirePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new LocalNeo4jError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} on 127.0.0.1 is already in use (another Neo4j?). Set NEXO_NEO4J_BOLT_PORT to a free port, or set NEO4J_URI=bolt://127.0.0.1:${port} to use the server running there.`
            : `Cannot listen on 127.0.0.1:${port}: ${error.message}`,
        ),
      );
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

interface ChildOutput {
  lines: string[];
}

function collectOutput(child: ChildProcess): ChildOutput {
  const output: ChildOutput = { lines: [] };
  const keep = (line: string): void => {
    output.lines.push(line);
    if (output.lines.length > 40) output.lines.shift();
  };
  if (child.stdout) readline.createInterface({ input: child.stdout }).on('line', keep);
  if (child.stderr) readline.createInterface({ input: child.stderr }).on('line', keep);
  return output;
}

/** Polls with the driver until Bolt answers; fails early if the JVM exits. */
async function waitUntilReady(uri: string, child: ChildProcess, output: ChildOutput): Promise<void> {
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  const driver = neo4j.driver(uri, undefined, { logging: { level: 'error', logger: () => undefined } });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
      if (exited !== undefined) throw startFailure(exited, output);
      try {
        await driver.verifyConnectivity();
        return;
      } catch {
        if (Date.now() > deadline) {
          throw new LocalNeo4jError(`Local Neo4j did not answer on ${uri} within ${READY_TIMEOUT_MS / 1000} s.`);
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  } finally {
    await driver.close();
  }
}

function startFailure(code: number | null, output: ChildOutput): LocalNeo4jError {
  const taken = output.lines.find((line) => line.startsWith('NEXO_NEO4J_PORT_TAKEN'));
  if (taken) return new LocalNeo4jError(`Local Neo4j: ${taken.replace('NEXO_NEO4J_PORT_TAKEN ', '')}.`);
  const failed = output.lines.find((line) => line.startsWith('NEXO_NEO4J_START_FAILED'));
  if (failed?.includes('FileLockException')) {
    return new LocalNeo4jError('Local Neo4j: the store is locked by another running Neo4j process. Stop it, or set NEXO_NEO4J_STORE to another folder.');
  }
  const detail = failed ? failed.replace('NEXO_NEO4J_START_FAILED ', '') : output.lines.slice(-15).join('\n');
  return new LocalNeo4jError(`Local Neo4j exited (code ${code}) before it was ready: ${detail}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
