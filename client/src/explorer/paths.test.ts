import { describe, expect, it } from 'vitest';
import type { Graph } from '../api/types';
import { bazan, financed, guzman, leaderOf, link, person, shiningPath } from '../state/testGraph';
import { memoryApi } from './memoryApi';
import { avoidInPaths, clearPaths, highlightPath, onlyPath, setPathEnd, showPaths } from './paths';
import { place } from './place';
import { createExplorer, viewOf } from './store';

const peru: Graph = { nodes: [guzman, shiningPath, bazan], edges: [leaderOf, financed] };
const viaShiningPath: Graph = { nodes: [guzman, shiningPath, bazan], edges: [leaderOf, financed] };
const direct: Graph = { nodes: [guzman, bazan], edges: [] };

describe('paths on the canvas', () => {
  it('draws every path found, highlights the first and focuses it', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await showPaths(explorer, [viaShiningPath, direct]);
    expect(Object.keys(viewOf(explorer).nodes).sort()).toEqual([bazan.id, guzman.id, shiningPath.id].sort());
    expect(explorer.store.getState().paths).toEqual({ paths: [viaShiningPath, direct], active: 0, only: false });
    expect(explorer.store.getState().viewportRequest).toEqual({ kind: 'focus', ids: [guzman.id, shiningPath.id, bazan.id] });
  });

  it('switches the highlighted path, shows only it on request, and clears', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await showPaths(explorer, [viaShiningPath, direct]);
    highlightPath(explorer, 1);
    expect(explorer.store.getState().paths?.active).toBe(1);
    expect(explorer.store.getState().viewportRequest).toEqual({ kind: 'focus', ids: [guzman.id, bazan.id] });
    onlyPath(explorer, true);
    expect(explorer.store.getState().paths?.only).toBe(true);
    clearPaths(explorer);
    expect(explorer.store.getState().paths).toBeUndefined();
  });

  it('finding no path lists none and leaves the canvas as it was', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await showPaths(explorer, []);
    expect(explorer.store.getState().paths).toEqual({ paths: [], active: 0, only: false });
    expect(viewOf(explorer).nodes).toEqual({});
  });

  it('"Find paths from here" sets that end and opens the Paths tab', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await place(explorer, [guzman]);
    setPathEnd(explorer, 'from', guzman.id);
    expect(explorer.store.getState()).toMatchObject({ pathEnds: { from: guzman }, sideTab: 'paths' });
  });
});

describe('avoiding an entity in path finding', () => {
  it('"Avoid in path finding" lists the entity for the Paths panel, and the search goes round it', async () => {
    const [x, y] = [person('person:x', 'X'), person('person:y', 'Y')];
    const around: Graph = {
      nodes: [guzman, shiningPath, bazan, x, y],
      edges: [leaderOf, financed, link(guzman.id, 'KNOWS', x.id), link(x.id, 'KNOWS', y.id), link(y.id, 'KNOWS', bazan.id)],
    };
    const api = memoryApi(around);
    const explorer = createExplorer(api);
    await place(explorer, [shiningPath]);
    avoidInPaths(explorer, shiningPath.id);
    avoidInPaths(explorer, shiningPath.id);
    expect(explorer.store.getState()).toMatchObject({ pathEnds: { avoid: [shiningPath] }, sideTab: 'paths' });
    const query = { from: guzman.id, to: bazan.id, maxHops: 4, types: [], directed: false, mode: 'shortest' as const, k: 1 };
    expect((await api.findPaths(query)).paths[0]!.nodes).toEqual([guzman, shiningPath, bazan]);
    expect((await api.findPaths({ ...query, excludeIds: [shiningPath.id] })).paths[0]!.nodes).toEqual([guzman, x, y, bazan]);
  });
});
