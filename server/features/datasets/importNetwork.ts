import neo4j from 'neo4j-driver';
import type { Database } from '../../neo4j/database.js';
import { readNetwork, summariseNetwork, withNetwork, type NetworkInput } from '../import/formats/readNetwork.js';
import type { NetworkSummary, PropertyValue, Properties, ReadOptions } from '../import/formats/network.js';
import { BatchSender, isNexoWrittenKey, RELATIONSHIP_WRITERS } from '../import/batches.js';
import { ImportError } from '../import/importError.js';
import { Progress, type ObserveImport } from '../import/progress.js';
import { beginDataset, completeDataset, deleteDataset, removeIncompleteDatasets, IMPORT_IDLE_MS, keepImportAlive, scopedId } from './datasets.service.js';

type Db = Pick<Database, 'driver' | 'name'>;

export interface DatasetImport {
  /** The dataset id: lower-case letters, digits, - and _. */
  dataset: string;
  /** A display name; the id when not given. */
  name?: string;
  /** The file or folder to read. */
  input: string;
  /** What the dataset record names as its source; the input path when not given. */
  source?: string;
  options?: ReadOptions;
}

export interface DatasetImportOutcome extends NetworkSummary {
  dataset: string;
  validationMs: number;
  writeMs: number;
}

/**
 * Imports a file or folder in any of the network formats as a new dataset. The input is read once to check it all
 * (bad input throws FormatError file:line[:column] with nothing written), then twice more to write nodes and then
 * relationships (a GraphML or FtM file may name a tie before its ends) in batches of separate transactions.
 */
export function importNetwork(db: Db, request: DatasetImport, log: (message: string) => void, observe?: ObserveImport): Promise<DatasetImportOutcome> {
  return withNetwork(request.input, { ...request.options, onNote: log }, (input) => importOpenedNetwork(db, request, input, log, observe));
}

/** importNetwork of an input already opened: by importDataset, which needs its format first, or by withNetwork. */
export async function importOpenedNetwork(
  db: Db,
  request: DatasetImport,
  input: NetworkInput,
  log: (message: string) => void,
  observe?: ObserveImport,
): Promise<DatasetImportOutcome> {
  const options = request.options ?? {};
  const validationStarted = Date.now();
  log(`Checking ${input.files.length} file(s) as ${input.format}…`);
  observe?.({ phase: 'checking', done: 0, total: undefined });
  // What the files leave unsaid and was read one way (no header line, numbered nodes …) is said once, while checking.
  const summary = await summariseNetwork(input, { ...options, onNote: log });
  const validationMs = Date.now() - validationStarted;

  await removeIncompleteDatasets(db, IMPORT_IDLE_MS);
  await beginDataset(db, { id: request.dataset, name: request.name ?? request.dataset, format: input.format, source: request.source ?? request.input });
  const writeStarted = Date.now();
  const stopTouching = keepImportAlive(db, request.dataset);
  try {
    // Each batch commits on its own, so an import is bounded by the batch, not by the heap; the dataset stays
    // invisible (status "loading") until the last batch is in.
    const writer = new BatchSender(
      (query, parameters) => db.driver.executeQuery(query, parameters, { database: db.name }),
      { dataset: request.dataset },
      () => new ImportError(request.dataset, undefined, 'a batch was not written whole (was the dataset deleted meanwhile?)'),
      undefined,
      (query) => (query === 'datasets/write-relationships.cypher' ? RELATIONSHIP_WRITERS : 1),
    );
    const nodeProgress = new Progress(log, 'writing nodes', summary.nodes, (done, total) => observe?.({ phase: 'nodes', done, total }));
    for await (const record of readNetwork(input, options)) {
      if (record.kind !== 'node') continue;
      await writer.add(
        'datasets/write-nodes.cypher',
        {
          id: scopedId(request.dataset, record.key),
          labels: record.labels,
          properties: neo4jProperties(record.properties),
          caption: record.caption ?? null,
        },
        nodeProgress,
      );
    }
    await writer.drain();
    const relationshipProgress = new Progress(log, 'writing relationships', summary.relationships, (done, total) =>
      observe?.({ phase: 'relationships', done, total }),
    );
    let ordinal = 0;
    for await (const record of readNetwork(input, options)) {
      if (record.kind !== 'relationship') continue;
      ordinal += 1;
      await writer.add(
        'datasets/write-relationships.cypher',
        {
          // A tie without an id of its own is named by its place in the input, so a re-import names it the same.
          id: scopedId(request.dataset, record.key === undefined ? `#${ordinal}` : `edge:${record.key}`),
          start: scopedId(request.dataset, record.start),
          end: scopedId(request.dataset, record.end),
          type: record.type,
          properties: neo4jProperties(record.properties),
          undirected: record.undirected,
        },
        relationshipProgress,
      );
    }
    await writer.drain();
    await completeDataset(db, request.dataset, { nodes: summary.nodes, relationships: summary.relationships });
  } catch (error) {
    // Nothing of a failed import stays: its batches were committed one by one, so they are deleted here (or, if this
    // process dies first, by the next start or import).
    await deleteDataset(db, request.dataset).catch(() => undefined);
    throw error;
  } finally {
    stopTouching();
  }
  return { ...summary, dataset: request.dataset, validationMs, writeMs: Date.now() - writeStarted };
}

/** A record's properties as driver values: bigint (GraphML/GEXF integers) as Neo4j integers, names verbatim, Nexo's own keys left out. */
function neo4jProperties(properties: Properties): Record<string, unknown> {
  const converted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of properties) if (!isNexoWrittenKey(name)) converted[name] = neo4jValue(value);
  return converted;
}

function neo4jValue(value: PropertyValue): unknown {
  if (Array.isArray(value)) return value.map((item) => neo4jValue(item));
  return typeof value === 'bigint' ? neo4j.int(value.toString()) : value;
}
