import { orReport } from '../importError.js';
import { GmlTokenizer, type GmlToken } from './gmlTokens.js';
import type { InputFile } from './inputFile.js';
import { edgeKind, nodeKind } from './kinds.js';
import { DEFAULT_LABEL, DEFAULT_TYPE, FormatError, type NetworkRecord, type Properties, type ReadOptions, type Scalar } from './network.js';
import { readTextLines } from './textLines.js';
import { int64 } from './typedValues.js';

/** A key and its value inside a node or edge. */
interface Pair {
  key: GmlToken;
  value: Scalar;
}

/** An open `key [`: the graph, a node or edge being read, or a list that is not read (layout, a second graph). */
type List = { kind: 'graph' | 'skipped'; key: GmlToken } | { kind: 'node' | 'edge'; key: GmlToken; pairs: Pair[] };

/** NetworkX writes a list of one item as this marker and the item, so that it reads back as a list. */
const NETWORKX_LIST_START = '_networkx_list_start';
/** Keys whose value NetworkX also takes as an unquoted word (`label Napoleon`). */
const WORD_VALUED = new Set(['id', 'label', 'source', 'target']);
/** Unquoted reals NetworkX writes, which read as keys. */
const WORD_REALS = new Map([
  ['INF', Number.POSITIVE_INFINITY],
  ['NAN', Number.NaN],
]);

/**
 * Reads GML (NetworkX, igraph, Gephi, Cytoscape, Newman's network data): the first `graph [ … ]` of the file, its
 * `node [ id … ]` and `edge [ source … target … ]` lists. `directed 1` gives directed ties; GML's default is
 * undirected. A node's `label` is its caption; every scalar key but `id` (and an edge's `source`, `target`, `id`) is a
 * property, integers as bigint, a key repeated in one list a list. Nested lists (`graphics [ … ]`) are layout and are
 * not read. Node labels and relationship types come from kind attributes, as in GraphML (kinds.ts).
 * The file is read line by line. A broken structure (a bad token, a key without a value, a missing or extra `]`) is
 * refused at once; a preview (options.onProblem) reads on past a node or edge without its ids, or a second graph.
 */
export async function* readGml(file: InputFile, options: ReadOptions): AsyncGenerator<NetworkRecord> {
  const reader = new GmlGraphReader(file, options);
  const tokenizer = new GmlTokenizer(file.display);
  for await (const { line, text } of readTextLines(file.path, file.display)) {
    for (const token of tokenizer.tokens(text, line)) {
      const record = reader.take(token);
      if (record) yield record;
    }
  }
  tokenizer.end();
  reader.end();
}

/** Whether a text starts as a GML file: `graph [`, after any top-level `Creator "…"`, `Version 1` and the like. */
export function startsAsGml(text: string): boolean {
  const tokenizer = new GmlTokenizer('');
  let key: GmlToken | undefined;
  try {
    for (const [index, line] of text.split('\n').entries()) {
      for (const token of tokenizer.tokens(line, index + 1)) {
        if (key?.text === 'graph') return token.kind === 'open';
        if (key === undefined && token.kind !== 'key') return false;
        if (key !== undefined && (token.kind === 'key' || token.kind === 'open' || token.kind === 'close')) return false;
        key = key === undefined ? token : undefined;
      }
    }
  } catch {
    // A word that is no GML token before `graph [`.
  }
  return false;
}

/** Takes a file's tokens one by one and gives a node or relationship record at the `]` that closes each. */
class GmlGraphReader {
  private readonly lists: List[] = [];
  private pendingKey: GmlToken | undefined;
  private graphs = 0;
  private directed = false;
  private edgesRead = false;

  constructor(
    private readonly file: InputFile,
    private readonly options: ReadOptions,
  ) {}

  take(token: GmlToken): NetworkRecord | undefined {
    const key = this.pendingKey;
    if (key === undefined) {
      if (token.kind === 'key') this.pendingKey = token;
      else if (token.kind === 'close') return this.close(token);
      else this.fail(token, `expected a key, found ${shown(token)}`);
      return undefined;
    }
    this.pendingKey = undefined;
    if (token.kind === 'open') this.open(key);
    else this.pair(key, valueOf(key, token) ?? this.fail(key, `key "${key.text}" has no value`));
    return undefined;
  }

  end(): void {
    if (this.pendingKey) this.fail(this.pendingKey, `key "${this.pendingKey.text}" has no value`);
    const unclosed = this.lists.at(-1);
    if (unclosed) this.fail(unclosed.key, `${unclosed.key.text} [ is not closed: the file ends before its ]`);
    if (this.graphs === 0) throw new FormatError(this.file.display, 1, 'no graph [ … ]: not a GML network');
  }

  private open(key: GmlToken): void {
    const inside = this.lists.at(-1);
    const structural = key.text === 'graph' || key.text === 'node' || key.text === 'edge';
    if (inside === undefined) {
      if (key.text !== 'graph') {
        // A node before the graph opens, or after an extra ] closed it: every line after it would be misread.
        if (structural) this.fail(key, `${key.text} [ outside graph [ … ]`);
        this.lists.push({ kind: 'skipped', key });
        return;
      }
      this.graphs += 1;
      if (this.graphs === 1) {
        this.lists.push({ kind: 'graph', key });
        return;
      }
      this.lists.push({ kind: 'skipped', key });
      this.report(key, 'a second graph: only the first graph of a file is read');
      return;
    }
    if (inside.kind === 'graph' && (key.text === 'node' || key.text === 'edge')) {
      this.lists.push({ kind: key.text, key, pairs: [] });
      return;
    }
    // A node in a node is a ] missing before it, not layout to skip.
    if (inside.kind !== 'skipped' && structural)
      this.fail(key, `${key.text} [ inside the ${inside.kind} [ of line ${inside.key.line}: is a ] missing before it?`);
    this.lists.push({ kind: 'skipped', key });
  }

  private pair(key: GmlToken, value: Scalar): void {
    const inside = this.lists.at(-1);
    if (inside?.kind === 'node' || inside?.kind === 'edge') inside.pairs.push({ key, value });
    else if (inside?.kind === 'graph') this.graphPair(key, value);
  }

  private graphPair(key: GmlToken, value: Scalar): void {
    if (key.text === 'node' || key.text === 'edge') this.report(key, `${key.text} needs a list: ${key.text} [ … ]`);
    if (key.text !== 'directed') return;
    if (value !== 0n && value !== 1n) this.report(key, `directed is 0 or 1, found ${String(value)}`);
    // The ties before it would have been read with the other direction.
    else if (this.edgesRead) this.report(key, 'directed comes after the first edge: write it before the edges');
    else this.directed = value === 1n;
  }

  private close(token: GmlToken): NetworkRecord | undefined {
    const list = this.lists.pop() ?? this.fail(token, 'a ] without its [');
    if (list.kind === 'node') return orReport(this.options.onProblem, () => this.nodeRecord(list.key, list.pairs));
    if (list.kind === 'edge') {
      this.edgesRead = true;
      return orReport(this.options.onProblem, () => this.edgeRecord(list.key, list.pairs));
    }
    return undefined;
  }

  private nodeRecord(key: GmlToken, pairs: Pair[]): NetworkRecord {
    const id = this.single(key, pairs, 'id') ?? this.fail(key, 'node without id');
    if (id === '') this.fail(key, 'node without id');
    const properties = propertiesOf(pairs, ['id']);
    const label = properties.get('label');
    return {
      kind: 'node',
      file: this.file.display,
      line: key.line,
      key: String(id),
      labels: [nodeKind(properties) ?? this.options.label ?? DEFAULT_LABEL],
      properties,
      caption: label === undefined ? undefined : String(Array.isArray(label) ? label[0] : label),
    };
  }

  private edgeRecord(key: GmlToken, pairs: Pair[]): NetworkRecord {
    const start = this.single(key, pairs, 'source') ?? this.fail(key, 'edge without source');
    const end = this.single(key, pairs, 'target') ?? this.fail(key, 'edge without target');
    const id = this.single(key, pairs, 'id');
    const properties = propertiesOf(pairs, ['source', 'target', 'id']);
    return {
      kind: 'relationship',
      file: this.file.display,
      line: key.line,
      start: String(start),
      end: String(end),
      type: edgeKind(properties) || this.options.type || DEFAULT_TYPE,
      properties,
      undirected: !this.directed || (this.options.undirected ?? false),
      key: id === undefined ? undefined : String(id),
    };
  }

  /** The value of a key a node or edge has at most once. */
  private single(list: GmlToken, pairs: Pair[], name: string): Scalar | undefined {
    const found = pairs.filter((pair) => pair.key.text === name);
    if (found.length > 1) this.fail(found[1]!.key, `${list.text} with more than one ${name}`);
    return found[0]?.value;
  }

  private fail(token: GmlToken, reason: string): never {
    throw new FormatError(this.file.display, token.line, reason, token.column);
  }

  private report(token: GmlToken, reason: string): void {
    orReport(this.options.onProblem, () => this.fail(token, reason));
  }
}

/** A key's value token as a value; undefined when the token is none (a key, a bracket). */
function valueOf(key: GmlToken, token: GmlToken): Scalar | undefined {
  switch (token.kind) {
    case 'integer':
      // Past 64 bits Neo4j has no integer for it: its digits are kept as text rather than wrapped round.
      return int64(token.text) ?? token.text;
    case 'real':
      return token.text.endsWith('INF') ? (token.text.startsWith('-') ? -1 : 1) * Number.POSITIVE_INFINITY : Number(token.text);
    case 'string':
      return token.text;
    case 'key':
      return WORD_REALS.get(token.text) ?? (WORD_VALUED.has(key.text) ? token.text : undefined);
    default:
      return undefined;
  }
}

/** A node's or edge's properties in file order, but for its ids; a key given more than once is a list (NetworkX's marked lists too). */
function propertiesOf(pairs: Pair[], ids: string[]): Properties {
  const values = new Map<string, Scalar[]>();
  for (const { key, value } of pairs) {
    if (ids.includes(key.text)) continue;
    const list = values.get(key.text);
    if (list) list.push(value);
    else values.set(key.text, [value]);
  }
  const properties: Properties = new Map();
  for (const [name, list] of values) {
    if (list[0] === NETWORKX_LIST_START) properties.set(name, sameType(list.slice(1)));
    else properties.set(name, list.length === 1 ? list[0]! : sameType(list));
  }
  return properties;
}

/** A list as Neo4j stores one, all of one type: integers and reals together as numbers, anything else mixed as text. */
function sameType(values: Scalar[]): Scalar[] {
  if (values.every((value) => typeof value === typeof values[0])) return values;
  if (values.every((value) => typeof value !== 'string')) return values.map(Number);
  return values.map(String);
}

function shown(token: GmlToken): string {
  return token.kind === 'string' ? `"${token.text}"` : token.text;
}
