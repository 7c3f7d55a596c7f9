import path from 'node:path';
import neo4j, { Neo4jError, type Transaction } from 'neo4j-driver';
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
import { markGraphChanged } from '../analysis/graphVersion.js';

/**
 * Rows per UNWIND. On 100,000 generated relationships against the local server, batches of 2,000 to
 * 20,000 rows differed less than repeated runs of one size did (on a shared 2-core machine); 5,000
 * keeps each Bolt message around a megabyte while leaving round trips rare.
 */
const BATCH_ROWS = 5000;

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
 * Imports a folder of neo4j-admin CSV files: all of it in one transaction, or nothing.
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

  const validation = new Progress(log, 'validating', undefined, (done) => observe?.({ phase: 'checking', done, total: undefined }));
  const plan = await validateFolder(found, (ids) => existingIds(db, ids, dataset.id, timeoutMs), validation);
  const validationMs = validation.elapsedMs();
  log(`Valid: ${formatCount(plan.nodes)} nodes, ${formatCount(plan.relationships)} relationships. ` + `Writing them in one transaction, committed at the end…`);
  const { nodeWriteMs, relationshipWriteMs, commitMs } = await writeImport(db, found, plan, id, log, dataset, observe);
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

async function existingIds(db: Db, ids: string[], dataset: string, timeoutMs: number): Promise<string[]> {
  const result = await timedRead(db, timeoutMs, (tx) => tx.run(cypherFile('import/existing-ids.cypher'), { ids, dataset }), { autoCommit: true });
  return result.records.map((record) => record.get('id') as string);
}

/**
 * The write pass: streams the files again and sends rows in batches, all inside ONE explicit
 * transaction with the Import record, so a crash or kill before commit leaves the database as it was.
 */
async function writeImport(
  db: Db,
  found: ImportFolder,
  plan: ImportPlan,
  id: string,
  log: (message: string) => void,
  dataset: DatasetName,
  observe: ObserveImport | undefined,
): Promise<{ nodeWriteMs: number; relationshipWriteMs: number; commitMs: number }> {
  const session = db.driver.session({ database: db.name });
  const tx = session.beginTransaction();
  try {
    const batches = new BatchSender(tx, found.folder, dataset.id);
    const nodeProgress = new Progress(log, 'writing nodes', plan.nodes, (done, total) => observe?.({ phase: 'nodes', done, total }));
    for (const { source, header } of plan.nodeSources) {
      const read = nodeRowReader(header, source);
      for await (const { record, display } of dataRecords(source)) {
        await batches.add('import/nodes.cypher', read(record, display), nodeProgress);
      }
    }
    await batches.drain();
    const nodeWriteMs = nodeProgress.elapsedMs();

    const relationshipProgress = new Progress(log, 'writing relationships', plan.relationships, (done, total) =>
      observe?.({ phase: 'relationships', done, total }),
    );
    for (const { source, header } of plan.relationshipSources) {
      const read = relationshipRowReader(header, source, found.folderName);
      for await (const { record, display } of dataRecords(source)) {
        await batches.add('import/relationships.cypher', read(record, display), relationshipProgress);
      }
    }
    await batches.drain();
    const relationshipWriteMs = relationshipProgress.elapsedMs();

    await tx.run(cypherFile('import/record-import.cypher'), {
      id,
      // The name only: the importer's absolute path tells who ran it where, and the console can read it.
      folder: found.folderName,
      files: found.files.map((file) => path.basename(file)),
      nodes: neo4j.int(plan.nodes),
      relationships: neo4j.int(plan.relationships),
      dataset: dataset.id,
      name: dataset.name,
    });
    const committing = Date.now();
    await tx.commit();
    markGraphChanged();
    return { nodeWriteMs, relationshipWriteMs, commitMs: Date.now() - committing };
  } catch (error) {
    // After a failed query Neo4j has already rolled back; rollback() is for failures on our side.
    if (tx.isOpen()) await tx.rollback().catch(() => undefined);
    throw translateWriteError(error, found.folder);
  } finally {
    await session.close();
  }
}

/**
 * Collects rows into batches and keeps one batch in flight, so the next batch is parsed while Neo4j
 * writes the previous one. Relationship batches must create one relationship per row.
 */
class BatchSender {
  private rows: unknown[] = [];
  private query = '';
  private progress: Progress | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly tx: Transaction,
    private readonly folder: string,
    private readonly dataset: string,
  ) {}

  async add(query: string, row: unknown, progress: Progress): Promise<void> {
    if (query !== this.query) await this.flush();
    this.query = query;
    this.progress = progress;
    this.rows.push(row);
    if (this.rows.length >= BATCH_ROWS) await this.flush();
  }

  /** Sends what is collected and waits until Neo4j has written all of it. */
  async drain(): Promise<void> {
    await this.flush();
    await this.inFlight;
    this.inFlight = undefined;
  }

  private async flush(): Promise<void> {
    const rows = this.rows;
    const progress = this.progress;
    this.rows = [];
    await this.inFlight;
    this.inFlight = undefined;
    if (rows.length === 0) return;
    const sent = this.tx.run(cypherFile(this.query), { rows, dataset: this.dataset });
    const expectsCount = this.query === 'import/relationships.cypher';
    const count = rows.length;
    this.inFlight = sent.then((result) => {
      // The driver keeps every Result of a transaction, and with it the very parameters object, until
      // commit; emptying the sent batch is what keeps a long import's memory bounded.
      rows.length = 0;
      if (expectsCount && result.records[0]?.get('created').toNumber() !== count) {
        throw new ImportError(this.folder, undefined, 'a relationship end vanished between validation and writing (was the database changed meanwhile?)');
      }
      progress?.advance(count);
    });
    // The failure, if any, is awaited at the next flush; until then it must not count as unhandled.
    this.inFlight.catch(() => undefined);
  }
}

function translateWriteError(error: unknown, folder: string): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (error.code.includes('MemoryPoolOutOfMemoryError')) {
    return new ImportError(
      folder,
      undefined,
      'Neo4j ran out of transaction memory. The import is one transaction (all or nothing), so give Neo4j more heap (NEXO_NEO4J_HEAP) or import the folder in parts.',
    );
  }
  // Validation should have caught it; if not, still one line rather than the driver's stack trace.
  return new ImportError(
    folder,
    undefined,
    `Neo4j refused the import, nothing was written (${error.code}): ${withoutJavaNames(error.message.split('\n')[0] ?? '')}`,
  );
}
