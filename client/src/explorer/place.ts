import type { Graph, GraphNode, QueryResult } from '../api/types';
import { addGraph, setDegrees, type ViewProducer } from '../state/view';
import { degreesOf, linksAround } from './links';
import { commit, fold, perform, requestLayout, requestViewport, update, viewOf, type Explorer } from './store';

/** `graph` plus its links to everything already on the canvas, so new nodes connect to what was there. */
async function withLinks(explorer: Explorer, graph: Graph): Promise<Graph> {
  const ids = graph.nodes.map((node) => node.id);
  try {
    const links = await linksAround(explorer.api, ids, Object.keys(viewOf(explorer).nodes));
    return { nodes: graph.nodes, edges: [...graph.edges, ...links.edges] };
  } catch {
    // The page is still useful without the extra links; the expansion itself succeeded.
    return graph;
  }
}

/** Sizes nodes by their degree in the database once it arrives; until then sizes follow links on the canvas. */
export function fillDegrees(explorer: Explorer, ids: string[]): Promise<void> {
  return degreesOf(explorer.api, ids)
    .then((degrees) => fold(explorer, setDegrees(degrees)))
    .catch(() => undefined);
}

/** Puts a graph on the canvas (beside `parent` if given), draws links to what is there, and settles the newcomers. */
export async function bringIn(explorer: Explorer, graph: Graph, options: { parent?: string; extra?: ViewProducer } = {}): Promise<string[]> {
  const linked = await withLinks(explorer, graph);
  const before = viewOf(explorer);
  const wasEmpty = Object.keys(before.nodes).length === 0;
  const fresh = graph.nodes.map((node) => node.id).filter((id) => !before.nodes[id]);
  commit(explorer, (state) => {
    const next = addGraph(linked, { parent: options.parent })(state);
    return options.extra ? options.extra(next) : next;
  });
  if (fresh.length > 0) {
    void fillDegrees(explorer, fresh);
    if (wasEmpty && fresh.length > 1) requestLayout(explorer, { kind: 'layout', layout: before.layout, roots: [] });
    else if (!wasEmpty) requestLayout(explorer, { kind: 'settle', newIds: fresh });
  }
  return fresh;
}

/** Shows actors picked from search or a list: already there, they are shown again and focused; else brought in. */
export function place(explorer: Explorer, nodes: GraphNode[]): Promise<void> {
  const ids = nodes.map((node) => node.id);
  const known = ids.every((id) => viewOf(explorer).nodes[id]);
  const show = () => {
    update(explorer, { selection: ids, detailsOpen: true });
    requestViewport(explorer, { kind: 'focus', ids });
  };
  update(explorer, { paths: undefined });
  if (known) {
    commit(explorer, (state) => (ids.some((id) => state.hidden.includes(id)) ? { ...state, hidden: state.hidden.filter((id) => !ids.includes(id)) } : state));
    show();
    return Promise.resolve();
  }
  return perform(explorer, nodes.length === 1 ? `Placing ${nodes[0]!.name}…` : `Placing ${nodes.length} actors…`, async () => {
    await bringIn(explorer, { nodes, edges: [] });
    show();
  });
}

/** The Cypher console's results, put on the canvas. */
export function addQueryResult(explorer: Explorer, result: QueryResult): Promise<void> {
  return perform(explorer, 'Adding the results…', async () => {
    await bringIn(explorer, result.graph);
    requestViewport(explorer, { kind: 'fit' });
  });
}
