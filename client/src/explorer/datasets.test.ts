import { describe, expect, it } from 'vitest';
import type { DatasetSummary, Graph } from '../api/types';
import { link, person } from '../state/testGraph';
import { chooseDatasets, deleteDataset, loadDatasets, saveCaptions, toggleDataset } from './datasets';
import { expand } from './expand';
import { memoryApi } from './memoryApi';
import { place } from './place';
import { createExplorer, viewOf } from './store';

const summary = (id: string): DatasetSummary => ({
  id,
  name: id.toUpperCase(),
  nodes: 2,
  relationships: 1,
  format: 'edgelist',
  importedAt: '2026-11-30T12:00:00Z',
  source: `${id}.csv`,
  captionOverrides: {},
});

// The same key in two datasets, as two imports of one file give.
const jackA = person('case-a::1', 'Jack', { firstName: 'Jack', surname: 'Powell', phone: '0770 1' });
const amyA = person('case-a::2', 'Amy', { firstName: 'Amy', surname: 'Ward', phone: '0770 2' });
const jackB = person('case-b::1', 'Jack', { firstName: 'Jack', surname: 'Powell', phone: '0770 1' });
const amyB = person('case-b::2', 'Amy', { firstName: 'Amy', surname: 'Ward', phone: '0770 2' });
const graph: Graph = { nodes: [jackA, amyA, jackB, amyB], edges: [link(jackA.id, 'KNOWS', amyA.id), link(jackB.id, 'KNOWS', amyB.id)] };

function explorerWithDatasets() {
  const api = memoryApi(graph, [summary('case-a'), summary('case-b')]);
  return { api, explorer: createExplorer(api) };
}

describe('datasets', () => {
  it('lists the datasets and forgets a chosen one that no longer exists', async () => {
    const { api, explorer } = explorerWithDatasets();
    chooseDatasets(explorer, ['case-b', 'gone']);
    await loadDatasets(explorer);
    expect(explorer.store.getState().datasets?.map((dataset) => dataset.id)).toEqual(['case-a', 'case-b']);
    expect(explorer.store.getState().chosenDatasets).toEqual(['case-b']);
    expect(api.calls.filter((call) => call.name === 'setDatasetScope').at(-1)?.ids).toEqual(['case-b']);
  });

  it('keeps every request within the chosen datasets; none chosen is all', async () => {
    const { explorer } = explorerWithDatasets();
    await place(explorer, [jackA, jackB]);
    toggleDataset(explorer, 'case-b');
    expect(explorer.store.getState().chosenDatasets).toEqual(['case-b']);
    await expand(explorer, jackA.id);
    expect(explorer.store.getState().activity.kind).toBe('error');
    await expand(explorer, jackB.id);
    expect(Object.keys(viewOf(explorer).nodes).sort()).toEqual([jackA.id, jackB.id, amyB.id]);
    toggleDataset(explorer, 'case-b');
    expect(explorer.store.getState().chosenDatasets).toEqual([]);
    await expand(explorer, jackA.id);
    expect(Object.keys(viewOf(explorer).nodes).sort()).toEqual([jackA.id, amyA.id, jackB.id, amyB.id]);
  });

  it('unticking one of all datasets chooses the others; ticking it again is all', async () => {
    const { explorer } = explorerWithDatasets();
    await loadDatasets(explorer);
    toggleDataset(explorer, 'case-a');
    expect(explorer.store.getState().chosenDatasets).toEqual(['case-b']);
    toggleDataset(explorer, 'case-a');
    expect(explorer.store.getState().chosenDatasets).toEqual([]);
  });

  it('deleting a dataset drops its nodes from the canvas, the selection, the list and the choice', async () => {
    const { api, explorer } = explorerWithDatasets();
    await loadDatasets(explorer);
    await place(explorer, [jackA, amyA, jackB]);
    chooseDatasets(explorer, ['case-a', 'case-b']);
    explorer.store.setState({ selection: [jackA.id, jackB.id] });
    await deleteDataset(explorer, 'case-a');
    expect(api.calls.some((call) => call.name === 'deleteDataset' && call.ids?.[0] === 'case-a')).toBe(true);
    expect(Object.keys(viewOf(explorer).nodes)).toEqual([jackB.id]);
    const state = explorer.store.getState();
    expect(state.selection).toEqual([jackB.id]);
    expect(state.datasets?.map((dataset) => dataset.id)).toEqual(['case-b']);
    expect(state.chosenDatasets).toEqual(['case-b']);
    expect(state.activity.kind).toBe('idle');
  });

  it('a failed delete shows its error and leaves the canvas alone', async () => {
    const { explorer } = explorerWithDatasets();
    await place(explorer, [jackA]);
    await deleteDataset(explorer, 'nothing');
    expect(explorer.store.getState().activity.kind).toBe('error');
    expect(Object.keys(viewOf(explorer).nodes)).toEqual([jackA.id]);
  });

  it('choosing the captions of a label renames its nodes on the canvas', async () => {
    const { explorer } = explorerWithDatasets();
    await place(explorer, [jackA, jackB]);
    const saved = await saveCaptions(explorer, 'case-a', { Person: ['firstName', 'surname'] });
    expect(saved.labels.find((label) => label.label === 'Person')?.override).toEqual(['firstName', 'surname']);
    expect(viewOf(explorer).nodes[jackA.id]?.name).toBe('Jack Powell');
    expect(viewOf(explorer).nodes[jackB.id]?.name).toBe('Jack');
    await expect(saveCaptions(explorer, 'case-a', { Person: ['age'] })).rejects.toThrow('Unknown property');
  });
});
