import { exportNetwork, type NetworkFormat } from '../api/client';
import { briefingCaption, citedSources, type Caption } from '../state/briefing';
import { exportView, importView } from '../state/exchange';
import { visibleIds } from '../state/filters';
import { pathSentence } from '../state/paths';
import { reportHtml } from '../state/report';
import { citations, sourceList } from '../state/sources';
import { commit, perform, requestViewport, update, viewOf, type Explorer } from './store';

/** Hands a file to the user; the browser's download in the app, a recorder in tests. */
export type Save = (name: string, content: Blob | string, type: string) => void;

/** The caption a picture of the current view carries: title, date, legend and the credits of the sources it cites. */
export async function currentCaption(explorer: Explorer, today = new Date()): Promise<Caption> {
  const view = viewOf(explorer);
  const visible = visibleIds(view);
  const credits = await Promise.all(
    citedSources(view, visible).map((id) => explorer.api.getSource(id).catch(() => ({ title: id, attribution: null, licence: null, url: null }))),
  );
  const { paths } = explorer.store.getState();
  return briefingCaption(view, visible, paths?.paths[paths.active], credits, today);
}

export function exportPng(explorer: Explorer, save: Save): Promise<void> {
  return perform(explorer, 'Drawing the PNG…', async () => {
    if (explorer.canvas) save('nexo-view.png', await explorer.canvas.png(await currentCaption(explorer)), 'image/png');
  });
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The picture could not be read'));
    reader.readAsDataURL(blob);
  });
}

/** A one-page HTML report of the current view, to print or save as PDF: the picture, the path in words, the numbered sources. */
export function exportReport(explorer: Explorer, save: Save): Promise<void> {
  return perform(explorer, 'Writing the report…', async () => {
    if (!explorer.canvas) return;
    const caption = await currentCaption(explorer);
    const view = viewOf(explorer);
    const titles: Record<string, string> = {};
    for (const id of citedSources(view, visibleIds(view)))
      titles[id] = await explorer.api.getSource(id).then(
        (document) => document.title,
        () => id,
      );
    const { paths } = explorer.store.getState();
    const path = paths?.paths[paths.active];
    const picture = await dataUrl(await explorer.canvas.png(caption));
    save('nexo-report.html', reportHtml(caption, picture, path ? pathSentence(path) : undefined, citations(view, visibleIds(view).edges, titles)), 'text/html');
  });
}

export function exportSvg(explorer: Explorer, save: Save): void {
  if (explorer.canvas) save('nexo-view.svg', explorer.canvas.svg(), 'image/svg+xml');
}

/** The visible nodes and the relationships among them as a GraphML, GEXF, edge-list or FtM file that other tools and `npm run import` read. */
export function exportNetworkFile(explorer: Explorer, save: Save, format: NetworkFormat): Promise<void> {
  return perform(explorer, 'Exporting the network…', async () => {
    const { blob, filename } = await exportNetwork([...visibleIds(viewOf(explorer)).nodes], format);
    save(filename, blob, blob.type);
  });
}

export function exportJson(explorer: Explorer, save: Save): void {
  save('nexo-view.json', exportView(viewOf(explorer)), 'application/json');
}

/** A numbered list of the visible links with their quotes, each source named by its document's title. */
export function exportSources(explorer: Explorer, save: Save): Promise<void> {
  return perform(explorer, 'Collecting the sources…', async () => {
    const view = viewOf(explorer);
    const visible = visibleIds(view);
    const ids = new Set<string>();
    for (const id of visible.edges) {
      const sourceId = view.edges[id]?.properties.source;
      if (typeof sourceId === 'string') ids.add(sourceId);
    }
    const titles: Record<string, string> = {};
    await Promise.all(
      [...ids].map((id) =>
        explorer.api
          .getSource(id)
          .then((document) => {
            titles[id] = document.title;
          })
          .catch(() => undefined),
      ),
    );
    save('nexo-sources.md', sourceList(view, visible.edges, titles), 'text/markdown');
  });
}

/** Replaces the view by one exported earlier (a step undo can take back). */
export function importFile(explorer: Explorer, file: Pick<File, 'name' | 'text'>): Promise<void> {
  return perform(explorer, `Importing ${file.name}…`, async () => {
    const imported = importView(await file.text());
    commit(explorer, () => imported);
    update(explorer, { selection: [], paths: undefined });
    requestViewport(explorer, { kind: 'fit' });
  });
}
