import { orReport } from '../importError.js';
import type { InputFile } from './inputFile.js';
import { FormatError, type NetworkRecord, type Properties, type ReadOptions } from './network.js';
import { readTextLines } from './textLines.js';

/**
 * FollowTheMoney's interval schemata that join two entities, with the property naming each end
 * (the schema's edge source and target), so `Ownership` is owner → asset.
 */
export const INTERVAL_ENDS: Record<string, readonly [start: string, end: string]> = {
  Ownership: ['owner', 'asset'],
  Directorship: ['director', 'organization'],
  Membership: ['member', 'organization'],
  Family: ['person', 'relative'],
  Associate: ['person', 'associate'],
  Employment: ['employee', 'employer'],
  Representation: ['agent', 'client'],
  UnknownLink: ['subject', 'object'],
  Succession: ['predecessor', 'successor'],
  Debt: ['debtor', 'creditor'],
  Payment: ['payer', 'beneficiary'],
  Occupancy: ['holder', 'post'],
};

interface Entity {
  id: string;
  schema: string;
  properties: Map<string, string[]>;
}

/**
 * Reads FollowTheMoney entities, one JSON object per line (Aleph's and `ftm` exports):
 * `{"id", "schema", "properties": {name: [values]}}`. An entity becomes a node labelled with its
 * schema; a listed interval schema becomes a relationship of that type from its start end to its
 * end end (one per pair when an end lists several entities), with its other properties. Values stay
 * lists of strings, as FtM has them; `name` is the caption. Other top-level fields (caption,
 * datasets, referents, timestamps) are metadata and are not read.
 */
export async function* readFtm(file: InputFile, options: ReadOptions = {}): AsyncGenerator<NetworkRecord> {
  let lines = 0;
  for await (const { line, text } of readTextLines(file.path, file.display)) {
    if (text.trim() === '') continue;
    lines += 1;
    const records = orReport(options.onProblem, () => entityRecords(text, file.display, line));
    if (records) yield* records;
  }
  if (lines === 0) throw new FormatError(file.display, 1, 'empty file');
}

/** One line's entity: a node, or the relationships of an interval entity (one per pair of its ends). */
function entityRecords(text: string, file: string, line: number): NetworkRecord[] {
  const entity = parseEntity(text, file, line);
  const ends = INTERVAL_ENDS[entity.schema];
  if (!ends) {
    const name = entity.properties.get('name')?.[0];
    return [{ kind: 'node', file, line, key: entity.id, labels: [entity.schema], properties: entity.properties as Properties, caption: name }];
  }
  const [startName, endName] = ends;
  const starts = entity.properties.get(startName);
  const targets = entity.properties.get(endName);
  if (!starts?.length) throw new FormatError(file, line, `${entity.schema} "${entity.id}" has no ${startName}`);
  if (!targets?.length) throw new FormatError(file, line, `${entity.schema} "${entity.id}" has no ${endName}`);
  const properties: Properties = new Map([...entity.properties].filter(([name]) => name !== startName && name !== endName));
  return starts.flatMap((start) =>
    targets.map((end): NetworkRecord => ({ kind: 'relationship', file, line, start, end, type: entity.schema, properties, undirected: false, key: entity.id })),
  );
}

function parseEntity(text: string, file: string, line: number): Entity {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FormatError(file, line, `not a JSON object: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new FormatError(file, line, 'not a JSON object');
  const { id, schema, properties } = value as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') throw new FormatError(file, line, 'an FtM entity needs an "id" string');
  if (typeof schema !== 'string' || schema === '') throw new FormatError(file, line, `entity "${id}" needs a "schema" string`);
  const read = new Map<string, string[]>();
  if (properties !== undefined) {
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties))
      throw new FormatError(file, line, `entity "${id}": "properties" is not an object`);
    // JSON.parse makes own properties, `__proto__` included, so Object.entries sees every name verbatim.
    for (const [name, values] of Object.entries(properties)) {
      if (!Array.isArray(values) || !values.every((item) => typeof item === 'string')) {
        throw new FormatError(file, line, `entity "${id}": property "${name}" is not a list of strings`);
      }
      read.set(name, values as string[]);
    }
  }
  return { id, schema, properties: read };
}
