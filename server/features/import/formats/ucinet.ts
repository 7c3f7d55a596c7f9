import { orReport } from '../importError.js';
import type { InputFile } from './inputFile.js';
import { kindName } from './kinds.js';
import { cellValue, columnKey, DEFAULT_COLUMN_LABEL, DEFAULT_ROW_LABEL, DEFAULT_TWO_MODE_TYPE, node, rowKey, tie, UndirectedPairs } from './matrix.js';
import { DEFAULT_LABEL, DEFAULT_TYPE, FormatError, type NetworkRecord, type ReadOptions } from './network.js';
import { readTextLines, tokenize, type Token } from './textLines.js';

interface LineToken extends Token {
  line: number;
}

type Format = 'fullmatrix' | 'edgelist1' | 'nodelist1' | 'edgelist2' | 'nodelist2';

/** The tie-line formats of a 2-mode file: each line's first end is a row, the rest columns. */
const TWO_MODE_FORMATS: ReadonlySet<Format> = new Set(['edgelist2', 'nodelist2']);

/** A label list of the header: where it goes, and how many it holds (the list may be shorter). */
type LabelList = 'labels' | 'row' | 'column' | 'matrix';

interface Header {
  format: Format;
  /** n for both in a 1-mode file; nr and nc in a 2-mode one. */
  rows: number;
  columns: number;
  twoMode: boolean;
  /** nm: matrices (relations) one after another in the data, each of rows × columns values. */
  matrices: number;
  /** From `labels:` (1-mode, both), `row labels:`, `column labels:`. */
  rowLabels: string[] | undefined;
  columnLabels: string[] | undefined;
  /** From `matrix labels:` or `level labels:`: each matrix's relation, its relationships' type. */
  matrixLabels: string[] | undefined;
  /** `labels embedded` (both), `row labels embedded`, `column labels embedded`. */
  rowsEmbedded: boolean;
  columnsEmbedded: boolean;
}

const FORMATS: Record<string, Format> = {
  fullmatrix: 'fullmatrix',
  fm: 'fullmatrix',
  edgelist1: 'edgelist1',
  el1: 'edgelist1',
  nodelist1: 'nodelist1',
  nl1: 'nodelist1',
  edgelist2: 'edgelist2',
  el2: 'edgelist2',
  nodelist2: 'nodelist2',
  nl2: 'nodelist2',
};
const SEPARATORS = /[\s,]/;
const LIST_WORDS: Record<string, LabelList> = { row: 'row', column: 'column', col: 'column', matrix: 'matrix', level: 'matrix' };

/**
 * Reads a UCINET DL file: `dl n=…` (1-mode) or `dl nr=… nc=…` (2-mode, rows and columns different kinds), `nm=…`
 * matrices (relations, typed by `matrix labels:`), `format = fullmatrix` (the default), `edgelist1` or `nodelist1`, node
 * labels from `labels:`, `row labels:`, `column labels:` or embedded in the data, then `data:`. A matrix's non-zero
 * cell (i, j) is a tie i→j with the value as `weight` (values may wrap across lines); an edgelist1 line is
 * `from to [weight]`, a nodelist1 line `ego alter …`. Ties are directed unless --undirected, read as for a matrix
 * file. A preview (options.onProblem) reads on past a bad value, label or line; a problem in the header, or data
 * that ends early, ends the file.
 */
export async function* readUcinet(file: InputFile, options: ReadOptions): AsyncGenerator<NetworkRecord> {
  const lines = readTextLines(file.path, file.display);
  const header = await readHeader(lines, file);
  if (header.format === 'fullmatrix') yield* readFullMatrices(header.rest, header, header.dataLine, file, options);
  else yield* readTieLines(header.rest, header, file, options);
}

/** Reads up to and including `data:`; returns what follows it on that line and the remaining lines. */
async function readHeader(
  lines: AsyncGenerator<{ line: number; text: string }>,
  file: InputFile,
): Promise<Header & { dataLine: number; rest: AsyncGenerator<LineToken[]> }> {
  const sizes: Record<string, number> = {};
  let format: Format = 'fullmatrix';
  const lists: Partial<Record<LabelList, string[]>> = {};
  let collecting: { list: string[]; size: () => number | undefined } | undefined;
  const embedded = { rows: false, columns: false };
  let first = true;
  let lastLine = 1;
  // Not a for-await loop: leaving one would close `lines`, whose rest is the data.
  for (let step = await lines.next(); !step.done; step = await lines.next()) {
    const { line, text } = step.value;
    lastLine = line;
    // `n = 4` and `n=4` alike: one token per setting.
    const tokens = tokenize(text.replace(/\s*=\s*/g, '='), SEPARATORS);
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index]!;
      const word = token.text.toLowerCase();
      const fail = (reason: string): never => {
        throw new FormatError(file.display, line, reason, token.column);
      };
      if (first) {
        first = false;
        if (word !== 'dl') fail('a UCINET DL file starts with "dl"');
        continue;
      }
      if (collecting && !token.quoted && (word === 'data:' || word.includes('=') || isListStart(tokens, index))) collecting = undefined;
      if (collecting) {
        collecting.list.push(token.text);
        if (collecting.list.length === collecting.size()) collecting = undefined;
        continue;
      }
      if (word === 'data:') {
        const rest = tokens.slice(index + 1).map((t) => ({ ...t, line }));
        return { ...settledHeader(sizes, format, lists, embedded, file, line, token.column), dataLine: line, rest: remainingTokens(rest, lines) };
      }
      const [name, value] = word.split('=') as [string, string | undefined];
      if (value !== undefined) {
        if (['n', 'nr', 'nc', 'nm'].includes(name)) {
          const size = Number(value);
          if (!Number.isInteger(size) || size < 1) fail(`${name}=${value} is not a whole number above 0`);
          sizes[name] = size;
        } else if (name === 'format') {
          const known = FORMATS[value];
          if (!known) fail(`format=${value} is not supported (fullmatrix, edgelist1, nodelist1, edgelist2 and nodelist2 are)`);
          format = known!;
        } else if (name === 'diagonal') checkDiagonal(value, fail);
        else fail(`"${token.text}" is not a DL setting this reader knows`);
        continue;
      }
      if (word === 'diagonal') {
        checkDiagonal(tokens[index + 1]?.text.toLowerCase() ?? '', fail);
        index += 1;
        continue;
      }
      const listStart = isListStart(tokens, index);
      if (listStart) {
        index += listStart.words - 1;
        if (listStart.embedded) {
          if (listStart.list === 'matrix') fail('matrix labels cannot be embedded');
          if (listStart.list !== 'column') embedded.rows = true;
          if (listStart.list !== 'row') embedded.columns = true;
          continue;
        }
        const list: string[] = [];
        lists[listStart.list] = list;
        const size = (): number | undefined =>
          listStart.list === 'labels' ? sizes.n : listStart.list === 'row' ? sizes.nr : listStart.list === 'column' ? sizes.nc : sizes.nm;
        if (size() === undefined) fail(`${listStart.list === 'labels' ? 'labels' : `${listStart.list} labels`} before the size they list (n, nr, nc or nm)`);
        collecting = { list, size };
        continue;
      }
      fail(`"${token.text}" is not a DL keyword this reader knows`);
    }
  }
  throw new FormatError(file.display, lastLine, first ? 'empty file' : 'no "data:" line');
}

/** `diagonal present` is what a full matrix has; without its diagonal a row would be one value short. */
function checkDiagonal(value: string, fail: (reason: string) => never): void {
  if (value !== 'present') fail(`diagonal ${value} is not supported (a full matrix with its diagonal is)`);
}

/**
 * Whether a label list starts at this token: `labels:` / `labels embedded`, or `row`, `column`, `col`, `matrix` or
 * `level` before those, a colon written apart or not; with how many tokens it takes.
 */
function isListStart(tokens: Token[], index: number): { list: LabelList; embedded: boolean; words: number } | undefined {
  const words = tokens.slice(index, index + 4).map((token) => (token.quoted ? '"' : token.text.toLowerCase()));
  const list = LIST_WORDS[words[0]!];
  const at = list ? 1 : 0;
  if (!/^labels:?$/.test(words[at] ?? '')) return undefined;
  let used = at + 1;
  if (words[used] === ':') used += 1;
  const isEmbedded = !words[at]!.endsWith(':') && /^embedded:?$/.test(words[used] ?? '');
  if (isEmbedded) used += 1;
  if (isEmbedded && words[used] === ':') used += 1;
  return { list: list ?? 'labels', embedded: isEmbedded, words: used };
}

function settledHeader(
  sizes: Record<string, number>,
  format: Format,
  lists: Partial<Record<LabelList, string[]>>,
  embedded: { rows: boolean; columns: boolean },
  file: InputFile,
  line: number,
  column: number,
): Header {
  const fail = (reason: string): never => {
    throw new FormatError(file.display, line, reason, column);
  };
  const twoMode = sizes.nr !== undefined || sizes.nc !== undefined;
  if (twoMode && (sizes.nr === undefined || sizes.nc === undefined)) fail('a 2-mode DL file gives both nr= and nc=');
  if (twoMode && sizes.n !== undefined) fail('n= and nr=/nc= together: a DL file is 1-mode (n) or 2-mode (nr, nc)');
  if (!twoMode && sizes.n === undefined) fail('no "n=" (or "nr=" and "nc=") before data:');
  if (twoMode && format !== 'fullmatrix' && !TWO_MODE_FORMATS.has(format))
    fail(`a 2-mode DL file (nr, nc) is a full matrix, edgelist2 or nodelist2, not ${format}`);
  if (!twoMode && TWO_MODE_FORMATS.has(format)) fail(`${format} is for 2-mode data: give nr= and nc= instead of n=`);
  const matrices = sizes.nm ?? 1;
  if (matrices > 1 && format !== 'fullmatrix') fail(`several matrices (nm=${matrices}) are read as full matrices, not ${format}`);
  if (twoMode && lists.labels) fail('a 2-mode DL file names its nodes with row labels: and column labels:');
  return {
    format,
    rows: twoMode ? sizes.nr! : sizes.n!,
    columns: twoMode ? sizes.nc! : sizes.n!,
    twoMode,
    matrices,
    rowLabels: lists.labels ?? lists.row,
    columnLabels: lists.labels ?? lists.column,
    matrixLabels: lists.matrix,
    rowsEmbedded: embedded.rows,
    columnsEmbedded: embedded.columns,
  };
}

async function* remainingTokens(rest: LineToken[], lines: AsyncGenerator<{ line: number; text: string }>): AsyncGenerator<LineToken[]> {
  if (rest.length > 0) yield rest;
  for await (const { line, text } of lines) {
    const tokens = tokenize(text, SEPARATORS).map((token) => ({ ...token, line }));
    if (tokens.length > 0) yield tokens;
  }
}

/** The labels in order; a repeated one is refused, or in a preview reported and kept in its place (its node is given once). */
function uniqueLabels(
  labels: LineToken[] | string[],
  file: InputFile,
  options: ReadOptions,
  where: (index: number) => { line: number; column?: number },
): string[] {
  const seen = new Set<string>();
  return labels.map((label, index) => {
    const text = typeof label === 'string' ? label : label.text;
    if (seen.has(text)) {
      const at = where(index);
      orReport(options.onProblem, () => {
        throw new FormatError(file.display, at.line, `duplicate id "${text}" among the labels`, at.column);
      });
    }
    seen.add(text);
    return text;
  });
}

/** Labels listed in the header, checked; numbers 1 … size when there are none. */
function listedLabels(labels: string[] | undefined, size: number, file: InputFile, options: ReadOptions): string[] {
  return labels ? uniqueLabels(labels, file, options, () => ({ line: 1 })) : Array.from({ length: size }, (_, i) => String(i + 1));
}

/** How the nodes of one side of the matrix are keyed and labelled: 2-mode keys say the side, so a row and a column may share a name. */
interface Side {
  key: (label: string) => string;
  kind: string;
}

function sides(header: Header, options: ReadOptions): { rows: Side; columns: Side } {
  if (!header.twoMode) {
    const side = { key: (label: string) => label, kind: options.label ?? DEFAULT_LABEL };
    return { rows: side, columns: side };
  }
  return {
    rows: { key: rowKey, kind: options.label ?? DEFAULT_ROW_LABEL },
    columns: { key: columnKey, kind: options.columnLabel ?? DEFAULT_COLUMN_LABEL },
  };
}

/** Each matrix's relationship type: its matrix label when that can be a type, else the default, numbered when there are several. */
function matrixTypes(header: Header, options: ReadOptions): string[] {
  const fallback = options.type ?? (header.twoMode ? DEFAULT_TWO_MODE_TYPE : DEFAULT_TYPE);
  return Array.from({ length: header.matrices }, (_, m) => {
    const named = kindName(header.matrixLabels?.[m], () => undefined);
    return named ?? (header.matrices === 1 ? fallback : `${fallback}_${m + 1}`);
  });
}

async function* readFullMatrices(
  rows: AsyncGenerator<LineToken[]>,
  header: Header,
  dataLine: number,
  file: InputFile,
  options: ReadOptions,
): AsyncGenerator<NetworkRecord> {
  const { rows: rowCount, columns: columnCount, matrices } = header;
  const tokens = flatten(rows);
  let lastLine = dataLine;
  // Tokens read ahead and given back: embedded column labels that a later matrix does not repeat.
  const givenBack: LineToken[] = [];
  const next = async (): Promise<LineToken | undefined> => {
    const again = givenBack.shift();
    if (again) return again;
    const step = await tokens.next();
    if (step.done) return undefined;
    lastLine = step.value.line;
    return step.value;
  };
  const ofMatrix = (m: number): string => (matrices === 1 ? '' : ` of matrix ${m + 1} of ${matrices}`);
  const side = sides(header, options);
  const types = matrixTypes(header, options);
  let columnLabels = header.columnsEmbedded ? undefined : listedLabels(header.columnLabels, columnCount, file, options);
  let rowLabels = header.rowsEmbedded ? undefined : header.twoMode ? listedLabels(header.rowLabels, rowCount, file, options) : columnLabels;
  const given = new Set<string>();
  function* nodes(labels: string[], of: Side, line: number): Generator<NetworkRecord> {
    for (const label of labels) {
      const key = of.key(label);
      if (given.has(key)) continue;
      given.add(key);
      yield node(key, label, of.kind, file, line);
    }
  }
  if (columnLabels) yield* nodes(columnLabels, side.columns, 1);
  if (rowLabels && header.twoMode) yield* nodes(rowLabels, side.rows, 1);

  for (let m = 0; m < matrices; m += 1) {
    if (header.columnsEmbedded) {
      const columnTokens: LineToken[] = [];
      for (let j = 0; j < columnCount; j += 1) {
        const token = await next();
        if (!token) throw new FormatError(file.display, lastLine, `the data ends after ${j} of ${columnCount} column labels${ofMatrix(m)}`);
        columnTokens.push(token);
      }
      if (!columnLabels) {
        columnLabels = uniqueLabels(columnTokens, file, options, (index) => columnTokens[index]!);
        yield* nodes(columnLabels, side.columns, columnTokens[0]!.line);
        if (!header.twoMode && !header.rowsEmbedded) rowLabels = columnLabels;
      } else if (columnTokens.some((token, j) => token.text !== columnLabels![j])) {
        // Written once, before the first matrix only: these are the next matrix's values (or its row label).
        givenBack.push(...columnTokens);
      }
    }
    const readRowLabels: string[] = [];
    const pairs = options.undirected && !header.twoMode ? new UndirectedPairs(rowCount, file.display) : undefined;
    for (let i = 0; i < rowCount; i += 1) {
      let rowLabel: string;
      if (header.rowsEmbedded) {
        const token = await next();
        if (!token) throw new FormatError(file.display, lastLine, `the data ends after ${i} of ${rowCount} rows${ofMatrix(m)}`);
        const expected = header.twoMode ? rowLabels?.[i] : columnLabels![i];
        if (expected !== undefined && token.text !== expected) {
          orReport(options.onProblem, () => {
            throw new FormatError(
              file.display,
              token.line,
              header.twoMode
                ? `row label "${token.text}" differs from row ${i + 1}'s label "${expected}" in the first matrix`
                : `row label "${token.text}" differs from column label ${i + 1} "${expected}"`,
              token.column,
            );
          });
        }
        rowLabel = expected ?? token.text;
        if (header.twoMode && !rowLabels) {
          if (readRowLabels.includes(token.text)) {
            orReport(options.onProblem, () => {
              throw new FormatError(file.display, token.line, `duplicate id "${token.text}" among the row labels`, token.column);
            });
          }
          readRowLabels.push(token.text);
          yield* nodes([token.text], side.rows, token.line);
        }
      } else rowLabel = rowLabels![i]!;
      for (let j = 0; j < columnCount; j += 1) {
        const token = await next();
        if (!token)
          throw new FormatError(file.display, lastLine, `the data ends after ${i * columnCount + j} of ${rowCount}×${columnCount} values${ofMatrix(m)}`);
        // A bad value spoils that cell only: a preview reports it and reads the next.
        const found = orReport(options.onProblem, () => {
          const cell = { value: cellValue(token.text, file.display, token.line, token.column), line: token.line, column: token.column };
          return pairs ? pairs.offer(i, j, cell) : cell.value === 0 ? undefined : { i, j, ...cell };
        });
        if (!found) continue;
        const start = found.i === i ? rowLabel : (header.twoMode ? rowLabels : columnLabels)![found.i]!;
        yield tie(
          side.rows.key(start),
          side.columns.key(columnLabels![found.j]!),
          found.value,
          types[m]!,
          pairs !== undefined || (options.undirected ?? false),
          file,
          found.line,
        );
      }
    }
    if (header.twoMode && !rowLabels) rowLabels = readRowLabels;
  }
  const extra = await next();
  if (extra) {
    const size = `${rowCount}×${columnCount} values`;
    throw new FormatError(
      file.display,
      extra.line,
      matrices === 1 ? `more than the ${size} of the matrix` : `more than the ${matrices} matrices of ${size}`,
      extra.column,
    );
  }
}

async function* flatten(rows: AsyncGenerator<LineToken[]>): AsyncGenerator<LineToken> {
  for await (const row of rows) yield* row;
}

/**
 * The ends of one side of tie lines: numbers 1 … size naming the listed labels (or those labels, when not numbers), or with embedded labels the labels
 * themselves, their nodes given in order of appearance and at most `size` of them. A line's new ends wait until the
 * whole line is read (taken), so a refused line adds no node.
 */
const SIZE_NAMES = { node: 'n', row: 'nr', column: 'nc' } as const;

class TieEnds {
  private readonly met = new Set<string>();
  private pending: string[] = [];
  private readonly listed: Set<string> | undefined;

  constructor(
    readonly labels: string[] | undefined,
    private readonly size: number,
    readonly side: Side,
    private readonly what: 'node' | 'row' | 'column',
    private readonly file: InputFile,
  ) {
    this.listed = labels && new Set(labels);
  }

  end(token: LineToken): string {
    if (this.labels) {
      const number = Number(token.text);
      // Files written by hand name listed nodes by their label too; a number is always the node's place.
      if (!/^\d+$/.test(token.text) && this.listed!.has(token.text)) return this.side.key(token.text);
      if (!Number.isInteger(number) || number < 1 || number > this.size)
        throw new FormatError(
          this.file.display,
          token.line,
          `unknown ${this.what} "${token.text}" (${this.what}s are numbered 1 to ${this.size})`,
          token.column,
        );
      return this.side.key(this.labels[number - 1]!);
    }
    if (!this.met.has(token.text) && !this.pending.includes(token.text)) {
      if (this.met.size + this.pending.length === this.size)
        throw new FormatError(
          this.file.display,
          token.line,
          `"${token.text}" would be ${this.what} ${this.size + 1} of a network of ${SIZE_NAMES[this.what]}=${this.size}`,
          token.column,
        );
      this.pending.push(token.text);
    }
    return this.side.key(token.text);
  }

  /** The labels first met on the line just read, now nodes. */
  taken(): string[] {
    const added = this.pending;
    for (const label of added) this.met.add(label);
    this.pending = [];
    return added;
  }

  dropPending(): void {
    this.pending = [];
  }
}

/**
 * Reads edgelist1 (`from to [weight]`) and nodelist1 (`ego alter alter …`, each a tie of weight 1) lines, and their
 * 2-mode forms edgelist2 and nodelist2 (`row column [weight]`, `row column column …`). The ends are numbers naming the
 * listed labels, or with embedded labels the labels themselves (see TieEnds).
 */
async function* readTieLines(rows: AsyncGenerator<LineToken[]>, header: Header, file: InputFile, options: ReadOptions): AsyncGenerator<NetworkRecord> {
  const side = sides(header, options);
  const type = options.type ?? (header.twoMode ? DEFAULT_TWO_MODE_TYPE : DEFAULT_TYPE);
  const undirected = (options.undirected ?? false) && !header.twoMode;
  const isEdgeList = header.format === 'edgelist1' || header.format === 'edgelist2';
  const listed = (embedded: boolean, labels: string[] | undefined, size: number): string[] | undefined =>
    embedded ? undefined : listedLabels(labels, size, file, options);
  const rowEnds = new TieEnds(listed(header.rowsEmbedded, header.rowLabels, header.rows), header.rows, side.rows, header.twoMode ? 'row' : 'node', file);
  const columnEnds = header.twoMode
    ? new TieEnds(listed(header.columnsEmbedded, header.columnLabels, header.columns), header.columns, side.columns, 'column', file)
    : rowEnds;
  const nodesOf = (ends: TieEnds, labels: Iterable<string>, line: number): NetworkRecord[] =>
    [...labels].map((label) => node(ends.side.key(label), label, ends.side.kind, file, line));
  for (const ends of new Set([rowEnds, columnEnds])) if (ends.labels) yield* nodesOf(ends, new Set(ends.labels), 1);
  for await (const tokens of rows) {
    const line = tokens[0]!.line;
    rowEnds.dropPending();
    columnEnds.dropPending();
    // A bad line is refused whole (its new nodes too); a preview reports it and reads on.
    const records = orReport(options.onProblem, (): NetworkRecord[] => {
      if (isEdgeList && (tokens.length < 2 || tokens.length > 3))
        throw new FormatError(file.display, line, `an ${header.format} line is "from to [weight]", found ${tokens.length} values`);
      const ties: [string, string, number][] = [];
      const start = rowEnds.end(tokens[0]!);
      if (isEdgeList) {
        const weightToken = tokens[2];
        const weight = weightToken ? cellValue(weightToken.text, file.display, line, weightToken.column) : 1;
        ties.push([start, columnEnds.end(tokens[1]!), weight]);
      } else {
        for (const alter of tokens.slice(1)) ties.push([start, columnEnds.end(alter), 1]);
      }
      return [
        ...nodesOf(rowEnds, rowEnds.taken(), line),
        ...(columnEnds === rowEnds ? [] : nodesOf(columnEnds, columnEnds.taken(), line)),
        ...ties.map(([from, to, weight]) => tie(from, to, weight, type, undirected, file, line)),
      ];
    });
    if (records) yield* records;
  }
}
