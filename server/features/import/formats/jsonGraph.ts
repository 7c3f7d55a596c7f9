import { Tokenizer, TokenType, type ParsedTokenInfo } from '@streamparser/json';
import { orReport } from '../importError.js';
import type { InputFile } from './inputFile.js';
import { jsonProperties, jsonText } from './jsonProperties.js';
import { JsonNumber, readJsonValues, type JsonFound, type JsonObject, type JsonPath, type JsonValue, type Wanted } from './jsonStream.js';
import { edgeKind, nodeKind } from './kinds.js';
import {
  DEFAULT_LABEL,
  DEFAULT_TYPE,
  FormatError,
  type NetworkRecord,
  type NodeRecord,
  type Properties,
  type ReadOptions,
  type RelationshipRecord,
} from './network.js';

/** The top-level lists that hold a graph's nodes and ties: node-link's and graphology's, and Cytoscape's `elements`. */
const GRAPH_LISTS = new Set(['nodes', 'links', 'edges', 'elements']);
/** Top-level members only NetworkX's node-link data has (graphology names its ties `edges` too, as NetworkX 3.4 may). */
const NODE_LINK_MEMBERS = new Set(['directed', 'multigraph', 'graph', 'links']);
/** Top-level members only graphology's serialisation has. */
const GRAPHOLOGY_MEMBERS = new Set(['options', 'attributes']);

/** The values the reader needs: settings and list items whole, the other top-level members only where they start. */
function wanted(path: JsonPath): Wanted {
  const [top, second, third] = path;
  if (typeof top !== 'string') return undefined;
  if (path.length === 1) {
    if (top === 'directed' || top === 'options') return 'whole';
    return GRAPH_LISTS.has(top) || NODE_LINK_MEMBERS.has(top) || GRAPHOLOGY_MEMBERS.has(top) ? 'start' : undefined;
  }
  if (path.length === 2) return GRAPH_LISTS.has(top) && typeof second === 'number' ? 'whole' : undefined;
  return path.length === 3 && top === 'elements' && (second === 'nodes' || second === 'edges') && typeof third === 'number' ? 'whole' : undefined;
}

type Layout = 'node-link' | 'graphology';
type Shape = Layout | 'cytoscape';

/** How a value is named in a message: text quoted, anything else as JSON. */
const shown = (value: JsonValue): string => (typeof value === 'string' ? JSON.stringify(value) : jsonText(value));

/**
 * Turns a JSON graph's values into records. Node-link and graphology share `nodes` and `edges`, so which one a file is
 * follows from its top-level members (NetworkX writes `directed` first, graphology `options`), else from its first item.
 */
class JsonGraph {
  private layout?: Layout;
  private sawLists = false;
  /**
   * The top-level `directed`, if any: NetworkX reads node-link without it as undirected, and Cytoscape's ties are
   * directed unless it is false (NetworkX's cytoscape_data writes it).
   */
  private directed?: boolean;
  /** Graphology's `options.type`: mixed (each tie directed unless marked undirected) when left out. */
  private graphType = 'mixed';
  /** Ties read so far in each shape, read as its default direction until a setting says otherwise. */
  private readonly tiesRead: Record<Shape, number> = { 'node-link': 0, graphology: 0, cytoscape: 0 };

  constructor(
    private readonly file: string,
    private readonly options: ReadOptions,
  ) {}

  private fail(at: JsonFound, reason: string): never {
    throw new FormatError(this.file, at.line, reason, at.column);
  }

  record(found: JsonFound): NetworkRecord | undefined {
    const [top, second] = found.path as [string, string | number, number?];
    if (found.value === undefined) {
      this.member(found, top);
      return undefined;
    }
    if (top === 'directed') return this.directedSetting(found, found.value);
    if (top === 'options') return this.graphologyOptions(found, found.value);
    const item = found.value;
    if (!(item instanceof Map)) this.fail(found, `an item of "${top}" is not an object`);
    if (top === 'elements') return this.cytoscape(found, item, typeof second === 'string' ? second : undefined);
    const layout = this.layoutOf(top, item);
    if (top === 'nodes') return layout === 'graphology' ? this.graphologyNode(found, item) : this.nodeLinkNode(found, item, second as number);
    return layout === 'graphology' ? this.graphologyTie(found, item) : this.nodeLinkTie(found, item);
  }

  /** At the end: a file without any of the lists is not a graph Nexo reads. */
  finish(): void {
    if (!this.sawLists)
      throw new FormatError(
        this.file,
        1,
        'not a JSON graph: no "nodes", "links", "edges" or "elements" at its top level (Nexo reads NetworkX node-link, Cytoscape and graphology JSON)',
      );
  }

  private member(found: JsonFound, name: string): void {
    if (NODE_LINK_MEMBERS.has(name)) this.layout ??= 'node-link';
    if (GRAPHOLOGY_MEMBERS.has(name)) this.layout ??= 'graphology';
    if (!GRAPH_LISTS.has(name)) return;
    this.sawLists = true;
    if (found.opens !== 'list' && !(name === 'elements' && found.opens === 'object')) this.fail(found, `"${name}" is not a list`);
  }

  /** The layout of an item of `nodes` or `edges` in a file whose top level has not told: graphology's items have `key` and `attributes`. */
  private layoutOf(list: string, item: JsonObject): Layout {
    if (list === 'links') this.layout ??= 'node-link';
    this.layout ??= item.get('attributes') instanceof Map || (list === 'nodes' && item.has('key') && !item.has('id')) ? 'graphology' : 'node-link';
    return this.layout;
  }

  /** A direction read after ties would change what they were read as: the file is read in one pass, so that is refused. */
  private refuseLateDirection(found: JsonFound, setting: string, ties: number, readAs: string): void {
    if (ties > 0 && !this.options.undirected)
      this.fail(found, `${setting} comes after ${ties} ties already read as ${readAs}: write it before the ties (as NetworkX and graphology do)`);
  }

  private directedSetting(found: JsonFound, value: JsonValue): undefined {
    if (typeof value !== 'boolean') this.fail(found, `"directed" is ${shown(value)}, not true or false`);
    this.layout ??= 'node-link';
    if (this.directed === undefined) {
      if (value) this.refuseLateDirection(found, '"directed": true', this.tiesRead['node-link'], 'undirected');
      else this.refuseLateDirection(found, '"directed": false', this.tiesRead.cytoscape, 'directed');
    }
    this.directed = value;
    return undefined;
  }

  private graphologyOptions(found: JsonFound, value: JsonValue): undefined {
    if (!(value instanceof Map)) this.fail(found, '"options" is not an object');
    this.layout ??= 'graphology';
    const type = value.get('type') ?? 'mixed';
    if (type !== 'directed' && type !== 'undirected' && type !== 'mixed')
      this.fail(found, `"options" type ${shown(type)} is none of directed, undirected, mixed`);
    if (type === 'undirected' && this.graphType !== 'undirected')
      this.refuseLateDirection(found, '"options" type "undirected"', this.tiesRead.graphology, 'directed');
    this.graphType = type;
    return undefined;
  }

  /** A node or tie end as a key: text as it is, a number as written, a list (NetworkX's tuple ids) as its JSON text. */
  private key(found: JsonFound, value: JsonValue | undefined, what: string): string {
    if (value === undefined || value === null) this.fail(found, `${what} is missing`);
    if (typeof value === 'string') {
      if (value === '') this.fail(found, `${what} is empty`);
      return value;
    }
    if (value instanceof JsonNumber || Array.isArray(value)) return jsonText(value);
    return this.fail(found, `${what} ${shown(value)} is not a string or a number`);
  }

  private node(found: JsonFound, key: string, properties: Properties): NodeRecord {
    const caption = properties.get('name') ?? properties.get('label');
    return {
      kind: 'node',
      file: this.file,
      line: found.line,
      key,
      labels: [nodeKind(properties) ?? this.options.label ?? DEFAULT_LABEL],
      properties,
      caption: caption === undefined ? undefined : String(caption),
    };
  }

  private tie(
    found: JsonFound,
    shape: Shape,
    ends: [start: string, end: string],
    properties: Properties,
    undirected: boolean,
    key?: string,
  ): RelationshipRecord {
    const weight = properties.get('weight');
    if (weight !== undefined && typeof weight !== 'number' && typeof weight !== 'bigint')
      this.fail(found, `weight ${typeof weight === 'string' ? JSON.stringify(weight) : String(weight)} is not a number`);
    this.tiesRead[shape] += 1;
    return {
      kind: 'relationship',
      file: this.file,
      line: found.line,
      start: ends[0],
      end: ends[1],
      type: edgeKind(properties) ?? this.options.type ?? DEFAULT_TYPE,
      properties,
      undirected: undirected || (this.options.undirected ?? false),
      key,
    };
  }

  /** NetworkX's and d3's node: keyed by `id`, else (d3's older files) by its place in `nodes`, counted from 0 as links count. */
  private nodeLinkNode(found: JsonFound, item: JsonObject, index: number): NodeRecord {
    const id = item.get('id');
    const key = id === undefined || id === null ? String(index) : this.key(found, id, 'node id');
    return this.node(found, key, jsonProperties(item, ['id']));
  }

  /** A link's end: a node id, a d3 index, or the node itself as d3 leaves it after a simulation. */
  private nodeLinkEnd(found: JsonFound, item: JsonObject, end: 'source' | 'target'): string {
    const value = item.get(end);
    if (value instanceof Map) return this.key(found, value.get('id') ?? value.get('index'), `${end} node's id`);
    return this.key(found, value, end);
  }

  private nodeLinkTie(found: JsonFound, item: JsonObject): RelationshipRecord {
    const ends: [string, string] = [this.nodeLinkEnd(found, item, 'source'), this.nodeLinkEnd(found, item, 'target')];
    return this.tie(found, 'node-link', ends, jsonProperties(item, ['source', 'target']), this.directed !== true);
  }

  private attributes(found: JsonFound, item: JsonObject): Properties {
    const attributes = item.get('attributes');
    if (attributes !== undefined && attributes !== null && !(attributes instanceof Map)) this.fail(found, '"attributes" is not an object');
    return jsonProperties(attributes ?? undefined);
  }

  private graphologyNode(found: JsonFound, item: JsonObject): NodeRecord {
    return this.node(found, this.key(found, item.get('key'), 'node key'), this.attributes(found, item));
  }

  private graphologyTie(found: JsonFound, item: JsonObject): RelationshipRecord {
    const ends: [string, string] = [this.key(found, item.get('source'), 'source'), this.key(found, item.get('target'), 'target')];
    const undirected = this.graphType === 'undirected' || item.get('undirected') === true;
    const key = item.has('key') ? this.key(found, item.get('key'), 'edge key') : undefined;
    return this.tie(found, 'graphology', ends, this.attributes(found, item), undirected, key);
  }

  /**
   * A Cytoscape element: its `data` is what it holds (`position`, `style`, `selected` … beside it are the drawing). In
   * one flat `elements` list, `group` tells nodes from edges, else, as Cytoscape.js does, a `source` and `target`.
   */
  private cytoscape(found: JsonFound, item: JsonObject, list: string | undefined): NetworkRecord {
    const data = item.get('data');
    if (!(data instanceof Map)) this.fail(found, 'a Cytoscape element without "data"');
    const group = list ?? item.get('group') ?? (data.has('source') && data.has('target') ? 'edges' : 'nodes');
    if (group === 'nodes') return this.node(found, this.key(found, data.get('id'), 'data.id'), jsonProperties(data, ['id']));
    if (group !== 'edges') this.fail(found, `group ${shown(group)} is neither "nodes" nor "edges"`);
    const ends: [string, string] = [this.key(found, data.get('source'), 'data.source'), this.key(found, data.get('target'), 'data.target')];
    const key = data.has('id') ? this.key(found, data.get('id'), 'data.id') : undefined;
    return this.tie(found, 'cytoscape', ends, jsonProperties(data, ['id', 'source', 'target']), this.directed === false, key);
  }
}

/**
 * Reads a JSON graph, streamed: NetworkX's node-link data (and d3's, with links by node index), Cytoscape's
 * `elements` (grouped or flat) and graphology's serialisation. Every attribute is a property named verbatim (see
 * jsonProperties); `name`, else `label`, is the caption; kinds come from kind attributes (kinds.ts). Node-link ties
 * are undirected unless `"directed": true`, as NetworkX reads them; graphology's follow `options.type` and each edge's
 * `undirected`; Cytoscape's are directed unless `"directed": false` (as NetworkX's cytoscape_data writes).
 */
export async function* readJsonGraph(file: InputFile, options: ReadOptions): AsyncGenerator<NetworkRecord> {
  const graph = new JsonGraph(file.display, options);
  for await (const batch of readJsonValues(file, wanted)) {
    const records: NetworkRecord[] = [];
    for (const found of batch) {
      const record = orReport(options.onProblem, () => graph.record(found));
      if (record) records.push(record);
    }
    yield* records;
  }
  graph.finish();
}

/**
 * Whether the start of a text is a JSON object with a graph list among its first members: `nodes`, `links` or `edges`
 * opening a list, or `elements` a list or an object. A list may run past the start, so the others need not be seen.
 */
export function startsAsJsonGraph(head: string): boolean {
  if (!head.startsWith('{')) return false;
  const tokens: ParsedTokenInfo[] = [];
  const tokenizer = new Tokenizer();
  tokenizer.onToken = (token) => tokens.push(token);
  // The head ends anywhere, mid-token included: what was read so far tells.
  tokenizer.onError = () => undefined;
  tokenizer.write(head);
  let depth = 0;
  let name: string | undefined;
  for (const [index, token] of tokens.entries()) {
    if (depth === 1 && token.token === TokenType.STRING && tokens[index - 1]?.token !== TokenType.COLON) name = token.value as string;
    if (depth === 1 && name !== undefined && GRAPH_LISTS.has(name) && tokens[index - 1]?.token === TokenType.COLON) {
      if (token.token === TokenType.LEFT_BRACKET || (name === 'elements' && token.token === TokenType.LEFT_BRACE)) return true;
    }
    if (token.token === TokenType.LEFT_BRACE || token.token === TokenType.LEFT_BRACKET) depth += 1;
    if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET) depth -= 1;
  }
  return false;
}
