import { EDGE_TYPE_ATTRIBUTE, LIST_ATTRIBUTE, NODE_LABELS_ATTRIBUTE } from './graphml.js';
import { listText, shapeOf, xmlText, type ExportNetwork, type ValueKind } from './exportShape.js';
import type { Properties } from './network.js';

const GRAPHML_TYPE: Record<ValueKind, string> = { string: 'string', boolean: 'boolean', integer: 'long', float: 'double' };

interface KeyShape {
  id: string;
  for: 'node' | 'edge';
  name: string;
  kind: ValueKind;
  list: boolean;
}

/** One key per property name, element kind and value type, so a name with values of two types keeps both exactly. */
function declareKeys(network: { nodes: { properties: Properties }[]; relationships: { properties: Properties }[] }): Map<string, KeyShape> {
  const keys = new Map<string, KeyShape>();
  const scan = (kind: 'node' | 'edge', properties: Properties): void => {
    for (const [name, value] of properties) {
      const shape = shapeOf(value);
      const signature = JSON.stringify([kind, name, shape.kind, shape.list]);
      if (!keys.has(signature)) keys.set(signature, { id: `d${keys.size}`, for: kind, name, ...shape });
    }
  };
  for (const node of network.nodes) scan('node', node.properties);
  for (const relationship of network.relationships) scan('edge', relationship.properties);
  return keys;
}

function* dataElements(kind: 'node' | 'edge', properties: Properties, keys: Map<string, KeyShape>): Generator<string> {
  for (const [name, value] of properties) {
    const shape = shapeOf(value);
    const key = keys.get(JSON.stringify([kind, name, shape.kind, shape.list]))!;
    const text = Array.isArray(value) ? listText(value) : String(value);
    yield `<data key="${key.id}">${xmlText(text)}</data>`;
  }
}

/**
 * Writes GraphML that Nexo's reader, Gephi, yEd and Cytoscape read: typed keys, node labels as
 * `labels=":A:B"` and relationship types as the edge's `label` (as Neo4j's APOC export does),
 * `directed="false"` on undirected ties, lists as JSON arrays under keys marked attr.list.
 */
export function* exportGraphml(network: ExportNetwork): Generator<string> {
  const nodes = [...network.nodes];
  const relationships = [...network.relationships];
  const keys = declareKeys({ nodes, relationships });
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n';
  for (const key of keys.values()) {
    const list = key.list ? ` ${LIST_ATTRIBUTE}="true"` : '';
    yield `  <key id="${key.id}" for="${key.for}" attr.name="${xmlText(key.name)}" attr.type="${GRAPHML_TYPE[key.kind]}"${list}/>\n`;
  }
  yield '  <graph edgedefault="directed">\n';
  for (const node of nodes) {
    const labels = node.labels.map((label) => `:${label}`).join('');
    yield `    <node id="${xmlText(node.key)}" ${NODE_LABELS_ATTRIBUTE}="${xmlText(labels)}">${[...dataElements('node', node.properties, keys)].join('')}</node>\n`;
  }
  for (const relationship of relationships) {
    const id = relationship.key === undefined ? '' : ` id="${xmlText(relationship.key)}"`;
    const directed = relationship.undirected ? ' directed="false"' : '';
    yield `    <edge${id} source="${xmlText(relationship.start)}" target="${xmlText(relationship.end)}"${directed} ${EDGE_TYPE_ATTRIBUTE}="${xmlText(relationship.type)}">`;
    yield `${[...dataElements('edge', relationship.properties, keys)].join('')}</edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}
