import { orReport } from '../importError.js';
import type { InputFile } from './inputFile.js';
import { DEFAULT_LABEL, DEFAULT_TYPE, FormatError, type NetworkRecord, type Properties, type PropertyValue, type ReadOptions } from './network.js';
import { edgeKind, nodeKind } from './kinds.js';
import { parseTyped, parseTypedList, valueTypeOf, type ValueType } from './typedValues.js';
import { readXml, required, type XmlParser } from './xmlStream.js';

interface Key {
  name: string;
  for: string;
  type: ValueType;
  list: boolean;
  /** yEd's graphics keys hold drawing instructions, not data. */
  graphics: boolean;
  default?: string;
}

interface Element {
  kind: 'node' | 'edge';
  line: number;
  attributes: Record<string, string>;
  data: Map<string, string>;
  /** The text of yEd's first <y:NodeLabel> or <y:EdgeLabel>: where yEd keeps the name drawn on a node or edge. */
  drawnLabel?: string;
}

/** yEd's label elements inside its graphics data, by local name (yEd writes them with the prefix y:). */
const DRAWN_LABELS = new Set(['NodeLabel', 'EdgeLabel']);
const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Node kinds and relationship types ride on XML attributes of <node> and <edge>, as Neo4j's APOC export writes them, so no data key is reserved. */
export const NODE_LABELS_ATTRIBUTE = 'labels';
export const EDGE_TYPE_ATTRIBUTE = 'label';
/** Nexo's exports mark a list-valued key with this attribute; its values are JSON arrays. */
export const LIST_ATTRIBUTE = 'attr.list';

/**
 * Reads GraphML: every <data> of a node or edge becomes a property named by its key's attr.name
 * (typed by attr.type, <default> values applied); `name` or else `label` is the caption. Node
 * labels come from a `labels=":A:B"` attribute (APOC's export), else from a `type`/`kind`/`category`
 * data (kept as a property too, see kinds.ts), else Node; a relationship type from the edge's `label`
 * attribute, else from a `type`/`kind`/`label` data, else TIE. `edgedefault="undirected"` and `directed="false"` give
 * undirected ties. yEd's graphics are skipped, but the text of its drawn node and edge labels is the `label` of an
 * element that has neither a name nor a label. Nested graphs, hyperedges and ports are refused.
 */
export function readGraphml(file: InputFile, options: ReadOptions): AsyncGenerator<NetworkRecord> {
  return readXml(file, (parser, emit) => listen(parser, emit, file, options));
}

function listen(parser: XmlParser, emit: (record: NetworkRecord) => void, file: InputFile, options: ReadOptions): void {
  const keys = new Map<string, Key>();
  const fail = (reason: string): never => {
    throw new FormatError(file.display, parser.line, reason, parser.column);
  };
  let rootSeen = false;
  let graphDepth = 0;
  let undirectedDefault = false;
  let key: Key | undefined;
  let element: Element | undefined;
  let dataKey: string | undefined;
  let text = '';
  let inDefault = false;
  let drawnLabel: string | undefined;

  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (!rootSeen) {
      rootSeen = true;
      if (tag.name !== 'graphml') fail(`expected a <graphml> root element, found <${tag.name}>`);
      return;
    }
    switch (tag.name) {
      case 'key': {
        const id = required(parser, file, attributes, 'key', 'id');
        const type = valueTypeOf(attributes['attr.type']);
        if (!type) fail(`key "${id}": unknown attr.type "${attributes['attr.type']}"`);
        key = {
          name: attributes['attr.name'] || id,
          for: attributes.for ?? 'all',
          type: type!,
          list: attributes[LIST_ATTRIBUTE] === 'true',
          graphics: 'yfiles.type' in attributes,
        };
        keys.set(id, key);
        return;
      }
      case 'default':
        inDefault = key !== undefined;
        text = '';
        return;
      case 'graph':
        graphDepth += 1;
        if (graphDepth > 1) fail('nested graphs are not supported');
        undirectedDefault = attributes.edgedefault === 'undirected';
        return;
      case 'node':
      case 'edge':
        if (element) fail(`<${tag.name}> inside <${element.kind}> (nested graphs) is not supported`);
        element = { kind: tag.name, line: parser.line, attributes, data: new Map() };
        return;
      case 'data': {
        if (!element) return;
        const id = required(parser, file, attributes, 'data', 'key');
        if (!keys.has(id)) fail(`<data key="${id}"> has no <key id="${id}"> declared before it`);
        dataKey = id;
        text = '';
        return;
      }
      case 'hyperedge':
      case 'port':
        fail(`<${tag.name}> is not supported`);
        return;
      default:
        if (element && element.drawnLabel === undefined && dataKey !== undefined && keys.get(dataKey)!.graphics && DRAWN_LABELS.has(localName(tag.name)))
          drawnLabel = '';
    }
  });
  const onText = (chunk: string): void => {
    if (drawnLabel !== undefined) drawnLabel += chunk;
    else if (dataKey !== undefined || inDefault) text += chunk;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    if (drawnLabel !== undefined && DRAWN_LABELS.has(localName(tag.name))) {
      element!.drawnLabel = drawnLabel.trim().replace(/\s+/g, ' ');
      drawnLabel = undefined;
      return;
    }
    switch (tag.name) {
      case 'key':
        key = undefined;
        return;
      case 'default':
        if (inDefault) key!.default = text;
        inDefault = false;
        return;
      case 'data':
        if (element && dataKey !== undefined) element.data.set(dataKey, text);
        dataKey = undefined;
        return;
      case 'node':
      case 'edge':
        {
          // An element without its id or ends is skipped: the preview reports it and reads on.
          const record = orReport(options.onProblem, () => toRecord(element!, keys, undirectedDefault, file, options, fail));
          if (record) emit(record);
        }
        element = undefined;
    }
  });
}

function toRecord(
  element: Element,
  keys: Map<string, Key>,
  undirectedDefault: boolean,
  file: InputFile,
  options: ReadOptions,
  fail: (reason: string) => never,
): NetworkRecord {
  const properties: Properties = new Map();
  const set = (id: string, key: Key, raw: string): void => {
    if (key.graphics) return;
    const value: PropertyValue | { problem: string } = key.list ? parseTypedList(raw, key.type) : parseTyped(raw, key.type);
    if (typeof value === 'object' && !Array.isArray(value)) fail(`${element.kind} data "${key.name}" (key ${id}): ${value.problem}`);
    properties.set(key.name, value as PropertyValue);
  };
  // A bad value spoils that value only: a preview reports it and keeps the node, so the ties to it are no problem.
  for (const [id, key] of keys) {
    if (key.default !== undefined && (key.for === element.kind || key.for === 'all') && !element.data.has(id))
      orReport(options.onProblem, () => set(id, key, key.default!));
  }
  for (const [id, raw] of element.data) orReport(options.onProblem, () => set(id, keys.get(id)!, raw));
  // A yEd chart keeps its names only in the drawing: the drawn label is the `label` of an element without name or label.
  if (element.drawnLabel && !properties.has('label') && !properties.has('name')) properties.set('label', element.drawnLabel);
  const attributes = element.attributes;
  if (element.kind === 'node') {
    const id = attributes.id;
    if (id === undefined || id === '') fail('<node> without id');
    const labels = (attributes[NODE_LABELS_ATTRIBUTE] ?? '').split(':').filter((label) => label !== '');
    const caption = properties.get('name') ?? properties.get('label');
    return {
      kind: 'node',
      file: file.display,
      line: element.line,
      key: id!,
      labels: labels.length > 0 ? labels : [nodeKind(properties) ?? options.label ?? DEFAULT_LABEL],
      properties,
      caption: caption === undefined ? undefined : String(caption),
    };
  }
  const start = attributes.source;
  const end = attributes.target;
  if (!start) fail('<edge> without source');
  if (!end) fail('<edge> without target');
  const directed = attributes.directed;
  const undirected = directed === undefined ? undirectedDefault || (options.undirected ?? false) : directed === 'false';
  return {
    kind: 'relationship',
    file: file.display,
    line: element.line,
    start: start!,
    end: end!,
    type: attributes[EDGE_TYPE_ATTRIBUTE] || edgeKind(properties) || options.type || DEFAULT_TYPE,
    properties,
    undirected,
    key: attributes.id,
  };
}
