import { singular } from '../../../text/singular.js';
import { reservedLabel } from '../reservedLabels.js';
import type { Properties, PropertyValue } from './network.js';

/**
 * Gephi and most tools that write GraphML or GEXF have no slot for a node's kind, so files carry it as an ordinary
 * attribute. The first of these (any letter case) that a node has names its label; the attribute stays a property.
 */
export const NODE_KIND_ATTRIBUTES = ['type', 'kind', 'category'] as const;

/**
 * The same for a relationship's type (`interaction` is where Cytoscape keeps it). A value that is only a direction
 * (Gephi's edge `Type` column) names no type.
 */
export const EDGE_TYPE_ATTRIBUTES = ['type', 'kind', 'interaction', 'label'] as const;

const DIRECTIONS = new Set(['directed', 'undirected', 'mutual']);

/** Longer values are free text (a description), not a kind. */
const MAX_KIND_LENGTH = 60;

/**
 * The label or type an attribute value gives: the text trimmed, inner white space as single spaces. None when the value
 * is not a short text (a numeric `category` code is fine: it becomes text), is empty, holds a NUL, or is a
 * name Nexo keeps for itself (Entity, Source, Import, anything starting with `__`); the node then keeps the format's
 * default label.
 */
export function kindName(value: PropertyValue | undefined, reserved: (name: string) => unknown = reservedLabel): string | undefined {
  if (value === undefined || Array.isArray(value) || typeof value === 'boolean') return undefined;
  const text = String(value).trim().replace(/\s+/g, ' ');
  if (text === '' || text.length > MAX_KIND_LENGTH || text.includes('\0') || text.startsWith('__') || reserved(text) !== undefined) return undefined;
  return text;
}

/** Why a label or type named by the user is refused, for the messages of namedKind's callers. */
export const UNUSABLE_KIND = `empty, longer than ${MAX_KIND_LENGTH} characters, or a name Nexo keeps (Entity, Source, Import, __…)`;

/**
 * A label or type named by the user for what a format leaves unnamed (npm run import's --label, --column-label and
 * --type; the browser's preview fields), checked as a file's kinds are: a type may be any name Nexo does not keep for
 * its labels. Undefined when it cannot be one (UNUSABLE_KIND).
 */
export function namedKind(value: string, what: 'label' | 'type'): string | undefined {
  return what === 'type' ? kindName(value, () => undefined) : kindName(value);
}

function attributeValue(properties: Properties, names: readonly string[]): PropertyValue | undefined {
  for (const wanted of names) {
    for (const [name, value] of properties) if (name.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** A node's label from its first kind attribute (`type`, `kind`, `category`), if that gives a usable name. */
export function nodeKind(properties: Properties): string | undefined {
  return kindName(attributeValue(properties, NODE_KIND_ATTRIBUTES));
}

/** A relationship's type from its first `type`, `kind` or `label` attribute that is not only a direction. */
export function edgeKind(properties: Properties): string | undefined {
  for (const wanted of EDGE_TYPE_ATTRIBUTES) {
    const type = kindName(attributeValue(properties, [wanted]), () => undefined);
    if (type !== undefined && !DIRECTIONS.has(type.toLowerCase())) return type;
  }
  return undefined;
}

/** Words of a node file's name that say it holds nodes, not what kind: `nodes-entities.csv`, `vertex_attributes.csv`. */
const NODE_FILE_WORDS = new Set([
  'node',
  'nodes',
  'vertex',
  'vertices',
  'table',
  'list',
  'data',
  'attributes',
  'attribute',
  'attr',
  'meta',
  'metadata',
  'export',
]);

/**
 * The label a node file's name (without its extension, or a sheet's name) gives when a folder holds several node
 * files, one per kind (ICIJ's Offshore Leaks:
 * `nodes-officers.csv` → Officer, `nodes-intermediaries.csv` → Intermediary): the words left after NODE_FILE_WORDS, in
 * PascalCase, the last made singular. Where the singular is a label Nexo keeps (`nodes-entities.csv` → Entity) the
 * plural is the label. Undefined when no word is left.
 */
export function labelFromName(name: string): string | undefined {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '' && !NODE_FILE_WORDS.has(word.toLowerCase()));
  if (words.length === 0) return undefined;
  const pascal = (list: string[]): string => list.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  const plural = pascal(words);
  const one = pascal([...words.slice(0, -1), singular(words.at(-1)!)]);
  return kindName(one) ?? kindName(plural);
}

/** A relation named by its file's name (or a sheet's), for a folder of several files of ties: `marriage` → MARRIAGE, `phase 1` → PHASE_1. */
export function typeFromName(name: string): string | undefined {
  return namedKind(
    name
      .toUpperCase()
      .replace(/[^\p{L}\p{N}]+/gu, '_')
      .replace(/^_+|_+$/g, ''),
    'type',
  );
}
