import { describe, expect, it } from 'vitest';
import { addGraph, collapse, emptyView, hideNodes, kindOf, moreId, removeNodes, setMore, setPositions, showAll, toggleFilterValue, togglePin } from './view';
import { bazan, financed, guzman, leaderOf, person, shiningPath } from './testGraph';

const withShiningPath = addGraph({ nodes: [shiningPath], edges: [] })(emptyView());

describe('adding to the canvas', () => {
  it('places a first node and keeps edges only when both ends are on the canvas', () => {
    const state = addGraph({ nodes: [guzman], edges: [leaderOf] })(emptyView());
    expect(Object.keys(state.nodes)).toEqual([guzman.id]);
    expect(state.edges).toEqual({});
    expect(state.positions[guzman.id]).toBeDefined();
  });

  it('puts an expansion beside its parent and never moves what was already placed', () => {
    const placed = setPositions({ [shiningPath.id]: { x: 500, y: 300 } })(withShiningPath);
    const state = addGraph({ nodes: [shiningPath, guzman, bazan], edges: [leaderOf, financed] }, { parent: shiningPath.id })(placed);
    expect(state.positions[shiningPath.id]).toEqual({ x: 500, y: 300 });
    for (const id of [guzman.id, bazan.id]) {
      const { x, y } = state.positions[id]!;
      expect(Math.hypot(x - 500, y - 300)).toBeLessThan(400);
      expect(Math.hypot(x - 500, y - 300)).toBeGreaterThan(50);
    }
    expect(Object.keys(state.edges)).toHaveLength(2);
    expect(state.expandedFrom[guzman.id]).toBe(shiningPath.id);
  });

  it('spreads a large expansion so no two new nodes land on the same spot', () => {
    const many = Array.from({ length: 25 }, (_unused, index) => person(`person:${index}`, `P${index}`));
    const state = addGraph({ nodes: many, edges: [] }, { parent: shiningPath.id })(withShiningPath);
    const spots = new Set(many.map((node) => `${state.positions[node.id]!.x},${state.positions[node.id]!.y}`));
    expect(spots.size).toBe(25);
  });

  it('puts a path’s new middle beside the ends already placed, in free space, moving none of them', () => {
    const ends = setPositions({ [guzman.id]: { x: 0, y: 0 }, [bazan.id]: { x: 600, y: 0 } })(
      addGraph({ nodes: [guzman, bazan], edges: [] }, { positions: { [guzman.id]: { x: 0, y: 0 }, [bazan.id]: { x: 600, y: 0 } } })(emptyView()),
    );
    const loner = person('person:loner', 'Loner');
    const state = addGraph({ nodes: [guzman, shiningPath, bazan, loner], edges: [leaderOf, financed] })(ends);
    expect(state.positions[guzman.id]).toEqual({ x: 0, y: 0 });
    expect(state.positions[bazan.id]).toEqual({ x: 600, y: 0 });
    const middle = state.positions[shiningPath.id]!;
    expect(Math.hypot(middle.x - 300, middle.y)).toBeLessThan(300);
    for (const end of [guzman.id, bazan.id]) {
      const { x, y } = state.positions[end]!;
      expect(Math.hypot(middle.x - x, middle.y - y)).toBeGreaterThan(56);
    }
    // With no placed neighbour, a newcomer still gets a free spot of its own.
    const alone = state.positions[loner.id]!;
    expect([guzman.id, shiningPath.id, bazan.id].every((id) => Math.hypot(alone.x - state.positions[id]!.x, alone.y - state.positions[id]!.y) > 56)).toBe(true);
  });

  it('shows a hidden node again when it is asked for again', () => {
    const hidden = hideNodes([shiningPath.id])(withShiningPath);
    expect(addGraph({ nodes: [shiningPath], edges: [] })(hidden).hidden).toEqual([]);
  });
});

describe('removing, hiding and collapsing', () => {
  const expanded = addGraph({ nodes: [guzman, bazan], edges: [leaderOf, financed] }, { parent: shiningPath.id })(withShiningPath);

  it('removes a node with its edges, pins and handles', () => {
    const pinned = togglePin([guzman.id, shiningPath.id])(expanded);
    const withMore = setMore({ id: moreId(shiningPath.id, [], 'both'), parent: shiningPath.id, types: [], direction: 'both', loaded: 2, total: 9 })(pinned);
    const state = removeNodes([shiningPath.id])(withMore);
    expect(Object.keys(state.nodes).sort()).toEqual([bazan.id, guzman.id].sort());
    expect(state.edges).toEqual({});
    expect(state.pinned).toEqual([guzman.id]);
    expect(state.more).toEqual({});
    expect(state.positions[moreId(shiningPath.id, [], 'both')]).toBeUndefined();
  });

  it('hides nodes without forgetting them, and shows them all again', () => {
    const state = hideNodes([guzman.id])(expanded);
    expect(state.hidden).toEqual([guzman.id]);
    expect(state.nodes[guzman.id]).toBeDefined();
    expect(showAll()(state).hidden).toEqual([]);
  });

  it('collapse takes back the leaves an expansion brought, but keeps pinned ones and those linked elsewhere', () => {
    const other = person('person:other', 'Other');
    const linkedElsewhere = addGraph({ nodes: [other], edges: [{ ...leaderOf, id: 'x', source: other.id, target: bazan.id }] })(
      togglePin([guzman.id])(expanded),
    );
    const state = collapse(shiningPath.id)(linkedElsewhere);
    expect(state.nodes[guzman.id]).toBeDefined();
    expect(state.nodes[bazan.id]).toBeDefined();
    const plain = collapse(shiningPath.id)(expanded);
    expect(Object.keys(plain.nodes)).toEqual([shiningPath.id]);
  });
});

describe('pins, filters and "+N more" handles', () => {
  it('pins, then unpins when all are already pinned', () => {
    const once = togglePin([shiningPath.id])(withShiningPath);
    expect(once.pinned).toEqual([shiningPath.id]);
    expect(togglePin([shiningPath.id])(once).pinned).toEqual([]);
  });

  it('toggles a relationship type in and out of the hidden types', () => {
    const hidden = toggleFilterValue('hiddenTypes', 'FINANCED')(emptyView());
    expect(hidden.filters.hiddenTypes).toEqual(['FINANCED']);
    expect(toggleFilterValue('hiddenTypes', 'FINANCED')(hidden).filters.hiddenTypes).toEqual([]);
  });

  it('keeps a handle while part of a slice is unloaded, placed near its node, and drops it once all is loaded', () => {
    const id = moreId(shiningPath.id, ['MEMBER_OF'], 'in');
    const partial = setMore({ id, parent: shiningPath.id, types: ['MEMBER_OF'], direction: 'in', loaded: 25, total: 40 })(withShiningPath);
    expect(partial.more[id]?.total).toBe(40);
    expect(partial.positions[id]).toBeDefined();
    const done = setMore({ id, parent: shiningPath.id, types: ['MEMBER_OF'], direction: 'in', loaded: 40, total: 40 })(partial);
    expect(done.more).toEqual({});
  });

  it('names a kind by the label that is not Entity', () => {
    expect(kindOf(guzman)).toBe('Person');
    expect(kindOf({ labels: ['Entity'] })).toBe('Entity');
  });
});
