import type { Database } from '../../neo4j/database.js';
import { invalidateKnownNames } from '../../neo4j/knownNames.js';
import { markGraphChanged } from '../analysis/graphVersion.js';
import { storeSearchCaptions } from '../captions/searchCaptions.js';
import { importOpenedNetwork } from '../datasets/importNetwork.js';
import { detectInputFormat, inputFiles } from './formats/detect.js';
import type { InputFile } from './formats/inputFile.js';
import type { FormatName, ReadOptions } from './formats/network.js';
import { withSheets } from './formats/workbook.js';
import { importFolder } from './import.service.js';
import type { ObserveImport } from './progress.js';

type Db = Pick<Database, 'driver' | 'name'>;

export interface ImportRequest {
  /** The dataset id (see datasetIdSchema). */
  dataset: string;
  name: string;
  /** The file or folder to read. */
  input: string;
  /** What the dataset record names as its source, when not the input path. */
  source?: string;
  options: ReadOptions;
}

export type ImportedDataset =
  | { status: 'already-imported'; completedAt: string }
  | {
      status: 'imported';
      format: FormatName;
      nodes: number;
      relationships: number;
      undirected: number;
      labels: Record<string, number>;
      types: Record<string, number>;
      writeMs: number;
    };

/**
 * The one way a file or folder becomes a dataset, for the command line and the browser alike: neo4j-admin CSV
 * through its own importer, every other format through the batched network importer. Bad input throws
 * ImportError (file:line[:column]) with nothing written.
 */
export async function importDataset(
  db: Db,
  request: ImportRequest,
  log: (message: string) => void,
  timeoutMs: number,
  observe?: ObserveImport,
): Promise<ImportedDataset> {
  // A workbook's sheets are written out as CSV once, for the format's detection and every reading after it.
  return withSheets(inputFiles(request.input), log, async (files) => {
    const format = detectInputFormat(files, request.options.format);
    try {
      const imported = await writeDataset(db, request, { format, files }, log, timeoutMs, observe);
      if (imported.status === 'imported') await searchableCaptions(db, request.dataset, log, timeoutMs);
      return imported;
    } finally {
      // A server that imports (the browser's upload) must see the new labels and types at once, and so must its analysis.
      invalidateKnownNames(db);
      markGraphChanged();
    }
  });
}

async function writeDataset(
  db: Db,
  request: ImportRequest,
  input: { format: FormatName; files: InputFile[] },
  log: (message: string) => void,
  timeoutMs: number,
  observe?: ObserveImport,
): Promise<ImportedDataset> {
  if (input.format === 'neo4j-csv') {
    const outcome = await importFolder(db, request.input, log, { id: request.dataset, name: request.name }, timeoutMs, observe);
    if (outcome.status === 'already-imported') return { status: 'already-imported', completedAt: outcome.completedAt };
    return {
      status: 'imported',
      format: input.format,
      nodes: outcome.nodes,
      relationships: outcome.relationships,
      undirected: 0,
      labels: outcome.labels,
      types: outcome.types,
      writeMs: outcome.nodeWriteMs + outcome.relationshipWriteMs + outcome.commitMs,
    };
  }
  const outcome = await importOpenedNetwork(
    db,
    { dataset: request.dataset, name: request.name, input: request.input, source: request.source, options: request.options },
    { format: input.format, files: input.files },
    log,
    observe,
  );
  return { status: 'imported', ...outcome };
}

/**
 * The dataset is complete and readable; what search needs of the captions picked from its data follows. A failure
 * here leaves the import whole (search still finds names), so it is said, not thrown.
 */
async function searchableCaptions(db: Db, dataset: string, log: (message: string) => void, timeoutMs: number): Promise<void> {
  try {
    const stored = await storeSearchCaptions(db, dataset, timeoutMs);
    if (stored > 0) log(`Search finds ${stored} node(s) by their captions.`);
  } catch (error) {
    log(`Search by caption is not ready for "${dataset}" (${(error as Error).message}); choosing its captions again makes it so.`);
  }
}
