import { describe, expect, it } from 'vitest';
import type { Graph } from '../api/types';
import { financed, guzman, leaderOf, shiningPath } from '../state/testGraph';
import { changeUndated, changeYears, collapseNode, removeNodeIds, runLayout, select, undoStep } from './edit';
import { expand } from './expand';
import { memoryApi } from './memoryApi';
import { place } from './place';
import { createExplorer, viewOf } from './store';

const peru: Graph = { nodes: [guzman, shiningPath], edges: [leaderOf, financed] };

describe('editing the view', () => {
  it('the undated choice is a step for undo, and choosing it again is none', () => {
    const explorer = createExplorer(memoryApi(peru));
    changeUndated(explorer, 'hide');
    changeUndated(explorer, 'hide');
    expect(viewOf(explorer).filters.undated).toBe('hide');
    expect(explorer.store.getState().history.past).toHaveLength(1);
    undoStep(explorer);
    expect(viewOf(explorer).filters.undated).toBe('show');
  });

  it('a year slider dragged in quick steps is one step for undo', () => {
    const explorer = createExplorer(memoryApi(peru));
    changeYears(explorer, [1990, 2020], 10_000);
    changeYears(explorer, [1990, 2010], 10_500);
    changeYears(explorer, [1990, 2000], 11_000);
    expect(viewOf(explorer).filters.years).toEqual([1990, 2000]);
    expect(explorer.store.getState().history.past).toHaveLength(1);
    changeYears(explorer, [1980, 2000], 20_000);
    expect(explorer.store.getState().history.past).toHaveLength(2);
    undoStep(explorer);
    undoStep(explorer);
    expect(viewOf(explorer).filters.years).toBeNull();
  });

  it('a layout is a step and asks the canvas to run it from the selected nodes', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await place(explorer, [guzman]);
    runLayout(explorer, 'tree');
    expect(viewOf(explorer).layout).toBe('tree');
    expect(explorer.store.getState().layoutRequest).toEqual({ kind: 'layout', layout: 'tree', roots: [guzman.id] });
    undoStep(explorer);
    expect(viewOf(explorer).layout).toBe('auto');
  });

  it('collapse takes back an expansion; removing a node unselects it; a new selection opens the details', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await place(explorer, [guzman]);
    await expand(explorer, guzman.id);
    collapseNode(explorer, guzman.id);
    expect(Object.keys(viewOf(explorer).nodes)).toEqual([guzman.id]);
    explorer.store.setState({ detailsOpen: false });
    select(explorer, [guzman.id]);
    expect(explorer.store.getState().detailsOpen).toBe(true);
    removeNodeIds(explorer, [guzman.id]);
    expect(explorer.store.getState().selection).toEqual([]);
  });
});
