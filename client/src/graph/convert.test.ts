import { describe, expect, it } from 'vitest';
import { addGraph, emptyView, moreId, setDegrees, setFilters, setMore, togglePin } from '../state/view';
import { bazan, financed, guzman, leaderOf, peruPath, shiningPath } from '../state/testGraph';
import { MORE_EDGE_SUFFIX, toElements } from './convert';

const state = addGraph(peruPath)(emptyView());
const byId = (elements: ReturnType<typeof toElements>) => new Map(elements.map((element) => [element.data.id!, element]));

describe('API graph to Cytoscape elements', () => {
  it('makes one node per entity with its name, kind and position, and one edge per relationship with its type', () => {
    const elements = byId(toElements(state));
    expect(elements.get(guzman.id)).toMatchObject({ group: 'nodes', data: { label: 'Abimael Guzmán', kind: 'Person' }, position: state.positions[guzman.id] });
    expect(elements.get(leaderOf.id)).toMatchObject({ group: 'edges', data: { source: guzman.id, target: shiningPath.id, type: 'LEADER_OF' } });
  });

  it('sizes nodes by their degree in the database when known, else by their links on the canvas', () => {
    const elements = byId(toElements(setDegrees({ [guzman.id]: 12 })(state)));
    expect(elements.get(guzman.id)!.data.degree).toBe(12);
    expect(elements.get(shiningPath.id)!.data.degree).toBe(2);
  });

  it('marks pinned nodes, and undated items only while a year range is set', () => {
    expect(byId(toElements(togglePin([guzman.id])(state))).get(guzman.id)!.classes).toContain('pinned');
    expect(byId(toElements(state)).get(guzman.id)!.classes).not.toContain('undated');
    const filtered = byId(toElements(setFilters({ years: [2000, 2020] })(state)));
    expect(filtered.get(guzman.id)!.classes).toContain('undated');
    expect(filtered.get(bazan.id)!.classes).not.toContain('undated');
    expect(filtered.get(leaderOf.id)!.classes).toContain('undated');
  });

  it('leaves out what filters hide', () => {
    const elements = byId(toElements(setFilters({ hiddenTypes: ['FINANCED'] })(state)));
    expect(elements.has(financed.id)).toBe(false);
    expect(elements.has(bazan.id)).toBe(true);
  });

  it('highlights a path and dims the rest, or shows only the path', () => {
    const path = { nodes: [guzman.id, shiningPath.id], edges: [leaderOf.id], only: false };
    const dimmed = byId(toElements(state, path));
    expect(dimmed.get(guzman.id)!.classes).toContain('path');
    expect(dimmed.get(bazan.id)!.classes).toContain('dimmed');
    const only = byId(toElements(state, { ...path, only: true }));
    expect([...only.keys()].sort()).toEqual([guzman.id, shiningPath.id, leaderOf.id].sort());
  });

  it('draws a "+N more" handle tied to its node', () => {
    const id = moreId(shiningPath.id, [], 'both');
    const elements = byId(toElements(setMore({ id, parent: shiningPath.id, types: [], direction: 'both', loaded: 25, total: 31 })(state)));
    expect(elements.get(id)).toMatchObject({ data: { label: '+6 more' }, classes: 'more' });
    expect(elements.get(`${id}${MORE_EDGE_SUFFIX}`)).toMatchObject({ data: { source: shiningPath.id, target: id } });
  });

  it('says "+N+ more" when the server stopped counting a hub and there are more than its total', () => {
    const id = moreId(shiningPath.id, [], 'both');
    const hub = setMore({ id, parent: shiningPath.id, types: [], direction: 'both', loaded: 25, total: 1025, atLeast: true })(state);
    expect(byId(toElements(hub)).get(id)).toMatchObject({ data: { label: '+1,000+ more' } });
  });
});
