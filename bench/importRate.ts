import { spawn } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportOutcome } from '../server/features/import/import.service.js';
import type { Database } from '../server/neo4j/database.js';
import { projectRoot } from '../server/projectRoot.js';
import { processCpuMs } from './support/processCpu.js';
import { peakMiB, resetPeak } from './support/processMemory.js';

type Db = Pick<Database, 'driver' | 'name'>;

/** Rows per UNWIND in the raw loop: the brief's 10k. */
const RAW_BATCH = 10_000;

interface RawNode {
  id: string;
  properties: Record<string, string>;
}

/** The generated CSVs read plainly: node rows by label set, relationship rows by type, ids prefixed with their ID space as the import does. */
function readGenerated(folder: string): { nodes: Map<string, RawNode[]>; relationships: Map<string, { s: string; e: string }[]> } {
  const nodes = new Map<string, RawNode[]>();
  const relationships = new Map<string, { s: string; e: string }[]>();
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.csv'))
    .sort()) {
    const [header, ...rows] = parse(readFileSync(path.join(folder, file), 'utf8')) as string[][];
    const columns = header!.map((column) => {
      const space = /\((\w+)\)$/.exec(column)?.[1];
      const [name, role] = column.replace(/\(\w+\)$/, '').split(':');
      return { name: name!, role: role ?? '', space };
    });
    const at = (role: string): number => columns.findIndex((column) => column.role === role);
    const idColumn = at('ID');
    if (idColumn >= 0) {
      const labelColumn = at('LABEL');
      const space = columns[idColumn]!.space;
      for (const row of rows) {
        const labels = ['Entity', ...row[labelColumn]!.split(';')].join(':');
        const properties: Record<string, string> = {};
        columns.forEach((column, index) => {
          if (column.name !== '' && column.role !== 'ID' && row[index] !== '') properties[column.name] = row[index]!;
        });
        const list = nodes.get(labels) ?? [];
        list.push({ id: `${space}:${row[idColumn]}`, properties });
        nodes.set(labels, list);
      }
    } else {
      const start = at('START_ID');
      const end = at('END_ID');
      const typeColumn = at('TYPE');
      const startSpace = columns[start]!.space;
      const endSpace = columns[end]!.space;
      for (const row of rows) {
        const list = relationships.get(row[typeColumn]!) ?? [];
        list.push({ s: `${startSpace}:${row[start]}`, e: `${endSpace}:${row[end]}` });
        relationships.set(row[typeColumn]!, list);
      }
    }
  }
  return { nodes, relationships };
}

/**
 * The baseline the import service is compared with: nodes first, then relationships per type, batches of 10k
 * UNWIND rows in auto-committed transactions, no validation. Labels and types come from the generator's own
 * files (a closed list), never from user input. Relationships carry no properties: a lower bound on the work.
 * Like the import into a new dataset, each node batch returns the Neo4j ids of its nodes and relationships find
 * their ends by those ids (NodeByIdSeek), not by the __nexo_id index.
 */
export async function rawImport(db: Db, folder: string): Promise<{ nodes: number; relationships: number; nodeWriteMs: number; relationshipWriteMs: number }> {
  const { nodes, relationships } = readGenerated(folder);
  const run = (cypher: string, rows: unknown[]) => db.driver.executeQuery(cypher, { rows }, { database: db.name });
  const nodeIds = new Map<string, number>();
  let nodeCount = 0;
  let relationshipCount = 0;
  const nodeStart = performance.now();
  for (const [labels, rows] of nodes) {
    const cypher = `UNWIND $rows AS row CREATE (n:${labels} {__nexo_id: row.id}) SET n += row.properties RETURN collect(id(n)) AS ids`;
    for (let i = 0; i < rows.length; i += RAW_BATCH) {
      const batch = rows.slice(i, i + RAW_BATCH);
      const { records } = await run(cypher, batch);
      (records[0]!.get('ids') as { toNumber(): number }[]).forEach((id, k) => nodeIds.set(batch[k]!.id, id.toNumber()));
    }
    nodeCount += rows.length;
  }
  const nodeWriteMs = performance.now() - nodeStart;
  const relationshipStart = performance.now();
  for (const [type, rows] of relationships) {
    const cypher = `UNWIND $rows AS row MATCH (a) WHERE id(a) = row[0] MATCH (b) WHERE id(b) = row[1] CREATE (a)-[:${type}]->(b)`;
    for (let i = 0; i < rows.length; i += RAW_BATCH) {
      await run(
        cypher,
        rows.slice(i, i + RAW_BATCH).map((row) => [nodeIds.get(row.s), nodeIds.get(row.e)]),
      );
    }
    relationshipCount += rows.length;
  }
  return { nodes: nodeCount, relationships: relationshipCount, nodeWriteMs, relationshipWriteMs: performance.now() - relationshipStart };
}

/** What one run of the import service took: its outcome, and the peak memory and CPU time of its process and of Neo4j's. */
export interface ServiceImport {
  outcome: Extract<ImportOutcome, { status: 'imported' }>;
  totalMs: number;
  importPeakMiB: number;
  neo4jPeakMiB: number;
  importCpuMs: number;
  neo4jCpuMs: number;
}

/** How often the import process's peak memory is read: it is gone (with its /proc entry) once it exits. */
const SAMPLE_MS = 200;

/**
 * Runs the import service (importFolder, as `npm run import` does) in a process of its own against the Neo4j at `uri`,
 * reading the peak resident memory (VmHWM) of that process and of Neo4j's JVM, whose mark is reset first.
 */
export async function serviceImport(folder: string, uri: string, neo4jPid: number, dataset: string): Promise<ServiceImport> {
  resetPeak(neo4jPid);
  const neo4jCpuBefore = processCpuMs(neo4jPid);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_IMPORT_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_IMPORT_PROFILE] : []),
      '--import',
      'tsx',
      path.join(projectRoot, 'bench', 'importProcess.ts'),
      folder,
      uri,
      dataset,
    ],
    {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let importPeakMiB = 0;
  let importCpuMs = 0;
  const sample = (): void => {
    try {
      importCpuMs = processCpuMs(child.pid!);
      importPeakMiB = Math.max(importPeakMiB, peakMiB(child.pid!));
    } catch {
      // It has just exited: the last sample stands.
    }
  };
  const sampler = setInterval(sample, SAMPLE_MS);
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const totalMs = performance.now() - started;
  if (code !== 0) throw new Error(`the import process exited with ${code}`);
  const outcome = JSON.parse(stdout) as ImportOutcome;
  if (outcome.status !== 'imported') throw new Error('the fresh store already had this import');
  return { outcome, totalMs, importPeakMiB, neo4jPeakMiB: peakMiB(neo4jPid), importCpuMs, neo4jCpuMs: processCpuMs(neo4jPid) - neo4jCpuBefore };
}
