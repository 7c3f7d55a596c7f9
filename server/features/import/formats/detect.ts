import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { csvParseOptions, spaceSeparated } from '../csvRecords.js';
import { fileHead, inputDelimiter, isCommentLine, numberIn, SNIFF_BYTES, sniffDelimiter, type Delimiter } from './delimiter.js';
import { edgeListColumns, headerlessTies, SAMPLE_ROWS } from './edgeList.js';
import { startsAsGml } from './gml.js';
import { startsAsJsonGraph } from './jsonGraph.js';
import { isBareMatrixRow } from './matrix.js';
import type { InputFile } from './inputFile.js';
import { FormatError, FORMATS, type FormatName } from './network.js';

const BY_EXTENSION: Record<string, FormatName> = {
  '.graphml': 'graphml',
  '.gexf': 'gexf',
  '.gml': 'gml',
  '.cyjs': 'json',
  '.adjlist': 'adjlist',
  '.net': 'pajek',
  '.paj': 'pajek',
  '.dl': 'ucinet',
  '.ftm': 'ftm',
  '.ijson': 'ftm',
  '.jsonl': 'ftm',
  '.ndjson': 'ftm',
};

const NEO4J_HEADER_TOKEN = /:(ID|START_ID|END_ID|LABEL|TYPE|IGNORE)(\(|$)/i;

/** The first rows of a delimited text, separated as sniffDelimiter finds (unless told), without the comment lines it may start with. */
function firstCsvRows(text: string, known?: Delimiter): { rows: string[][]; delimiter: Delimiter } {
  const complete = text.length < SNIFF_BYTES ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  const delimiter = known ?? sniffDelimiter(complete);
  let rows: string[][];
  try {
    rows = parse(complete, { ...csvParseOptions(delimiter), skip_empty_lines: true }) as string[][];
  } catch {
    return { rows: [], delimiter };
  }
  if (delimiter === 'whitespace') rows = rows.map(spaceSeparated).filter((row): row is string[] => row !== undefined && row.length > 0);
  const data = rows.findIndex((row) => !isCommentLine(row[0] ?? ''));
  return { rows: data < 0 ? [] : rows.slice(data, data + SAMPLE_ROWS), delimiter };
}

/**
 * Whether rows are a square matrix whose first row and first column name the same nodes in the same order, whatever
 * the corner says (`Actor`, `ID`, `Name`…) and the cells numbers.
 */
function labelledMatrix(rows: string[][], delimiter: Delimiter): boolean {
  const [header, ...body] = rows;
  if (!header || header.length < 2 || body.length === 0 || new Set(header.slice(1)).size !== header.length - 1) return false;
  // A named corner is a word; numbers there are a headerless edge list's first tie.
  if (numberIn(header[0]!, delimiter) !== undefined) return false;
  return body.every(
    (row, index) =>
      row.length === header.length &&
      (index + 1 >= header.length || row[0] === header[index + 1]) &&
      row.slice(1).every((cell) => cell.trim() === '' || numberIn(cell, delimiter) !== undefined),
  );
}

/**
 * A CSV file's format from its first rows: neo4j-admin header tokens, an edge list's columns or its ties without a
 * header, a matrix's empty corner, its labels repeated down the first column, or its numbers alone.
 */
function csvFormat(text: string, known?: Delimiter): FormatName | undefined {
  const { rows, delimiter } = firstCsvRows(text, known);
  const [header] = rows;
  if (!header) return undefined;
  if (header.some((field) => NEO4J_HEADER_TOKEN.test(field))) return 'neo4j-csv';
  const columns = edgeListColumns(header);
  if (columns?.role === 'edges') return 'edgelist';
  // A matrix's named corner may read as a node file's key (`id`, `actor_id`): its labels repeated down the first column tell.
  if (labelledMatrix(rows, delimiter)) return 'matrix';
  if (columns) return 'edgelist';
  // An empty corner cell: the matrix reader then names any cell that is not a number.
  if (header[0]!.trim() === '' && header.length > 1) return 'matrix';
  if (headerlessTies(rows, delimiter)) return 'edgelist';
  if (rows.every((row) => row.length === header.length && isBareMatrixRow(row, delimiter))) return 'matrix';
  return undefined;
}

/** A text file's format from its first line or element. */
function textFormat(text: string): FormatName | undefined {
  const start = text.trimStart();
  const firstWord = start.split(/[\s,=]/, 1)[0]!.toLowerCase();
  if (firstWord === 'dl') return 'ucinet';
  if (firstWord === '*vertices' || firstWord === '*network') return 'pajek';
  // Before FtM's test: a graph written on one line may have a `schema` attribute on that line.
  if (startsAsJsonGraph(start)) return 'json';
  if (start.startsWith('{') && /"schema"\s*:/.test(start.split('\n', 1)[0]!)) return 'ftm';
  if (start.startsWith('<')) {
    // The root element's name, past any declaration, comments and doctype; the XML parser reads the rest.
    const root = /<(graphml|gexf)[\s>]/.exec(start);
    if (root) return root[1] as FormatName;
  }
  if (startsAsGml(start)) return 'gml';
  return undefined;
}

/** Detects one file's format: by its extension, else by its content. Undefined when neither tells. */
export function detectFormat(file: string): FormatName | undefined {
  const extension = path.extname(file).toLowerCase();
  const byExtension = BY_EXTENSION[extension];
  if (byExtension) return byExtension;
  const text = fileHead(file);
  if (extension === '.csv') return csvFormat(text);
  return textFormat(text) ?? csvFormat(text);
}

/** A file's format as detectFormat tells it; a workbook's sheet is a comma-separated table. */
function inputFormat(file: InputFile): FormatName | undefined {
  return file.sheet === undefined ? detectFormat(file.path) : csvFormat(fileHead(file.path), inputDelimiter(file));
}

/** Whether a file is a table with a `name` column (any letter case): an edge list's node file beside its ties. */
function namesNodes(file: InputFile): boolean {
  const [header] = firstCsvRows(fileHead(file.path), inputDelimiter(file)).rows;
  return header?.some((field) => field.trim().toLowerCase() === 'name') ?? false;
}

/** The files of an input path: the file itself, or a folder's visible files in name order. */
export function inputFiles(input: string): InputFile[] {
  const absolute = path.resolve(input);
  if (!existsSync(absolute)) throw new FormatError(input, undefined, 'file or folder not found');
  if (!statSync(absolute).isDirectory()) return [{ path: absolute, display: input }];
  const names = readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) throw new FormatError(input, undefined, 'no files in this folder');
  return names.map((name) => ({ path: path.join(absolute, name), display: path.join(input, name) }));
}

/**
 * The format of an input's files, all of which must agree (an edge list's node file is part of the
 * edge list). With `forced`, that format is used without looking.
 */
export function detectInputFormat(files: InputFile[], forced?: FormatName): FormatName {
  const format = forced ?? detectedFormat(files);
  // The CSV importer reads neo4j-admin files from their folder, by their names; a sheet has neither.
  const sheet = format === 'neo4j-csv' ? files.find((file) => file.sheet !== undefined) : undefined;
  if (sheet) throw new FormatError(sheet.display, undefined, 'neo4j-admin CSV is read from .csv files, not from a workbook: save each sheet as a CSV file');
  return format;
}

function detectedFormat(files: InputFile[]): FormatName {
  const formats = files.map(inputFormat);
  // R's igraph keeps a network as a table of ties and one of vertices keyed by `name`, which alone tells nothing.
  if (formats.includes('edgelist')) {
    for (const [index, file] of files.entries()) if (formats[index] === undefined && namesNodes(file)) formats[index] = 'edgelist';
  }
  let found: { format: FormatName; file: InputFile } | undefined;
  for (const [index, file] of files.entries()) {
    const format = formats[index];
    if (!format) throw new FormatError(file.display, undefined, `unknown format: name it with --format (${FORMATS.join(', ')})`);
    if (found && found.format !== format)
      throw new FormatError(file.display, undefined, `reads as ${format} but ${found.file.display} as ${found.format}: import one format at a time`);
    found = { format, file };
  }
  return found!.format;
}
