import { ImportError, shown } from './importError.js';
import { valueTypes, type ValueType } from './values.js';

/** One column of a neo4j-admin header, e.g. `name`, `age:int`, `personId:ID(Person)`, `:LABEL`. */
export type Column =
  | { kind: 'id'; space: string | undefined; property: string | undefined }
  | { kind: 'label' }
  | { kind: 'start'; space: string | undefined }
  | { kind: 'end'; space: string | undefined }
  | { kind: 'type' }
  | { kind: 'ignore' }
  | { kind: 'property'; name: string; type: ValueType; array: boolean };

/** A node or relationship file's header: its role follows from its columns. */
export type Header =
  | { role: 'node'; columns: Column[]; id: number; label: number | undefined }
  | { role: 'relationship'; columns: Column[]; start: number; end: number; type: number | undefined };

/** Where a header came from, for error messages. */
export interface HeaderSource {
  file: string;
  line: number;
}

const keywords = ['ID', 'START_ID', 'END_ID', 'LABEL', 'TYPE', 'IGNORE'] as const;
type Keyword = (typeof keywords)[number];
const spaced = new Set<Keyword>(['ID', 'START_ID', 'END_ID']);
const tokenPattern = /^([A-Za-z_]+)(\[\])?(?:\(([^()]*)\))?$/;

/** Reads a header's fields; throws ImportError naming the column and what is wrong with it. */
export function parseHeader(fields: string[], where: HeaderSource): Header {
  const fail = (reason: string): never => {
    throw new ImportError(where.file, where.line, reason);
  };
  const columns = fields.map((field, index) => parseColumn(field.trim(), (reason) => fail(`column ${index + 1} "${shown(field)}": ${reason}`)));
  const indexesOf = (kind: Column['kind']): number[] => columns.flatMap((column, index) => (column.kind === kind ? [index] : []));
  const single = (kind: Column['kind'], token: string): number | undefined => {
    const found = indexesOf(kind);
    if (found.length > 1) fail(`more than one ${token} column`);
    return found[0];
  };

  const propertyNames = new Set<string>();
  for (const column of columns) {
    const name = column.kind === 'property' ? column.name : column.kind === 'id' ? column.property : undefined;
    if (name === undefined) continue;
    if (propertyNames.has(name)) fail(`property "${name}" appears in more than one column`);
    propertyNames.add(name);
  }

  const id = single('id', ':ID');
  const label = single('label', ':LABEL');
  const start = single('start', ':START_ID');
  const end = single('end', ':END_ID');
  const type = single('type', ':TYPE');
  const isRelationship = start !== undefined || end !== undefined || type !== undefined;

  if (isRelationship) {
    if (id !== undefined || label !== undefined) fail('a header has either :ID/:LABEL (nodes) or :START_ID/:END_ID/:TYPE (relationships), not both');
    if (start === undefined || end === undefined) fail('a relationship header needs both a :START_ID and an :END_ID column');
    return { role: 'relationship', columns, start: start!, end: end!, type };
  }
  if (id === undefined) fail('a node header needs an :ID column (every Nexo node has a stable id); a relationship header needs :START_ID and :END_ID');
  // No reserved names: a column id, name or type is data (Nexo's keys are the __nexo_ ones, see README.md, "Datasets and importing your own network").
  return { role: 'node', columns, id: id!, label };
}

function parseColumn(field: string, fail: (reason: string) => never): Column {
  // Neo4j refuses property names with a NUL character, deep in the write; refuse it here, at the header.
  if (field.includes('\0')) fail('a NUL character in a name');
  if (field.includes('{')) fail('header options in {…} are not supported');
  const colon = field.lastIndexOf(':');
  if (colon < 0) {
    if (field === '') fail('empty column name');
    return { kind: 'property', name: field, type: 'string', array: false };
  }
  const name = field.slice(0, colon);
  const token = tokenPattern.exec(field.slice(colon + 1));
  if (!token) fail(`unknown header token "${field.slice(colon + 1)}"`);
  const word = token![1]!.toUpperCase();
  const isArray = token![2] !== undefined;
  const space = token![3];

  if ((keywords as readonly string[]).includes(word)) {
    const keyword = word as Keyword;
    if (isArray) fail(`:${keyword} cannot be an array`);
    if (space !== undefined && !spaced.has(keyword)) fail(`:${keyword} takes no ID space`);
    if (space !== undefined && space.trim() === '') fail('empty ID space in ()');
    switch (keyword) {
      case 'ID':
        return { kind: 'id', space, property: name === '' ? undefined : name };
      case 'START_ID':
        return { kind: 'start', space };
      case 'END_ID':
        return { kind: 'end', space };
      case 'LABEL':
        return { kind: 'label' };
      case 'TYPE':
        return { kind: 'type' };
      case 'IGNORE':
        return { kind: 'ignore' };
    }
  }
  const type = word.toLowerCase();
  if (type === 'point') fail('type point is not supported');
  if (!(valueTypes as readonly string[]).includes(type)) fail(`unknown type or header token "${token![1]}"`);
  if (space !== undefined) fail(`type ${type} takes no ID space`);
  if (name === '') fail(`a ${type} column needs a property name before the colon`);
  return { kind: 'property', name, type: type as ValueType, array: isArray };
}
