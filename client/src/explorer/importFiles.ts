// Import from the browser: files dropped or picked go up, the server's preview shows, the user names the dataset,
// the import runs with its progress, and the new dataset opens on the canvas.
import { abandonUpload, checkUpload, getUpload, importUpload, mostConnectedIn, sendFiles, type Upload, type UploadOptions } from '../api/uploads';
import { failed } from '../state/request';
import { importFile } from './exchange';
import { bringIn } from './place';
import { loadSchema } from './schema';
import { perform, requestViewport, update, type Explorer } from './store';

/** Where an import from the browser is; undefined when none is under way. */
export interface ImportFlow {
  /** The files as dropped or picked. */
  names: string[];
  /** Bytes sent so far, while the files go up. */
  sending: { sent: number; total: number } | undefined;
  /** The server's upload, once the files are there: its preview, then its import. */
  upload: Upload | undefined;
  /** What went wrong, in words. */
  error: string | undefined;
}

const POLL_MS = 250;
/** Actors a new dataset opens with. */
const OPENING_ACTORS = 10;

function flowOf(explorer: Explorer): ImportFlow | undefined {
  return explorer.store.getState().importFlow;
}

function setFlow(explorer: Explorer, change: Partial<ImportFlow>): void {
  update(explorer, (state) => (state.importFlow ? { importFlow: { ...state.importFlow, ...change } } : {}));
}

function errorText(error: unknown): string {
  const status = failed(error);
  return status.kind === 'error' ? status.message : String(error);
}

/** Whether the flow still shows this upload (the user may have closed it, or dropped other files). */
function showing(explorer: Explorer, id: string): boolean {
  return flowOf(explorer)?.upload?.id === id;
}

/** Asks the server about an upload until it leaves `state`, showing each answer. */
async function follow(explorer: Explorer, id: string, state: 'checking' | 'importing'): Promise<Upload | undefined> {
  for (;;) {
    if (!showing(explorer, id)) return undefined;
    const upload = await getUpload(id);
    if (!showing(explorer, id)) return undefined;
    setFlow(explorer, { upload });
    if (upload.state !== state) return upload;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** exportView writes its format first, so a view's first bytes tell it from a JSON graph (which has `nodes` too). */
const SAVED_VIEW = /^\s*\{\s*"format"\s*:\s*"nexo-view"/;

/** Whether a file is a view saved from Nexo: a .json file that starts so. Only its start is read, however large. */
export async function isSavedView(file: Pick<File, 'name' | 'slice'>): Promise<boolean> {
  return file.name.toLowerCase().endsWith('.json') && SAVED_VIEW.test(await file.slice(0, 256).text());
}

/**
 * Files dropped on the page or picked with Import. A view saved from Nexo (.json) opens as before; anything else,
 * a JSON graph included, is a network to import: it is sent, then previewed.
 */
export async function openFiles(explorer: Explorer, files: File[]): Promise<void> {
  if (files.length === 0) return;
  if (files.length === 1 && (await isSavedView(files[0]!))) {
    await importFile(explorer, files[0]!);
    return;
  }
  const previous = flowOf(explorer)?.upload;
  if (previous && previous.state !== 'imported') void abandonUpload(previous.id).catch(() => undefined);
  const names = files.map((file) => file.name);
  update(explorer, {
    importFlow: { names, sending: { sent: 0, total: files.reduce((sum, file) => sum + file.size, 0) }, upload: undefined, error: undefined },
  });
  try {
    const upload = await sendFiles(files, (sent, total) => {
      if (flowOf(explorer)?.names === names) setFlow(explorer, { sending: { sent, total } });
    });
    if (flowOf(explorer)?.names !== names) {
      void abandonUpload(upload.id).catch(() => undefined);
      return;
    }
    setFlow(explorer, { sending: undefined, upload });
    await follow(explorer, upload.id, 'checking');
  } catch (error) {
    if (flowOf(explorer)?.names === names) setFlow(explorer, { sending: undefined, error: errorText(error) });
  }
}

/** Reads the files again with other options: a format named by the user, undirected ties, an edge list without header. */
export async function changeImportOptions(explorer: Explorer, options: UploadOptions): Promise<void> {
  const id = flowOf(explorer)?.upload?.id;
  if (!id) return;
  try {
    setFlow(explorer, { upload: await checkUpload(id, options), error: undefined });
    await follow(explorer, id, 'checking');
  } catch (error) {
    if (showing(explorer, id)) setFlow(explorer, { error: errorText(error) });
  }
}

/** Imports the previewed files as a new dataset; once it is complete, the dataset opens. */
export async function startImport(explorer: Explorer, dataset: string, name: string): Promise<void> {
  const id = flowOf(explorer)?.upload?.id;
  if (!id) return;
  try {
    setFlow(explorer, { upload: await importUpload(id, { dataset, name: name.trim() === '' ? undefined : name.trim() }), error: undefined });
    const done = await follow(explorer, id, 'importing');
    if (done?.state === 'imported') await openImported(explorer, done);
  } catch (error) {
    if (showing(explorer, id)) setFlow(explorer, { error: errorText(error) });
  }
}

/** Closes the import; files not imported are removed from the server. */
export function closeImport(explorer: Explorer): void {
  const upload = flowOf(explorer)?.upload;
  update(explorer, { importFlow: undefined });
  if (upload && upload.state !== 'imported' && upload.state !== 'importing') void abandonUpload(upload.id).catch(() => undefined);
}

/** A new dataset opens with its best-connected actors on the canvas; the schema learns its labels and types. */
async function openImported(explorer: Explorer, upload: Upload): Promise<void> {
  const imported = upload.import!;
  update(explorer, { importFlow: undefined });
  void loadSchema(explorer);
  await perform(explorer, `Opening ${imported.name}…`, async () => {
    const actors = await mostConnectedIn(imported.dataset, OPENING_ACTORS);
    await bringIn(explorer, { nodes: actors.map((actor) => actor.node), edges: [] });
    requestViewport(explorer, { kind: 'fit' });
  });
  update(explorer, {
    notice: `Imported "${imported.name}": ${imported.nodes.toLocaleString('en-US')} nodes, ${imported.relationships.toLocaleString('en-US')} relationships. Search finds them now.`,
  });
}
