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

/** XML 1.0 cannot hold control characters other than tab and line breaks, nor U+FFFE/U+FFFF, not even as references. */
function hasCharacterXmlCannotHold(text: string): boolean {
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff) return true;
  }
  return false;
}

/** Escapes text for an XML attribute value or element content; line breaks and tabs become references so parsers keep them. */
export function xmlText(text: string): string {
  if (hasCharacterXmlCannotHold(text)) throw new ExportError(`a value holds a control character that XML cannot hold: ${JSON.stringify(text.slice(0, 40))}`);
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
