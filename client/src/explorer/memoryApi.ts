import { ApiError, type NeighbourQuery } from '../api/client';
import { maxIds } from '../api/schema.gen';
import type { Graph, GraphEdge, GraphNode, Neighbours } from '../api/types';
import type { ExplorerApi } from './api';
import { memoryAnalysis } from './memoryAnalysis';

/** How far past a page the server counts a node's neighbours (server/features/neighbours COUNT_AHEAD). */
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
export function memoryApi(graph: Graph): MemoryApi {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const calls: MemoryApi['calls'] = [];
  const checkIds = (ids: string[], max: number) => {
    if (ids.length < 1 || ids.length > max)
      throw new ApiError(400, 'Invalid parameter', `body "ids": Too ${ids.length < 1 ? 'small' : 'big'}: expected 1 to ${max} items`);
  };
  const node = (id: string): GraphNode => {
    const found = nodes.get(id);
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
      const neighbourIds = [...new Set(matching.map((edge) => (edge.source === id ? edge.target : edge.source)))];
      const page = neighbourIds.slice(skip, skip + limit);
      const countLimit = skip + limit + COUNT_AHEAD;
      const byNameThenId = (a: GraphNode, b: GraphNode) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
      return {
        nodes: [centre, ...page.map(node).sort(byNameThenId)],
        edges: matching.filter((edge: GraphEdge) => page.includes(edge.source === id ? edge.target : edge.source)),
        total: Math.min(neighbourIds.length, countLimit),
        totalExact: neighbourIds.length <= countLimit,
        counts: [],
      };
    },
    async getSubgraph(ids: string[]): Promise<Graph> {
      calls.push({ name: 'getSubgraph', ids });
      checkIds(ids, maxIds.subgraph);
      const wanted = new Set(ids);
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
  };
}
