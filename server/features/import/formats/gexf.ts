import { orReport } from '../importError.js';
import type { InputFile } from './inputFile.js';
import { DEFAULT_LABEL, DEFAULT_TYPE, FormatError, type NetworkRecord, type Properties, type PropertyValue, type ReadOptions } from './network.js';
import { edgeKind, nodeKind } from './kinds.js';
import { parseTyped, parseTypedList, valueTypeOf, type ValueType } from './typedValues.js';
import { readXml, required, type XmlParser } from './xmlStream.js';

interface Attribute {
  title: string;
  type: ValueType;
  list: boolean;
  default?: string;
}

/** An <attvalue>'s text, and the period it holds for in a dynamic graph (`start/end`, `..` for an open end). */
interface Value {
  raw: string;
  period: string | undefined;
}

interface Element {
  kind: 'node' | 'edge';
  line: number;
  attributes: Record<string, string>;
  values: Map<string, Value[]>;
  /** The periods of its <spells>, in the same notation. */
  spells: string[];
}

/** The time attributes of a dynamic graph's nodes and edges, kept as properties under their own names. */
const TIME_ATTRIBUTES = ['start', 'end', 'startopen', 'endopen', 'timestamp', 'timestamps'];

/** A period as ISO 8601 writes an interval, `..` standing for an open end; undefined when neither end is given. */
function period(attributes: Record<string, string>): string | undefined {
  const start = attributes.start ?? attributes.startopen;
  const end = attributes.end ?? attributes.endopen;
  if (start === undefined && end === undefined) return attributes.timestamp;
  return `${start ?? '..'}/${end ?? '..'}`;
}

/** Node labels travel in a GEXF attribute with this id (ids are the file's internal names; titles are the user's). */
export const LABELS_ATTRIBUTE_ID = 'nexo:labels';

/**
 * Reads GEXF (1.1–1.3): <attvalue>s become properties named by their attribute's title, typed by
 * its type, defaults applied. A node's `label` is kept as property `label` and is its caption; an
 * edge's `weight` becomes property `weight` (a number), its `label` property `label`, and its
 * `kind` (GEXF 1.3) the relationship type, else a `type`/`kind`/`label` attribute or the edge's
 * label (see kinds.ts), else TIE. `defaultedgetype="undirected"` (or "mutual") and an edge's own
 * `type` give undirected ties. Node labels come from the `nexo:labels` attribute Nexo's export
 * writes, else a `type`/`kind`/`category` attribute (kept as a property too), else Node. Layout (viz:*) is not read.
 * A dynamic graph's times are kept: a node's or edge's `start`, `end` (and the other time attributes) as properties of
 * those names, its <spells> as `spells`, a list of periods; an attribute whose value changes over time (several
 * <attvalue>s with `start`/`end`) as the list of its values and, under `<title> periods`, the list of their periods.
 */
export function readGexf(file: InputFile, options: ReadOptions): AsyncGenerator<NetworkRecord> {
  return readXml(file, (parser, emit) => listen(parser, emit, file, options));
}

function listen(parser: XmlParser, emit: (record: NetworkRecord) => void, file: InputFile, options: ReadOptions): void {
  const declared = { node: new Map<string, Attribute>(), edge: new Map<string, Attribute>() };
  const fail = (reason: string): never => {
    throw new FormatError(file.display, parser.line, reason, parser.column);
  };
  let rootSeen = false;
  let attributeClass: 'node' | 'edge' | undefined;
  let attribute: Attribute | undefined;
  let inDefault = false;
  let text = '';
  let undirectedDefault = false;
  let element: Element | undefined;

  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (!rootSeen) {
      rootSeen = true;
      if (tag.name !== 'gexf') fail(`expected a <gexf> root element, found <${tag.name}>`);
      return;
    }
    switch (tag.name) {
      case 'graph': {
        const type = attributes.defaultedgetype;
        undirectedDefault = type === 'undirected' || type === 'mutual';
        return;
      }
      case 'attributes':
        attributeClass = attributes.class === 'edge' ? 'edge' : 'node';
        return;
      case 'attribute': {
        const id = required(parser, file, attributes, 'attribute', 'id');
        const typeName = (attributes.type ?? 'string').toLowerCase();
        // GEXF 1.3 names list types list<type>: liststring, listlong, listdouble, listboolean …
        const list = typeName.startsWith('list');
        const type = valueTypeOf(list ? typeName.slice('list'.length) : typeName);
        if (!type) fail(`attribute "${id}": unknown type "${attributes.type}"`);
        attribute = { title: attributes.title || id, type: type!, list };
        declared[attributeClass ?? 'node'].set(id, attribute);
        return;
      }
      case 'default':
        inDefault = attribute !== undefined;
        text = '';
        return;
      case 'node':
      case 'edge':
        if (element) fail(`<${tag.name}> inside <${element.kind}> (hierarchical graphs) is not supported`);
        element = { kind: tag.name, line: parser.line, attributes, values: new Map(), spells: [] };
        return;
      case 'spell':
        element?.spells.push(period(attributes) ?? '../..');
        return;
      case 'attvalue': {
        if (!element) return;
        const id = attributes.for ?? attributes.id;
        if (id === undefined) fail('<attvalue> without for');
        if (!declared[element.kind].has(id!)) fail(`<attvalue for="${id}"> names no declared ${element.kind} attribute`);
        if (attributes.value === undefined) fail('<attvalue> without value');
        const values = element.values.get(id!) ?? [];
        values.push({ raw: attributes.value!, period: period(attributes) });
        element.values.set(id!, values);
      }
    }
  });
  parser.on('text', (chunk) => {
    if (inDefault) text += chunk;
  });
  parser.on('closetag', (tag) => {
    switch (tag.name) {
      case 'attribute':
        attribute = undefined;
        return;
      case 'default':
        if (inDefault) attribute!.default = text;
        inDefault = false;
        return;
      case 'node':
      case 'edge':
        {
          // An element without its id or ends is skipped: the preview reports it and reads on.
          const record = orReport(options.onProblem, () => toRecord(element!, declared[element!.kind], undirectedDefault, file, options, fail));
          if (record) emit(record);
        }
        element = undefined;
    }
  });
}

function listValue(raw: string, type: ValueType): PropertyValue | { problem: string } {
  // Nexo writes lists as JSON arrays; Gephi writes "a|b|c".
  return raw.trimStart().startsWith('[') ? parseTypedList(raw, type) : raw.split('|');
}

function toRecord(
  element: Element,
  declared: Map<string, Attribute>,
  undirectedDefault: boolean,
  file: InputFile,
  options: ReadOptions,
  fail: (reason: string) => never,
): NetworkRecord {
  const properties: Properties = new Map();
  let labels: string[] = [];
  for (const [id, attribute] of declared) {
    const given = element.values.get(id);
    const raws = given ? given.map((value) => value.raw) : attribute.default === undefined ? [] : [attribute.default];
    const values: PropertyValue[] = [];
    for (const raw of raws) {
      const value = attribute.list ? listValue(raw, attribute.type) : parseTyped(raw, attribute.type);
      // A bad value spoils that value only: a preview reports it and keeps the node, so the ties to it are no problem.
      if (typeof value === 'object' && !Array.isArray(value)) {
        orReport(options.onProblem, () => fail(`${element.kind} attribute "${attribute.title}": ${value.problem}`));
        continue;
      }
      values.push(value);
    }
    if (values.length === 0) continue;
    if (id === LABELS_ATTRIBUTE_ID && element.kind === 'node') labels = (values[0] as string[]).map(String);
    else if (given?.some((value) => value.period !== undefined)) {
      // Over time: every value and its period, in file order, rather than the last one alone.
      // A list-typed value is one Gephi-style text (`a|b`), as Neo4j keeps no list of lists.
      properties.set(
        attribute.title,
        values.map((value) => (Array.isArray(value) ? value.join('|') : value)),
      );
      properties.set(
        `${attribute.title} periods`,
        given.map((value) => value.period ?? '../..'),
      );
    } else properties.set(attribute.title, values.at(-1)!);
  }
  const attributes = element.attributes;
  if (attributes.label !== undefined) properties.set('label', attributes.label);
  for (const name of TIME_ATTRIBUTES) if (attributes[name] !== undefined && !properties.has(name)) properties.set(name, attributes[name]);
  if (element.spells.length > 0 && !properties.has('spells')) properties.set('spells', element.spells);
  if (element.kind === 'node') {
    const id = attributes.id;
    if (id === undefined || id === '') fail('<node> without id');
    return {
      kind: 'node',
      file: file.display,
      line: element.line,
      key: id!,
      labels: labels.length > 0 ? labels : [nodeKind(properties) ?? options.label ?? DEFAULT_LABEL],
      properties,
      caption: attributes.label,
    };
  }
  if (!attributes.source) fail('<edge> without source');
  if (!attributes.target) fail('<edge> without target');
  if (attributes.weight !== undefined) {
    const weight = Number(attributes.weight);
    if (attributes.weight.trim() === '' || Number.isNaN(weight)) fail(`edge weight "${attributes.weight}" is not a number`);
    properties.set('weight', weight);
  }
  const type = attributes.type;
  const undirected = type === undefined ? undirectedDefault || (options.undirected ?? false) : type === 'undirected' || type === 'mutual';
  return {
    kind: 'relationship',
    file: file.display,
    line: element.line,
    start: attributes.source!,
    end: attributes.target!,
    type: attributes.kind || edgeKind(properties) || options.type || DEFAULT_TYPE,
    properties,
    undirected,
    key: attributes.id,
  };
}
