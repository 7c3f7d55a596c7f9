import { orReport } from '../importError.js';
import type { InputFile } from './inputFile.js';
import { cellValue, node, tie, UndirectedPairs } from './matrix.js';
import { DEFAULT_LABEL, DEFAULT_TYPE, FormatError, type NetworkRecord, type ReadOptions } from './network.js';
import { readTextLines, tokenize, type Token } from './textLines.js';

interface LineToken extends Token {
  line: number;
}

interface Header {
  n: number;
  format: 'fullmatrix' | 'edgelist1';
  labels: string[] | undefined;
  embedded: boolean;
}

const FORMATS: Record<string, Header['format']> = { fullmatrix: 'fullmatrix', fm: 'fullmatrix', edgelist1: 'edgelist1', el1: 'edgelist1' };
const SEPARATORS = /[\s,]/;

/**
 * Reads a UCINET DL file: `dl n=…`, `format = fullmatrix` (the default) or `edgelist1`, node labels
 * from `labels:` or `labels embedded`, then `data:`. A matrix's non-zero cell (i, j) is a tie i→j
 * with the value as `weight` (values may wrap across lines); an edgelist1 line is `from to [weight]`.
 * Ties are directed unless --undirected, read as for a matrix file. 2-mode (nr/nc) and several
 * matrices (nm) are refused. A preview (options.onProblem) reads on past a bad value, label or line; a problem in
 * the header, or data that ends early, ends the file.
 */
export async function* readUcinet(file: InputFile, options: ReadOptions): AsyncGenerator<NetworkRecord> {
  const lines = readTextLines(file.path, file.display);
  const header = await readHeader(lines, file);
  const kind = options.label ?? DEFAULT_LABEL;
  if (header.format === 'fullmatrix') yield* readFullMatrix(header.rest, header, file, kind, options);
  else yield* readEdgeList1(header.rest, header, file, kind, options);
}

/** Reads up to and including `data:`; returns what follows it on that line and the remaining lines. */
async function readHeader(lines: AsyncGenerator<{ line: number; text: string }>, file: InputFile): Promise<Header & { rest: AsyncGenerator<LineToken[]> }> {
  let n: number | undefined;
  let format: Header['format'] = 'fullmatrix';
  let labels: string[] | undefined;
  let collecting = false;
  let embedded = false;
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
      if (collecting && !token.quoted && (word === 'data:' || word.includes('='))) collecting = false;
      if (collecting) {
        labels!.push(token.text);
        if (labels!.length === n) collecting = false;
        continue;
      }
      if (word === 'data:') {
        if (n === undefined) fail('no "n=" before data:');
        const rest = tokens.slice(index + 1).map((t) => ({ ...t, line }));
        return { n: n!, format, labels, embedded, rest: remainingTokens(rest, lines) };
      }
      const [name, value] = word.split('=') as [string, string | undefined];
      if (value !== undefined) {
        if (name === 'n') {
          n = Number(value);
          if (!Number.isInteger(n) || n < 1) fail(`n=${value} is not a number of nodes`);
        } else if (name === 'format') {
          const known = FORMATS[value];
          if (!known) fail(`format=${value} is not supported (fullmatrix and edgelist1 are)`);
          format = known!;
        } else if (name === 'nr' || name === 'nc') fail('2-mode DL files (nr/nc) are not supported: use a 2-mode matrix CSV');
        else if (name === 'nm' && value !== '1') fail('DL files with several matrices (nm) are not supported');
        else if (name === 'diagonal' && value !== 'present') fail('diagonal=absent is not supported');
        continue;
      }
      if (word === 'labels:' || (word === 'labels' && tokens[index + 1]?.text === ':')) {
        if (n === undefined) fail('labels: before n=');
        labels = [];
        collecting = true;
        if (word === 'labels') index += 1;
        continue;
      }
      if (word === 'labels' && tokens[index + 1]?.text.toLowerCase().startsWith('embedded')) {
        embedded = true;
        index += 1;
        continue;
      }
      if (word === 'row' || word === 'column' || word === 'col') fail('2-mode DL files (row/column labels) are not supported: use a 2-mode matrix CSV');
      fail(`"${token.text}" is not a DL keyword this reader knows`);
    }
  }
  throw new FormatError(file.display, lastLine, first ? 'empty file' : 'no "data:" line');
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

function* labelNodes(labels: string[], kind: string, file: InputFile, line: number): Generator<NetworkRecord> {
  for (const label of new Set(labels)) yield node(label, label, kind, file, line);
}

async function* readFullMatrix(
  rows: AsyncGenerator<LineToken[]>,
  header: Header,
  file: InputFile,
  kind: string,
  options: ReadOptions,
): AsyncGenerator<NetworkRecord> {
  const { n } = header;
  const tokens = flatten(rows);
  const next = async (): Promise<LineToken | undefined> => {
    const step = await tokens.next();
    return step.done ? undefined : step.value;
  };
  let labels: string[];
  let lastLine = 1;
  if (header.embedded) {
    const columnTokens: LineToken[] = [];
    for (let j = 0; j < n; j += 1) {
      const token = await next();
      if (!token) throw new FormatError(file.display, columnTokens.at(-1)?.line ?? 1, `the data ends after ${j} of ${n} column labels`);
      columnTokens.push(token);
    }
    labels = uniqueLabels(columnTokens, file, options, (index) => columnTokens[index]!);
  } else labels = header.labels ? uniqueLabels(header.labels, file, options, () => ({ line: 1 })) : Array.from({ length: n }, (_, i) => String(i + 1));
  yield* labelNodes(labels, kind, file, 1);
  const pairs = options.undirected ? new UndirectedPairs(n, file.display) : undefined;
  const type = options.type ?? DEFAULT_TYPE;
  for (let i = 0; i < n; i += 1) {
    if (header.embedded) {
      const rowLabel = await next();
      if (!rowLabel) throw new FormatError(file.display, lastLine, `the data ends after ${i} of ${n} rows`);
      if (rowLabel.text !== labels[i])
        orReport(options.onProblem, () => {
          throw new FormatError(file.display, rowLabel.line, `row label "${rowLabel.text}" differs from column label ${i + 1} "${labels[i]}"`, rowLabel.column);
        });
    }
    for (let j = 0; j < n; j += 1) {
      const token = await next();
      if (!token) throw new FormatError(file.display, lastLine, `the data ends after ${i * n + j} of ${n}×${n} values`);
      lastLine = token.line;
      // A bad value spoils that cell only: a preview reports it and reads the next.
      const found = orReport(options.onProblem, () => {
        const cell = { value: cellValue(token.text, file.display, token.line, token.column), line: token.line, column: token.column };
        return pairs ? pairs.offer(i, j, cell) : cell.value === 0 ? undefined : { i, j, ...cell };
      });
      if (found) yield tie(labels[found.i]!, labels[found.j]!, found.value, type, pairs !== undefined, file, found.line);
    }
  }
  const extra = await next();
  if (extra) throw new FormatError(file.display, extra.line, `more than the ${n}×${n} values of the matrix`, extra.column);
}

async function* flatten(rows: AsyncGenerator<LineToken[]>): AsyncGenerator<LineToken> {
  for await (const row of rows) yield* row;
}

async function* readEdgeList1(
  rows: AsyncGenerator<LineToken[]>,
  header: Header,
  file: InputFile,
  kind: string,
  options: ReadOptions,
): AsyncGenerator<NetworkRecord> {
  const { n } = header;
  const type = options.type ?? DEFAULT_TYPE;
  const undirected = options.undirected ?? false;
  const seen = new Set<string>();
  let labels: string[] | undefined;
  if (!header.embedded) {
    labels = header.labels ? uniqueLabels(header.labels, file, options, () => ({ line: 1 })) : Array.from({ length: n }, (_, i) => String(i + 1));
    yield* labelNodes(labels, kind, file, 1);
  }
  for await (const tokens of rows) {
    const line = tokens[0]!.line;
    // A bad line is refused whole (its new nodes too); a preview reports it and reads on.
    const records = orReport(options.onProblem, (): NetworkRecord[] => {
      if (tokens.length < 2 || tokens.length > 3)
        throw new FormatError(file.display, line, `an edgelist1 line is "from to [weight]", found ${tokens.length} values`);
      const added: string[] = [];
      const ends = tokens.slice(0, 2).map((token) => {
        if (labels) {
          const number = Number(token.text);
          if (!Number.isInteger(number) || number < 1 || number > n)
            throw new FormatError(file.display, line, `unknown node "${token.text}" (nodes are numbered 1 to ${n})`, token.column);
          return labels[number - 1]!;
        }
        if (!seen.has(token.text) && !added.includes(token.text)) {
          if (seen.size + added.length === n)
            throw new FormatError(file.display, line, `"${token.text}" would be node ${n + 1} of a network of n=${n}`, token.column);
          added.push(token.text);
        }
        return token.text;
      });
      const weightToken = tokens[2];
      const weight = weightToken ? cellValue(weightToken.text, file.display, line, weightToken.column) : 1;
      for (const key of added) seen.add(key);
      return [...added.map((key) => node(key, key, kind, file, line)), tie(ends[0]!, ends[1]!, weight, type, undirected, file, line)];
    });
    if (records) yield* records;
  }
}
