import { describe, expect, it } from 'vitest';
import { exportView, importView } from './exchange';
import { addGraph, emptyView, setFilters, togglePin } from './view';
import { peruPath } from './testGraph';

describe('JSON export and import', () => {
  it('gives back the same nodes, edges, positions, pins and filters', () => {
    const state = setFilters({ hiddenKinds: ['Location'] })(togglePin(['person:abimael-guzman'])(addGraph(peruPath)(emptyView())));
    const restored = importView(exportView(state));
    expect(restored.nodes).toEqual(state.nodes);
    expect(restored.edges).toEqual(state.edges);
    expect(restored.positions).toEqual(state.positions);
    expect(restored.pinned).toEqual(['person:abimael-guzman']);
    expect(restored.filters.hiddenKinds).toEqual(['Location']);
  });

  it('says why a file cannot be read', () => {
    expect(() => importView('{')).toThrow('not JSON');
    expect(() => importView('{"format":"other"}')).toThrow('not a Nexo view export');
  });

  it('drops edges whose ends are missing from the file', () => {
    const text = JSON.stringify({ format: 'nexo-view', version: 1, nodes: [peruPath.nodes[0]], edges: peruPath.edges });
    expect(importView(text).edges).toEqual({});
  });
});
