import { describe, expect, it } from 'vitest';
import type { Graph } from '../api/types';
import { bazan, financed, guzman, leaderOf, link, person, shiningPath } from '../state/testGraph';
import { hideNodes } from '../state/view';
import { expand } from './expand';
import { memoryApi } from './memoryApi';
import { addQueryResult, bringIn, place } from './place';
import { commit, createExplorer, viewOf } from './store';

const peru: Graph = { nodes: [guzman, shiningPath, bazan], edges: [leaderOf, financed] };

describe('bringing nodes in', () => {
  it('draws the links between what comes in and what was already on the canvas', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await place(explorer, [guzman]);
    await place(explorer, [bazan]);
    expect(viewOf(explorer).edges).toEqual({});
    await place(explorer, [shiningPath]);
    expect(Object.keys(viewOf(explorer).edges).sort()).toEqual([financed.id, leaderOf.id].sort());
  });

  it('draws the links among the new nodes of an expansion and to nodes placed before, not only to the parent', async () => {
    const hub = person('person:hub', 'Hub');
    const [first, second, elsewhere] = ['a', 'b', 'c'].map((name) => person(`person:${name}`, name.toUpperCase()));
    const among = link(first!.id, 'KNOWS', second!.id);
    const toElsewhere = link(second!.id, 'KNOWS', elsewhere!.id);
    const api = memoryApi({
      nodes: [hub, first!, second!, elsewhere!],
      edges: [link(hub.id, 'KNOWS', first!.id), link(hub.id, 'KNOWS', second!.id), among, toElsewhere],
    });
    const explorer = createExplorer(api);
    await place(explorer, [hub, elsewhere!]);
    await expand(explorer, hub.id);
    expect(Object.keys(viewOf(explorer).edges)).toHaveLength(4);
    expect(viewOf(explorer).edges[among.id]).toBeDefined();
    expect(viewOf(explorer).edges[toElsewhere.id]).toBeDefined();
  });

  it('settles only the newcomers on a canvas that had nodes, lays out a first set, and leaves a single first node alone', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await place(explorer, [guzman]);
    expect(explorer.store.getState().layoutRequest).toBeUndefined();
    await expand(explorer, guzman.id);
    expect(explorer.store.getState().layoutRequest).toEqual({ kind: 'settle', newIds: [shiningPath.id] });

    const other = createExplorer(memoryApi(peru));
    await place(other, [guzman, bazan]);
    expect(other.store.getState().layoutRequest).toEqual({ kind: 'layout', layout: 'auto', roots: [] });
  });

  it('sizes the newcomers by their degree in the database once it arrives', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await place(explorer, [shiningPath]);
    await expect.poll(() => viewOf(explorer).degrees).toEqual({ [shiningPath.id]: 2 });
  });

  it('shows again and focuses an actor already on the canvas, without asking the server', async () => {
    const api = memoryApi(peru);
    const explorer = createExplorer(api);
    await place(explorer, [guzman]);
    commit(explorer, hideNodes([guzman.id]));
    const calls = api.calls.length;
    await place(explorer, [guzman]);
    expect(viewOf(explorer).hidden).toEqual([]);
    expect(explorer.store.getState()).toMatchObject({ selection: [guzman.id], viewportRequest: { kind: 'focus', ids: [guzman.id] } });
    expect(api.calls.length).toBe(calls);
  });

  it('keeps the nodes that came in when the links cannot be read', async () => {
    const api = memoryApi(peru);
    api.getSubgraph = () => Promise.reject(new Error('timeout'));
    const explorer = createExplorer(api);
    expect(await bringIn(explorer, { nodes: [guzman, shiningPath], edges: [leaderOf] })).toEqual([guzman.id, shiningPath.id]);
    expect(Object.keys(viewOf(explorer).edges)).toEqual([leaderOf.id]);
  });

  it('puts the console’s results on the canvas and fits them', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await addQueryResult(explorer, {
      columns: ['n'],
      rows: [],
      graph: { nodes: [guzman, shiningPath], edges: [] },
      truncated: false,
      withheld: { nodes: 0, relationships: 0, paths: 0 },
    });
    expect(Object.keys(viewOf(explorer).edges)).toEqual([leaderOf.id]);
    expect(explorer.store.getState().viewportRequest).toEqual({ kind: 'fit' });
  });
});
