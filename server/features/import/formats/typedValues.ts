import type { Scalar, PropertyValue } from './network.js';

export type ValueType = 'string' | 'boolean' | 'integer' | 'float';

/** GraphML `attr.type` and GEXF attribute types, by the kind of value they hold. */
const TYPE_NAMES: Record<string, ValueType> = {
  string: 'string',
  boolean: 'boolean',
  int: 'integer',
  long: 'integer',
  integer: 'integer',
  short: 'integer',
  byte: 'integer',
  float: 'float',
  double: 'float',
  // GEXF's other types are kept as the text written.
  date: 'string',
  anyuri: 'string',
  char: 'string',
  bigdecimal: 'float',
  biginteger: 'integer',
};

export function valueTypeOf(name: string | undefined): ValueType | undefined {
  return name === undefined ? 'string' : TYPE_NAMES[name.toLowerCase()];
}

/** How Java, igraph and NetworkX write the floats that are not numbers (igraph writes NaN for a missing value); Neo4j stores them. */
const SPECIAL_FLOATS = new Map([
  ['nan', Number.NaN],
  ['inf', Number.POSITIVE_INFINITY],
  ['+inf', Number.POSITIVE_INFINITY],
  ['infinity', Number.POSITIVE_INFINITY],
  ['+infinity', Number.POSITIVE_INFINITY],
  ['-inf', Number.NEGATIVE_INFINITY],
  ['-infinity', Number.NEGATIVE_INFINITY],
]);

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** An integer's text as the bigint Neo4j stores, or undefined past 64 bits (the driver would wrap it round silently). */
export function int64(text: string): bigint | undefined {
  const value = BigInt(text.trim());
  return value >= INT64_MIN && value <= INT64_MAX ? value : undefined;
}

/** Parses one typed value; returns a reason string for text that is not of the type. */
export function parseTyped(text: string, type: ValueType): Scalar | { problem: string } {
  switch (type) {
    case 'string':
      return text;
    case 'boolean': {
      const lower = text.trim().toLowerCase();
      if (lower === 'true' || lower === '1') return true;
      if (lower === 'false' || lower === '0') return false;
      return { problem: `"${text}" is not a boolean` };
    }
    case 'integer': {
      if (!/^\s*[-+]?\d+\s*$/.test(text)) return { problem: `"${text}" is not an integer` };
      return int64(text) ?? { problem: `"${text.trim()}" is beyond the 64-bit integers Neo4j stores` };
    }
    case 'float': {
      const special = SPECIAL_FLOATS.get(text.trim().toLowerCase());
      if (special !== undefined) return special;
      const value = text.trim() === '' ? Number.NaN : Number(text);
      return Number.isNaN(value) ? { problem: `"${text}" is not a number` } : value;
    }
  }
}

/** A list value as Nexo's exports write it: a JSON array of the element type. */
export function parseTypedList(text: string, type: ValueType): PropertyValue | { problem: string } {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch {
    return { problem: `"${text}" is not a JSON list` };
  }
  if (!Array.isArray(items)) return { problem: `"${text}" is not a JSON list` };
  const values: Scalar[] = [];
  for (const item of items) {
    const parsed = parseTyped(String(item), type);
    if (typeof parsed === 'object') return parsed;
    values.push(parsed);
  }
  return values;
}
