import { describe, expect, it } from 'vitest';
import { datasetsInSearch, decodeView, encodeView, searchWithDatasets } from './url';
import { addGraph, emptyView, hideNodes, setFilters, setLayout, togglePin } from './view';
import { peruPath } from './testGraph';

describe('the view in the URL', () => {
  it('round-trips nodes, positions, pins, hidden nodes, filters, layout and selection', () => {
    let state = addGraph(peruPath, { positions: { 'person:abimael-guzman': { x: 10.4, y: -20.6 } } })(emptyView());
    state = togglePin(['organization:shining-path'])(state);
    state = hideNodes(['person:david-bazan-arevalo'])(state);
    state = setFilters({ hiddenTypes: ['FINANCED'], years: [1980, 2020], undated: 'hide' })(state);
    state = setLayout('concentric')(state);
    const hash = encodeView(state, ['person:abimael-guzman', 'not-on-canvas']);
    const view = decodeView(hash)!;
    expect(view.ids.sort()).toEqual(peruPath.nodes.map((node) => node.id).sort());
    expect(view.positions['person:abimael-guzman']).toEqual({ x: 10, y: -21 });
    expect(view.pinned).toEqual(['organization:shining-path']);
    expect(view.hidden).toEqual(['person:david-bazan-arevalo']);
    expect(view.filters).toEqual({ hiddenTypes: ['FINANCED'], hiddenKinds: [], years: [1980, 2020], undated: 'hide' });
    expect(view.layout).toBe('concentric');
    expect(view.selection).toEqual(['person:abimael-guzman']);
  });

  it('keeps the paths shown, the one highlighted and whether only it shows; old links without them still open', () => {
    const state = addGraph(peruPath)(emptyView());
    const paths = {
      paths: [
        { nodes: peruPath.nodes.map((node) => node.id), edges: peruPath.edges.map((edge) => edge.id) },
        { nodes: [peruPath.nodes[0]!.id], edges: [] },
      ],
      active: 1,
      only: true,
    };
    expect(decodeView(encodeView(state, [], paths))!.paths).toEqual(paths);
    expect(decodeView(encodeView(state, []))!.paths).toBeUndefined();
    expect(decodeView(encodeView(state, []))!.filters.undated).toBe('show');
  });

  it('keeps accented ids intact', () => {
    const state = addGraph({ nodes: [{ ...peruPath.nodes[0]!, id: 'person:josé-ñandú' }], edges: [] })(emptyView());
    expect(decodeView(encodeView(state, []))!.ids).toEqual(['person:josé-ñandú']);
  });

  it('is empty for an empty canvas and ignores hashes it cannot read', () => {
    expect(encodeView(emptyView(), [])).toBe('');
    expect(decodeView('')).toBeUndefined();
    expect(decodeView('#view=not-json')).toBeUndefined();
    expect(decodeView(`#view=${btoa(JSON.stringify({ n: 'wrong' }))}`)).toBeUndefined();
  });
});

describe('datasets in the address', () => {
  it('reads the chosen datasets from ?dataset=, none meaning all', () => {
    expect(datasetsInSearch('?dataset=case-a,peru')).toEqual(['case-a', 'peru']);
    expect(datasetsInSearch('?dataset=case-a,,case-a&x=1')).toEqual(['case-a']);
    expect(datasetsInSearch('')).toEqual([]);
  });

  it('writes them back keeping the other parameters, and leaves them out when all are chosen', () => {
    expect(searchWithDatasets('?x=1', ['case-a', 'peru'])).toBe('?x=1&dataset=case-a,peru');
    expect(searchWithDatasets('?dataset=peru&x=1', [])).toBe('?x=1');
    expect(searchWithDatasets('', [])).toBe('');
    expect(datasetsInSearch(searchWithDatasets('', ['a_b', 'c-d']))).toEqual(['a_b', 'c-d']);
  });
});
