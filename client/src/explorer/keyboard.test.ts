import { describe, expect, it } from 'vitest';
import type { Graph } from '../api/types';
import { bazan, financed, guzman, leaderOf, shiningPath } from '../state/testGraph';
import { handleKey, type KeyPress } from './keyboard';
import { memoryApi } from './memoryApi';
import { place } from './place';
import { createExplorer, viewOf } from './store';

const peru: Graph = { nodes: [guzman, shiningPath, bazan], edges: [leaderOf, financed] };
const onCanvas = { typing: false, dialogOpen: false, focusSearch: () => undefined };

function press(key: string, modifiers: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers };
}

async function explorerWithSelection() {
  const explorer = createExplorer(memoryApi(peru));
  await place(explorer, [guzman, shiningPath]);
  return explorer;
}

describe('keyboard shortcuts', () => {
  it('Ctrl+Z undoes and Ctrl+Shift+Z or Ctrl+Y redoes, even on a checkbox, but not while typing text', async () => {
    const explorer = await explorerWithSelection();
    expect(handleKey(explorer, press('z', { ctrlKey: true }), { ...onCanvas, typing: true })).toBe(false);
    expect(Object.keys(viewOf(explorer).nodes)).toHaveLength(2);
    expect(handleKey(explorer, press('z', { ctrlKey: true }), onCanvas)).toBe(true);
    expect(viewOf(explorer).nodes).toEqual({});
    handleKey(explorer, press('Z', { metaKey: true, shiftKey: true }), onCanvas);
    expect(Object.keys(viewOf(explorer).nodes)).toHaveLength(2);
    handleKey(explorer, press('z', { ctrlKey: true }), onCanvas);
    handleKey(explorer, press('y', { ctrlKey: true }), onCanvas);
    expect(Object.keys(viewOf(explorer).nodes)).toHaveLength(2);
  });

  it('acts on the selection: H hides, P pins, Delete removes', async () => {
    const explorer = await explorerWithSelection();
    handleKey(explorer, press('p'), onCanvas);
    expect(viewOf(explorer).pinned.sort()).toEqual([guzman.id, shiningPath.id].sort());
    handleKey(explorer, press('h'), onCanvas);
    expect(viewOf(explorer).hidden.sort()).toEqual([guzman.id, shiningPath.id].sort());
    explorer.store.setState({ selection: [guzman.id] });
    handleKey(explorer, press('Delete'), onCanvas);
    expect(Object.keys(viewOf(explorer).nodes)).toEqual([shiningPath.id]);
  });

  it('F fits, + and - zoom, ? opens the help, / focuses the search; not while a dialog is open', async () => {
    const explorer = await explorerWithSelection();
    let searched = 0;
    const context = { ...onCanvas, focusSearch: () => (searched += 1) };
    handleKey(explorer, press('f'), context);
    expect(explorer.store.getState().viewportRequest).toEqual({ kind: 'fit' });
    handleKey(explorer, press('-'), context);
    expect(explorer.store.getState().viewportRequest).toEqual({ kind: 'zoom', factor: 0.8 });
    handleKey(explorer, press('/'), context);
    expect(searched).toBe(1);
    expect(handleKey(explorer, press('?'), { ...context, dialogOpen: true })).toBe(false);
    expect(explorer.store.getState().helpOpen).toBe(false);
    handleKey(explorer, press('?'), context);
    expect(explorer.store.getState().helpOpen).toBe(true);
  });

  it('Escape closes the context menu first, then the path highlight', async () => {
    const explorer = await explorerWithSelection();
    explorer.store.setState({ menu: { id: guzman.id, at: { x: 1, y: 1 } }, paths: { paths: [peru], active: 0, only: false } });
    expect(handleKey(explorer, press('Escape'), { ...onCanvas, typing: true })).toBe(false);
    expect(explorer.store.getState().menu).toBeUndefined();
    expect(explorer.store.getState().paths).toBeDefined();
    handleKey(explorer, press('Escape'), onCanvas);
    expect(explorer.store.getState().paths).toBeUndefined();
  });

  it('E expands the selection', async () => {
    const explorer = await explorerWithSelection();
    explorer.store.setState({ selection: [shiningPath.id] });
    handleKey(explorer, press('e'), onCanvas);
    await expect.poll(() => Object.keys(viewOf(explorer).nodes).length).toBe(3);
  });
});
