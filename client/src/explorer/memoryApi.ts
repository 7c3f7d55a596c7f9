import { ApiError, type NeighbourQuery } from '../api/client';
import { maxIds } from '../api/schema.gen';
import type { DatasetCaptions, DatasetSummary, Graph, GraphEdge, GraphNode, Neighbours } from '../api/types';
import type { ExplorerApi } from './api';
import { memoryAnalysis } from './memoryAnalysis';

/** How far past a page the server counts a node's relationships (server/features/neighbours COUNT_AHEAD). */
const COUNT_AHEAD = 1000;

export interface MemoryApi extends ExplorerApi {
  /** Every call made, in order, for tests that check what was asked and how. */
  calls: { name: string; ids?: string[]; slice?: NeighbourQuery }[];
}

/**
 * A stand-in for the API client over a graph held in memory, for unit tests of the explorer's actions. It answers
 * as the server's documented contract does, limits included (too many ids is a 400), and is no imitation of Neo4j:
 * the end-to-end tests run the real server and database.
 */
export function memoryApi(initial: Graph, initialDatasets: DatasetSummary[] = []): MemoryApi {
  // Copies: deleting a dataset and choosing captions change them, never the caller's graph.
  const graph: Graph = { nodes: initial.nodes.map((node) => ({ ...node })), edges: [...initial.edges] };
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const calls: MemoryApi['calls'] = [];
  let datasets = [...initialDatasets];
  let scope: string[] = [];
  const overrides = new Map<string, Record<string, string[]>>();
  // As the server names them, an imported node's id is its dataset's id, "::" and its key.
  const datasetOf = (id: string): string | undefined => datasets.find((dataset) => id.startsWith(`${dataset.id}::`))?.id;
  const inScope = (id: string): boolean => scope.length === 0 || scope.includes(datasetOf(id) ?? '');
  const knownDataset = (id: string): DatasetSummary => {
    const found = datasets.find((dataset) => dataset.id === id);
    if (!found) throw new ApiError(404, 'Unknown dataset', `No dataset has the id "${id}".`);
    return found;
  };
  const captionsOf = (id: string): DatasetCaptions => {
    const members = graph.nodes.filter((node) => datasetOf(node.id) === id);
    const labels = [...new Set(members.flatMap((node) => node.labels))].sort();
    return {
      dataset: id,
      labels: labels.map((label) => ({
        label,
        properties: [...new Set(members.filter((node) => node.labels.includes(label)).flatMap((node) => Object.keys(node.properties)))].sort(),
        automatic: [],
        override: overrides.get(id)?.[label] ?? null,
      })),
    };
  };
  const checkIds = (ids: string[], max: number) => {
    if (ids.length < 1 || ids.length > max)
      throw new ApiError(400, 'Invalid parameter', `body "ids": Too ${ids.length < 1 ? 'small' : 'big'}: expected 1 to ${max} items`);
  };
  const node = (id: string): GraphNode => {
    const found = inScope(id) ? nodes.get(id) : undefined;
    if (!found) throw new ApiError(404, 'Not found', `No entity has the id "${id}".`);
    return found;
  };
  const degree = (id: string) => graph.edges.filter((edge) => edge.source === id || edge.target === id).length;
  return {
    calls,
    ...memoryAnalysis(graph, (name, ids) => calls.push({ name, ids })),
    async getNeighbours(id: string, slice: NeighbourQuery = {}): Promise<Neighbours> {
      calls.push({ name: 'getNeighbours', ids: [id], slice });
      const centre = node(id);
      const { types = [], direction = 'both', limit = 50, skip = 0 } = slice;
      const matching = graph.edges.filter(
        (edge) =>
          (types.length === 0 || types.includes(edge.type)) &&
          ((direction !== 'in' && edge.source === id) || (direction !== 'out' && edge.target === id)) &&
          edge.source !== edge.target,
      );
      // Paged by relationship, as the server pages.
      const page = matching.slice(skip, skip + limit);
      const neighbourIds = [...new Set(page.map((edge) => (edge.source === id ? edge.target : edge.source)))];
      const countLimit = skip + limit + COUNT_AHEAD;
      const byNameThenId = (a: GraphNode, b: GraphNode) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
      return {
        nodes: [centre, ...neighbourIds.map(node).sort(byNameThenId)],
        edges: page,
        total: Math.min(matching.length, countLimit),
        totalExact: matching.length <= countLimit,
        counts: [],
      };
    },
    async getSubgraph(ids: string[]): Promise<Graph> {
      calls.push({ name: 'getSubgraph', ids });
      checkIds(ids, maxIds.subgraph);
      const wanted = new Set(ids.filter((id) => inScope(id)));
      return {
        nodes: graph.nodes.filter((candidate) => wanted.has(candidate.id)),
        edges: graph.edges.filter((edge) => wanted.has(edge.source) && wanted.has(edge.target)),
      };
    },
    async getDegrees(ids: string[]): Promise<Record<string, number>> {
      calls.push({ name: 'getDegrees', ids });
      checkIds(ids, maxIds.degrees);
      return Object.fromEntries(ids.filter((id) => nodes.has(id)).map((id) => [id, degree(id)]));
    },
    async getNode(id: string) {
      calls.push({ name: 'getNode', ids: [id] });
      return { node: node(id), degree: {} };
    },
    async getSource(id: string) {
      calls.push({ name: 'getSource', ids: [id] });
      return { id, title: `Source ${id}`, text: '', quotes: [], url: null, licence: null, attribution: null };
    },
    /** Shortest paths by breadth-first search over the links either way (the server's undirected default), one path; `connected` only within maxHops. */
    async findPaths(query) {
      calls.push({ name: 'findPaths', ids: [query.from, query.to, ...(query.excludeIds ?? [])] });
      const avoided = new Set(query.excludeIds);
      const cameBy = new Map<string, GraphEdge | null>([[query.from, null]]);
      let frontier = [query.from];
      for (let hop = 0; hop < query.maxHops && !cameBy.has(query.to); hop += 1) {
        const next: string[] = [];
        for (const id of frontier) {
          for (const edge of graph.edges) {
            const other = edge.source === id ? edge.target : edge.target === id ? edge.source : undefined;
            if (other === undefined || cameBy.has(other) || avoided.has(other)) continue;
            cameBy.set(other, edge);
            next.push(other);
          }
        }
        frontier = next;
      }
      if (!cameBy.has(query.to)) return { paths: [], truncated: false, connected: false };
      const path: Graph = { nodes: [node(query.to)], edges: [] };
      for (let at = query.to, edge = cameBy.get(at); edge; edge = cameBy.get(at)) {
        at = edge.source === at ? edge.target : edge.source;
        path.edges.unshift(edge);
        path.nodes.unshift(node(at));
      }
      return { paths: [path], truncated: false, connected: true };
    },
    async getSchema() {
      calls.push({ name: 'getSchema' });
      return { labels: [], relationshipTypes: [] };
    },
    setDatasetScope(ids: string[]) {
      calls.push({ name: 'setDatasetScope', ids });
      scope = [...ids];
    },
    async getDatasets() {
      calls.push({ name: 'getDatasets' });
      return datasets.map((dataset) => ({ ...dataset, captionOverrides: overrides.get(dataset.id) ?? {} }));
    },
    async deleteDataset(id: string) {
      calls.push({ name: 'deleteDataset', ids: [id] });
      knownDataset(id);
      const gone = new Set(graph.nodes.filter((candidate) => datasetOf(candidate.id) === id).map((candidate) => candidate.id));
      graph.nodes = graph.nodes.filter((candidate) => !gone.has(candidate.id));
      graph.edges = graph.edges.filter((edge) => !gone.has(edge.source) && !gone.has(edge.target));
      for (const removed of gone) nodes.delete(removed);
      datasets = datasets.filter((dataset) => dataset.id !== id);
    },
    async getCaptions(id: string) {
      calls.push({ name: 'getCaptions', ids: [id] });
      knownDataset(id);
      return captionsOf(id);
    },
    /** Names the dataset's nodes of each label by the chosen properties, joined by a space, as the server does. */
    async putCaptions(id: string, captions: Record<string, string[]>) {
      calls.push({ name: 'putCaptions', ids: [id] });
      knownDataset(id);
      const labels = captionsOf(id).labels;
      for (const [label, properties] of Object.entries(captions)) {
        const known = labels.find((entry) => entry.label === label);
        if (!known) throw new ApiError(422, 'Unknown label', `The dataset "${id}" has no node labelled "${label}".`);
        if (properties.some((property) => !known.properties.includes(property))) throw new ApiError(422, 'Unknown property', `Not a property of "${label}".`);
      }
      overrides.set(id, Object.fromEntries(Object.entries(captions).filter(([, properties]) => properties.length > 0)));
      // New objects, as new answers from a server would be: what the explorer holds is never changed in place.
      graph.nodes = graph.nodes.map((member) => {
        const label = datasetOf(member.id) === id ? member.labels.find((candidate) => captions[candidate]?.length) : undefined;
        if (!label) return member;
        const renamed = { ...member, name: captions[label]!.map((key) => String(member.properties[key] ?? '')).join(' ') };
        nodes.set(renamed.id, renamed);
        return renamed;
      });
      return captionsOf(id);
    },
  };
}
