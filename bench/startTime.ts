import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../server/projectRoot.js';

// npm run bench:start: how long `npm start` takes until the app answers /readyz, warm (launcher and client built, the
// store already holding the data) and, with BENCH_START_FRESH=1, as on a fresh machine: a clone of this commit,
// `npm ci`, an empty Maven repository (so every Neo4j jar is downloaded), the client build, an empty store and the
// Peru network loaded. Ports: BENCH_START_PORT (3046), BENCH_START_BOLT_PORT (7746).
const port = process.env.BENCH_START_PORT ?? '3046';
const boltPort = process.env.BENCH_START_BOLT_PORT ?? '7746';

/** Lines of `npm start`'s output that end a phase of the start, and the phase's name in the table. */
const PHASES: [RegExp, string][] = [
  [/built in/, 'client built s'],
  [/Local Neo4j ready/, 'Neo4j ready s'],
  [/Nexo is listening/, 'listening s'],
];

/**
 * Runs `npm start` in `cwd` until /readyz answers 200 and the query plans are warmed; returns the times in s (and, when
 * the launcher was built, how many files Maven downloaded: the proof that a fresh start fetched Neo4j), then stops it.
 */
async function timeStart(cwd: string, env: Record<string, string>): Promise<Record<string, number>> {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd,
    env: { ...process.env, PORT: port, NEXO_NEO4J_BOLT_PORT: boltPort, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let warmedSeconds = NaN;
  const phases: Record<string, number> = {};
  const warmed = new Promise<void>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      for (const [pattern, phase] of PHASES) if (pattern.test(chunk.toString())) phases[phase] ??= seconds;
      const maven = /Maven: build done \((\d+) files downloaded\)/.exec(chunk.toString());
      if (maven) phases['Maven files downloaded'] = Number(maven[1]);
      if (/Query plans warmed|Query warm-up/.test(chunk.toString())) {
        warmedSeconds = (performance.now() - started) / 1000;
        resolve();
      }
    });
  });
  let readySeconds: number;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    readySeconds = (performance.now() - started) / 1000;
    await warmed;
  } finally {
    // npm, its shell and the server are one process group: stop them together.
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  return { ...phases, 'ready s': Math.round(readySeconds * 10) / 10, 'plans warmed s': Math.round(warmedSeconds * 10) / 10 };
}

const rows: Record<string, unknown>[] = [];
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
if (process.env.BENCH_START_FRESH === '1') {
  const clone = mkdtempSync(path.join(os.tmpdir(), 'nexo-fresh-'));
  const mavenRepository = mkdtempSync(path.join(os.tmpdir(), 'nexo-m2-'));
  try {
    const began = performance.now();
    spawnSync('git', ['clone', '--quiet', projectRoot, clone], { stdio: 'inherit' });
    spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: clone, stdio: 'inherit' });
    const installSeconds = Math.round((performance.now() - began) / 100) / 10;
    const loadBefore = load();
    const times = await timeStart(clone, { MAVEN_OPTS: `-Dmaven.repo.local=${mavenRepository}` });
    rows.push({
      start: 'fresh: npm start after clone and npm ci (Maven download, client build, empty store, Peru loaded)',
      'clone + npm ci s': installSeconds,
      ...times,
      load: `${loadBefore} → ${load()}`,
    });
  } finally {
    rmSync(clone, { recursive: true, force: true });
    rmSync(mavenRepository, { recursive: true, force: true });
  }
}
const store = process.env.BENCH_START_STORE ?? '.data/neo4j-start';
// Once to build and fill the store when that has not happened yet, then the measured warm start.
if (!existsSync(path.resolve(projectRoot, store))) await timeStart(projectRoot, { NEXO_NEO4J_STORE: store });
const loadBefore = load();
rows.push({
  start: 'warm: npm start, launcher and store ready',
  ...(await timeStart(projectRoot, { NEXO_NEO4J_STORE: store })),
  load: `${loadBefore} → ${load()}`,
});
console.table(rows);
