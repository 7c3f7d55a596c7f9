import type { Graph } from '../api/types';
import { DEFAULT_MAX_HOPS } from '../state/paths';
import { bringIn } from './place';
import { perform, requestViewport, update, viewOf, type Explorer } from './store';

/** Pairs among at most this many entities (15 searches): more would flood the server's rate limit for little insight. */
export const MAX_AMONG = 6;

function focusPath(explorer: Explorer, path: Graph | undefined): void {
  if (path) requestViewport(explorer, { kind: 'focus', ids: path.nodes.map((node) => node.id) });
}

/** Paths found by the Paths panel: listed, drawn on the canvas, the first one highlighted. */
export function showPaths(explorer: Explorer, found: Graph[]): Promise<void> {
  update(explorer, { paths: { paths: found, active: 0, only: false } });
  if (found.length === 0) return Promise.resolve();
  const union: Graph = { nodes: found.flatMap((path) => path.nodes), edges: found.flatMap((path) => path.edges) };
  return perform(explorer, 'Drawing the paths…', async () => {
    await bringIn(explorer, union);
    focusPath(explorer, found[0]);
  });
}

export function highlightPath(explorer: Explorer, index: number): void {
  const paths = explorer.store.getState().paths;
  if (!paths) return;
  update(explorer, { paths: { ...paths, active: index } });
  focusPath(explorer, paths.paths[index]);
}

/** Dims (or shows again) everything off the highlighted path. */
export function onlyPath(explorer: Explorer, only: boolean): void {
  const paths = explorer.store.getState().paths;
  if (!paths) return;
  update(explorer, { paths: { ...paths, only } });
  focusPath(explorer, paths.paths[paths.active]);
}

export function clearPaths(explorer: Explorer): void {
  update(explorer, { paths: undefined });
}

/** "Find paths from here / to here" from the context menu: sets that end and opens the Paths tab. */
export function setPathEnd(explorer: Explorer, end: 'from' | 'to', id: string): void {
  const node = explorer.store.getState().history.present.nodes[id];
  if (node) update(explorer, (state) => ({ pathEnds: { ...state.pathEnds, [end]: node }, sideTab: 'paths' }));
}

/** "Avoid in path finding" from the context menu: no path the Paths panel finds may pass through this entity. */
export function avoidInPaths(explorer: Explorer, id: string): void {
  const node = viewOf(explorer).nodes[id];
  if (!node) return;
  update(explorer, (state) => ({
    pathEnds: { ...state.pathEnds, avoid: [...(state.pathEnds.avoid ?? []).filter((other) => other.id !== id), node] },
    sideTab: 'paths',
  }));
}

/**
 * "Find paths among them" for a multi-selection: the shortest path between each pair of the first MAX_AMONG
 * selected entities, shown together like any found paths; pairs with no path within reach are left out.
 */
export function findPathsAmong(explorer: Explorer, ids: string[]): Promise<void> {
  const among = ids.filter((id) => viewOf(explorer).nodes[id]).slice(0, MAX_AMONG);
  if (among.length < 2) return Promise.resolve();
  return perform(explorer, `Finding paths among ${among.length} entities…`, async () => {
    const pairs = among.flatMap((from, index) => among.slice(index + 1).map((to) => ({ from, to })));
    const found: Graph[] = [];
    // One at a time: the searches share the server's time and rate limits with everyone else.
    for (const { from, to } of pairs) {
      found.push(...(await explorer.api.findPaths({ from, to, maxHops: DEFAULT_MAX_HOPS, types: [], directed: false, mode: 'shortest', k: 1 })).paths);
    }
    update(explorer, { sideTab: 'paths', pathEnds: {} });
    if (found.length === 0) {
      update(explorer, {
        paths: { paths: [], active: 0, only: false },
        notice: `No paths within ${DEFAULT_MAX_HOPS} hops among these ${among.length} entities.`,
      });
      return;
    }
    update(explorer, { paths: { paths: found, active: 0, only: false } });
    const union: Graph = { nodes: found.flatMap((path) => path.nodes), edges: found.flatMap((path) => path.edges) };
    await bringIn(explorer, union);
    requestViewport(explorer, { kind: 'focus', ids: union.nodes.map((node) => node.id) });
  });
}
