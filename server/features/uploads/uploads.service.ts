import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Request } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../appContext.js';
import { isLoopback } from '../../config.js';
import { cypherFile } from '../../cypher.js';
import { AppError, fromNeo4jError } from '../../errors.js';
import { timedRead } from '../../neo4j/timedRead.js';
import { projectRoot } from '../../projectRoot.js';
import { namedKind, UNUSABLE_KIND } from '../import/formats/kinds.js';
import { FORMATS, type ReadOptions } from '../import/formats/network.js';
import { importDataset } from '../import/importDataset.js';
import { ImportError } from '../import/importError.js';
import type { ImportStep } from '../import/progress.js';
import { previewFolder, previewSchema, problemOf, problemSchema, type Preview, type PreviewProblem } from './preview.js';
import type { ReceivedFile } from './limits.js';
import { receiveFiles } from './receive.js';

/** An upload nobody has looked at for this long is abandoned: its files are removed. */
export const ABANDONED_AFTER_MS = 30 * 60_000;

export const UPLOAD_STATES = ['checking', 'ready', 'refused', 'importing', 'imported', 'failed'] as const;
type UploadState = (typeof UPLOAD_STATES)[number];

export const uploadIdSchema = z.string().regex(/^[0-9a-f]{24}$/, 'an upload id as POST /api/uploads gave it');

/** A node label or relationship type given for formats that name none (namedKind). */
function kindSchema(what: 'label' | 'type') {
  return z.string().transform((value, context) => {
    const kind = namedKind(value, what);
    if (kind !== undefined) return kind;
    context.addIssue({ code: 'custom', message: `not usable as a ${what}: ${UNUSABLE_KIND}` });
    return z.NEVER;
  });
}

export const readOptionsSchema = z.object({
  format: z.enum(FORMATS).optional().describe('Read the files as this format instead of detecting it'),
  undirected: z.boolean().default(false).describe('Every tie of an edge list, matrix, Pajek *Arcs or UCINET file is undirected'),
  headerless: z.boolean().default(false).describe('An edge-list CSV without a header line: source, target and an optional weight'),
  label: kindSchema('label').optional().describe('The node label of formats that name none (default Node; the row kind of a 2-mode file, default Actor)'),
  columnLabel: kindSchema('label').optional().describe('The column kind of a 2-mode file (default Event)'),
  type: kindSchema('type').optional().describe('The relationship type of formats that name none (default TIE; 2-mode PARTICIPATED_IN)'),
});

export const uploadSchema = z.object({
  id: z.string(),
  state: z
    .enum(UPLOAD_STATES)
    .describe(
      'checking: the files are being read; ready: they can be imported; refused: they have problems (preview.problems) or could not be read (error); ' +
        'importing: see import; imported: done, the files are removed; failed: see error (the files are kept, to retry)',
    ),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int() })),
  options: z.object({
    format: z.enum(FORMATS).nullable(),
    undirected: z.boolean(),
    headerless: z.boolean(),
    label: z.string().nullable(),
    columnLabel: z.string().nullable(),
    type: z.string().nullable(),
  }),
  suggestedDataset: z.string().describe('A dataset id made from the file names'),
  preview: previewSchema.nullable().describe('What the files hold, once checked'),
  import: z
    .object({
      dataset: z.string(),
      name: z.string(),
      phase: z.enum(['checking', 'nodes', 'relationships', 'done']),
      done: z.number().int().describe('Rows of this phase written so far'),
      total: z.number().int().nullable(),
      nodes: z.number().int(),
      relationships: z.number().int(),
    })
    .nullable(),
  error: z.object({ title: z.string(), detail: z.string(), problems: z.array(problemSchema) }).nullable(),
});

export type UploadView = z.infer<typeof uploadSchema>;

interface Upload {
  id: string;
  /** The upload's own folder under the uploads directory. */
  root: string;
  /** Where its files are: a folder named after them, since the CSV importer names relationship ids by their folder. */
  input: string;
  files: ReceivedFile[];
  options: ReadOptions;
  state: UploadState;
  preview: Preview | null;
  /** Counts the checks, so a check that options made stale does not overwrite a newer one. */
  checks: number;
  import: UploadView['import'];
  error: UploadView['error'];
  seenAt: number;
}

/** A dataset id made from a file name: lower-case, "-" for anything else. */
export function datasetIdFrom(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/\.[^.]*$/, '')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 64);
  return id === '' ? 'upload' : id;
}

/** Imports are writes: a server others can reach must know who asks. */
function assertImportsAllowed(context: AppContext): void {
  const { host, access } = context.config;
  if (!isLoopback(host) && !access.apiToken && !access.basicAuth) {
    throw new AppError(
      403,
      'Imports need credentials',
      `This server listens on ${host} without NEXO_API_TOKEN or NEXO_BASIC_AUTH; imports are refused until one is set.`,
      'imports-need-credentials',
    );
  }
}

/**
 * Files uploaded from the browser, from their arrival to their import: each is checked in the background (a large
 * file takes a while to read), previewed, then imported as a dataset by the same code as `npm run import`, with its
 * progress kept here for the browser to poll. This process's memory holds the states; the files live on disk until
 * imported, deleted or abandoned.
 */
export class Uploads {
  private readonly uploads = new Map<string, Upload>();
  private readonly dir: string;

  constructor(private readonly context: AppContext) {
    this.dir = path.resolve(projectRoot, context.config.uploads.dir);
  }

  async receive(req: Request, options: ReadOptions): Promise<UploadView> {
    assertImportsAllowed(this.context);
    await this.sweep();
    const id = randomBytes(12).toString('hex');
    const root = path.join(this.dir, id);
    const staging = path.join(root, 'received');
    await mkdir(staging, { recursive: true });
    let received: Awaited<ReturnType<typeof receiveFiles>>;
    try {
      received = await receiveFiles(req, staging, this.context.config.uploads.maxBytes);
    } catch (error) {
      await rm(root, { recursive: true, force: true });
      throw error;
    }
    const { files, sent } = received;
    // One file or one zip names the upload (case-42.zip → case-42); several files are just "upload".
    const input = path.join(root, datasetIdFrom(sent.length === 1 ? sent[0]! : 'upload'));
    await rename(staging, input);
    const upload: Upload = { id, root, input, files, options, state: 'checking', preview: null, checks: 0, import: null, error: null, seenAt: Date.now() };
    this.uploads.set(id, upload);
    this.check(upload);
    return this.view(upload);
  }

  get(id: string): UploadView {
    const upload = this.find(id);
    return this.view(upload);
  }

  /** Reads the files again with other options (a forced format, undirected ties, an edge list without header). */
  recheck(id: string, options: ReadOptions): UploadView {
    const upload = this.find(id);
    if (upload.state === 'importing' || upload.state === 'imported') {
      throw new AppError(409, 'Import started', `Upload ${id} is ${upload.state}; its options can no longer change.`, 'upload-importing');
    }
    upload.options = options;
    this.check(upload);
    return this.view(upload);
  }

  async startImport(id: string, dataset: { id: string; name: string }): Promise<UploadView> {
    assertImportsAllowed(this.context);
    const upload = this.find(id);
    if (upload.state === 'checking')
      throw new AppError(409, 'Still checking', 'The files are still being read; import once the preview is there.', 'upload-checking');
    if (upload.state === 'refused') {
      const problems = upload.preview?.problems ?? [];
      const detail = problems.length > 0 ? problems.map((problem) => problem.message).join('\n') : (upload.error?.detail ?? 'The files could not be read.');
      throw new AppError(422, 'Files have problems', detail, 'upload-refused', { problems });
    }
    if (upload.state === 'importing' || upload.state === 'imported') {
      throw new AppError(409, 'Import started', `Upload ${id} is ${upload.state} already.`, 'upload-importing');
    }
    const { records } = await timedRead(this.context.db, this.context.config.queryTimeoutMs, (tx) =>
      tx.run(cypherFile('datasets/status.cypher'), { ids: [dataset.id] }),
    );
    if (records.length > 0) {
      const detail =
        records[0]!.get('status') === 'complete'
          ? `A dataset "${dataset.id}" exists already; choose another name or delete it first.`
          : `A dataset "${dataset.id}" is being imported right now; choose another name.`;
      throw new AppError(409, 'Dataset exists', detail, 'dataset-exists', { dataset: dataset.id });
    }
    upload.state = 'importing';
    upload.error = null;
    upload.import = { dataset: dataset.id, name: dataset.name, phase: 'checking', done: 0, total: null, nodes: 0, relationships: 0 };
    void this.runImport(upload, dataset);
    return this.view(upload);
  }

  async remove(id: string): Promise<void> {
    const upload = this.find(id);
    if (upload.state === 'importing') throw new AppError(409, 'Import running', `Upload ${id} is being imported; wait for it to end.`, 'upload-importing');
    this.uploads.delete(id);
    await rm(upload.root, { recursive: true, force: true });
  }

  /** Forgets uploads nobody asked about for ABANDONED_AFTER_MS and removes their files; imports still running stay. */
  async sweep(now = Date.now()): Promise<void> {
    for (const upload of [...this.uploads.values()]) {
      if (upload.state === 'importing' || now - upload.seenAt < ABANDONED_AFTER_MS) continue;
      this.uploads.delete(upload.id);
      await rm(upload.root, { recursive: true, force: true });
    }
  }

  private find(id: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload)
      throw new AppError(
        404,
        'Unknown upload',
        `No upload has the id "${id}" (uploads are forgotten ${ABANDONED_AFTER_MS / 60_000} minutes after their last use).`,
        'unknown-upload',
      );
    upload.seenAt = Date.now();
    return upload;
  }

  private check(upload: Upload): void {
    const run = ++upload.checks;
    upload.state = 'checking';
    upload.preview = null;
    upload.error = null;
    previewFolder(upload.input, upload.options).then(
      (preview) => {
        if (run !== upload.checks) return;
        upload.preview = preview;
        upload.state = preview.problems.length > 0 ? 'refused' : 'ready';
      },
      (error: unknown) => {
        if (run !== upload.checks) return;
        this.context.logger.error({ err: error }, 'reading an upload failed');
        upload.preview = null;
        // Refused, not failed: a failed upload may be imported again, and this one was never read.
        upload.state = 'refused';
        upload.error = { title: 'Check failed', detail: 'The files could not be read; it has been logged.', problems: [] };
      },
    );
  }

  private async runImport(upload: Upload, dataset: { id: string; name: string }): Promise<void> {
    const observe = (step: ImportStep): void => {
      if (!upload.import) return;
      upload.import = {
        ...upload.import,
        phase: step.phase,
        done: step.done,
        total: step.total ?? null,
        ...(step.phase === 'nodes' ? { nodes: step.done } : {}),
        ...(step.phase === 'relationships' ? { relationships: step.done } : {}),
      };
    };
    try {
      const outcome = await importDataset(
        this.context.db,
        { dataset: dataset.id, name: dataset.name, input: upload.input, source: upload.files.map((file) => file.name).join(', '), options: upload.options },
        (message) => this.context.logger.info(`import of upload ${upload.id} as ${dataset.id}: ${message}`),
        this.context.config.queryTimeoutMs,
        observe,
      );
      const counts = outcome.status === 'imported' ? { nodes: outcome.nodes, relationships: outcome.relationships } : {};
      upload.import = { ...upload.import!, ...counts, phase: 'done' };
      upload.state = 'imported';
      await rm(upload.root, { recursive: true, force: true });
    } catch (error) {
      upload.state = 'failed';
      upload.error = this.describeFailure(error, upload);
    }
  }

  private describeFailure(error: unknown, upload: Upload): NonNullable<UploadView['error']> {
    if (error instanceof ImportError) {
      const problem: PreviewProblem = problemOf(error, upload.input);
      return { title: 'Files have problems', detail: problem.message, problems: [problem] };
    }
    const known = error instanceof AppError ? error : fromNeo4jError(error);
    if (known) return { title: known.title, detail: known.detail, problems: [] };
    this.context.logger.error({ err: error }, `import of upload ${upload.id} failed`);
    return { title: 'Import failed', detail: 'Something went wrong on the server; it has been logged. Nothing of the dataset was kept.', problems: [] };
  }

  private view(upload: Upload): UploadView {
    return {
      id: upload.id,
      state: upload.state,
      files: upload.files,
      options: {
        format: upload.options.format ?? null,
        undirected: upload.options.undirected ?? false,
        headerless: upload.options.headerless ?? false,
        label: upload.options.label ?? null,
        columnLabel: upload.options.columnLabel ?? null,
        type: upload.options.type ?? null,
      },
      suggestedDataset: path.basename(upload.input),
      preview: upload.preview,
      import: upload.import,
      error: upload.error,
    };
  }
}

/** At start, the uploads of an earlier run are gone from memory: their folders (named by upload id, nothing else) are removed. */
export async function removeLeftoverUploads(dir: string): Promise<void> {
  const root = path.resolve(projectRoot, dir);
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isDirectory() && uploadIdSchema.safeParse(entry.name).success) await rm(path.join(root, entry.name), { recursive: true, force: true });
  }
}
