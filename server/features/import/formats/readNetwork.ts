import { reportOrThrow } from '../importError.js';
import { IdSet } from '../idSet.js';
import { reservedLabel } from '../reservedLabels.js';
import { detectInputFormat, inputFiles } from './detect.js';
import { readEdgeList } from './edgeList.js';
import { readFtm } from './ftm.js';
import { readGexf } from './gexf.js';
import { readGml } from './gml.js';
import { readAdjacencyList } from './adjacencyList.js';
import { readGraphml } from './graphml.js';
import { readJsonGraph } from './jsonGraph.js';
import type { InputFile } from './inputFile.js';
import { MatrixFolder, readMatrix, readTwoModeMatrix } from './matrix.js';
import { FormatError, type FormatName, type NetworkRecord, type NetworkSummary, type ReadOptions, type RecordSource } from './network.js';
import { readPajek } from './pajek.js';
import { readUcinet } from './ucinet.js';
import { withSheets } from './workbook.js';

/** An input ready to read: its files and their format. */
export interface NetworkInput {
  format: Exclude<FormatName, 'neo4j-csv'>;
  files: InputFile[];
}

/**
 * Opens a file or folder for `use`: its files (a workbook's sheets among them, written out as CSV until `use` settles)
 * and their format (detected, or `options.format`). neo4j-admin CSV is refused here with a FormatError naming it,
 * because the existing CSV importer reads it.
 */
export async function withNetwork<T>(input: string, options: ReadOptions, use: (network: NetworkInput) => Promise<T>): Promise<T> {
  return withSheets(inputFiles(input), options.onNote, (files) => {
    const format = detectInputFormat(files, options.format);
    if (format === 'neo4j-csv')
      throw new FormatError(input, undefined, 'neo4j-admin CSV: read by the CSV importer (server/features/import), not by the network formats');
    return use({ format, files });
  });
}

function* each<T>(files: InputFile[], read: (file: InputFile) => AsyncGenerator<T>): Generator<AsyncGenerator<T>> {
  for (const file of files) yield read(file);
}

/**
 * Each file's records as its reader gives them, without the checks across files (duplicate keys, missing ends): what
 * the preview uses to find every bad file, not only the first.
 */
export async function* readEachFile(input: NetworkInput, options: ReadOptions): AsyncGenerator<NetworkRecord> {
  if (input.format === 'edgelist') {
    yield* readEdgeList(input.files, options);
    return;
  }
  const matrices = new MatrixFolder(input.files.length);
  const readers: Record<Exclude<NetworkInput['format'], 'edgelist'>, (file: InputFile) => AsyncGenerator<NetworkRecord>> = {
    matrix: (file) => readMatrix(file, options, matrices),
    matrix2mode: (file) => readTwoModeMatrix(file, options, matrices),
    graphml: (file) => readGraphml(file, options),
    gexf: (file) => readGexf(file, options),
    gml: (file) => readGml(file, options),
    adjlist: (file) => readAdjacencyList(file, options),
    pajek: (file) => readPajek(file, options),
    ucinet: (file) => readUcinet(file, options),
    ftm: (file) => readFtm(file, options),
    json: (file) => readJsonGraph(file, options),
  };
  for (const records of each(input.files, readers[input.format])) yield* records;
}

/**
 * Streams an input's nodes and relationships in file order, refusing a duplicate node key at once
 * and a relationship end that no node of the input has at the end of the stream (GraphML and FtM
 * may name a node after a tie that uses it). So a consumer that must write nothing on bad input
 * reads the stream twice: once to check (summariseNetwork), once to write. A label Nexo keeps for itself (Entity,
 * Source, Import, __…) is refused where it is met. With `options.onProblem` every such
 * problem is reported instead (a duplicate node is skipped) and the stream goes on.
 */
export async function* readNetwork(input: NetworkInput, options: ReadOptions = {}): AsyncGenerator<NetworkRecord> {
  const keys = new IdSet();
  // Insertion-ordered, so the error names the first missing end in file order.
  const missing = new Map<string, RecordSource>();
  const problem = (error: FormatError): void => reportOrThrow(options.onProblem, error);
  for await (const record of readEachFile(input, options)) {
    if (record.kind === 'node') {
      for (const label of record.labels) {
        const reservedFor = reservedLabel(label);
        if (reservedFor !== undefined) problem(new FormatError(record.file, record.line, `label "${label}" is reserved for ${reservedFor}; name it otherwise`));
      }
      if (keys.has(record.key)) {
        problem(new FormatError(record.file, record.line, `duplicate id "${record.key}"`));
        continue;
      }
      keys.add(record.key);
      missing.delete(record.key);
    } else {
      for (const end of [record.start, record.end]) {
        if (!keys.has(end) && !missing.has(end)) missing.set(end, { file: record.file, line: record.line });
      }
    }
    yield record;
  }
  for (const [end, where] of missing) problem(new FormatError(where.file, where.line, `relationship end "${end}" is not a node of this import`));
}

/** Reads an input through once, checking everything, and counts what it holds. */
export async function summariseNetwork(input: NetworkInput, options: ReadOptions = {}): Promise<NetworkSummary> {
  const summary: NetworkSummary = {
    format: input.format,
    files: input.files.map((file) => file.display),
    nodes: 0,
    relationships: 0,
    undirected: 0,
    labels: {},
    types: {},
  };
  for await (const record of readNetwork(input, options)) {
    if (record.kind === 'node') {
      summary.nodes += 1;
      for (const label of record.labels) summary.labels[label] = (summary.labels[label] ?? 0) + 1;
    } else {
      summary.relationships += 1;
      if (record.undirected) summary.undirected += 1;
      summary.types[record.type] = (summary.types[record.type] ?? 0) + 1;
    }
  }
  return summary;
}
