import path from 'node:path';
import { readCsvRecords, type CsvRecord } from './csvRecords.js';
import type { ImportFolder, ImportSource } from './files.js';
import { parseHeader, type Header } from './headers.js';
import { IdOrdinals, IdSet } from './idSet.js';
import { ImportError, orReport, reportOrThrow, type ReportProblem } from './importError.js';
import type { Progress } from './progress.js';
import { nodeIdOf, nodeRowReader, relationshipRowReader, type NodeHeader, type RelationshipHeader } from './rows.js';

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

/**
 * Reads every source's header and classifies it; throws ImportError for a bad header, or with `onProblem` reports it
 * and leaves that source out (its rows cannot be read without it).
 */
async function readHeaders(found: ImportFolder, onProblem: ReportProblem | undefined): Promise<Pick<ImportPlan, 'nodeSources' | 'relationshipSources'>> {
  const nodeSources: PlannedSource<NodeHeader>[] = [];
  const relationshipSources: PlannedSource<RelationshipHeader>[] = [];
  for (const source of found.sources) {
    let header: Header;
    try {
      header = await readHeader(source);
    } catch (error) {
      reportOrThrow(onProblem, error);
      continue;
    }
    if (header.role === 'node') nodeSources.push({ source, header: header as NodeHeader });
    else relationshipSources.push({ source, header: header as RelationshipHeader });
  }
  return { nodeSources, relationshipSources };
}

async function readHeader(source: ImportSource): Promise<Header> {
  let header: Header | undefined;
  for await (const record of readCsvRecords(source.headerFile, source.headerDisplay)) {
    if (header) throw new ImportError(source.headerDisplay, record.line, 'a header file holds only the header line');
    header = parseHeader(record.fields, { file: source.headerDisplay, line: record.line });
    if (!source.separateHeader) break;
  }
  return header!;
}

/** A field that only a header holds: an id column (`:ID`, `personId:ID(Person)`, `:START_ID`, `:END_ID`). */
const idColumnToken = /:(ID|START_ID|END_ID)(\([^()]*\))?$/i;

/**
 * The data records of a source, file by file, without header lines. A data part of a separate header
 * must not start with a header line: `PersonAlias.csv` beside `Person_header.csv` is read as Person rows,
 * and its own header would become a node with the id ":ID". With `onProblem`, a file that cannot be read on (a header
 * line there, broken quoting, invalid UTF-8) is reported and the next file read.
 */
export async function* dataRecords(source: ImportSource, onProblem?: ReportProblem): AsyncGenerator<{ record: CsvRecord; display: string }> {
  for (const file of source.dataFiles) {
    const display = path.join(path.dirname(source.headerDisplay), path.basename(file));
    let isFirst = true;
    try {
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
    } catch (error) {
      reportOrThrow(onProblem, error);
    }
  }
}

/**
 * The validation pass: streams every file once, checks every field, that node ids are unique and
 * that every relationship end is a node of the files or of the database. Keeps only the node ids.
 * Throws the first problem as an ImportError; with `onProblem` (the upload preview) reports each one and reads on: a
 * bad row is left out of the counts, a duplicate id or a missing end is reported where it is first met, and a source
 * whose header cannot be read is left out of the plan.
 */
export async function validateFolder(found: ImportFolder, existingIds: ExistingIds, progress: Progress, onProblem?: ReportProblem): Promise<ImportPlan> {
  const headers = await readHeaders(found, onProblem);
  // A reader refuses a header whose file name gives no label or type; such a source is left out like a bad header.
  const nodeSources = headers.nodeSources.flatMap((planned) => {
    const read = orReport(onProblem, () => nodeRowReader(planned.header, planned.source));
    return read ? [{ ...planned, read }] : [];
  });
  const relationshipSources = headers.relationshipSources.flatMap((planned) => {
    const read = orReport(onProblem, () => relationshipRowReader(planned.header, planned.source, found.folderName));
    return read ? [{ ...planned, read }] : [];
  });
  const ids = new IdOrdinals();
  // Without a prototype, a label or type named __proto__ is counted like any other.
  const labels = Object.create(null) as Record<string, number>;
  const types = Object.create(null) as Record<string, number>;
  let nodes = 0;
  let relationships = 0;

  for (const { source, header, read } of nodeSources) {
    for await (const { record, display } of dataRecords(source, onProblem)) {
      const row = orReport(onProblem, () => {
        const row = read(record, display);
        if (ids.has(row.id)) throw new ImportError(display, record.line, `duplicate id "${row.id}"`);
        return row;
      });
      if (row === undefined) {
        // Reported; its id still names a node, so that its ties are not reported again as missing ends.
        const id = nodeIdOf(header, record);
        if (id !== undefined && !ids.has(id)) ids.add(id);
        continue;
      }
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
      // Counted as known once reported, so that a preview names each missing end once.
      inDatabase.add(id);
      if (found.has(id)) continue;
      reportOrThrow(onProblem, new ImportError(where.display, where.line, `relationship end "${id}" is not a node of this import nor of the database`));
    }
    unknownEnds = new Map();
  };

  for (const { source, read } of relationshipSources) {
    for await (const { record, display } of dataRecords(source, onProblem)) {
      const row = orReport(onProblem, () => read(record, display));
      if (row === undefined) continue;
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

  return {
    nodeSources: nodeSources.map(({ source, header }) => ({ source, header })),
    relationshipSources: relationshipSources.map(({ source, header }) => ({ source, header })),
    nodes,
    relationships,
    labels,
    types,
    nodeOrdinals: ids,
  };
}
