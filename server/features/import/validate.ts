import path from 'node:path';
import { readCsvRecords, type CsvRecord } from './csvRecords.js';
import type { ImportFolder, ImportSource } from './files.js';
import { parseHeader, type Header } from './headers.js';
import { IdOrdinals, IdSet } from './idSet.js';
import { ImportError } from './importError.js';
import type { Progress } from './progress.js';
import { nodeRowReader, relationshipRowReader, type NodeHeader, type RelationshipHeader } from './rows.js';

/** A source whose header has been read, with its role. */
export type PlannedSource<H extends Header = Header> = { source: ImportSource; header: H };

/** What the validation pass found: the sources by role and the counts the write pass will produce. */
export interface ImportPlan {
  nodeSources: PlannedSource<NodeHeader>[];
  relationshipSources: PlannedSource<RelationshipHeader>[];
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  types: Record<string, number>;
  /** The import's node ids with their places in file order, which the write pass reads the nodes in again. */
  nodeOrdinals: IdOrdinals;
}

/** Answers which of the given stable ids already exist in the database. */
export type ExistingIds = (ids: string[]) => Promise<string[]>;

/** Distinct unknown relationship ends collected before asking the database about them in one query. */
const LOOKUP_BATCH = 5000;

/** Reads every source's header and classifies it; throws ImportError for a bad header. */
async function readHeaders(found: ImportFolder): Promise<Pick<ImportPlan, 'nodeSources' | 'relationshipSources'>> {
  const nodeSources: PlannedSource<NodeHeader>[] = [];
  const relationshipSources: PlannedSource<RelationshipHeader>[] = [];
  for (const source of found.sources) {
    let header: Header | undefined;
    for await (const record of readCsvRecords(source.headerFile, source.headerDisplay)) {
      if (header) throw new ImportError(source.headerDisplay, record.line, 'a header file holds only the header line');
      header = parseHeader(record.fields, { file: source.headerDisplay, line: record.line });
      if (!source.separateHeader) break;
    }
    if (header!.role === 'node') nodeSources.push({ source, header: header as NodeHeader });
    else relationshipSources.push({ source, header: header as RelationshipHeader });
  }
  return { nodeSources, relationshipSources };
}

/** A field that only a header holds: an id column (`:ID`, `personId:ID(Person)`, `:START_ID`, `:END_ID`). */
const idColumnToken = /:(ID|START_ID|END_ID)(\([^()]*\))?$/i;

/**
 * The data records of a source, file by file, without header lines. A data part of a separate header
 * must not start with a header line: `PersonAlias.csv` beside `Person_header.csv` is read as Person rows,
 * and its own header would become a node with the id ":ID".
 */
export async function* dataRecords(source: ImportSource): AsyncGenerator<{ record: CsvRecord; display: string }> {
  for (const file of source.dataFiles) {
    const display = path.join(path.dirname(source.headerDisplay), path.basename(file));
    let isFirst = true;
    for await (const record of readCsvRecords(file, display)) {
      const first = isFirst;
      isFirst = false;
      if (first && !source.separateHeader) continue;
      if (first && record.fields.some((field) => idColumnToken.test(field.trim()))) {
        throw new ImportError(
          display,
          record.line,
          `this file is read as rows of ${path.basename(source.headerDisplay)} (its name starts with "${source.headerPrefix}"), but its first line is a header: ` +
            'rename the file so that it does not start with that prefix, or remove the line',
        );
      }
      yield { record, display };
    }
  }
}

/**
 * The validation pass: streams every file once, checks every field, that node ids are unique and
 * that every relationship end is a node of the files or of the database. Keeps only the node ids.
 */
export async function validateFolder(found: ImportFolder, existingIds: ExistingIds, progress: Progress): Promise<ImportPlan> {
  const { nodeSources, relationshipSources } = await readHeaders(found);
  const ids = new IdOrdinals();
  // Without a prototype, a label or type named __proto__ is counted like any other.
  const labels = Object.create(null) as Record<string, number>;
  const types = Object.create(null) as Record<string, number>;
  let nodes = 0;
  let relationships = 0;

  for (const { source, header } of nodeSources) {
    const read = nodeRowReader(header, source);
    for await (const { record, display } of dataRecords(source)) {
      const row = read(record, display);
      if (ids.has(row.id)) throw new ImportError(display, record.line, `duplicate id "${row.id}"`);
      ids.add(row.id);
      for (const label of row.labels) labels[label] = (labels[label] ?? 0) + 1;
      nodes += 1;
      progress.advance(1);
    }
  }

  const inDatabase = new IdSet();
  // Insertion-ordered, so an error names the first missing end in file order.
  let unknownEnds = new Map<string, { display: string; line: number }>();
  const resolveUnknownEnds = async (): Promise<void> => {
    if (unknownEnds.size === 0) return;
    const found = new Set(await existingIds([...unknownEnds.keys()]));
    for (const [id, where] of unknownEnds) {
      if (!found.has(id)) throw new ImportError(where.display, where.line, `relationship end "${id}" is not a node of this import nor of the database`);
      inDatabase.add(id);
    }
    unknownEnds = new Map();
  };

  for (const { source, header } of relationshipSources) {
    const read = relationshipRowReader(header, source, found.folderName);
    for await (const { record, display } of dataRecords(source)) {
      const row = read(record, display);
      for (const end of [row.start, row.end]) {
        if (ids.has(end) || inDatabase.has(end) || unknownEnds.has(end)) continue;
        unknownEnds.set(end, { display, line: record.line });
        if (unknownEnds.size >= LOOKUP_BATCH) await resolveUnknownEnds();
      }
      types[row.type] = (types[row.type] ?? 0) + 1;
      relationships += 1;
      progress.advance(1);
    }
  }
  await resolveUnknownEnds();

  return { nodeSources, relationshipSources, nodes, relationships, labels, types, nodeOrdinals: ids };
}
