import { JsonNumber, type JsonValue } from './jsonStream.js';
import type { Properties, PropertyValue, Scalar } from './network.js';
import { int64 } from './typedValues.js';

/** A JSON value written back as compact JSON text, numbers as the file wrote them. */
export function jsonText(value: JsonValue): string {
  if (value instanceof JsonNumber) return value.text;
  if (value instanceof Map) return `{${[...value].map(([name, item]) => `${JSON.stringify(name)}:${jsonText(item)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  return JSON.stringify(value);
}

/** A JSON number as GML's are read: an integer as a 64-bit integer (its digits as text past 64 bits), anything else as a float. */
function numberValue(number: JsonNumber): bigint | number | string {
  if (/^-?\d+$/.test(number.text)) return int64(number.text) ?? number.text;
  return Number(number.text);
}

/**
 * A list of scalars as Neo4j stores one, all of one type: integers, floats (when any item is one), text or booleans;
 * items of different kinds as text, as GML's mixed lists are.
 */
function listValue(items: Scalar[]): Scalar[] {
  const kinds = new Set(items.map((item) => typeof item));
  if (kinds.size <= 1) return items;
  if (kinds.size === 2 && kinds.has('number') && kinds.has('bigint')) return items.map(Number);
  return items.map((item) => (typeof item === 'string' ? item : String(item)));
}

/**
 * A JSON value as a property: text, numbers (see numberValue), true/false, and a list of them; null is no value. A
 * nested object, or a list holding objects, lists or null, has no Neo4j property type: it is kept as its JSON text, so
 * nothing of the file is lost and one such attribute does not stop a whole network.
 */
export function propertyValue(value: JsonValue): PropertyValue | undefined {
  if (value === null) return undefined;
  if (value instanceof JsonNumber) return numberValue(value);
  if (value instanceof Map) return jsonText(value);
  if (Array.isArray(value)) {
    if (value.some((item) => item === null || item instanceof Map || Array.isArray(item))) return jsonText(value);
    return listValue(value.map((item) => propertyValue(item) as Scalar));
  }
  return value;
}

/** An object's members as properties, names verbatim, but for `left` (the ids and ends the record itself holds). */
export function jsonProperties(object: Map<string, JsonValue> | undefined, left: readonly string[] = []): Properties {
  const properties: Properties = new Map();
  if (!object) return properties;
  for (const [name, value] of object) {
    if (left.includes(name)) continue;
    const property = propertyValue(value);
    if (property !== undefined) properties.set(name, property);
  }
  return properties;
}
