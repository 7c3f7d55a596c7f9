import { describe, expect, it } from 'vitest';
import type { Graph } from '../api/types';
import { bazan, financed, guzman, leaderOf, person, shiningPath } from '../state/testGraph';
import { clearCanvas, undoStep } from './edit';
import { handleKey, type KeyPress } from './keyboard';
import { memoryApi } from './memoryApi';
import { findPathsAmong, MAX_AMONG } from './paths';
import { place } from './place';
import { commit, createExplorer, viewOf } from './store';
import { hideNodes } from '../state/view';

const loner = person('person:loner', 'Loner');
const peru: Graph = { nodes: [guzman, shiningPath, bazan, loner], edges: [leaderOf, financed] };
const onCanvas = { typing: false, dialogOpen: false, focusSearch: () => undefined };

function ctrl(key: string): KeyPress {
  return { key, ctrlKey: true, metaKey: false, shiftKey: false, altKey: false };
}

describe('several entities at once', () => {
  it('Ctrl+A selects every node shown, not hidden ones, and leaves text fields to the browser', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await place(explorer, [guzman, shiningPath, bazan]);
    commit(explorer, hideNodes([bazan.id]));
    expect(handleKey(explorer, ctrl('a'), { ...onCanvas, typing: true })).toBe(false);
    expect(handleKey(explorer, ctrl('a'), onCanvas)).toBe(true);
    expect(explorer.store.getState().selection.sort()).toEqual([guzman.id, shiningPath.id].sort());
  });

  it('"Clear canvas" empties it in one step that undo takes back, keeping the filters', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await place(explorer, [guzman, shiningPath]);
    const before = viewOf(explorer);
    clearCanvas(explorer);
    expect(viewOf(explorer).nodes).toEqual({});
    expect(viewOf(explorer).filters).toBe(before.filters);
    expect(explorer.store.getState().selection).toEqual([]);
    undoStep(explorer);
    expect(viewOf(explorer)).toBe(before);
    clearCanvas(explorer);
    const steps = explorer.store.getState().history.past.length;
    clearCanvas(explorer);
    expect(explorer.store.getState().history.past).toHaveLength(steps);
  });

  it('finds the shortest path between each pair of the selection and draws them, leaving out pairs with none', async () => {
    const api = memoryApi(peru);
    const explorer = createExplorer(api);
    await place(explorer, [guzman, bazan, loner]);
    await findPathsAmong(explorer, [guzman.id, bazan.id, loner.id]);
    expect(api.calls.filter((call) => call.name === 'findPaths')).toHaveLength(3);
    const { paths, sideTab } = explorer.store.getState();
    expect(sideTab).toBe('paths');
    expect(paths!.paths).toHaveLength(1);
    expect(paths!.paths[0]!.nodes.map((node) => node.id)).toEqual([guzman.id, shiningPath.id, bazan.id]);
    expect(viewOf(explorer).nodes[shiningPath.id]).toBeDefined();
  });

  it('pairs up at most a handful of the selection, so a large selection does not flood the server', async () => {
    const many = Array.from({ length: MAX_AMONG + 3 }, (_unused, index) => person(`person:p${index}`, `P${index}`));
    const api = memoryApi({ nodes: many, edges: [] });
    const explorer = createExplorer(api);
    await place(explorer, many);
    await findPathsAmong(
      explorer,
      many.map((node) => node.id),
    );
    expect(api.calls.filter((call) => call.name === 'findPaths')).toHaveLength((MAX_AMONG * (MAX_AMONG - 1)) / 2);
    expect(explorer.store.getState().notice).toMatch(/No paths/);
  });
});
