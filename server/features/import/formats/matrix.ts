import { orReport } from '../importError.js';
import { readInputRecords, withoutTrailingEmpty, type CsvRecord } from '../csvRecords.js';
import { inputName, type InputFile } from './inputFile.js';
import { inputDelimiter, numberIn, type Delimiter } from './delimiter.js';
import { typeFromName } from './kinds.js';
import { DEFAULT_LABEL, DEFAULT_TYPE, FormatError, type NetworkRecord, type ReadOptions } from './network.js';

export const DEFAULT_ROW_LABEL = 'Actor';
export const DEFAULT_COLUMN_LABEL = 'Event';
export const DEFAULT_TWO_MODE_TYPE = 'PARTICIPATED_IN';

/** The key of a 2-mode node: its side before its label, so a row and a column with the same label stay two nodes. */
export const rowKey = (label: string): string => `row/${label}`;
export const columnKey = (label: string): string => `column/${label}`;

/** What R (`NA`) and pandas (`NaN`) write for a missing value: no tie is read from it, as from an empty cell. */
export const isMissingValue = (text: string): boolean => /^\s*(na|nan)?\s*$/i.test(text);

/**
 * A cell value: a number (with a decimal comma too, in a file not separated by commas), an empty or missing (NA)
 * cell meaning 0; anything else is refused with its line and column.
 */
export function cellValue(text: string, file: string, line: number, column: number, delimiter: Delimiter = ','): number {
  // A number first: the test for a missing value is only for the few cells that are none.
  const value = numberIn(text, delimiter);
  if (value !== undefined) return value;
  if (isMissingValue(text)) return 0;
  throw new FormatError(file, line, `cell "${text}" is not a number`, column);
}

function columnLabels(header: string[], file: InputFile): string[] {
  const labels = withoutTrailingEmpty(header).slice(1);
  if (labels.length === 0) throw new FormatError(file.display, 1, 'a matrix needs node labels in its first row');
  const seen = new Set<string>();
  labels.forEach((label, index) => {
    if (label.trim() === '') throw new FormatError(file.display, 1, 'empty column label', index + 2);
    if (seen.has(label)) throw new FormatError(file.display, 1, `duplicate id "${label}" among the column labels`, index + 2);
    seen.add(label);
  });
  return labels;
}

/** A row's fields, refused unless there are as many as expected (past them, only the empty cells a spreadsheet leaves). */
function rowOfLength(row: string[], expected: number, file: InputFile, line: number): string[] {
  const fields = withoutTrailingEmpty(row, expected);
  if (fields.length !== expected) {
    throw new FormatError(file.display, line, `ragged row: ${fields.length} fields where the first row has ${expected}`, Math.min(fields.length, expected) + 1);
  }
  return fields;
}

/** Whether a matrix's first row is data rather than labels: every field a number, as numpy.savetxt and R write a bare matrix. */
export function isBareMatrixRow(fields: string[], delimiter: Delimiter): boolean {
  return fields.length > 1 && fields.every((field) => numberIn(field, delimiter) !== undefined);
}

/**
 * Reads a square adjacency matrix: the first row and first column hold the same node labels in the
 * same order (the corner cell is ignored); a non-zero cell (i, j) is a tie i→j with the value as
 * `weight`. A bare matrix, numbers only, names its nodes 1…n as Pajek and UCINET number them. With `undirected`,
 * (i, j) and (j, i) are one tie: both non-zero must be equal (a symmetric matrix), one of them zero is fine (a
 * triangle), and different values are refused.
 */
export async function* readMatrix(file: InputFile, options: ReadOptions, folder = new MatrixFolder(1)): AsyncGenerator<NetworkRecord> {
  let labels: string[] | undefined;
  let bare = false;
  let pairs: UndirectedPairs | undefined;
  let row = 0;
  let lastLine = 1;
  const type = folder.typeOf(file, options, DEFAULT_TYPE);
  const delimiter = inputDelimiter(file);
  for await (const { line, fields: read } of matrixRows(file, delimiter)) {
    lastLine = line;
    if (!labels) {
      bare = isBareMatrixRow(read, delimiter);
      if (bare) options.onNote?.(`${file.display}: numbers only, no labels; its nodes are numbered 1 to ${read.length}`);
      labels = bare ? read.map((_field, index) => String(index + 1)) : columnLabels(read, file);
      pairs = options.undirected ? new UndirectedPairs(labels.length, file.display) : undefined;
      for (const label of labels) if (folder.firstMet(label)) yield node(label, label, options.label ?? DEFAULT_LABEL, file, line);
      if (!bare) continue;
    }
    const n = labels.length;
    const rowLabels = labels;
    // A bare row is given its number as label; its cells' columns are then one less than the label's place implies.
    const shift = bare ? 1 : 0;
    const ties = orReport(options.onProblem, () => {
      if (row >= n) throw new FormatError(file.display, line, `not square: more rows than the ${n} columns`);
      const given = rowOfLength(read, n + 1 - shift, file, line);
      const fields = bare ? [String(row + 1), ...given] : given;
      if (fields[0] !== rowLabels[row]) {
        throw new FormatError(
          file.display,
          line,
          `row label "${fields[0]}" differs from column ${row + 2}'s label "${rowLabels[row]}" (a square matrix lists the same nodes in the same order; use --format matrix2mode for rows and columns of different kinds)`,
          1,
        );
      }
      const found: NetworkRecord[] = [];
      const cells = fields.slice(1).map((text, j) => {
        const column = j + 2 - shift;
        return { value: cellValue(text, file.display, line, column, delimiter), line, column };
      });
      cells.forEach((cell, j) => {
        const tied = pairs ? pairs.offer(row, j, cell) : cell.value === 0 ? undefined : { i: row, j, ...cell };
        if (tied) found.push(tie(rowLabels[tied.i]!, rowLabels[tied.j]!, tied.value, type, pairs !== undefined, file, tied.line));
      });
      return found;
    });
    if (ties) yield* ties;
    row += 1;
  }
  if (labels && row < labels.length) throw new FormatError(file.display, lastLine, `not square: ${row} rows for ${labels.length} columns`);
  folder.fileRead();
}

/**
 * Reads a 2-mode matrix: rows and columns are nodes of different kinds (people × events by
 * default); a non-zero cell (i, j) is a tie row i → column j with the value as `weight`. Keys are
 * `row/<label>` and `column/<label>`, so a row and a column with the same label stay two nodes.
 */
export async function* readTwoModeMatrix(file: InputFile, options: ReadOptions, folder = new MatrixFolder(1)): AsyncGenerator<NetworkRecord> {
  let labels: string[] | undefined;
  const rowLabel = options.label ?? DEFAULT_ROW_LABEL;
  const type = folder.typeOf(file, options, DEFAULT_TWO_MODE_TYPE);
  const delimiter = inputDelimiter(file);
  for await (const { line, fields } of matrixRows(file, delimiter)) {
    if (!labels) {
      labels = columnLabels(fields, file);
      for (const label of labels) {
        if (folder.firstMet(columnKey(label))) yield node(columnKey(label), label, options.columnLabel ?? DEFAULT_COLUMN_LABEL, file, line);
      }
      continue;
    }
    const columns = labels;
    const records = orReport(options.onProblem, () => {
      const cells = rowOfLength(fields, columns.length + 1, file, line);
      const rowName = cells[0]!;
      if (rowName.trim() === '') throw new FormatError(file.display, line, 'empty row label', 1);
      const row = rowKey(rowName);
      const values = columns.map((_label, j) => cellValue(cells[j + 1]!, file.display, line, j + 2, delimiter));
      return [
        ...(folder.firstMet(row) ? [node(row, rowName, rowLabel, file, line)] : []),
        ...values.flatMap((value, j) => (value === 0 ? [] : [tie(row, columnKey(columns[j]!), value, type, options.undirected ?? false, file, line)])),
      ];
    });
    if (records) yield* records;
  }
  folder.fileRead();
}

/**
 * The matrices of one folder, read as one network: relations or waves among the same actors (Padgett's marriage and
 * business ties, CAVIAR's eleven phases). A label is one node across the files, given by the file that first names
 * it; with several files each is a relation of its own, its ties typed by its file's name unless a type is named.
 */
export class MatrixFolder {
  private readonly earlier = new Set<string>();
  private current = new Set<string>();

  constructor(private readonly files: number) {}

  typeOf(file: InputFile, options: ReadOptions, fallback: string): string {
    if (options.type !== undefined || this.files < 2) return options.type ?? fallback;
    const type = typeFromName(inputName(file)) ?? fallback;
    options.onNote?.(`${file.display}: its ties are typed ${type}, after the file's name (one relation of several)`);
    return type;
  }

  /** Whether a node key is not an earlier file's: a label repeated within one file is still given twice, and refused. */
  firstMet(key: string): boolean {
    this.current.add(key);
    return !this.earlier.has(key);
  }

  fileRead(): void {
    for (const key of this.current) this.earlier.add(key);
    this.current = new Set();
  }
}

/**
 * A matrix file's rows. Separated by spaces, a first row that leaves the corner blank has no field for it: it is given
 * one when the next row is one field longer.
 */
async function* matrixRows(file: InputFile, delimiter: Delimiter): AsyncGenerator<CsvRecord> {
  const records = readInputRecords(file, delimiter);
  if (delimiter !== 'whitespace') {
    yield* records;
    return;
  }
  let header: CsvRecord | undefined;
  let headerGiven = false;
  for await (const record of records) {
    if (!header) {
      header = record;
      continue;
    }
    if (!headerGiven) {
      headerGiven = true;
      yield record.fields.length === header.fields.length + 1 ? { ...header, fields: ['', ...header.fields] } : header;
    }
    yield record;
  }
  if (header && !headerGiven) yield header;
}

interface Cell {
  value: number;
  line: number;
  column: number;
}

/**
 * The undirected reading of a square matrix, cell by cell in row order: (i, j) and (j, i) are one
 * tie, given when its second cell is read. Both non-zero must be equal; one zero is a triangle.
 */
export class UndirectedPairs {
  private readonly upper = new Map<number, Cell>();
  constructor(
    private readonly n: number,
    private readonly display: string,
  ) {}

  offer(i: number, j: number, cell: Cell): ({ i: number; j: number } & Cell) | undefined {
    if (i === j) return cell.value === 0 ? undefined : { i, j, ...cell };
    if (j > i) {
      this.upper.set(i * this.n + j, cell);
      return undefined;
    }
    const mirror = this.upper.get(j * this.n + i);
    this.upper.delete(j * this.n + i);
    // Row j was refused (a preview reading on past it): this cell stands alone.
    if (!mirror) return cell.value === 0 ? undefined : { i: j, j: i, ...cell };
    if (mirror.value !== 0 && cell.value !== 0 && mirror.value !== cell.value) {
      throw new FormatError(
        this.display,
        cell.line,
        `not symmetric: ${cell.value} here but ${mirror.value} at line ${mirror.line}, column ${mirror.column}; an undirected matrix gives each pair one value`,
        cell.column,
      );
    }
    if (mirror.value !== 0) return { i: j, j: i, ...mirror };
    return cell.value === 0 ? undefined : { i: j, j: i, ...cell };
  }
}

export function node(key: string, label: string, kind: string, file: InputFile, line: number): NetworkRecord {
  return { kind: 'node', file: file.display, line, key, labels: [kind], properties: new Map([['label', label]]), caption: label };
}

export function tie(start: string, end: string, weight: number, type: string, undirected: boolean, file: InputFile, line: number): NetworkRecord {
  return { kind: 'relationship', file: file.display, line, start, end, type, properties: new Map([['weight', weight]]), undirected };
}
