import neo4j, { type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import { cypherFile } from '../../cypher.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../neo4j/database.js';
import { nodeId, toGraphEdge, toGraphNode, type GraphEdge, type GraphNode } from '../../neo4j/graph.js';
import { timedRead, type StatementRunner } from '../../neo4j/timedRead.js';
import { withinTimeLimit } from '../../http/route.js';
import { AnalysisCancelled, AnalysisEngine, AnalysisError, type EngineStatus } from './engine/engine.js';
import type { Measure, Task, TaskResult } from './engine/tasks.js';
import { ProjectionCache, type Projection, type ProjectionOptions, type Scope } from './projection.js';

type Target = Pick<Database, 'driver' | 'name'>;

export interface ScopedRequest extends ProjectionOptions {
  scope: Scope;
  /** Aborts when nobody waits for the answer any more (the client went away or the time limit passed). */
  signal?: AbortSignal;
}

export interface CentralityRequest extends ScopedRequest {
  measure: Measure;
  directed: boolean;
  limit: number;
}

export interface RankedScore {
  node: GraphNode;
  score: number;
}

/** Identifies one community, component or core member list: ids in the projection, sorted. */
export interface Group {
  id: number;
  size: number;
  members: string[];
}

/**
 * Network analysis over projections read from Neo4j and computed in the engine's worker thread. One per app: it owns
 * the worker and the projection cache.
 */
export class AnalysisService {
  private readonly engine = new AnalysisEngine();
  private readonly projections: ProjectionCache;
  private readonly timeoutMs: number;

  /**
   * `queryTimeoutMs` bounds each database read in Neo4j, `databaseTimeLimitMs` the wait for it here (a frozen Neo4j
   * answers nothing), as on every route; `analysisTimeoutMs` bounds a computation, which legitimately takes longer.
   */
  constructor(
    private readonly db: Target,
    private readonly limits: { queryTimeoutMs: number; databaseTimeLimitMs: number; analysisTimeoutMs: number },
  ) {
    this.timeoutMs = limits.queryTimeoutMs;
    this.projections = new ProjectionCache(db, limits.queryTimeoutMs);
  }

  /**
   * The projection of a scope, waited for no longer than any database read (it goes on being read, and is cached);
   * the engine's worker starts meanwhile, if it is not running.
   */
  private projection(scope: Scope, options: ProjectionOptions): Promise<Projection> {
    this.engine.prepare();
    return withinTimeLimit(this.projections.projection(scope, options), this.limits.databaseTimeLimitMs);
  }

  private read<T>(work: (tx: StatementRunner) => Promise<T>): Promise<T> {
    return withinTimeLimit(timedRead(this.db, this.timeoutMs, work), this.limits.databaseTimeLimitMs);
  }

  async centrality(request: CentralityRequest): Promise<{ measure: Measure; exact: boolean; sampleSize: number; nodes: number; results: RankedScore[] }> {
    const projection = await this.projection(request.scope, request);
    const { scores, exact, sources } = await this.run(projection, { kind: 'centrality', measure: request.measure, directed: request.directed }, request.signal);
    const ranked = topIndices(scores, request.limit);
    const nodes = await this.nodesById(
      ranked.map((v) => projection.ids[v]!),
      request.scope.datasets,
    );
    return {
      measure: request.measure,
      exact,
      sampleSize: sources,
      nodes: projection.ids.length,
      results: ranked.map((v) => ({ node: nodes.get(projection.ids[v]!)!, score: scores[v]! })),
    };
  }

  async communities(
    request: ScopedRequest & { limit: number },
  ): Promise<{ algorithm: 'louvain'; modularity: number | null; count: number; communities: Group[] }> {
    const projection = await this.projection(request.scope, request);
    const { community, count, modularity } = await this.run(projection, { kind: 'communities' }, request.signal);
    return { algorithm: 'louvain', modularity, count, communities: groupsOf(projection, community).groups.slice(0, request.limit) };
  }

  async components(
    request: ScopedRequest & { limit: number; of: string[] },
  ): Promise<{ count: number; components: Group[]; componentOf: Record<string, number> }> {
    const projection = await this.projection(request.scope, request);
    const { component, sizes } = await this.run(projection, { kind: 'components' }, request.signal);
    const { groups, numberOf } = groupsOf(projection, component);
    const componentOf = Object.fromEntries(
      request.of.flatMap((id) => {
        const index = projection.indexOf(id);
        return index === undefined ? [] : [[id, numberOf.get(component[index]!)!]];
      }),
    );
    return { count: sizes.length, components: groups.slice(0, request.limit), componentOf };
  }

  async cores(
    request: ScopedRequest & { k: number | undefined; limit: number },
  ): Promise<{ degeneracy: number; k: number; size: number; results: { node: GraphNode; core: number }[] }> {
    const projection = await this.projection(request.scope, request);
    const { core } = await this.run(projection, { kind: 'cores' }, request.signal);
    const degeneracy = core.reduce((max, value) => Math.max(max, value), 0);
    const k = request.k ?? degeneracy;
    const members = topIndices(Float64Array.from(core), projection.ids.length).filter((v) => core[v]! >= k);
    const shown = members.slice(0, request.limit);
    const nodes = await this.nodesById(
      shown.map((v) => projection.ids[v]!),
      request.scope.datasets,
    );
    return { degeneracy, k, size: members.length, results: shown.map((v) => ({ node: nodes.get(projection.ids[v]!)!, core: core[v]! })) };
  }

  async brokers(
    request: ScopedRequest & { limit: number },
  ): Promise<{ articulationPoints: GraphNode[]; articulationPointCount: number; bridges: { source: string; target: string }[]; bridgeCount: number }> {
    const projection = await this.projection(request.scope, request);
    const { articulationPoints, bridges } = await this.run(projection, { kind: 'brokers' }, request.signal);
    const shown = articulationPoints.slice(0, request.limit).map((v) => projection.ids[v]!);
    const nodes = await this.nodesById(shown, request.scope.datasets);
    return {
      articulationPoints: shown.map((id) => nodes.get(id)!),
      articulationPointCount: articulationPoints.length,
      bridges: bridges.slice(0, request.limit).map(([a, b]) => ({ source: projection.ids[a]!, target: projection.ids[b]! })),
      bridgeCount: bridges.length,
    };
  }

  async keyPlayers(request: ScopedRequest & { k: number }): Promise<{
    k: number;
    fragmentationBefore: number;
    fragmentationAfter: number;
    candidates: number;
    players: { node: GraphNode; fragmentation: number }[];
  }> {
    const projection = await this.projection(request.scope, request);
    const result = await this.run(projection, { kind: 'keyPlayers', k: request.k }, request.signal);
    const nodes = await this.nodesById(
      result.players.map(({ node }) => projection.ids[node]!),
      request.scope.datasets,
    );
    return {
      k: request.k,
      fragmentationBefore: result.before,
      fragmentationAfter: result.after,
      candidates: result.candidates,
      players: result.players.map(({ node, fragmentation }) => ({ node: nodes.get(projection.ids[node]!)!, fragmentation })),
    };
  }

  /** The smallest connecting subgraph found, with one relationship per tie (one with a quote when there is one). */
  async connect(request: { ids: string[]; maxHops: number; datasets: string[]; signal?: AbortSignal }): Promise<{
    nodes: GraphNode[];
    edges: GraphEdge[];
    links: { source: string; target: string; type: string; quote: string | null }[];
    unreachable: string[];
  }> {
    const projection = await this.projection({ kind: 'graph', datasets: request.datasets }, { weight: undefined });
    const terminals = request.ids.map((id) => indexOrNotFound(projection, id, 'ids'));
    const tree = await this.run(projection, { kind: 'connect', terminals, maxHops: request.maxHops }, request.signal);
    const ties = tree.ties.map(([a, b]) => [projection.ids[a]!, projection.ids[b]!]);
    const records = await this.read(async (tx) => (await tx.run(cypherFile('analysis/tie-relationships.cypher'), { ties })).records);
    const nodes = await this.nodesById(
      tree.nodes.map((v) => projection.ids[v]!),
      request.datasets,
    );
    const edges: GraphEdge[] = [];
    const links = records.map((record) => {
      const [a, b] = [record.get('a') as Neo4jNode, record.get('b') as Neo4jNode];
      const relationship = record.get('r') as Relationship;
      const ends = new Map([
        [a.elementId, nodeId(a)],
        [b.elementId, nodeId(b)],
      ]);
      edges.push(toGraphEdge(relationship, (elementId) => ends.get(elementId)!));
      return { source: nodeId(a), target: nodeId(b), type: relationship.type, quote: quoteOf(relationship.properties) };
    });
    return { nodes: tree.nodes.map((v) => nodes.get(projection.ids[v]!)!), edges, links, unreachable: tree.unreachable.map((v) => projection.ids[v]!) };
  }

  async commonNeighbours(request: { ids: string[]; limit: number; datasets: string[] }): Promise<{ results: GraphNode[] }> {
    const records = await this.read(async (tx) => {
      const known = (await tx.run(cypherFile('analysis/nodes.cypher'), { ids: request.ids, datasets: request.datasets })).records.map((record) =>
        nodeId(record.get('n') as Neo4jNode),
      );
      const unknown = request.ids.find((id) => !known.includes(id));
      if (unknown) throw notFound(unknown, 'ids');
      return (await tx.run(cypherFile('analysis/common-neighbours.cypher'), { ids: request.ids, datasets: request.datasets, limit: neo4j.int(request.limit) }))
        .records;
    });
    return { results: records.map((record) => toGraphNode(record.get('c') as Neo4jNode)) };
  }

  async whyCentral(request: ScopedRequest & { id: string; directed: boolean; limit: number }) {
    const projection = await this.projection(request.scope, request);
    const node = indexOrNotFound(projection, request.id, 'id');
    const result = await this.run(projection, { kind: 'brokerage', node, limit: request.limit, directed: request.directed }, request.signal);
    const n = projection.ids.length;
    // Normalised as betweenness: unordered pairs when undirected, ordered when directed.
    const pairsOfOthers = request.directed ? (n - 1) * (n - 2) : ((n - 1) * (n - 2)) / 2;
    const nodes = await this.nodesById(
      [request.id, ...result.pairs.flatMap((pair) => [projection.ids[pair.source]!, projection.ids[pair.target]!])],
      request.scope.datasets,
    );
    return {
      node: nodes.get(request.id)!,
      betweenness: n > 2 ? result.rawBetweenness / pairsOfOthers : 0,
      exact: result.exact,
      sampleSize: result.sources,
      pairs: result.pairs.map((pair) => ({
        source: nodes.get(projection.ids[pair.source]!)!,
        target: nodes.get(projection.ids[pair.target]!)!,
        paths: pair.pathsThrough,
        share: pair.share,
        path: pair.path.map((v) => projection.ids[v]!),
      })),
    };
  }

  /** What the engine is computing now and how far it got, for the progress the UI shows while an analysis runs. */
  status(): EngineStatus {
    return this.engine.status();
  }

  close(): Promise<void> {
    return this.engine.close();
  }

  /** Computes a task in the engine, stopped when the client goes away or when it passes the analysis time limit. */
  private async run<T extends Task>(projection: Projection, task: T, signal: AbortSignal | undefined): Promise<TaskResult<T>> {
    const timeLimit = AbortSignal.timeout(this.limits.analysisTimeoutMs);
    try {
      return await this.engine.run(projection, task, signal ? AbortSignal.any([signal, timeLimit]) : timeLimit);
    } catch (error) {
      if (error instanceof AnalysisCancelled && timeLimit.aborted && !signal?.aborted) {
        const seconds = this.limits.analysisTimeoutMs / 1000;
        throw new AppError(
          504,
          'Analysis time limit',
          `The computation did not finish within ${seconds} s and was stopped. Analyse a smaller scope (one dataset, or the nodes on the canvas), ` +
            `or raise NEXO_ANALYSIS_TIMEOUT_MS.`,
        );
      }
      // Nobody reads this answer: the client went away.
      if (error instanceof AnalysisCancelled) throw new AppError(503, 'Analysis cancelled', error.message);
      if (error instanceof AnalysisError && /failed to converge/.test(error.message)) {
        throw new AppError(422, 'No convergence', error.message);
      }
      throw error;
    }
  }

  /** API nodes of the datasets by id, read in one query. */
  private async nodesById(ids: string[], datasets: string[]): Promise<Map<string, GraphNode>> {
    if (ids.length === 0) return new Map();
    const records = await this.read(async (tx) => (await tx.run(cypherFile('analysis/nodes.cypher'), { ids: [...new Set(ids)], datasets })).records);
    return new Map(records.map((record) => toGraphNode(record.get('n') as Neo4jNode)).map((node) => [node.id, node]));
  }
}

/**
 * The `limit` highest-scoring node numbers, highest first; ties by node order, so the answer is stable. A few are
 * picked in one pass over the scores (sorting all 2.6·10⁵ nodes at 10⁶ relationships took ~70 ms of the API's CPU).
 */
function topIndices(scores: Float64Array, limit: number): number[] {
  const before = (a: number, b: number): number => scores[b]! - scores[a]! || a - b;
  if (limit > PICKED_ONE_BY_ONE) {
    return Array.from({ length: scores.length }, (_, v) => v)
      .sort(before)
      .slice(0, limit);
  }
  const top: number[] = [];
  for (let v = 0; v < scores.length; v++) {
    if (top.length === limit && before(v, top[limit - 1]!) > 0) continue;
    let slot = top.length === limit ? limit - 1 : top.length;
    for (; slot > 0 && before(v, top[slot - 1]!) < 0; slot--) top[slot] = top[slot - 1]!;
    top[slot] = v;
  }
  return top;
}

/** Up to this many top nodes are kept in order while scanning; more are sorted. */
const PICKED_ONE_BY_ONE = 1000;

/**
 * The groups of a partition, largest first (ties by smallest member id), numbered in that order, members as sorted
 * ids; `numberOf` maps the engine's group numbers to these.
 */
function groupsOf(projection: Projection, group: Int32Array): { groups: Group[]; numberOf: Map<number, number> } {
  const members = new Map<number, string[]>();
  group.forEach((id, v) => {
    let list = members.get(id);
    if (!list) members.set(id, (list = []));
    list.push(projection.ids[v]!);
  });
  const ordered = [...members.entries()].map(([id, list]) => [id, list.sort()] as const);
  ordered.sort(([, a], [, b]) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  return {
    groups: ordered.map(([, list], rank) => ({ id: rank, size: list.length, members: list })),
    numberOf: new Map(ordered.map(([id], rank) => [id, rank])),
  };
}

/** A relationship's quote: the first of `quotes` (loaded datasets) or `quote` (imports), if any. */
function quoteOf(properties: Record<string, unknown>): string | null {
  const { quotes, quote } = properties;
  if (Array.isArray(quotes) && typeof quotes[0] === 'string') return quotes[0];
  return typeof quote === 'string' ? quote : null;
}

function indexOrNotFound(projection: Projection, id: string, parameter: string): number {
  const index = projection.indexOf(id);
  if (index === undefined) throw notFound(id, parameter);
  return index;
}

function notFound(id: string, parameter: string): AppError {
  return new AppError(404, 'Not found', `No entity with id "${id}" in the analysed graph (parameter "${parameter}").`, 'not-found', { parameter });
}
