import { orReport } from '../importError.js';
import { readInputRecords, withoutTrailingEmpty } from '../csvRecords.js';
import { IdSet } from '../idSet.js';
import { DEFAULT_LABEL, DEFAULT_TYPE, FormatError, type NetworkRecord, type Properties, type ReadOptions, type RelationshipRecord } from './network.js';
import { inputName, type InputFile } from './inputFile.js';
import { inputDelimiter, numberIn, type Delimiter } from './delimiter.js';
import { isMissingValue } from './matrix.js';
import { networkxData } from './networkxData.js';
import { labelFromName, typeFromName } from './kinds.js';

/**
 * Header names of a tie's two ends, any letter case: Gephi and most tools write source/target, SNA data ego/alter,
 * spreadsheets from/to or node1/node2, phone records caller/callee.
 */
const SOURCE = new Set(['source', 'from', 'ego', 'node1', 'caller', 'sender']);
const TARGET = new Set(['target', 'to', 'alter', 'node2', 'callee', 'receiver']);
const LABEL_SEPARATOR = ';';

/** A node file's key column beside `id`, its letters and digits only: how ICIJ's Offshore Leaks (`node_id`) and graph tools name it. */
const NODE_KEYS = ['nodeid', 'node', 'vertexid', 'vertex', 'key'];
/** A first column named as some kind's id (`person_id`, `PersonID`, `Actor ID`) is the key too. */
const KIND_ID = /(?:^|[^\p{L}\p{N}])id$|\p{Ll}I[dD]$/u;
/**
 * A tie file's type column, letters and digits only, first found first: ICIJ writes `rel_type`, others `edge_type`. A
 * bare `relationship` or `relation` column is often a sentence, so it stays a property.
 */
const TYPE_COLUMNS = ['type', 'reltype', 'relationshiptype', 'relationtype', 'edgetype', 'tietype', 'linktype'];

const bare = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * A node file's key column: `id`, else a column NODE_KEYS names, else a first column named as an id (KIND_ID), else
 * with `keyedByName` (a table beside tie files) `name`, as R's igraph keeps its vertices. -1 for none.
 */
function keyColumn(fields: string[], first: number, keyedByName: boolean): number {
  const names = fields.map(bare);
  const id = fields.findIndex((field) => field.trim().toLowerCase() === 'id');
  if (id >= 0) return id;
  for (const key of NODE_KEYS) if (names.includes(key)) return names.indexOf(key);
  if (fields.length > first && KIND_ID.test(fields[first]!.trim())) return first;
  return keyedByName ? names.indexOf('name') : -1;
}

type Role = 'edges' | 'nodes';

interface Columns {
  role: Role;
  names: string[];
  /** Column index of each special column, by its lower-case name. */
  source: number;
  target: number;
  id: number;
  label: number;
  /** The column whose text is a node's caption: `name`, else a Gephi node table's `Label`. */
  caption: number;
  type: number;
  weight: number;
  /** 0 when the first column, without a name, holds R's row names (write.csv's default): not data. Else -1. */
  rowNames: number;
}

/**
 * Words that name a tie's two ends as a pair, the start first. A header whose first two columns are such a pair,
 * alone or around a common word (`from_id,to_id`, `Source Name,Target Name`, `person_from,person_to`), is a tie file;
 * so is one whose first two columns differ only by 1/2 or A/B (`actor1,actor2`, `Person A,Person B`, R's `V1,V2`).
 */
const END_WORDS: [string, string][] = [
  ['source', 'target'],
  ['from', 'to'],
  ['src', 'dst'],
  ['src', 'tgt'],
  ['start', 'end'],
  ['ego', 'alter'],
  ['sender', 'receiver'],
  ['caller', 'callee'],
  ['origin', 'destination'],
  ['head', 'tail'],
  ['u', 'v'],
  ['i', 'j'],
];
/** Numbered ends, and what a third column of a series would be: `V1,V2,V3,…` is a matrix's columns (R's names), not two ends. */
const NUMBERED_ENDS: [string, string, string][] = [
  ['1', '2', '3'],
  ['a', 'b', 'c'],
];

function namesEndPair(first: string, second: string, third = ''): boolean {
  const [a, b, c] = [first, second, third].map(bare);
  if (!a || !b || a === b) return false;
  for (const [start, end] of END_WORDS) {
    if (a === start && b === end) return true;
    // One-letter words only alone: `id,jd` names no pair.
    if (start.length < 2) continue;
    if (a.startsWith(start) && b.startsWith(end) && a.slice(start.length) === b.slice(end.length)) return true;
    if (a.endsWith(start) && b.endsWith(end) && a.slice(0, -start.length) === b.slice(0, -end.length)) return true;
  }
  const stem = a.slice(0, -1);
  return NUMBERED_ENDS.some(([one, two, three]) => stem !== '' && a.endsWith(one) && b === stem + two && c !== stem + three);
}

/**
 * Classifies an edge-list CSV header: `source,target,…` (or another pair of end names, see END_WORDS) is a tie file,
 * `id,…` a node file. Returns undefined for neither.
 */
export function edgeListColumns(fields: string[], keyedByName = false): Columns | undefined {
  const lower = fields.map((field) => field.trim().toLowerCase());
  const find = (names: Set<string>): number => lower.findIndex((name) => names.has(name));
  const rowNames = fields.length > 2 && fields[0]!.trim() === '' ? 0 : -1;
  const first = rowNames + 1;
  let source = find(SOURCE);
  let target = find(TARGET);
  if ((source < 0 || target < 0) && fields.length >= first + 2 && namesEndPair(fields[first]!, fields[first + 1]!, fields[first + 2]))
    [source, target] = [first, first + 1];
  const name = lower.indexOf('name');
  const id = keyColumn(fields, first, keyedByName);
  // Gephi's node table (its "Export table" and what its import expects) writes `Id,Label,…` with the node's name in
  // Label: read as labels, every person would be a kind of their own.
  const gephiLabel = name < 0 && fields.includes('Id') && fields.includes('Label') ? fields.indexOf('Label') : -1;
  const columns = {
    names: fields,
    source,
    target,
    id,
    label: gephiLabel >= 0 ? -1 : lower.indexOf('label'),
    caption: gephiLabel >= 0 ? gephiLabel : name,
    type: typeColumn(fields),
    weight: lower.indexOf('weight'),
    rowNames,
  };
  if (source >= 0 && target >= 0) return { role: 'edges', ...columns };
  if (id >= 0) return { role: 'nodes', ...columns };
  return undefined;
}

function typeColumn(fields: string[]): number {
  const names = fields.map(bare);
  for (const type of TYPE_COLUMNS) if (names.includes(type)) return names.indexOf(type);
  return -1;
}

/** The first rows a file is classified by: enough to see a name of the first row again. */
export const SAMPLE_ROWS = 20;

/** A headerless row's fourth field: KONECT writes a time after the weight. */
const HEADERLESS_TIME = 3;

/** NetworkX's write_edgelist puts each tie's attributes after its ends as a Python dict: `0 1 {'weight': 4}`. */
const hasDataDict = (fields: string[]): boolean => fields.length >= 3 && fields[2]!.startsWith('{') && fields.at(-1)!.endsWith('}');

/**
 * Whether a file's first rows are ties without a header line, as SNAP, KONECT, NetworkX and R write them: two ends,
 * then an optional weight and time (numbers) or NetworkX's dict, in every row; and a first row that no header would
 * be: numbers for ends, a number or dict after them, or an end that a later row names again.
 */
export function headerlessTies(rows: string[][], delimiter: Delimiter): boolean {
  const [first] = rows;
  if (!first) return false;
  const isNumber = (text: string): boolean => numberIn(text, delimiter) !== undefined;
  const tieRow = (fields: string[]): boolean =>
    hasDataDict(fields) || (fields.length >= 2 && fields.length <= 4 && fields.length === first.length && fields.slice(2).every(isNumber));
  if (!rows.every(tieRow)) return false;
  if (first.length > 2 || (isNumber(first[0]!) && isNumber(first[1]!))) return true;
  return rows.slice(1).some((row) => first.includes(row[0]!) || first.includes(row[1]!));
}

function checkHeader(fields: string[], columns: Columns | undefined, file: InputFile): void {
  const seen = new Map<string, number>();
  fields.forEach((name, index) => {
    if (index === columns?.rowNames) return;
    if (name.trim() === '') throw new FormatError(file.display, 1, 'empty column name in the header', index + 1);
    const earlier = seen.get(name);
    if (earlier !== undefined) throw new FormatError(file.display, 1, `column "${name}" appears twice (columns ${earlier + 1} and ${index + 1})`, index + 1);
    seen.set(name, index);
  });
}

/** A headerless time as written: a decimal number (a decimal comma too, in a file not separated by commas); anything else is refused with its column. */
function numberField(what: string, text: string, file: string, line: number, column: number, delimiter: Delimiter): number {
  const value = numberIn(text, delimiter);
  if (value === undefined) throw new FormatError(file, line, `${what} "${text}" is not a number`, column);
  return value;
}

/**
 * Reads an edge list: tie files (`source,target` plus optional `weight`, `type`, any other columns
 * as relationship properties) and optional node files (`id` plus optional `label` and any other
 * columns as properties). Node files are read first. Without any node file, every end named in a
 * tie file becomes a node (label Node); with one, an end that is not in it is refused later.
 * Each line is its own relationship: the same pair twice gives two ties (a multigraph).
 */
export async function* readEdgeList(files: InputFile[], options: ReadOptions): AsyncGenerator<NetworkRecord> {
  const classified: { file: InputFile; columns: Columns | undefined; delimiter: Delimiter }[] = [];
  for (const file of files) {
    const delimiter = inputDelimiter(file);
    if (options.headerless) {
      classified.push({ file, columns: undefined, delimiter });
      continue;
    }
    const rows = await firstRecords(file, delimiter);
    const header = withoutTrailingEmpty(rows[0]!);
    const columns = edgeListColumns(header, true);
    if (!columns && headerlessTies(rows, delimiter)) {
      options.onNote?.(`${file.display}: no header line; its first line is read as a tie (source, target, weight)`);
      classified.push({ file, columns: undefined, delimiter });
      continue;
    }
    checkHeader(header, columns, file);
    if (!columns)
      throw new FormatError(
        file.display,
        1,
        'an edge list needs a "source,target" header (ties) or an "id", "node_id" or "name" column (nodes); use --headerless for a file without a header',
      );
    if (columns.rowNames >= 0) options.onNote?.(`${file.display}: the first column, without a name, is taken for R's row names and not read`);
    if (columns.role === 'nodes' && columns.id === columns.caption) options.onNote?.(`${file.display}: nodes keyed by their "${header[columns.id]}"`);
    classified.push({ file, columns, delimiter });
  }
  const nodeFiles = classified.filter((entry) => entry.columns?.role === 'nodes');
  for (const { file, columns, delimiter } of nodeFiles) {
    const label = columns!.label < 0 && nodeFiles.length > 1 ? fileLabel(file, options) : undefined;
    yield* readNodeFile(file, columns!, label === undefined ? options : { ...options, label }, delimiter);
  }
  const implicitNodes = nodeFiles.length === 0 ? new IdSet() : undefined;
  const tieFiles = classified.filter((entry) => entry.columns?.role !== 'nodes');
  for (const { file, columns, delimiter } of tieFiles) {
    const type = (columns?.type ?? -1) < 0 && tieFiles.length > 1 ? fileType(file, options) : undefined;
    yield* readTieFile(file, columns, type === undefined ? options : { ...options, type }, implicitNodes, delimiter);
  }
}

/**
 * A tie file's type from its name, for a folder of several tie files without a type column (one relation per file: calls,
 * meetings, payments; or waves): undefined where `--type` names one or the name gives none.
 */
function fileType(file: InputFile, options: ReadOptions): string | undefined {
  if (options.type !== undefined) return undefined;
  const type = typeFromName(inputName(file));
  if (type !== undefined) options.onNote?.(`${file.display}: no "type" column; its ties are typed ${type}, after the file's name (one relation of several)`);
  return type;
}

/**
 * A node file's label from its name, for a folder of several node files without a label column (one file per kind, as
 * ICIJ's Offshore Leaks): undefined where `--label` names one or the name gives none.
 */
function fileLabel(file: InputFile, options: ReadOptions): string | undefined {
  if (options.label !== undefined) return undefined;
  const label = labelFromName(inputName(file));
  if (label !== undefined) options.onNote?.(`${file.display}: no "label" column; its nodes are labelled ${label}, from the file name`);
  return label;
}

async function firstRecords(file: InputFile, delimiter: Delimiter): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const record of readInputRecords(file, delimiter)) {
    rows.push(record.fields);
    if (rows.length === SAMPLE_ROWS) break;
  }
  return rows;
}

function checkFieldCount(fields: string[], expected: number, file: string, line: number): void {
  if (withoutTrailingEmpty(fields, expected).length !== expected)
    throw new FormatError(file, line, `expected ${expected} fields as in the header, found ${fields.length}`, Math.min(fields.length, expected) + 1);
}

async function* readNodeFile(file: InputFile, columns: Columns, options: ReadOptions, delimiter: Delimiter): AsyncGenerator<NetworkRecord> {
  let isHeader = true;
  for await (const { line, fields } of readInputRecords(file, delimiter)) {
    if (isHeader) {
      isHeader = false;
      continue;
    }
    const record = orReport(options.onProblem, (): NetworkRecord => {
      checkFieldCount(fields, columns.names.length, file.display, line);
      const key = fields[columns.id]!;
      if (key === '') throw new FormatError(file.display, line, 'empty id', columns.id + 1);
      const labels =
        columns.label < 0
          ? []
          : fields[columns.label]!.split(LABEL_SEPARATOR)
              .map((label) => label.trim())
              .filter((label) => label !== '');
      const properties: Properties = new Map();
      fields.forEach((text, index) => {
        if ((index === columns.id && columns.id !== columns.caption) || index === columns.label || index === columns.rowNames || text === '') return;
        properties.set(columns.names[index]!, text);
      });
      const caption = columns.caption >= 0 && fields[columns.caption] !== '' ? fields[columns.caption] : undefined;
      return { kind: 'node', file: file.display, line, key, labels: labels.length > 0 ? labels : [options.label ?? DEFAULT_LABEL], properties, caption };
    });
    if (record) yield record;
  }
}

async function* readTieFile(
  file: InputFile,
  columns: Columns | undefined,
  options: ReadOptions,
  implicitNodes: IdSet | undefined,
  delimiter: Delimiter,
): AsyncGenerator<NetworkRecord> {
  let isHeader = columns !== undefined;
  const source = columns?.source ?? 0;
  const target = columns?.target ?? 1;
  const weight = columns ? columns.weight : 2;
  const type = columns?.type ?? -1;
  for await (const { line, fields } of readInputRecords(file, delimiter)) {
    if (isHeader) {
      isHeader = false;
      continue;
    }
    const tie = orReport(options.onProblem, (): RelationshipRecord => {
      const data = !columns && hasDataDict(fields) ? networkxData(fields.slice(2).join(' '), file.display, line) : undefined;
      if (columns) checkFieldCount(fields, columns.names.length, file.display, line);
      else if (!data && (fields.length < 2 || fields.length > 4)) {
        throw new FormatError(file.display, line, `a headerless edge list has 2 to 4 fields (source, target, weight, time), found ${fields.length}`);
      }
      const start = fields[source]!;
      const end = fields[target]!;
      if (start === '') throw new FormatError(file.display, line, 'empty source', source + 1);
      if (end === '') throw new FormatError(file.display, line, 'empty target', target + 1);
      const properties: Properties = data ?? new Map();
      let tieType = options.type ?? DEFAULT_TYPE;
      let undirected = options.undirected ?? false;
      fields.forEach((text, index) => {
        if (index === source || index === target || index === columns?.rowNames || text === '' || data) return;
        if (!columns && index === HEADERLESS_TIME) properties.set('time', numberField('time', text, file.display, line, index + 1, delimiter));
        else if (index === weight) {
          const value = numberIn(text, delimiter);
          // R and pandas write a missing weight as NA or NaN: the tie then has none, as with an empty cell.
          if (value === undefined && !isMissingValue(text)) throw new FormatError(file.display, line, `weight "${text}" is not a number`, index + 1);
          if (value !== undefined) properties.set(columns ? columns.names[index]! : 'weight', value);
        } else if (index === type) {
          // Gephi's edge table puts the direction in its Type column.
          const direction = text.trim().toLowerCase();
          if (direction === 'undirected') undirected = true;
          else if (direction !== 'directed') tieType = text.trim();
        } else properties.set(columns!.names[index]!, text);
      });
      return { kind: 'relationship', file: file.display, line, start, end, type: tieType, properties, undirected };
    });
    if (!tie) continue;
    for (const key of [tie.start, tie.end]) {
      if (!implicitNodes || implicitNodes.has(key)) continue;
      implicitNodes.add(key);
      yield { kind: 'node', file: file.display, line, key, labels: [options.label ?? DEFAULT_LABEL], properties: new Map(), caption: key };
    }
    yield tie;
  }
}
