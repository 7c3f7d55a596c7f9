import { describe, expect, it } from 'vitest';
import type { ForceAtlasInput } from './forceAtlas';
import { layoutKey, PositionCache } from './layoutCache';

const view = (restart = true): ForceAtlasInput => ({
  nodes: [
    { id: 'a', position: { x: 0, y: 0 }, fixed: false },
    { id: 'b', position: { x: 10, y: 0 }, fixed: false },
    { id: 'pin', position: { x: 100, y: 50 }, fixed: true },
  ],
  edges: [
    { source: 'a', target: 'b' },
    { source: 'pin', target: 'a' },
  ],
  restart,
});

describe('positions kept for views laid out before', () => {
  it('knows a view again whatever the order of its elements and wherever its free nodes are now', () => {
    const same = view();
    same.nodes.reverse();
    same.edges.reverse();
    same.nodes.find((node) => node.id === 'a')!.position = { x: 999, y: -4 };
    expect(layoutKey(same)).toBe(layoutKey(view()));
  });

  it('tells views apart by their nodes, their links, and where their fixed nodes stay', () => {
    const key = layoutKey(view());
    const fewer = view();
    fewer.nodes.pop();
    const relinked = view();
    relinked.edges[1] = { source: 'pin', target: 'b' };
    const moved = view();
    moved.nodes[2]!.position = { x: 140, y: 50 };
    const unpinned = view();
    unpinned.nodes[2]!.fixed = false;
    for (const other of [fewer, relinked, moved, unpinned]) expect(layoutKey(other)).not.toBe(key);
  });

  it('keeps no key for newcomers settling, whose result depends on where everything is', () => {
    expect(layoutKey(view(false))).toBeUndefined();
  });

  it('gives back what it keeps, forgetting the least recently used view past its capacity', () => {
    const cache = new PositionCache(2);
    const positions = (x: number) => new Map([['a', { x, y: 0 }]]);
    cache.set('one', positions(1));
    cache.set('two', positions(2));
    expect(cache.get('one')?.get('a')).toEqual({ x: 1, y: 0 });
    cache.set('three', positions(3));
    expect(cache.get('two')).toBeUndefined();
    expect(cache.get('one')?.get('a')).toEqual({ x: 1, y: 0 });
    expect(cache.get('three')?.get('a')).toEqual({ x: 3, y: 0 });
    cache.set('three', positions(4));
    expect(cache.get('three')?.get('a')).toEqual({ x: 4, y: 0 });
  });
});
