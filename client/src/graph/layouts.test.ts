import type { Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { automaticLayout, BIG_VIEW, layoutById, layoutLabel, LAYOUTS } from './layouts';
import { DEFAULT_LAYOUT } from '../state/view';

const viewOf = (nodeCount: number) => ({ nodes: () => ({ length: nodeCount, filter: () => [] }) }) as unknown as Core;
const optionsFor = (id: string, nodeCount: number) =>
  layoutById(id).options({ cy: viewOf(nodeCount), roots: [], pinned: new Set(['pinned']), animate: true }) as { name: string; fixed?: Set<string> };

describe('layout choice', () => {
  it('runs fCoSE up to the threshold and ForceAtlas2 beyond it', () => {
    expect(automaticLayout(1)).toBe('fcose');
    expect(automaticLayout(BIG_VIEW)).toBe('fcose');
    expect(automaticLayout(BIG_VIEW + 1)).toBe('forceatlas2');
    expect(automaticLayout(8000)).toBe('forceatlas2');
  });

  it('makes the automatic choice the default, and both layouts it picks from selectable on their own', () => {
    expect(DEFAULT_LAYOUT).toBe('auto');
    expect(LAYOUTS.map((layout) => layout.id)).toEqual(expect.arrayContaining(['auto', 'fcose', 'forceatlas2']));
    expect(optionsFor('auto', 200).name).toBe('fcose');
    expect(optionsFor('auto', 2000).name).toBe('forceatlas2');
    expect(optionsFor('forceatlas2', 20).name).toBe('forceatlas2');
  });

  it('names in the menu the layout the automatic entry would run', () => {
    expect(layoutLabel(layoutById('auto'), 10)).toBe('Automatic (fCoSE)');
    expect(layoutLabel(layoutById('auto'), BIG_VIEW + 1)).toBe('Automatic (ForceAtlas2)');
    expect(layoutLabel(layoutById('grid'), BIG_VIEW + 1)).toBe('Grid');
  });

  it('keeps pinned nodes fixed in ForceAtlas2', () => {
    expect(optionsFor('auto', 2000).fixed).toEqual(new Set(['pinned']));
  });
});
