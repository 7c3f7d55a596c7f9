import { LABELS_ATTRIBUTE_ID } from './gexf.js';
import { listText, shapeOf, xmlText, type ExportNetwork, type ValueKind } from './exportShape.js';
import type { Properties } from './network.js';

const GEXF_TYPE: Record<ValueKind, string> = { string: 'string', boolean: 'boolean', integer: 'long', float: 'double' };

interface AttributeShape {
  id: string;
  name: string;
  type: string;
}

/** The properties GEXF writes as XML attributes of the element rather than as attvalues. */
function isElementAttribute(kind: 'node' | 'edge', name: string, properties: Properties): boolean {
  const value = properties.get(name);
  if (name === 'label') return typeof value === 'string';
  return kind === 'edge' && name === 'weight' && typeof value === 'number';
}

function declare(kind: 'node' | 'edge', elements: { properties: Properties }[]): Map<string, AttributeShape> {
  const attributes = new Map<string, AttributeShape>();
  for (const { properties } of elements) {
    for (const [name, value] of properties) {
      if (isElementAttribute(kind, name, properties)) continue;
      const shape = shapeOf(value);
      const type = shape.list ? `list${GEXF_TYPE[shape.kind]}` : GEXF_TYPE[shape.kind];
      const signature = JSON.stringify([name, type]);
      if (!attributes.has(signature)) attributes.set(signature, { id: `${kind[0]}${attributes.size}`, name, type });
    }
  }
  return attributes;
}

function attvalues(kind: 'node' | 'edge', properties: Properties, attributes: Map<string, AttributeShape>, extra = ''): string {
  const values = [...properties]
    .filter(([name]) => !isElementAttribute(kind, name, properties))
    .map(([name, value]) => {
      const shape = shapeOf(value);
      const type = shape.list ? `list${GEXF_TYPE[shape.kind]}` : GEXF_TYPE[shape.kind];
      const id = attributes.get(JSON.stringify([name, type]))!.id;
      return `<attvalue for="${id}" value="${xmlText(Array.isArray(value) ? listText(value) : String(value))}"/>`;
    });
  const all = extra + values.join('');
  return all === '' ? '' : `<attvalues>${all}</attvalues>`;
}

/**
 * Writes GEXF 1.3: node labels in the `nexo:labels` attribute, a string property `label` as the
 * element's label, a numeric edge `weight` as its weight, the relationship type as its `kind`, each
 * tie's direction as its `type`; typed attributes for the rest, lists as JSON arrays.
 */
export function* exportGexf(network: ExportNetwork): Generator<string> {
  const nodes = [...network.nodes];
  const relationships = [...network.relationships];
  const nodeAttributes = declare('node', nodes);
  const edgeAttributes = declare('edge', relationships);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n  <graph defaultedgetype="directed" mode="static">\n';
  yield `    <attributes class="node">\n      <attribute id="${LABELS_ATTRIBUTE_ID}" title="${LABELS_ATTRIBUTE_ID}" type="liststring"/>\n`;
  for (const attribute of nodeAttributes.values())
    yield `      <attribute id="${attribute.id}" title="${xmlText(attribute.name)}" type="${attribute.type}"/>\n`;
  yield '    </attributes>\n    <attributes class="edge">\n';
  for (const attribute of edgeAttributes.values())
    yield `      <attribute id="${attribute.id}" title="${xmlText(attribute.name)}" type="${attribute.type}"/>\n`;
  yield '    </attributes>\n    <nodes>\n';
  for (const node of nodes) {
    const label = node.properties.get('label');
    const labelAttribute = typeof label === 'string' ? ` label="${xmlText(label)}"` : '';
    const labels = `<attvalue for="${LABELS_ATTRIBUTE_ID}" value="${xmlText(listText(node.labels))}"/>`;
    yield `      <node id="${xmlText(node.key)}"${labelAttribute}>${attvalues('node', node.properties, nodeAttributes, labels)}</node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  let index = 0;
  for (const relationship of relationships) {
    const { properties } = relationship;
    const id = relationship.key ?? `e${index}`;
    index += 1;
    const label = properties.get('label');
    const weight = properties.get('weight');
    const extras = [
      typeof label === 'string' ? ` label="${xmlText(label)}"` : '',
      typeof weight === 'number' ? ` weight="${weight}"` : '',
      ` type="${relationship.undirected ? 'undirected' : 'directed'}"`,
      ` kind="${xmlText(relationship.type)}"`,
    ].join('');
    yield `      <edge id="${xmlText(id)}" source="${xmlText(relationship.start)}" target="${xmlText(relationship.end)}"${extras}>${attvalues('edge', properties, edgeAttributes)}</edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
