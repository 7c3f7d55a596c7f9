import path from 'node:path';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import { defaultQueryTimeoutMs } from '../../config.js';
import type { Database } from '../../neo4j/database.js';
import { withoutJavaNames } from '../../neo4j/javaNames.js';
import { invalidateKnownNames } from '../../neo4j/knownNames.js';
import { timedRead } from '../../neo4j/timedRead.js';
import { discoverFolder, fingerprintFiles, type ImportFolder } from './files.js';
import { ImportError } from './importError.js';
import { Progress, formatCount, type ObserveImport } from './progress.js';
import { nodeRowReader, relationshipRowReader } from './rows.js';
import { dataRecords, validateFolder, type ImportPlan } from './validate.js';
import { toNumber } from '../../neo4j/values.js';
import { markGraphChanged } from '../analysis/graphVersion.js';
import { beginDataset, deleteDataset, IMPORT_IDLE_MS, keepImportAlive, removeIncompleteDatasets, scopedId } from '../datasets/datasets.service.js';
import { BatchSender, RELATIONSHIP_WRITERS, type RunBatch } from './batches.js';

type Db = Pick<Database, 'driver' | 'name'>;

/** The dataset a CSV import goes into: its id and display name. */
export interface DatasetName {
  id: string;
  name: string;
}

export type ImportOutcome =
  | { status: 'already-imported'; id: string; completedAt: string }
  | {
      status: 'imported';
      id: string;
      nodes: number;
      relationships: number;
      labels: Record<string, number>;
      types: Record<string, number>;
      validationMs: number;
      nodeWriteMs: number;
      relationshipWriteMs: number;
      commitMs: number;
    };

/**
 * Imports a folder of neo4j-admin CSV files into a dataset, all of it or nothing. Into a new dataset the rows go in
 * batches of their own transactions, invisible to reads until the dataset is marked complete with the Import record;
 * files added to a complete dataset (visible meanwhile) go in one transaction instead.
 * Throws ImportError (file:line: reason) for bad input; progress goes to `log`. `timeoutMs` bounds each read.
 */
export async function importFolder(
  db: Db,
  folder: string,
  log: (message: string) => void,
  dataset: DatasetName,
  timeoutMs = defaultQueryTimeoutMs,
  observe?: ObserveImport,
): Promise<ImportOutcome> {
  const found = discoverFolder(folder);
  // The fingerprint is per dataset: the same files imported as another dataset are another graph.
  const id = `${dataset.id}:${await fingerprintFiles(found.files)}`;
  const earlier = await timedRead(db, timeoutMs, (tx) => tx.run(cypherFile('import/find-import.cypher'), { id }), { autoCommit: true });
  if (earlier.records.length > 0) {
    return { status: 'already-imported', id, completedAt: earlier.records[0]!.get('completedAt') as string };
  }

  // A dataset being loaded, or the leftovers of a killed import of it, holds nothing an import may link to.
  const adding = (await datasetStatus(db, dataset.id)) === 'complete';
  const validation = new Progress(log, 'validating', undefined, (done) => observe?.({ phase: 'checking', done, total: undefined }));
  const plan = await validateFolder(found, adding ? (ids) => existingIds(db, ids, dataset.id, timeoutMs) : async () => [], validation);
  const validationMs = validation.elapsedMs();
  log(
    `Valid: ${formatCount(plan.nodes)} nodes, ${formatCount(plan.relationships)} relationships. ` +
      (adding
        ? `Adding them to the existing dataset "${dataset.id}" in one transaction, committed at the end…`
        : `Writing them in batches, visible once all are in…`),
  );
  const write = adding ? writeInOneTransaction : writeInBatches;
  const { nodeWriteMs, relationshipWriteMs, commitMs } = await write(db, found, plan, id, log, dataset, observe);
  invalidateKnownNames(db);
  return {
    status: 'imported',
    id,
    nodes: plan.nodes,
    relationships: plan.relationships,
    labels: plan.labels,
    types: plan.types,
    validationMs,
    nodeWriteMs,
    relationshipWriteMs,
    commitMs,
  };
}

/** The dataset record's status ("complete" or "loading"), or undefined when there is none. */
async function datasetStatus(db: Db, id: string): Promise<string | undefined> {
  const { records } = await db.driver.executeQuery(cypherFile('datasets/status.cypher'), { ids: [id] }, { database: db.name });
  return records[0]?.get('status') as string | undefined;
}

async function existingIds(db: Db, ids: string[], dataset: string, timeoutMs: number): Promise<string[]> {
  const result = await timedRead(db, timeoutMs, (tx) => tx.run(cypherFile('import/existing-ids.cypher'), { ids, dataset }), { autoCommit: true });
  return result.records.map((record) => record.get('id') as string);
}

type WritePhases = { nodeWriteMs: number; relationshipWriteMs: number; commitMs: number };

type Write = (
  db: Db,
  found: ImportFolder,
  plan: ImportPlan,
  id: string,
  log: (message: string) => void,
  dataset: DatasetName,
  observe: ObserveImport | undefined,
) => Promise<WritePhases>;

/** The parameters of the Import record and the dataset's completion, written in one statement. */
function importRecord(found: ImportFolder, plan: ImportPlan, id: string, dataset: DatasetName): Record<string, unknown> {
  return {
    id,
    // The name only: the importer's absolute path tells who ran it where, and the console can read it.
    folder: found.folderName,
    files: found.files.map((file) => path.basename(file)),
    nodes: neo4j.int(plan.nodes),
    relationships: neo4j.int(plan.relationships),
    dataset: dataset.id,
    name: dataset.name,
  };
}

/**
 * Into a new dataset: every batch commits on its own, tagged with the dataset, so Neo4j's heap bounds a batch and
 * not the import; the dataset record says "loading" until the last statement marks it complete together with the
 * Import record. A failure deletes what was written; a kill leaves it invisible until the next start or import.
 */
const writeInBatches: Write = async (db, found, plan, id, log, dataset, observe) => {
  await removeIncompleteDatasets(db, IMPORT_IDLE_MS);
  await beginDataset(db, { id: dataset.id, name: dataset.name, format: 'neo4j-csv', source: found.folderName });
  const run: RunBatch = (query, parameters) => db.driver.executeQuery(query, parameters, { database: db.name });
  const stopTouching = keepImportAlive(db, dataset.id);
  try {
    const phases = await writeRows(run, found, plan, log, dataset, observe, 'batched');
    const committing = Date.now();
    await run(cypherFile('import/record-import.cypher'), importRecord(found, plan, id, dataset));
    markGraphChanged();
    return { ...phases, commitMs: Date.now() - committing };
  } catch (error) {
    await deleteDataset(db, dataset.id).catch(() => undefined);
    throw translateWriteError(error, found.folder, false);
  } finally {
    stopTouching();
  }
};

/**
 * Into a complete dataset, which reads see meanwhile: one explicit transaction with the Import record, so a crash or
 * kill before commit leaves the database as it was. Neo4j's heap holds the whole transaction until then.
 */
const writeInOneTransaction: Write = async (db, found, plan, id, log, dataset, observe) => {
  const session = db.driver.session({ database: db.name });
  const tx = session.beginTransaction();
  try {
    const phases = await writeRows((query, parameters) => tx.run(query, parameters), found, plan, log, dataset, observe, 'merged');
    await tx.run(cypherFile('import/record-import.cypher'), importRecord(found, plan, id, dataset));
    const committing = Date.now();
    await tx.commit();
    markGraphChanged();
    return { ...phases, commitMs: Date.now() - committing };
  } catch (error) {
    // After a failed query Neo4j has already rolled back; rollback() is for failures on our side.
    if (tx.isOpen()) await tx.rollback().catch(() => undefined);
    throw translateWriteError(error, found.folder, true);
  } finally {
    await session.close();
  }
};

/**
 * The write pass: streams the files again, nodes first, then relationships. "batched" creates nodes (the dataset is
 * new) and links them by the Neo4j ids their batches returned; "merged" merges them on their key, so that an id an
 * earlier import wrote is updated, and finds the ends by key.
 */
async function writeRows(
  run: RunBatch,
  found: ImportFolder,
  plan: ImportPlan,
  log: (message: string) => void,
  dataset: DatasetName,
  observe: ObserveImport | undefined,
  mode: 'batched' | 'merged',
): Promise<Omit<WritePhases, 'commitMs'>> {
  // Neo4j's id of each node of the import, by its place in file order (plan.nodeOrdinals): 8 bytes a node.
  const nodeIds = mode === 'batched' ? new Float64Array(plan.nodes) : undefined;
  let nodesWritten = 0;
  const keys = relationshipKeyPrefixes(found, plan, dataset.id);
  const batches = new BatchSender(
    run,
    mode === 'batched' ? { dataset: dataset.id, keyPrefixes: keys.prefixes } : { dataset: dataset.id },
    () => new ImportError(found.folder, undefined, 'a batch was not written whole (was the database changed meanwhile?)'),
    (query, result) => {
      if (query !== 'datasets/write-nodes.cypher' || !nodeIds) return;
      // One batch in flight at a time, so batches come back in the order the nodes were read.
      for (const id of result.records[0]!.get('nodeIds') as unknown[]) nodeIds[nodesWritten++] = toNumber(id as number);
    },
    (query) => (query === 'import/write-relationships-by-node-id.cypher' ? RELATIONSHIP_WRITERS : 1),
  );
  const nodeProgress = new Progress(log, 'writing nodes', plan.nodes, (done, total) => observe?.({ phase: 'nodes', done, total }));
  for (const { source, header } of plan.nodeSources) {
    const read = nodeRowReader(header, source, true);
    for await (const { record, display } of dataRecords(source)) {
      const row = read(record, display);
      if (mode === 'merged') await batches.add('import/nodes.cypher', row, nodeProgress);
      else await batches.add('datasets/write-nodes.cypher', { ...row, id: scopedId(dataset.id, row.id), caption: null }, nodeProgress);
    }
  }
  await batches.drain();
  const nodeWriteMs = nodeProgress.elapsedMs();

  const relationshipProgress = new Progress(log, 'writing relationships', plan.relationships, (done, total) =>
    observe?.({ phase: 'relationships', done, total }),
  );
  const nodeIdOf = (id: string): number => nodeIds![plan.nodeOrdinals.get(id)!]!;
  for (const { source, header } of plan.relationshipSources) {
    const read = relationshipRowReader(header, source, found.folderName, true);
    for await (const { record, display } of dataRecords(source)) {
      const row = read(record, display);
      if (mode === 'merged') await batches.add('import/relationships.cypher', row, relationshipProgress);
      else {
        await batches.add(
          'import/write-relationships-by-node-id.cypher',
          [nodeIdOf(row.start), nodeIdOf(row.end), row.type, keys.indexOf.get(display)!, record.line, row.properties, row.dates, row.integers],
          relationshipProgress,
        );
      }
    }
  }
  await batches.drain();
  return { nodeWriteMs, relationshipWriteMs: relationshipProgress.elapsedMs() };
}

/**
 * The start of each relationship file's keys, `<dataset>::<folder>/<file>:` (as scopedId writes them), and the
 * place of that text in `prefixes` by the file's display name as dataRecords gives it: a row names its file so.
 */
function relationshipKeyPrefixes(found: ImportFolder, plan: ImportPlan, dataset: string): { prefixes: string[]; indexOf: Map<string, number> } {
  const prefixes: string[] = [];
  const indexOf = new Map<string, number>();
  for (const { source } of plan.relationshipSources) {
    for (const file of source.dataFiles) {
      const display = path.join(path.dirname(source.headerDisplay), path.basename(file));
      indexOf.set(display, prefixes.length);
      prefixes.push(scopedId(dataset, `${found.folderName}/${path.basename(display)}:`));
    }
  }
  return { prefixes, indexOf };
}

function translateWriteError(error: unknown, folder: string, oneTransaction: boolean): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (error.code.includes('MemoryPoolOutOfMemoryError')) {
    return new ImportError(
      folder,
      undefined,
      oneTransaction
        ? 'Neo4j ran out of transaction memory. Files added to an existing dataset go in one transaction (all or nothing), so give Neo4j more heap (NEXO_NEO4J_HEAP), import the folder in parts, or import all the files into a new dataset (written in batches).'
        : 'Neo4j ran out of memory writing one batch; give Neo4j more heap (NEXO_NEO4J_HEAP).',
    );
  }
  // Validation should have caught it; if not, still one line rather than the driver's stack trace.
  return new ImportError(
    folder,
    undefined,
    `Neo4j refused the import, nothing was written (${error.code}): ${withoutJavaNames(error.message.split('\n')[0] ?? '')}`,
  );
}
