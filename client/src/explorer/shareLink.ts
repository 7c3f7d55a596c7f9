import type { Graph, GraphNode } from '../api/types';
import { startHistory } from '../state/history';
import { decodeView, encodeView } from '../state/url';
import { addGraph, emptyView, type ViewState } from '../state/view';
import { linksAround } from './links';
import { fillDegrees } from './place';
import { perform, requestViewport, update, type Explorer } from './store';

/** Opens the view a link's hash describes: its nodes fetched again, its positions, filters and selection kept. */
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
      update(explorer, { history: startHistory(restored), selection: linked.selection, paths: undefined });
      void fillDegrees(
        explorer,
        nodes.map((node) => node.id),
      );
      requestViewport(explorer, { kind: 'fit' });
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
  return state.restoring ? undefined : encodeView(state.history.present, state.selection);
}
