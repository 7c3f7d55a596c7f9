import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweenness from 'graphology-metrics/centrality/betweenness.js';
import closeness from 'graphology-metrics/centrality/closeness.js';
import { degreeCentrality } from 'graphology-metrics/centrality/degree.js';
import eigenvector from 'graphology-metrics/centrality/eigenvector.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import type { AnalysisScope } from '../api/analysis';
import { ApiError } from '../api/client';
import type { Graph as ApiGraph, GraphEdge, GraphNode } from '../api/types';
import type { ExplorerApi } from './api';

type AnalysisApi = Pick<
  ExplorerApi,
  | 'getCentrality'
  | 'getCommunities'
  | 'getCores'
  | 'getBrokers'
  | 'getKeyPlayers'
  | 'getWhyCentral'
  | 'connectActors'
  | 'getCommonNeighbours'
  | 'getAnalysisStatus'
>;

/** A seeded generator, so Louvain gives the same partition on every run of a test. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 16807) % 2147483647) - 1) / 2147483646;
}

/**
 * The analysis endpoints over a graph held in memory, for unit tests of the explorer's actions: the documented
 * projection (a simple undirected graph unless directed) computed by the same libraries or by their definitions,
 * small graphs only. A dataset scope is the whole graph here, since API nodes do not say their dataset.
 */
export function memoryAnalysis(source: ApiGraph, record: (name: string, ids?: string[]) => void): AnalysisApi {
  const byId = new Map(source.nodes.map((node) => [node.id, node]));
  const node = (id: string): GraphNode => {
    const found = byId.get(id);
    if (!found) throw new ApiError(404, 'Not found', `No entity with id "${id}" in the analysed graph (parameter "ids").`);
    return found;
  };
  const project = (scope: AnalysisScope, directed = false): Graph => {
    const wanted = scope.kind === 'nodes' ? new Set(scope.ids.filter((id) => byId.has(id))) : new Set(byId.keys());
    const graph = new Graph({ type: directed ? 'directed' : 'undirected' });
    for (const id of wanted) graph.addNode(id);
    for (const edge of source.edges) {
      if (edge.source !== edge.target && wanted.has(edge.source) && wanted.has(edge.target)) graph.mergeEdge(edge.source, edge.target);
    }
    return graph;
  };
  const ranked = (scores: Record<string, number>, limit: number) =>
    Object.entries(scores)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, limit)
      .map(([id, score]) => ({ node: node(id), score }));
  /** Breadth-first distances, path counts and one predecessor per node from a source. */
  const search = (graph: Graph, from: string, skip?: Set<string>) => {
    const dist = new Map([[from, 0]]);
    const sigma = new Map([[from, 1]]);
    const previous = new Map<string, string>();
    const queue = [from];
    for (let index = 0; index < queue.length; index++) {
      const at = queue[index]!;
      for (const next of graph.neighbors(at)) {
        if (skip?.has(next)) continue;
        if (!dist.has(next)) {
          dist.set(next, dist.get(at)! + 1);
          sigma.set(next, 0);
          previous.set(next, at);
          queue.push(next);
        }
        if (dist.get(next) === dist.get(at)! + 1) sigma.set(next, sigma.get(next)! + sigma.get(at)!);
      }
    }
    return { dist, sigma, previous };
  };
  const componentSizes = (graph: Graph, removed: Set<string>) => {
    const seen = new Set<string>();
    const sizes: number[] = [];
    graph.forEachNode((id) => {
      if (seen.has(id) || removed.has(id)) return;
      const reached = [...search(graph, id, removed).dist.keys()];
      reached.forEach((other) => seen.add(other));
      sizes.push(reached.length);
    });
    return sizes;
  };
  const fragmentation = (graph: Graph, removed: Set<string>) => {
    const n = graph.order - removed.size;
    return n < 2 ? 0 : 1 - componentSizes(graph, removed).reduce((sum, size) => sum + size * (size - 1), 0) / (n * (n - 1));
  };
  const quoteOf = (edge: GraphEdge) =>
    Array.isArray(edge.properties.quotes) && typeof edge.properties.quotes[0] === 'string' ? edge.properties.quotes[0] : null;
  return {
    async getCentrality(scope, options) {
      record('getCentrality', scope.kind === 'nodes' ? scope.ids : undefined);
      const graph = project(scope, options.directed);
      const scores: Record<string, Record<string, number>> = {
        degree: degreeCentrality(graph),
        betweenness: graph.order > 2 ? betweenness(graph, { normalized: true }) : Object.fromEntries(graph.mapNodes((id) => [id, 0])),
        closeness: closeness(graph, { wassermanFaust: true }),
        pagerank: pagerank(graph, { getEdgeWeight: null }),
        eigenvector: eigenvector(graph, { getEdgeWeight: null }),
      };
      return { measure: options.measure, exact: true, sampleSize: graph.order, nodes: graph.order, results: ranked(scores[options.measure]!, options.limit) };
    },
    async getCommunities(scope, options) {
      record('getCommunities', scope.kind === 'nodes' ? scope.ids : undefined);
      const graph = project(scope);
      const { communities, modularity } = louvain.detailed(graph, { rng: seeded(7), getEdgeWeight: null });
      const members = new Map<number, string[]>();
      for (const [id, community] of Object.entries(communities)) members.set(community, [...(members.get(community) ?? []), id]);
      const groups = [...members.values()].map((ids) => ids.sort()).sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
      return {
        algorithm: 'louvain' as const,
        modularity: graph.size > 0 ? modularity : null,
        count: groups.length,
        communities: groups.slice(0, options.limit).map((ids, id) => ({ id, size: ids.length, members: ids })),
      };
    },
    async getCores(scope, options) {
      record('getCores', scope.kind === 'nodes' ? scope.ids : undefined);
      const graph = project(scope);
      // Peeling: repeatedly remove a node of least remaining degree; its core number is the highest such degree so far.
      const degree = new Map(graph.mapNodes((id) => [id, graph.degree(id)] as const));
      const core: Record<string, number> = {};
      let k = 0;
      while (degree.size > 0) {
        const [id, least] = [...degree.entries()].sort(([a, x], [b, y]) => x - y || a.localeCompare(b))[0]!;
        k = Math.max(k, least);
        core[id] = k;
        degree.delete(id);
        for (const other of graph.neighbors(id)) if (degree.has(other)) degree.set(other, degree.get(other)! - 1);
      }
      const degeneracy = Math.max(0, ...Object.values(core));
      const members = ranked(core, graph.order).filter((row) => row.score >= degeneracy);
      return {
        degeneracy,
        k: degeneracy,
        size: members.length,
        results: members.slice(0, options.limit).map(({ node: n, score }) => ({ node: n, core: score })),
      };
    },
    async getBrokers(scope, options) {
      record('getBrokers', scope.kind === 'nodes' ? scope.ids : undefined);
      const graph = project(scope);
      const parts = componentSizes(graph, new Set()).length;
      const cuts = graph.filterNodes((id) => componentSizes(graph, new Set([id])).length > parts);
      const bridges = graph
        .mapEdges((_edge, _attributes, a, b) => [a, b] as [string, string])
        .filter(([a, b]) => {
          const without = graph.copy();
          without.dropEdge(a, b);
          return componentSizes(without, new Set()).length > parts;
        });
      return {
        articulationPoints: cuts.slice(0, options.limit).map(node),
        articulationPointCount: cuts.length,
        bridges: bridges.slice(0, options.limit).map(([a, b]) => ({ source: a, target: b })),
        bridgeCount: bridges.length,
      };
    },
    async getKeyPlayers(scope, options) {
      record('getKeyPlayers', scope.kind === 'nodes' ? scope.ids : undefined);
      const graph = project(scope);
      const removed = new Set<string>();
      const before = fragmentation(graph, removed);
      const players: { node: GraphNode; fragmentation: number }[] = [];
      for (let round = 0; round < Math.min(options.k, graph.order); round++) {
        const scored = graph.filterNodes((id) => !removed.has(id)).map((id) => ({ id, score: fragmentation(graph, new Set([...removed, id])) }));
        const best = scored.sort((a, b) => b.score - a.score || graph.degree(b.id) - graph.degree(a.id) || a.id.localeCompare(b.id))[0]!;
        removed.add(best.id);
        players.push({ node: node(best.id), fragmentation: best.score });
      }
      return { k: options.k, fragmentationBefore: before, fragmentationAfter: players.at(-1)?.fragmentation ?? before, candidates: graph.order, players };
    },
    async getWhyCentral(scope, options) {
      record('getWhyCentral', [options.id]);
      const graph = project(scope);
      if (!graph.hasNode(options.id)) throw new ApiError(404, 'Not found', `No entity with id "${options.id}" in the analysed graph (parameter "id").`);
      const through = search(graph, options.id);
      const ids = graph.nodes().filter((id) => id !== options.id);
      const pairs = [];
      let raw = 0;
      for (const [index, s] of ids.entries()) {
        const fromS = search(graph, s);
        for (const t of ids.slice(index + 1)) {
          const [dsv, dvt, dst] = [through.dist.get(s), through.dist.get(t), fromS.dist.get(t)];
          if (dsv === undefined || dvt === undefined || dst === undefined || dsv + dvt !== dst) continue;
          const paths = through.sigma.get(s)! * through.sigma.get(t)!;
          const share = paths / fromS.sigma.get(t)!;
          raw += share;
          const half = (to: string) => {
            const steps = [to];
            while (steps.at(-1) !== options.id) steps.push(through.previous.get(steps.at(-1)!)!);
            return steps;
          };
          pairs.push({ source: node(s), target: node(t), paths, share, path: [...half(s), ...half(t).reverse().slice(1)] });
        }
      }
      const n = graph.order;
      pairs.sort((a, b) => b.paths - a.paths || b.share - a.share);
      return {
        node: node(options.id),
        betweenness: n > 2 ? raw / (((n - 1) * (n - 2)) / 2) : 0,
        exact: true,
        sampleSize: n,
        pairs: pairs.slice(0, options.limit),
      };
    },
    async connectActors(ids, maxHops) {
      record('connectActors', ids);
      ids.forEach(node);
      const graph = project({ kind: 'graph' });
      const tree = new Set([ids[0]!]);
      const ties: [string, string][] = [];
      const unreachable: string[] = [];
      let waiting = ids.slice(1);
      while (waiting.length > 0) {
        // One breadth-first search from the whole tree finds the nearest terminal still to join.
        const previous = new Map<string, string | null>([...tree].map((id) => [id, null]));
        const dist = new Map([...tree].map((id) => [id, 0]));
        const queue = [...tree];
        for (let index = 0; index < queue.length; index++) {
          const at = queue[index]!;
          if (dist.get(at)! >= maxHops) continue;
          for (const next of graph.neighbors(at)) {
            if (dist.has(next)) continue;
            dist.set(next, dist.get(at)! + 1);
            previous.set(next, at);
            queue.push(next);
          }
        }
        const nearest = waiting.filter((id) => dist.has(id)).sort((a, b) => dist.get(a)! - dist.get(b)!)[0];
        if (nearest === undefined) {
          unreachable.push(...waiting);
          break;
        }
        for (let at = nearest; previous.get(at) !== null; at = previous.get(at)!) {
          ties.push([previous.get(at)!, at]);
          tree.add(at);
        }
        waiting = waiting.filter((id) => !tree.has(id));
      }
      const edges = ties.map(([a, b]) => source.edges.find((edge) => (edge.source === a && edge.target === b) || (edge.source === b && edge.target === a))!);
      return {
        nodes: [...tree].map(node),
        edges,
        links: edges.map((edge) => ({ source: edge.source, target: edge.target, type: edge.type, quote: quoteOf(edge) })),
        unreachable,
      };
    },
    async getCommonNeighbours(ids, limit) {
      record('getCommonNeighbours', ids);
      ids.forEach(node);
      const graph = project({ kind: 'graph' });
      const shared = graph.nodes().filter((id) => !ids.includes(id) && ids.every((actor) => graph.hasEdge(actor, id)));
      return {
        results: shared
          .map(node)
          .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
          .slice(0, limit),
      };
    },
    async getAnalysisStatus() {
      return { running: null, queued: 0, workersStarted: 0 };
    },
  };
}
