import type { Graph, GraphEdge, GraphNode } from '../api/types';
import { startHistory } from '../state/history';
import { decodeView, encodeView, type LinkedPaths } from '../state/url';
import { addGraph, emptyView, type ViewState } from '../state/view';
import { linksAround } from './links';
import { fillDegrees } from './place';
import { perform, requestViewport, update, type Explorer } from './store';

/** The paths of a link drawn from the restored view; a path with a node or relationship gone from the database is left out. */
function restoredPaths(view: ViewState, linked: LinkedPaths): Graph[] {
  return linked.paths.flatMap((path) => {
    const nodes = path.nodes.map((id) => view.nodes[id]);
    const edges = path.edges.map((id) => view.edges[id]);
    if (nodes.some((node) => !node) || edges.some((edge) => !edge)) return [];
    return [{ nodes: nodes as GraphNode[], edges: edges as GraphEdge[] }];
  });
}

/**
 * Opens the view a link's hash describes: its nodes fetched again, its positions, filters and selection kept, and the
 * paths it showed highlighted again and told in words in the Paths tab.
 */
export function restoreFromLink(explorer: Explorer, hash: string): Promise<void> {
  const linked = decodeView(hash);
  if (!linked) return Promise.resolve();
  update(explorer, { restoring: true });
  return perform(explorer, 'Opening the shared view…', async () => {
    try {
      let graph: Graph = { nodes: [], edges: [] };
      try {
        graph = await linksAround(explorer.api, linked.ids);
      } catch {
        graph = { nodes: [], edges: [] };
      }
      const found = new Set(graph.nodes.map((node) => node.id));
      const missing = linked.ids.filter((id) => !found.has(id));
      const fetched = await Promise.all(
        missing.map((id) =>
          explorer.api
            .getNode(id)
            .then((details) => details.node)
            .catch(() => undefined),
        ),
      );
      const nodes = [...graph.nodes, ...fetched.filter((node): node is GraphNode => node !== undefined)];
      const lost = linked.ids.length - nodes.length;
      const restored: ViewState = {
        ...addGraph({ nodes, edges: graph.edges }, { positions: linked.positions })(emptyView()),
        pinned: linked.pinned.filter((id) => nodes.some((node) => node.id === id)),
        hidden: linked.hidden,
        filters: linked.filters,
        layout: linked.layout,
      };
      const paths = linked.paths ? restoredPaths(restored, linked.paths) : [];
      update(explorer, { history: startHistory(restored), selection: linked.selection, paths: undefined });
      if (paths.length > 0) {
        const active = Math.min(linked.paths!.active, paths.length - 1);
        const shown = paths[active]!;
        update(explorer, {
          paths: { paths, active, only: linked.paths!.only },
          pathEnds: { from: shown.nodes[0], to: shown.nodes[shown.nodes.length - 1] },
          sideTab: 'paths',
        });
      }
      void fillDegrees(
        explorer,
        nodes.map((node) => node.id),
      );
      requestViewport(explorer, paths.length > 0 ? { kind: 'focus', ids: paths.flatMap((path) => path.nodes.map((node) => node.id)) } : { kind: 'fit' });
      if (lost > 0)
        update(explorer, { notice: `${lost} entit${lost === 1 ? 'y' : 'ies'} from the link no longer exist${lost === 1 ? 's' : ''} in the database.` });
    } finally {
      update(explorer, { restoring: false });
    }
  });
}

/** The hash that shares what is on screen now, or undefined while a link is being opened. */
export function currentLink(explorer: Explorer): string | undefined {
  const state = explorer.store.getState();
  if (state.restoring) return undefined;
  const paths = state.paths && {
    paths: state.paths.paths.map((path) => ({ nodes: path.nodes.map((node) => node.id), edges: path.edges.map((edge) => edge.id) })),
    active: state.paths.active,
    only: state.paths.only,
  };
  return encodeView(state.history.present, state.selection, paths);
}

/** The address that opens what is on screen now (its path highlight included). */
export function shareableUrl(explorer: Explorer, location: { origin: string; pathname: string; search: string }): string {
  return `${location.origin}${location.pathname}${location.search}${currentLink(explorer) ?? ''}`;
}

/** "Copy link": the address of this view on the clipboard, or in a notice to copy by hand when the browser refuses. */
export async function copyLink(explorer: Explorer, url: string, writeText: (text: string) => Promise<void>): Promise<void> {
  try {
    await writeText(url);
    const withPath = explorer.store.getState().paths?.paths.length ? ' with its path highlight' : '';
    update(explorer, { notice: `Link copied: it opens this view${withPath}.` });
  } catch {
    update(explorer, { notice: `Copy this link: ${url}` });
  }
}
