import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { Graph } from '../api/types';
import { failed } from '../state/request';
import { bazan, financed, guzman, leaderOf, shiningPath } from '../state/testGraph';
import { newNodes } from '../state/view';
import { handleKey, type KeyPress } from './keyboard';
import { memoryApi } from './memoryApi';
import { addQueryResult, place } from './place';
import { createExplorer, viewOf } from './store';

const peru: Graph = { nodes: [guzman, shiningPath, bazan], edges: [leaderOf, financed] };
const onCanvas = { typing: false, dialogOpen: false, focusSearch: () => undefined };
const escape: KeyPress = { key: 'Escape', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };

describe('the Cypher console drawer', () => {
  it('closes on Escape, even while typing in the editor, after an open menu and before a path highlight', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await place(explorer, [guzman]);
    explorer.store.setState({ consoleOpen: true, menu: { id: guzman.id, at: { x: 1, y: 1 } }, paths: { paths: [peru], active: 0, only: false } });
    handleKey(explorer, escape, { ...onCanvas, typing: true });
    expect(explorer.store.getState()).toMatchObject({ menu: undefined, consoleOpen: true });
    handleKey(explorer, escape, { ...onCanvas, typing: true });
    expect(explorer.store.getState().consoleOpen).toBe(false);
    expect(explorer.store.getState().paths).toBeDefined();
  });

  it('counts only the nodes of a result that are not on the canvas yet', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await place(explorer, [guzman]);
    expect(newNodes(viewOf(explorer), peru).map((node) => node.id)).toEqual([shiningPath.id, bazan.id]);
    await addQueryResult(explorer, { columns: [], rows: [], truncated: false, withheld: { nodes: 0, relationships: 0, paths: 0 }, graph: peru });
    expect(newNodes(viewOf(explorer), peru)).toEqual([]);
  });

  it('adding a result that is all on the canvas already makes no undo step', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await addQueryResult(explorer, { columns: [], rows: [], truncated: false, withheld: { nodes: 0, relationships: 0, paths: 0 }, graph: peru });
    const history = explorer.store.getState().history;
    await addQueryResult(explorer, {
      columns: [],
      rows: [],
      truncated: false,
      withheld: { nodes: 0, relationships: 0, paths: 0 },
      graph: { nodes: [guzman, shiningPath], edges: [leaderOf] },
    });
    expect(explorer.store.getState().history.past).toHaveLength(history.past.length);
    expect(viewOf(explorer)).toBe(history.present);
  });

  it('offers no retry for a request the server refused (a write), and does for one that could not reach it', () => {
    expect(failed(new ApiError(400, 'Read-only console', 'Writes are refused.'))).toMatchObject({ kind: 'error', retryable: false });
    expect(failed(new ApiError(0, 'Server unreachable', ''))).toMatchObject({ retryable: true });
    expect(failed(new ApiError(503, 'Database unavailable', ''))).toMatchObject({ retryable: true });
    expect(failed(new ApiError(408, 'Too slow', ''))).toMatchObject({ retryable: true });
  });
});
