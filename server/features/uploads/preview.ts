import path from 'node:path';
import { z } from 'zod';
import { plainValue } from '../../neo4j/graph.js';
import { discoverFolder } from '../import/files.js';
import { detectInputFormat, inputFiles } from '../import/formats/detect.js';
import { FORMATS, FormatError, type NetworkRecord, type PropertyValue, type ReadOptions } from '../import/formats/network.js';
import { readEachFile, readNetwork, type NetworkInput } from '../import/formats/readNetwork.js';
import { withSheets } from '../import/formats/workbook.js';
import { ImportError, orReport } from '../import/importError.js';
import { Progress } from '../import/progress.js';
import { dataRecords, validateFolder } from '../import/validate.js';
import { nodeIdOf, nodeRowReader, relationshipRowReader } from '../import/rows.js';

/** Rows of each kind the preview shows: enough to see how columns became properties, not a copy of the file. */
export const PREVIEW_ROWS = 10;

/** Problems listed per file; past this many the preview says how many more there are. */
export const PROBLEMS_PER_FILE = 100;

const jsonValue: z.ZodType<unknown> = z.unknown().describe('A property value as it will be stored (numbers beyond 2^53 as text)');

export const problemSchema = z.object({
  file: z.string().describe('The file, as uploaded (inside a zip: its name there)'),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  reason: z.string(),
  message: z.string().describe('file:line[:column]: reason'),
  more: z.number().int().optional().describe(`Only on the entry after a file's first ${PROBLEMS_PER_FILE} problems: how many more it has, not listed`),
});

export const previewRowSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('node'),
    file: z.string(),
    line: z.number().int(),
    key: z.string().describe("The file's own id for the node"),
    labels: z.array(z.string()),
    caption: z.string().nullable(),
    properties: z.record(z.string(), jsonValue),
  }),
  z.object({
    kind: z.literal('relationship'),
    file: z.string(),
    line: z.number().int(),
    start: z.string(),
    end: z.string(),
    type: z.string(),
    undirected: z.boolean(),
    properties: z.record(z.string(), jsonValue),
  }),
]);

export const previewSchema = z.object({
  format: z.enum(FORMATS).nullable().describe('The detected (or requested) format; null when it could not be told'),
  nodes: z.number().int(),
  relationships: z.number().int(),
  undirected: z.number().int().describe('How many of the relationships are undirected ties'),
  labels: z.record(z.string(), z.number().int()).describe('Nodes per label'),
  types: z.record(z.string(), z.number().int()).describe('Relationships per type'),
  rows: z.array(previewRowSchema).describe(`The first ${PREVIEW_ROWS} nodes and the first ${PREVIEW_ROWS} relationships, as they will be read`),
  notes: z
    .array(z.string())
    .describe('How the files were read where they do not say so themselves, one line each ("ties.txt: no header line; its first line is read as a tie …")'),
  problems: z
    .array(problemSchema)
    .describe(
      `What stops the import, each with its file and line; empty when the files can be imported. At most ${PROBLEMS_PER_FILE} per file, then one entry without a line saying how many more`,
    ),
});

export type Preview = z.infer<typeof previewSchema>;
export type PreviewProblem = z.infer<typeof problemSchema>;
type PreviewRow = z.infer<typeof previewRowSchema>;

/**
 * Reads an uploaded folder the way its import will, and says what it holds: the format, counts per label and type,
 * the first rows, and every problem with file:line[:column] (up to PROBLEMS_PER_FILE per file, then how many more):
 * readers report a bad line and read on. A problem that leaves the rest of a file unreadable (malformed XML, a broken
 * CSV quote, a bad Pajek section line or UCINET header, a bad neo4j-admin CSV header) ends that file.
 */
export async function previewFolder(folder: string, options: ReadOptions): Promise<Preview> {
  const preview: Preview = { format: null, nodes: 0, relationships: 0, undirected: 0, labels: {}, types: {}, rows: [], notes: [], problems: [] };
  // Messages name files as uploaded, never by where the server keeps them.
  const files = (() => {
    try {
      return inputFiles(folder).map((file) => ({ ...file, display: path.basename(file.path) }));
    } catch (error) {
      preview.problems.push(problemOf(error, folder));
      return [];
    }
  })();
  if (files.length === 0) return preview;
  const noted = (note: string): void => {
    if (!preview.notes.includes(note)) preview.notes.push(note);
  };
  try {
    await withSheets(files, noted, async (read) => {
      const format = detectInputFormat(read, options.format);
      preview.format = format;
      const problems = new ProblemList(preview, folder);
      if (format === 'neo4j-csv') await previewNeo4jCsv(folder, preview, problems);
      else await previewNetwork({ format, files: read }, { ...options, onNote: noted }, preview, problems);
      problems.close();
    });
  } catch (error) {
    // A workbook that cannot be read, or files whose format cannot be told: nothing else is read.
    preview.problems.push(problemOf(error, folder));
  }
  return preview;
}

/** A preview's problems: the first PROBLEMS_PER_FILE of each file, then, once all are read, one entry per file saying how many more. */
class ProblemList {
  private readonly perFile = new Map<string, number>();
  constructor(
    private readonly preview: Preview,
    private readonly folder: string,
  ) {}

  /** Lists a reader's error (anything else is thrown on) and gives the file it names. */
  readonly report = (error: unknown): string => {
    const problem = problemOf(error, this.folder);
    const listed = this.perFile.get(problem.file) ?? 0;
    this.perFile.set(problem.file, listed + 1);
    if (listed < PROBLEMS_PER_FILE) this.preview.problems.push(problem);
    return problem.file;
  };

  close(): void {
    for (const [file, found] of this.perFile) {
      if (found <= PROBLEMS_PER_FILE) continue;
      const more = found - PROBLEMS_PER_FILE;
      const reason = `and ${more} more problem${more === 1 ? '' : 's'} (the first ${PROBLEMS_PER_FILE} are listed)`;
      this.preview.problems.push({ file, reason, message: `${file}: ${reason}`, more });
    }
  }
}

async function previewNetwork(input: NetworkInput, options: ReadOptions, preview: Preview, problems: ProblemList): Promise<void> {
  const report = problems.report;
  const collecting: ReadOptions = { ...options, onProblem: report };
  // Files in reading order: one that stops the reading (malformed XML …) leaves the files after it to be read alone.
  let stoppedAt: string | undefined;
  try {
    for await (const record of readNetwork(input, collecting)) {
      count(preview, record);
      if (shownRows(preview, record.kind) < PREVIEW_ROWS) preview.rows.push(networkRow(record));
    }
  } catch (error) {
    stoppedAt = report(error);
  }
  // An edge list's files are one table (its node file names the ends of the others), so it is read as a whole only.
  if (stoppedAt !== undefined && input.format !== 'edgelist') {
    const unread = input.files.slice(input.files.findIndex((file) => file.display === stoppedAt) + 1);
    for (const file of unread) {
      try {
        for await (const _record of readEachFile({ format: input.format, files: [file] }, collecting));
      } catch (error) {
        report(error);
      }
    }
  }
}

/**
 * neo4j-admin CSV: the CSV importer's own validation pass, reporting every problem; the new dataset is empty, so every
 * end must be in the files. The rows shown are read again, past the bad ones (already reported).
 */
async function previewNeo4jCsv(folder: string, preview: Preview, problems: ProblemList): Promise<void> {
  const skip = (): undefined => undefined;
  try {
    const found = discoverFolder(folder);
    const plan = await validateFolder(found, () => Promise.resolve([]), new Progress(() => undefined, 'validating', undefined), problems.report);
    Object.assign(preview, { nodes: plan.nodes, relationships: plan.relationships, labels: plan.labels, types: plan.types });
    // Ids met so far, bad rows' too: a later row with one of them is a duplicate, refused like a bad row.
    const met = new Set<string>();
    for (const { source, header } of plan.nodeSources) {
      const read = nodeRowReader(header, source);
      for await (const { record, display } of dataRecords(source, skip)) {
        if (shownRows(preview, 'node') >= PREVIEW_ROWS) break;
        const id = nodeIdOf(header, record);
        const duplicate = id !== undefined && met.has(id);
        if (id !== undefined) met.add(id);
        const row = duplicate ? undefined : orReport(skip, () => read(record, display));
        if (row === undefined) continue;
        preview.rows.push({
          kind: 'node',
          file: path.basename(display),
          line: record.line,
          key: row.id,
          labels: row.labels,
          caption: null,
          properties: plainProperties(row.properties),
        });
      }
    }
    for (const { source, header } of plan.relationshipSources) {
      const read = relationshipRowReader(header, source, found.folderName);
      for await (const { record, display } of dataRecords(source, skip)) {
        if (shownRows(preview, 'relationship') >= PREVIEW_ROWS) break;
        const row = orReport(skip, () => read(record, display));
        if (row === undefined) continue;
        preview.rows.push({
          kind: 'relationship',
          file: path.basename(display),
          line: record.line,
          start: row.start,
          end: row.end,
          type: row.type,
          undirected: false,
          properties: plainProperties(row.properties),
        });
      }
    }
  } catch (error) {
    problems.report(error);
  }
}

function count(preview: Preview, record: NetworkRecord): void {
  if (record.kind === 'node') {
    preview.nodes += 1;
    for (const label of record.labels) preview.labels[label] = (preview.labels[label] ?? 0) + 1;
  } else {
    preview.relationships += 1;
    if (record.undirected) preview.undirected += 1;
    preview.types[record.type] = (preview.types[record.type] ?? 0) + 1;
  }
}

function shownRows(preview: Preview, kind: PreviewRow['kind']): number {
  return preview.rows.filter((row) => row.kind === kind).length;
}

function networkRow(record: NetworkRecord): PreviewRow {
  const properties = Object.fromEntries([...record.properties].map(([name, value]) => [name, jsonOf(value)]));
  if (record.kind === 'node') {
    return { kind: 'node', file: record.file, line: record.line, key: record.key, labels: record.labels, caption: record.caption ?? null, properties };
  }
  return {
    kind: 'relationship',
    file: record.file,
    line: record.line,
    start: record.start,
    end: record.end,
    type: record.type,
    undirected: record.undirected,
    properties,
  };
}

/** A format's value as JSON: an integer past 2^53 (GraphML long) as its digits, so the preview shows it exactly. */
function jsonOf(value: PropertyValue): unknown {
  if (Array.isArray(value)) return value.map(jsonOf);
  if (typeof value !== 'bigint') return value;
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

function plainProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, plainValue(value)]));
}

/** A reader's error as a problem naming the file as uploaded; anything else is not the file's fault and is thrown on. */
export function problemOf(error: unknown, folder: string): PreviewProblem {
  if (!(error instanceof ImportError)) throw error;
  const file = uploadedName(error.file, folder);
  const column = error instanceof FormatError ? error.column : undefined;
  const where = [file, error.line, error.line === undefined ? undefined : column].filter((part) => part !== undefined).join(':');
  return {
    file,
    ...(error.line === undefined ? {} : { line: error.line }),
    ...(column === undefined || error.line === undefined ? {} : { column }),
    reason: error.reason,
    message: `${where}: ${error.reason}`,
  };
}

/** A path inside the upload folder as the user named it: the folder itself is "the upload". */
export function uploadedName(file: string, folder: string): string {
  const relative = path.relative(folder, path.resolve(file));
  if (relative === '') return 'the upload';
  return relative.startsWith('..') ? file : relative;
}
