import { orReport, reportOrThrow } from '../importError.js';
import type { InputFile } from './inputFile.js';
import { DEFAULT_LABEL, DEFAULT_TYPE, FormatError, type NetworkRecord, type Properties, type ReadOptions } from './network.js';
import { cellValue, DEFAULT_COLUMN_LABEL, DEFAULT_ROW_LABEL, UndirectedPairs } from './matrix.js';
import { readTextLines, tokenize, type Token } from './textLines.js';

type Section =
  | { kind: 'none' }
  | { kind: 'vertices' }
  | { kind: 'skipped' }
  /** A *Partition, *Vector, *Permutation or *Cluster, read by the first pass or passed over; `sized` once its own *Vertices line is read. */
  | { kind: 'vertexData'; sized: boolean }
  | { kind: 'ties'; undirected: boolean; list: boolean; type: string }
  /** One line per row; `row` counts the rows read, from `line` on. */
  | { kind: 'matrix'; undirected: boolean; type: string; rows: number; columns: number; row: number; line: number; pairs: UndirectedPairs | undefined };

/**
 * Reads a Pajek network (.net): `*Vertices n [rows]` then vertex lines `number ["label"] …`
 * (coordinates and shapes after the label are layout and are not read), then `*Arcs` / `*Edges`
 * (`from to [weight]`), `*Arcslist` / `*Edgeslist` (`from to to …`) and `*Matrix` (one line per row, a non-zero
 * value a tie row → column with the value as weight, as UCINET writes .net files). Vertices are numbered 1..n;
 * a vertex without a line of its own is still a node. `*Arcs :2 "knows"` names the relationship
 * type. `*Edges` ties are undirected, `*Arcs` directed unless --undirected. A 2-mode network
 * (`*Vertices n rows`) gives its first `rows` vertices the label Actor, the others Event; its matrix has a row per
 * Actor and a column per Event.
 * A Pajek project (.paj) may name its network (`*Network name`) and add, after it, `*Partition name` and `*Vector name`
 * sections (`*Vertices n`, then a value per vertex): each becomes a node property. `*Permutation` and `*Cluster`
 * sections reorder or pick vertices and are passed over; a second *Network is refused.
 * A preview (options.onProblem) reads on past a bad line; a bad section line, which would misread the lines after it,
 * ends the file, except an unsupported section or a second *Vertices, whose lines are passed over, and a bad partition
 * or vector, which is left out.
 */
export async function* readPajek(file: InputFile, options: ReadOptions): AsyncGenerator<NetworkRecord> {
  const vertexValues = await readVertexValues(file);
  const valuesRead = [...vertexValues.values()].filter((values) => values.kind === 'read');
  let section: Section = { kind: 'none' };
  let networkNamed = false;
  let count: number | undefined;
  let rows: number | undefined;
  let verticesLine = 0;
  const listed = new Set<number>();
  const fail = (line: number, reason: string, column?: number): never => {
    throw new FormatError(file.display, line, reason, column);
  };
  const vertex = (token: Token, line: number): number => {
    const number = Number(token.text);
    if (!Number.isInteger(number) || number < 1 || number > count!)
      fail(line, `unknown vertex "${token.text}" (the network has vertices 1 to ${count})`, token.column);
    return number;
  };
  const kindOf = (number: number): string =>
    rows === undefined
      ? (options.label ?? DEFAULT_LABEL)
      : number <= rows
        ? (options.label ?? DEFAULT_ROW_LABEL)
        : (options.columnLabel ?? DEFAULT_COLUMN_LABEL);
  /** A vertex's label, then its value in each partition (a bigint, which Neo4j stores as an integer) and vector. */
  const vertexProperties = (number: number, label?: string): Properties => {
    const properties: Properties = label === undefined ? new Map() : new Map([['label', label]]);
    for (const { property, integer, values } of valuesRead) properties.set(property, integer ? BigInt(values[number - 1]!) : values[number - 1]!);
    return properties;
  };
  function* unlistedVertices(): Generator<NetworkRecord> {
    for (let number = 1; number <= (count ?? 0); number += 1) {
      if (!listed.has(number))
        yield { kind: 'node', file: file.display, line: verticesLine, key: String(number), labels: [kindOf(number)], properties: vertexProperties(number) };
    }
    listed.clear();
  }

  for await (const { line, text } of readTextLines(file.path, file.display)) {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('%')) continue;
    const tokens = tokenize(trimmed);
    const head = tokens[0]!;
    const unclosed = tokens.find((token) => token.unclosed);
    if (head.text.startsWith('*') && !head.quoted) {
      const name = head.text.toLowerCase();
      if (name === '*vertices' && section.kind === 'vertexData' && !section.sized) {
        // The section's own count, checked by the first pass.
        section.sized = true;
        continue;
      }
      // A section line read wrong would misread every line after it, so its problem ends the file. The name of a
      // partition or vector is taken as written, quotes and all.
      if (unclosed && !VERTEX_DATA_SECTIONS.has(name)) fail(line, 'a quoted label is not closed', unclosed.column);
      if (section.kind === 'vertices') yield* unlistedVertices();
      if (section.kind === 'matrix') checkMatrixEnded(section, line);
      if (name === '*network') {
        // The lines after it are another network's, whose vertices and partitions are not this one's.
        if (networkNamed || count !== undefined)
          fail(line, 'a second *Network: Nexo imports one network at a time (in Pajek, save each network of this project as its own file)');
        networkNamed = true;
        continue;
      }
      if (VERTEX_DATA_SECTIONS.has(name)) {
        if (count === undefined) fail(line, `${head.text} before *Vertices`);
        const values = vertexValues.get(line);
        if (values?.kind === 'refused') reportOrThrow(options.onProblem, values.problem);
        section = { kind: 'vertexData', sized: false };
        continue;
      }
      if (name === '*vertices') {
        if (count !== undefined) {
          // Its lines would be read as vertices of the first: they are passed over with it.
          section = { kind: 'skipped' };
          orReport(options.onProblem, () => fail(line, 'a second *Vertices section'));
          continue;
        }
        count = vertexCount(tokens[1]) ?? fail(line, '*Vertices needs the number of vertices', tokens[1]?.column ?? head.column);
        if (tokens[2]) {
          rows = Number(tokens[2].text);
          if (!Number.isInteger(rows) || rows < 0 || rows > count!)
            fail(line, `*Vertices ${count} ${tokens[2].text}: the rows of a 2-mode network are a number up to ${count}`, tokens[2].column);
        }
        verticesLine = line;
        section = { kind: 'vertices' };
        continue;
      }
      if (name === '*matrix') {
        if (count === undefined) fail(line, `${head.text} before *Vertices`);
        const undirected = options.undirected ?? false;
        const twoMode = rows !== undefined;
        section = {
          kind: 'matrix',
          undirected,
          type: tokens.slice(1).find((token) => token.quoted)?.text || options.type || DEFAULT_TYPE,
          rows: rows ?? count!,
          columns: twoMode ? count! - rows! : count!,
          row: 0,
          line,
          pairs: undirected && !twoMode ? new UndirectedPairs(count!, file.display) : undefined,
        };
        continue;
      }
      const tie = /^\*(arcs|edges)(list)?$/.exec(name);
      if (!tie) {
        section = { kind: 'skipped' };
        orReport(options.onProblem, () =>
          fail(
            line,
            `section ${head.text} is not supported (Nexo reads *Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist, *Matrix, *Partition, *Vector)`,
            head.column,
          ),
        );
        continue;
      }
      if (count === undefined) fail(line, `${head.text} before *Vertices`);
      const relation = tokens.slice(1).find((token) => token.quoted)?.text;
      section = {
        kind: 'ties',
        undirected: tie[1] === 'edges' || (options.undirected ?? false),
        list: tie[2] !== undefined,
        type: relation || options.type || DEFAULT_TYPE,
      };
      continue;
    }
    if (section.kind === 'none') throw new FormatError(file.display, line, 'a Pajek network starts with *Vertices', head.column);
    if (section.kind === 'skipped' || section.kind === 'vertexData') continue;
    const current = section;
    // A bad line is refused whole; a preview (options.onProblem) reports it and reads on.
    const records = orReport(options.onProblem, (): NetworkRecord[] => {
      if (unclosed) fail(line, 'a quoted label is not closed', unclosed.column);
      if (current.kind === 'vertices') {
        const number = vertex(head, line);
        if (listed.has(number)) fail(line, `duplicate id: vertex ${number} is listed twice`, head.column);
        listed.add(number);
        const label = tokens[1]?.text;
        const properties = vertexProperties(number, label);
        return [{ kind: 'node', file: file.display, line, key: String(number), labels: [kindOf(number)], properties, caption: label }];
      }
      if (current.kind === 'matrix') return matrixRow(current, tokens, line);
      if (tokens.length < 2) fail(line, 'a tie line needs two vertices', head.column);
      const start = vertex(head, line);
      if (current.list) return tokens.slice(1).map((token) => tieRecord(start, vertex(token, line), undefined, current, file, line));
      const end = vertex(tokens[1]!, line);
      const weightToken = tokens[2];
      let weight: number | undefined;
      if (weightToken && !weightToken.quoted) {
        weight = Number(weightToken.text);
        if (!Number.isFinite(weight)) fail(line, `weight "${weightToken.text}" is not a number`, weightToken.column);
      }
      return [tieRecord(start, end, weight, current, file, line)];
    });
    if (records) yield* records;
  }
  if (section.kind === 'vertices') yield* unlistedVertices();
  if (section.kind === 'matrix') checkMatrixEnded(section, undefined);
  if (count === undefined) fail(1, 'no *Vertices section: not a Pajek network');

  /** The ties of one matrix line: row i's non-zero values, column j being vertex j (after the rows in a 2-mode network). */
  function matrixRow(matrix: Extract<Section, { kind: 'matrix' }>, tokens: Token[], line: number): NetworkRecord[] {
    const i = matrix.row;
    matrix.row += 1;
    if (i >= matrix.rows) fail(line, `more matrix rows than the ${matrix.rows} ${rows === undefined ? 'vertices' : 'rows of the 2-mode network'}`);
    if (tokens.length !== matrix.columns)
      fail(line, `a matrix row has ${matrix.columns} values, found ${tokens.length}`, tokens[Math.min(tokens.length, matrix.columns)]?.column);
    const offset = rows ?? 0;
    const ties: NetworkRecord[] = [];
    tokens.forEach((token, j) => {
      const cell = { value: cellValue(token.text, file.display, line, token.column), line, column: token.column };
      const found = matrix.pairs ? matrix.pairs.offer(i, j, cell) : cell.value === 0 ? undefined : { i, j, ...cell };
      if (found) ties.push(tieRecord(found.i + 1, offset + found.j + 1, found.value, matrix, file, found.line));
    });
    return ties;
  }

  /** A matrix whose section ends (at `line`, or the end of the file) before its last row is refused, or in a preview reported. */
  function checkMatrixEnded(matrix: Extract<Section, { kind: 'matrix' }>, line: number | undefined): void {
    if (matrix.row >= matrix.rows) return;
    orReport(options.onProblem, () => fail(line ?? matrix.line, `the *Matrix section has ${matrix.row} of its ${matrix.rows} rows`));
  }
}

function tieRecord(
  start: number,
  end: number,
  weight: number | undefined,
  section: Extract<Section, { kind: 'ties' | 'matrix' }>,
  file: InputFile,
  line: number,
): NetworkRecord {
  const properties: Properties = weight === undefined ? new Map() : new Map([['weight', weight]]);
  return {
    kind: 'relationship',
    file: file.display,
    line,
    start: String(start),
    end: String(end),
    type: section.type,
    properties,
    undirected: section.undirected,
  };
}

/** Sections of a Pajek project that list an entry per vertex after a `*Vertices n` line of their own. */
const VERTEX_DATA_SECTIONS = new Set(['*partition', '*vector', '*permutation', '*cluster']);

/** The count of a `*Vertices n` line, if it is one. */
function vertexCount(token: Token | undefined): number | undefined {
  const count = Number(token?.text);
  return Number.isInteger(count) && count >= 0 ? count : undefined;
}

/** A *Partition (integer classes) or *Vector (numbers): a value per vertex, vertex 1 first, or why it is not read. */
type VertexValues = { kind: 'read'; property: string; integer: boolean; values: number[] } | { kind: 'refused'; problem: FormatError };

/**
 * The first pass: each *Partition and *Vector of the file's network, by the line of its heading. A project writes them
 * after the ties, and the nodes, which come first, carry their values. Their problems are kept for the second pass to
 * report at their line, in order with the problems of the lines before it.
 */
async function readVertexValues(file: InputFile): Promise<Map<number, VertexValues>> {
  try {
    return await collectVertexValues(file);
  } catch (error) {
    // Invalid UTF-8, which refuses the file at its line when the second pass reaches it.
    if (error instanceof FormatError) return new Map();
    throw error;
  }
}

async function collectVertexValues(file: InputFile): Promise<Map<number, VertexValues>> {
  const sections = new Map<number, VertexValues>();
  const properties = new Set(['label']);
  let vertices: number | undefined;
  let networkNamed = false;
  let reading: ValuesSection | undefined;
  let sizePending = false;
  for await (const { line, text } of readTextLines(file.path, file.display)) {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('%')) continue;
    if (!trimmed.startsWith('*')) {
      reading?.add(trimmed, line);
      continue;
    }
    const tokens = tokenize(trimmed);
    const head = tokens[0]!.text;
    const name = head.toLowerCase();
    if (name === '*vertices' && sizePending) {
      reading?.size(tokens[1], line);
      sizePending = false;
      continue;
    }
    if (reading) sections.set(reading.line, reading.end(line));
    reading = undefined;
    sizePending = VERTEX_DATA_SECTIONS.has(name);
    // From here on, the second pass refuses the file at this line.
    if (name === '*network' && (networkNamed || vertices !== undefined)) break;
    if (name === '*vertices' && vertices === undefined) {
      vertices = vertexCount(tokens[1]);
      if (vertices === undefined) break;
    }
    if (sizePending && vertices === undefined) break;
    if (name === '*network') networkNamed = true;
    if (name === '*partition' || name === '*vector') {
      const property = propertyName(trimmed.slice(head.length).trim() || name.slice(1), properties);
      reading = new ValuesSection(file.display, line, trimmed, property, name === '*partition', vertices!);
    }
  }
  if (reading) sections.set(reading.line, reading.end(undefined));
  return sections;
}

/** A section's name as written, or `partition` / `vector` without one; a name already taken gets ` 2`, ` 3` … */
function propertyName(name: string, taken: Set<string>): string {
  let property = name;
  for (let number = 2; taken.has(property); number += 1) property = `${name} ${number}`;
  taken.add(property);
  return property;
}

/** One *Partition or *Vector being read: `*Vertices n` (the network's n), then n values, one or more to a line. Its first problem refuses it. */
class ValuesSection {
  private readonly values: number[] = [];
  private sized = false;
  private problem: FormatError | undefined;

  constructor(
    private readonly file: string,
    readonly line: number,
    private readonly heading: string,
    private readonly property: string,
    private readonly integer: boolean,
    private readonly vertices: number,
  ) {}

  size(token: Token | undefined, line: number): void {
    this.sized = true;
    if (token === undefined) this.refuse(line, `${this.heading}: *Vertices needs the number of vertices`);
    else if (Number(token.text) !== this.vertices)
      this.refuse(line, `${this.heading} is for ${token.text} vertices, the network has ${this.vertices}`, token.column);
  }

  add(text: string, line: number): void {
    if (this.problem) return;
    if (!this.sized) return this.refuse(line, `${this.heading}: a *Vertices line comes before the values`);
    for (const token of tokenize(text)) {
      if (this.values.length === this.vertices) return this.refuse(line, `${this.heading}: more values than the ${this.vertices} vertices`, token.column);
      const value = Number(token.text);
      if (!(this.integer ? Number.isSafeInteger(value) : Number.isFinite(value)))
        return this.refuse(line, `${this.heading}: value "${token.text}" is not ${this.integer ? 'an integer' : 'a number'}`, token.column);
      this.values.push(value);
    }
  }

  /** The section read, the next section starting at `line` (undefined at the end of the file). */
  end(line: number | undefined): VertexValues {
    if (!this.problem && this.values.length < this.vertices)
      this.refuse(line ?? this.line, `${this.heading} has ${this.values.length} of its ${this.vertices} values`);
    return this.problem ? { kind: 'refused', problem: this.problem } : { kind: 'read', property: this.property, integer: this.integer, values: this.values };
  }

  private refuse(line: number, reason: string, column?: number): void {
    this.problem ??= new FormatError(this.file, line, reason, column);
  }
}
