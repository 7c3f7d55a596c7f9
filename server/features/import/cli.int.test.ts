import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../bench/generate.js';
import { emptyDatabase, graphCounts, openTestDatabase } from '../../../tests/support/testDatabase.js';
import type { Database } from '../../neo4j/database.js';
import { projectRoot } from '../../projectRoot.js';
import { applySchema } from '../load/load.service.js';

const cli = path.join(projectRoot, 'server', 'features', 'import', 'cli.ts');
const GENERATED_RELATIONSHIPS = 30_000;

let db: Database;
let scratch: string;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run import -- <folder>` as a child process against the test database; `onLine` sees each stderr line. */
function runImport(folder: string, onLine: (line: string, kill: () => void) => void = () => undefined): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, folder], {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_URI: db.uri, NEO4J_DATABASE: db.name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    stderr += `${line}\n`;
    onLine(line, () => child.kill('SIGKILL'));
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

function dataRows(folder: string, files: string[]): number {
  return files.reduce((sum, file) => sum + readFileSync(path.join(folder, file), 'utf8').trimEnd().split('\n').length - 1, 0);
}

beforeAll(async () => {
  db = openTestDatabase();
  await emptyDatabase(db);
  await applySchema(db);
  scratch = mkdtempSync(path.join(os.tmpdir(), 'nexo-import-cli-'));
});

afterAll(async () => {
  await emptyDatabase(db);
  await db.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('npm run import', () => {
  it('leaves the database unchanged when killed mid-write, then completes on a re-run and says already imported after', async () => {
    const folder = path.join(scratch, 'generated');
    await generate(GENERATED_RELATIONSHIPS, 7, folder);
    const nodeRows = dataRows(folder, ['persons.csv', 'organizations.csv', 'locations.csv', 'events.csv']);
    const before = await graphCounts(db);

    let sawWriting = '';
    const killed = await runImport(folder, (line, kill) => {
      if (!sawWriting && /^writing (nodes|relationships): [1-9]/.test(line)) {
        sawWriting = line;
        kill();
      }
    });

    expect(sawWriting).not.toBe('');
    expect(killed.signal).toBe('SIGKILL');
    expect(await graphCounts(db)).toEqual(before);

    const completed = await runImport(folder);

    expect(completed.code).toBe(0);
    expect(completed.stdout).toMatch(/relationships\/s/);
    // Every generated node and relationship, plus the Import record.
    expect(await graphCounts(db)).toEqual({
      nodes: before.nodes + nodeRows + 1,
      relationships: before.relationships + GENERATED_RELATIONSHIPS,
    });

    const again = await runImport(folder);

    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Already imported/m);
    expect(await graphCounts(db)).toEqual({
      nodes: before.nodes + nodeRows + 1,
      relationships: before.relationships + GENERATED_RELATIONSHIPS,
    });
  }, 300_000);

  it('exits non-zero with one line naming file, line and reason for bad input', async () => {
    const folder = path.join(scratch, 'bad');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'persons.csv'), ':ID(Person),age:int\np1,forty\n');
    const before = await graphCounts(db);

    const run = await runImport(folder);

    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(`${path.join(folder, 'persons.csv')}:2: column "age": "forty" is not an integer (int)`);
    expect(await graphCounts(db)).toEqual(before);
  }, 60_000);
});
