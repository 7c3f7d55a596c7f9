import type { NodeRecord, PropertyValue, RelationshipRecord, Scalar } from './network.js';

/** What an exporter writes: the same shape the readers give, without where each record came from. */
export type ExportNode = Pick<NodeRecord, 'key' | 'labels' | 'properties'>;
export type ExportRelationship = Pick<RelationshipRecord, 'start' | 'end' | 'type' | 'properties' | 'undirected'> & { key?: string };

export interface ExportNetwork {
  nodes: Iterable<ExportNode>;
  relationships: Iterable<ExportRelationship>;
}

/** A network that the chosen format cannot hold without changing its meaning. */
export class ExportError extends Error {
  override name = 'ExportError';
}

export type ValueKind = 'string' | 'boolean' | 'integer' | 'float';

export function kindOf(value: Scalar): ValueKind {
  if (typeof value === 'bigint') return 'integer';
  if (typeof value === 'number') return 'float';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

/** A property's kind and whether it is a list (a list takes the kind of its first item; an empty list is text). */
export function shapeOf(value: PropertyValue): { kind: ValueKind; list: boolean } {
  if (!Array.isArray(value)) return { kind: kindOf(value), list: false };
  return { kind: value.length === 0 ? 'string' : kindOf(value[0]!), list: true };
}

/** A list as the GraphML and GEXF readers take it back: a JSON array of each item's text. */
export function listText(values: Scalar[]): string {
  return JSON.stringify(values.map((value) => (typeof value === 'string' ? value : String(value))));
}

// XML 1.0 cannot hold these characters at all, not even as references.
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Escapes text for an XML attribute value or element content; line breaks and tabs become references so parsers keep them. */
export function xmlText(text: string): string {
  if (NOT_IN_XML.test(text)) throw new ExportError(`a value holds a control character that XML cannot hold: ${JSON.stringify(text.slice(0, 40))}`);
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Collects the joined text of an exporter's chunks (for tests and small networks). */
export function joinChunks(chunks: Iterable<string>): string {
  let text = '';
  for (const chunk of chunks) text += chunk;
  return text;
}
