import path from 'node:path';
import type { CsvRecord } from './csvRecords.js';
import { isNexoWrittenKey } from './batches.js';
import type { Column, Header } from './headers.js';
import { ImportError, shown } from './importError.js';
import { ARRAY_DELIMITER, textChecker, ValueProblem, valueParser } from './values.js';
import { reservedLabel } from './reservedLabels.js';

/**
 * A record's properties: `properties` holds them as driver values, except, for a reader made `forWriting`, the single
 * dates and integers, which are in `dates` and `integers` as their checked text for the write statements to convert
 * (values.ts, TextKind). Otherwise those two are empty.
 */
interface RowProperties {
  properties: Record<string, unknown>;
  dates: Record<string, string>;
  integers: Record<string, string>;
}

/** A node as written: MERGEd on its stable id, given its labels and properties. */
export interface NodeRow extends RowProperties {
  id: string;
  labels: string[];
}

/** A relationship as written: its own stable id (`key`), its ends' stable ids, its type and its properties. */
export interface RelationshipRow extends RowProperties {
  key: string;
  start: string;
  end: string;
  type: string;
}

export type NodeHeader = Extract<Header, { role: 'node' }>;
export type RelationshipHeader = Extract<Header, { role: 'relationship' }>;

/** The id that the Entity.id constraint protects: the raw id, prefixed with its ID space when it has one. */
function stableId(space: string | undefined, raw: string): string {
  return space === undefined ? raw : `${space}:${raw}`;
}

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The API's id parameters take up to this many characters, so a longer id could never be opened. */
export const MAX_ID_LENGTH = 500;

/** Neo4j refuses label and type names with a NUL character; say so here, with file and line. */
function checkTokenName(what: 'label' | 'type', name: string, display: string, line: number): void {
  if (name.includes('\0')) throw new ImportError(display, line, `${what} "${shown(name)}" contains a NUL character`);
}

/**
 * A row's properties: without a prototype, so that a column named `__proto__` is set as a property like any other
 * (plain assignment, which is also far cheaper per field than defining each property).
 */
function newProperties(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

type Assign = (row: RowProperties, text: string) => void;

/** Never written to: the text maps of a reader that is not for writing. */
const NO_TEXT: Record<string, string> = Object.freeze(newProperties()) as Record<string, string>;

function emptyRowProperties(forWriting: boolean): RowProperties {
  return {
    properties: newProperties(),
    dates: forWriting ? (newProperties() as Record<string, string>) : NO_TEXT,
    integers: forWriting ? (newProperties() as Record<string, string>) : NO_TEXT,
  };
}

/** Turns each property column into a setter that parses its field; empty fields set nothing. */
function propertySetters(columns: Column[], forWriting: boolean): (Assign | undefined)[] {
  return columns.map((column) => {
    if (column.kind !== 'property' || isNexoWrittenKey(column.name)) return undefined;
    const name = column.name;
    const asText = forWriting ? textChecker(column.type, column.array) : undefined;
    const parse = valueParser(column.type, column.array);
    const assign: Assign = asText
      ? asText[0] === 'date'
        ? (row, text) => (row.dates[name] = asText[1](text))
        : (row, text) => (row.integers[name] = asText[1](text))
      : (row, text) => {
          const value = parse(text);
          if (!Array.isArray(value) || value.length > 0) row.properties[name] = value;
        };
    return (row, text) => {
      if (text === '') return;
      try {
        assign(row, text);
      } catch (error) {
        throw error instanceof ValueProblem ? new ValueProblem(`column "${name}": ${error.message}`) : error;
      }
    };
  });
}

function assignProperties(setters: (Assign | undefined)[], row: RowProperties, record: CsvRecord, display: string): void {
  try {
    const fields = record.fields;
    for (let index = 0; index < fields.length; index += 1) setters[index]?.(row, fields[index]!);
  } catch (error) {
    throw error instanceof ValueProblem ? new ImportError(display, record.line, error.message) : error;
  }
}

function checkFieldCount(record: CsvRecord, expected: number, display: string): void {
  if (record.fields.length !== expected) {
    throw new ImportError(display, record.line, `expected ${expected} fields as in the header, found ${record.fields.length}`);
  }
}

function nameFromFileOrFail(nameFromFile: string, what: 'label' | 'type', token: string, headerDisplay: string): string {
  if (!namePattern.test(nameFromFile)) {
    throw new ImportError(
      headerDisplay,
      1,
      `no ${token} column, and the file name gives no usable ${what} ("${nameFromFile}"): add a ${token} column or rename the file`,
    );
  }
  return nameFromFile;
}

/**
 * Reads node records of one header: every field checked, values typed. Throws ImportError at the first bad field.
 * `forWriting`: single dates and integers as text (RowProperties).
 */
export function nodeRowReader(
  header: NodeHeader,
  source: { headerDisplay: string; nameFromFile: string },
  forWriting = false,
): (record: CsvRecord, display: string) => NodeRow {
  const idColumn = header.columns[header.id] as Extract<Column, { kind: 'id' }>;
  const fileLabels = header.label === undefined ? [nameFromFileOrFail(source.nameFromFile, 'label', ':LABEL', source.headerDisplay)] : [];
  const setters = propertySetters(header.columns, forWriting);
  // A named id column (personId:ID(Person), or id:ID) is data: stored under its name with the raw value.
  const namedIdProperty = idColumn.property !== undefined && !isNexoWrittenKey(idColumn.property) ? idColumn.property : undefined;
  return (record, display) => {
    checkFieldCount(record, header.columns.length, display);
    const raw = record.fields[header.id]!;
    if (raw === '') throw new ImportError(display, record.line, 'empty :ID field');
    const id = stableId(idColumn.space, raw);
    if (id.length > MAX_ID_LENGTH) {
      throw new ImportError(display, record.line, `the id "${shown(id.slice(0, 20))}…" has ${id.length} characters; Nexo opens ids of up to ${MAX_ID_LENGTH}`);
    }
    const row = emptyRowProperties(forWriting);
    // neo4j-admin also stores a named id column (personId:ID(Person)) as a property with the raw value.
    if (namedIdProperty !== undefined) row.properties[namedIdProperty] = raw;
    const labels =
      header.label === undefined
        ? fileLabels
        : record.fields[header.label]!.split(ARRAY_DELIMITER)
            .map((label) => label.trim())
            .filter((label) => label !== '');
    for (const label of labels) {
      checkTokenName('label', label, display, record.line);
      const reservedFor = reservedLabel(label);
      if (reservedFor !== undefined) throw new ImportError(display, record.line, `label "${label}" is reserved for ${reservedFor}; name it otherwise`);
    }
    assignProperties(setters, row, record, display);
    return { id, labels, ...row };
  };
}

/** The stable id a node record names, whatever else is wrong with it; undefined when its id field is missing or empty. */
export function nodeIdOf(header: NodeHeader, record: CsvRecord): string | undefined {
  const raw = record.fields[header.id];
  if (raw === undefined || raw === '') return undefined;
  return stableId((header.columns[header.id] as Extract<Column, { kind: 'id' }>).space, raw);
}

/** Reads relationship records of one header; each gets the stable id `<folder>/<file>:<line>`. `forWriting` as for nodes. */
export function relationshipRowReader(
  header: RelationshipHeader,
  source: { headerDisplay: string; nameFromFile: string },
  folderName: string,
  forWriting = false,
): (record: CsvRecord, display: string) => RelationshipRow {
  const startColumn = header.columns[header.start] as Extract<Column, { kind: 'start' }>;
  const endColumn = header.columns[header.end] as Extract<Column, { kind: 'end' }>;
  const fileType = header.type === undefined ? nameFromFileOrFail(source.nameFromFile, 'type', ':TYPE', source.headerDisplay) : undefined;
  const setters = propertySetters(header.columns, forWriting);
  // Every record of a file shares the start of its key; a file's records come in one run, so one name is kept.
  let keyPrefixOf = '';
  let keyPrefix = '';
  return (record, display) => {
    checkFieldCount(record, header.columns.length, display);
    if (display !== keyPrefixOf) {
      keyPrefixOf = display;
      keyPrefix = `${folderName}/${path.basename(display)}:`;
    }
    const start = record.fields[header.start]!;
    const end = record.fields[header.end]!;
    if (start === '') throw new ImportError(display, record.line, 'empty :START_ID field');
    if (end === '') throw new ImportError(display, record.line, 'empty :END_ID field');
    const type = fileType ?? record.fields[header.type!]!.trim();
    if (type === '') throw new ImportError(display, record.line, 'empty :TYPE field');
    checkTokenName('type', type, display, record.line);
    const row = emptyRowProperties(forWriting);
    assignProperties(setters, row, record, display);
    // Nexo's key for the tie (the dataset's id is put before it when written); a user column id stays data.
    return { key: `${keyPrefix}${record.line}`, start: stableId(startColumn.space, start), end: stableId(endColumn.space, end), type, ...row };
  };
}
