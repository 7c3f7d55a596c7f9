import { ImportError, type ReportProblem } from '../importError.js';

/** One property value as a format gives it. Integer-typed attributes (GraphML int/long, GEXF integer/long) and GML integers are bigint. */
export type Scalar = string | number | bigint | boolean;
export type PropertyValue = Scalar | Scalar[];

/**
 * User properties by their verbatim names. A Map, so a name such as `__proto__`, `constructor`, `id`
 * or `type` is plain data and never collides with anything of Nexo's.
 */
export type Properties = Map<string, PropertyValue>;

/** Where a record comes from: the file as shown in messages and the line it starts on (1-based). */
export interface RecordSource {
  file: string;
  line: number;
}

/** A node as a file gives it. `key` is the file's own node id, unique within one import. */
export interface NodeRecord extends RecordSource {
  kind: 'node';
  key: string;
  labels: string[];
  properties: Properties;
  /** The text the format itself shows as the node's name (Pajek/UCINET/matrix label, GEXF label, a `name`/`label` attribute), if any. */
  caption?: string;
}

/** A relationship between two node keys of the same import. An undirected tie is one record with `undirected: true`. */
export interface RelationshipRecord extends RecordSource {
  kind: 'relationship';
  start: string;
  end: string;
  type: string;
  properties: Properties;
  undirected: boolean;
  /** The file's own id for the tie when it has one (GraphML/GEXF edge id, FtM entity id). */
  key?: string;
}

export type NetworkRecord = NodeRecord | RelationshipRecord;

export const FORMATS = ['neo4j-csv', 'edgelist', 'matrix', 'matrix2mode', 'graphml', 'gexf', 'gml', 'adjlist', 'pajek', 'ucinet', 'ftm', 'json'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface ReadOptions {
  /** Forces the format instead of detecting it. */
  format?: FormatName;
  /** Marks every tie of an edge list, matrix, Pajek `*Arcs`, UCINET or directed GML file as undirected. */
  undirected?: boolean;
  /** Edge-list CSV without a header line: columns are source, target and an optional weight. */
  headerless?: boolean;
  /** Relationship type for formats that name none (default TIE). */
  type?: string;
  /** Node label for formats that name none (default Node; for 2-mode matrices the row label, default Actor). */
  label?: string;
  /** Column label of a 2-mode matrix (default Event). */
  columnLabel?: string;
  /**
   * Where a reader reports a bad line (or XML element) and goes on to the next, so that a preview lists every
   * problem. Without it the first problem is thrown, as an import must stop there. A problem that leaves the rest
   * of the file unreadable (malformed XML, a broken CSV quote) is thrown either way.
   */
  onProblem?: ReportProblem;
  /**
   * Told how a file was read where it does not say so itself (`ties.txt: no header line, its first line is a tie`),
   * so that the preview and the import's log show what was taken for granted. Each reading once per file.
   */
  onNote?: (note: string) => void;
}

/** What one read produced, per label and type, for the preview and the import summary. */
export interface NetworkSummary {
  format: FormatName;
  files: string[];
  nodes: number;
  relationships: number;
  undirected: number;
  labels: Record<string, number>;
  types: Record<string, number>;
}

export const DEFAULT_LABEL = 'Node';
export const DEFAULT_TYPE = 'TIE';

/** Bad input named by where it is: `file:line: reason`, or `file:line:column: reason` when a column is known (a CSV field number, or a character column in text and XML). */
export class FormatError extends ImportError {
  override name = 'FormatError';
  constructor(
    file: string,
    line: number | undefined,
    reason: string,
    readonly column?: number,
  ) {
    super(file, line, reason);
    if (line !== undefined && column !== undefined) this.message = `${file}:${line}:${column}: ${reason}`;
  }
}

/** A Map from a list of entries, keeping only those with a value. */
export function propertiesOf(entries: Iterable<[string, PropertyValue | undefined]>): Properties {
  const properties: Properties = new Map();
  for (const [name, value] of entries) if (value !== undefined) properties.set(name, value);
  return properties;
}
