import { exportDataset, type NetworkFormat } from '../api/client';
import { maxIds } from '../api/schema.gen';
import type { DatasetCaptions, GraphNode } from '../api/types';
import { failed, idle, loading } from '../state/request';
import { removeNodes, type ViewProducer } from '../state/view';
import type { Save } from './exchange';
import { loadSchema } from './schema';
import { commit, fold, perform, update, viewOf, type Explorer } from './store';

/*
 * Datasets (investigations) as the user picks them: every request of the explorer stays within the chosen ones
 * (none chosen: all), the choice lives in the address bar (browser.ts), and a dataset can be deleted from here.
 */

/** Lists the datasets; a chosen one that no longer exists is dropped from the choice. */
export async function loadDatasets(explorer: Explorer): Promise<void> {
  update(explorer, { datasetsStatus: loading('Listing the datasets…') });
  try {
    const datasets = await explorer.api.getDatasets();
    update(explorer, { datasets, datasetsStatus: idle });
    const known = new Set(datasets.map((dataset) => dataset.id));
    const chosen = explorer.store.getState().chosenDatasets;
    if (chosen.some((id) => !known.has(id)))
      chooseDatasets(
        explorer,
        chosen.filter((id) => known.has(id)),
      );
  } catch (error) {
    update(explorer, { datasetsStatus: failed(error) });
  }
}

/** Makes every later request stay within these datasets ([]: all). */
export function chooseDatasets(explorer: Explorer, ids: string[]): void {
  const chosen = [...new Set(ids)].sort();
  explorer.api.setDatasetScope(chosen);
  update(explorer, { chosenDatasets: chosen });
}

/**
 * Ticks a dataset or unticks it. None chosen means all, so unticking one of all chooses the others; ticking the last
 * missing one, or unticking the only one chosen, means all again.
 */
export function toggleDataset(explorer: Explorer, id: string): void {
  const { chosenDatasets, datasets = [] } = explorer.store.getState();
  const all = datasets.map((dataset) => dataset.id);
  const ticked = chosenDatasets.length > 0 ? chosenDatasets : all;
  const next = ticked.includes(id) ? ticked.filter((other) => other !== id) : [...ticked, id];
  chooseDatasets(explorer, all.length > 0 && all.every((other) => next.includes(other)) ? [] : next);
}

/** The ids of `ids` the server still knows, asked in pages the subgraph route accepts. */
async function stillThere(explorer: Explorer, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += maxIds.subgraph) {
    const page = await explorer.api.getSubgraph(ids.slice(start, start + maxIds.subgraph));
    for (const node of page.nodes) found.add(node.id);
  }
  return found;
}

/** Deletes a dataset (the UI has asked for confirmation); its nodes leave the canvas and the choice. */
export function deleteDataset(explorer: Explorer, id: string): Promise<void> {
  return perform(explorer, `Deleting the dataset ${id}…`, async () => {
    await explorer.api.deleteDataset(id);
    void loadSchema(explorer);
    const state = explorer.store.getState();
    update(explorer, { datasets: state.datasets?.filter((dataset) => dataset.id !== id) });
    if (state.chosenDatasets.includes(id))
      chooseDatasets(
        explorer,
        state.chosenDatasets.filter((other) => other !== id),
      );
    const onCanvas = Object.keys(viewOf(explorer).nodes);
    if (onCanvas.length === 0) return;
    const kept = await stillThere(explorer, onCanvas);
    const gone = onCanvas.filter((node) => !kept.has(node));
    if (gone.length === 0) return;
    commit(explorer, removeNodes(gone));
    update(explorer, (current) => ({ selection: current.selection.filter((selected) => !gone.includes(selected)) }));
  });
}

/** The canvas's nodes with new data (their names), where they are; nodes not on the canvas are left out. */
const renameNodes =
  (nodes: GraphNode[]): ViewProducer =>
  (state) => ({ ...state, nodes: { ...state.nodes, ...Object.fromEntries(nodes.filter((node) => state.nodes[node.id]).map((node) => [node.id, node])) } });

/** A dataset's labels with their properties and captions, for choosing how its nodes are named. */
export function loadCaptions(explorer: Explorer, id: string): Promise<DatasetCaptions> {
  return explorer.api.getCaptions(id);
}

/** Saves how a dataset's labels are named, then names the nodes on the canvas anew. */
export async function saveCaptions(explorer: Explorer, id: string, captions: Record<string, string[]>): Promise<DatasetCaptions> {
  const saved = await explorer.api.putCaptions(id, captions);
  const onCanvas = Object.keys(viewOf(explorer).nodes);
  const renamed = [];
  for (let start = 0; start < onCanvas.length; start += maxIds.subgraph) {
    renamed.push(...(await explorer.api.getSubgraph(onCanvas.slice(start, start + maxIds.subgraph))).nodes);
  }
  if (renamed.length > 0) fold(explorer, renameNodes(renamed));
  return saved;
}

/** A whole dataset as a GraphML, GEXF, edge-list or FtM file, handed to the user; the status line says if it fails. */
export function exportDatasetFile(explorer: Explorer, save: Save, id: string, format: NetworkFormat): Promise<void> {
  return perform(explorer, `Exporting the dataset ${id}…`, async () => {
    const { blob, filename } = await exportDataset(id, format);
    save(filename, blob, blob.type);
  });
}
