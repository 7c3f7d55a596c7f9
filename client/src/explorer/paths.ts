import type { Graph } from '../api/types';
import { bringIn } from './place';
import { perform, requestViewport, update, type Explorer } from './store';

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
