import type { AnalysisScope } from '../api/analysis';
import { maxIds } from '../api/schema.gen';
import type { Graph, GraphEdge, GraphNode } from '../api/types';
import {
  CENTRALITY_MEASURES,
  formatScore,
  type AnalysisRequest,
  type AnalysisResult,
  type AnalysisRow,
  type AnalysisState,
  type Overlay,
} from '../state/analysis';
import type { ExplorerApi } from './api';
import { showPaths } from './paths';
import { bringIn, place } from './place';
import { perform, requestViewport, update, viewOf, type Explorer } from './store';

/** How often the panel asks the server how far a running analysis got. */
const PROGRESS_POLL_MS = 1000;
/** How far `connect` looks for a path joining each actor (the server's default). */
export const CONNECT_MAX_HOPS = 4;
/** Most members whose names a communities table fetches (largest communities first). */
const COMMUNITY_ROWS = maxIds.subgraph;

/** The controller of each explorer's running analysis, so Cancel (or a new analysis) stops it. */
const running = new WeakMap<Explorer, AbortController>();

function setAnalysis(explorer: Explorer, change: Partial<AnalysisState>): void {
  update(explorer, (state) => ({ analysis: { ...state.analysis, ...change } }));
}

/** The scope of a request: the canvas's ids, the chosen datasets, or the whole graph. */
export function analysisScope(explorer: Explorer, request: AnalysisRequest): AnalysisScope {
  if (request.scope === 'canvas') return { kind: 'nodes', ids: Object.keys(viewOf(explorer).nodes).slice(0, maxIds.analysis) };
  if (request.scope === 'datasets' && request.datasets.length > 0) return { kind: 'datasets', datasets: request.datasets };
  return { kind: 'graph' };
}

function scopeWords(scope: AnalysisScope): string {
  if (scope.kind === 'nodes') return 'the canvas';
  if (scope.kind === 'datasets') return scope.datasets.length === 1 ? `dataset ${scope.datasets[0]}` : `datasets ${scope.datasets.join(', ')}`;
  return 'the whole graph';
}

/** Entities by id, for answers that name only ids (community members); at most maxIds.subgraph per request. */
async function nodesNamed(api: ExplorerApi, ids: string[]): Promise<Map<string, GraphNode>> {
  const found = new Map<string, GraphNode>();
  for (let start = 0; start < ids.length; start += maxIds.subgraph) {
    for (const node of (await api.getSubgraph(ids.slice(start, start + maxIds.subgraph))).nodes) found.set(node.id, node);
  }
  return found;
}

async function compute(api: ExplorerApi, scope: AnalysisScope, request: AnalysisRequest, signal: AbortSignal): Promise<AnalysisResult> {
  const weight = request.weight.trim() || undefined;
  const where = scopeWords(scope);
  const base = { request, highlighted: [] as string[] };
  const { measure } = request;
  if (measure === 'degree' || measure === 'betweenness' || measure === 'closeness' || measure === 'pagerank' || measure === 'eigenvector') {
    const answer = await api.getCentrality(scope, { measure, directed: request.directed, weight, limit: request.limit }, signal);
    const how = answer.exact ? 'exact' : `estimated from ${answer.sampleSize.toLocaleString('en')} pivots`;
    return {
      ...base,
      scoreLabel: measure === 'pagerank' ? 'PageRank' : measure[0]!.toUpperCase() + measure.slice(1),
      rows: answer.results,
      scopeSize: answer.nodes,
      summary: `${answer.nodes.toLocaleString('en')} actors in ${where}, ${request.directed ? 'directed' : 'undirected'}${weight ? `, weighted by ${weight}` : ''}; ${how}.`,
    };
  }
  if (measure === 'communities') {
    const answer = await api.getCommunities(scope, { weight, limit: 1000 }, signal);
    const communityOf: Record<string, number> = {};
    for (const community of answer.communities) for (const id of community.members) communityOf[id] = community.id;
    const shown = answer.communities.flatMap((community) => community.members).slice(0, COMMUNITY_ROWS);
    const nodes = await nodesNamed(api, shown);
    const rows: AnalysisRow[] = shown.flatMap((id) => {
      const node = nodes.get(id);
      return node ? [{ node, score: communityOf[id]! + 1, group: communityOf[id]! }] : [];
    });
    const modularity = answer.modularity === null ? 'undefined (no ties)' : formatScore(answer.modularity);
    return {
      ...base,
      scoreLabel: 'Community',
      rows,
      communityOf,
      communitySizes: answer.communities.map((community) => community.size),
      summary: `${answer.count.toLocaleString('en')} communities in ${where} (Louvain), modularity ${modularity}.`,
    };
  }
  if (measure === 'cores') {
    const answer = await api.getCores(scope, { limit: request.limit }, signal);
    return {
      ...base,
      scoreLabel: 'Core',
      rows: answer.results.map(({ node, core }) => ({ node, score: core })),
      summary: `The ${answer.k}-core of ${where}: ${answer.size.toLocaleString('en')} actors with at least ${answer.k} ties among them (degeneracy ${answer.degeneracy}).`,
    };
  }
  if (measure === 'brokers') {
    const answer = await api.getBrokers(scope, { limit: request.limit }, signal);
    const bridgesAt = (id: string) => answer.bridges.filter((bridge) => bridge.source === id || bridge.target === id).length;
    return {
      ...base,
      scoreLabel: 'Bridges',
      rows: answer.articulationPoints.map((node) => ({ node, score: bridgesAt(node.id) })),
      highlighted: answer.articulationPoints.map((node) => node.id),
      bridges: answer.bridges,
      summary: `${answer.articulationPointCount.toLocaleString('en')} articulation points and ${answer.bridgeCount.toLocaleString('en')} bridges in ${where}: removing one cuts part of the network off.`,
    };
  }
  const answer = await api.getKeyPlayers(scope, { k: Math.min(request.limit, 50) }, signal);
  return {
    ...base,
    scoreLabel: 'Fragmentation',
    rows: answer.players.map(({ node, fragmentation }) => ({ node, score: fragmentation })),
    highlighted: answer.players.map(({ node }) => node.id),
    summary: `Removing these ${answer.players.length} from ${where} raises fragmentation from ${formatScore(answer.fragmentationBefore)} to ${formatScore(answer.fragmentationAfter)} (${answer.candidates.toLocaleString('en')} candidates tried each step).`,
  };
}

/**
 * Runs an analysis: progress while it runs (asked of the server every second), then the ranked result and its
 * overlay on the canvas. A new analysis or cancelAnalysis stops the one running, on the server too.
 */
export async function runAnalysis(explorer: Explorer, request: AnalysisRequest): Promise<void> {
  running.get(explorer)?.abort();
  const scope = analysisScope(explorer, request);
  if (scope.kind === 'nodes' && scope.ids.length === 0) {
    setAnalysis(explorer, { status: { kind: 'error', message: 'The canvas is empty: put some actors on it, or choose another scope.' } });
    return;
  }
  const controller = new AbortController();
  running.set(explorer, controller);
  const label = request.measure === 'pagerank' ? 'PageRank' : request.measure.replace('-', ' ');
  setAnalysis(explorer, { status: { kind: 'running', what: `Computing ${label} over ${scopeWords(scope)}…`, startedAt: Date.now() }, why: undefined });
  const poll = setInterval(() => {
    explorer.api
      .getAnalysisStatus()
      .then(({ running: task }) => {
        const status = explorer.store.getState().analysis.status;
        const ours = task && task.measure === (CENTRALITY_MEASURES.includes(request.measure) ? request.measure : null);
        if (controller.signal.aborted || status.kind !== 'running' || !ours || task.done === null || task.total === null) return;
        setAnalysis(explorer, { status: { ...status, progress: { done: task.done, total: task.total } } });
      })
      .catch(() => undefined);
  }, PROGRESS_POLL_MS);
  try {
    const result = await compute(explorer.api, scope, request, controller.signal);
    if (controller.signal.aborted) return;
    setAnalysis(explorer, { status: { kind: 'idle' }, result });
  } catch (error) {
    if (!controller.signal.aborted) setAnalysis(explorer, { status: { kind: 'error', message: error instanceof Error ? error.message : String(error) } });
  } finally {
    clearInterval(poll);
    if (running.get(explorer) === controller) running.delete(explorer);
  }
}

/** Stops the running analysis: the request is aborted, and the server stops computing when it sees the client gone. */
export function cancelAnalysis(explorer: Explorer): void {
  const controller = running.get(explorer);
  if (!controller) return;
  controller.abort();
  running.delete(explorer);
  setAnalysis(explorer, { status: { kind: 'idle' } });
  update(explorer, { notice: 'Analysis cancelled.' });
}

export function setOverlay(explorer: Explorer, overlay: Overlay): void {
  setAnalysis(explorer, { overlay });
}

/** Takes the result off the canvas (sizes, colours and rings go back to normal). */
export function clearAnalysis(explorer: Explorer): void {
  setAnalysis(explorer, { result: undefined, why: undefined, linking: undefined });
}

/** A click on a row: the actor is selected and focused on the canvas, brought in first if it is not there. */
export function selectRow(explorer: Explorer, node: GraphNode): Promise<void> {
  if (viewOf(explorer).nodes[node.id] && !viewOf(explorer).hidden.includes(node.id)) {
    update(explorer, { selection: [node.id], detailsOpen: true });
    requestViewport(explorer, { kind: 'focus', ids: [node.id] });
    return Promise.resolve();
  }
  return place(explorer, [node]);
}

/** "Put the top N on the canvas": the N highest-ranked actors of the result, with their links, framed (not selected). */
export function putTopOnCanvas(explorer: Explorer, count: number): Promise<void> {
  const rows = explorer.store.getState().analysis.result?.rows ?? [];
  const nodes = rows.slice(0, count).map((row) => row.node);
  if (nodes.length === 0) return Promise.resolve();
  return perform(explorer, `Placing the top ${nodes.length}…`, async () => {
    await bringIn(explorer, { nodes, edges: [] });
    requestViewport(explorer, { kind: 'focus', ids: nodes.map((node) => node.id) });
  });
}

/** "Why is this actor central?": the pairs whose shortest paths run through it, in the last analysis's scope. */
export async function explainCentrality(explorer: Explorer, node: GraphNode): Promise<void> {
  const { result } = explorer.store.getState().analysis;
  const request = result?.request ?? { scope: 'graph', datasets: [], directed: false, weight: '', measure: 'betweenness', limit: 20 };
  const scope = analysisScope(explorer, request);
  setAnalysis(explorer, { why: { node, status: { kind: 'running', what: `Finding the pairs ${node.name} stands between…`, startedAt: Date.now() } } });
  try {
    const answer = await explorer.api.getWhyCentral(scope, { id: node.id, directed: request.directed, weight: request.weight.trim() || undefined, limit: 20 });
    setAnalysis(explorer, { why: { node, answer, status: { kind: 'idle' } } });
  } catch (error) {
    setAnalysis(explorer, { why: { node, status: { kind: 'error', message: error instanceof Error ? error.message : String(error) } } });
  }
}

/** A path given as ids in order, with one relationship per hop from the subgraph among them. */
function orderedPath(ids: string[], among: Graph): Graph | undefined {
  const nodes = ids.map((id) => among.nodes.find((node) => node.id === id));
  const edges: GraphEdge[] = [];
  for (let index = 0; index + 1 < ids.length; index++) {
    const [a, b] = [ids[index], ids[index + 1]];
    const edge = among.edges.find((candidate) => (candidate.source === a && candidate.target === b) || (candidate.source === b && candidate.target === a));
    if (!edge) return undefined;
    edges.push(edge);
  }
  return nodes.every(Boolean) ? { nodes: nodes as GraphNode[], edges } : undefined;
}

/** Draws one of the pairs' paths through the explained actor, highlighted like a found path. */
export function showWhyPath(explorer: Explorer, path: string[]): Promise<void> {
  return perform(explorer, 'Drawing the path…', async () => {
    const graph = orderedPath(path, await explorer.api.getSubgraph(path));
    if (!graph) throw new Error('That path is no longer in the graph.');
    await showPaths(explorer, [graph]);
  });
}

/** "Connect these actors": the smallest subgraph found joining them, drawn on the canvas and told in words. */
export function connectSelected(explorer: Explorer, ids: string[]): Promise<void> {
  const actors = ids.flatMap((id) => viewOf(explorer).nodes[id] ?? []);
  if (actors.length < 2) return Promise.resolve();
  return perform(explorer, `Connecting ${actors.length} actors…`, async () => {
    const answer = await explorer.api.connectActors(
      actors.map((node) => node.id),
      CONNECT_MAX_HOPS,
    );
    await bringIn(explorer, { nodes: answer.nodes, edges: answer.edges });
    const names = Object.fromEntries([...actors, ...answer.nodes].map((node) => [node.id, node.name]));
    setAnalysis(explorer, { linking: { kind: 'connect', actors, answer, names } });
    update(explorer, { sideTab: 'analysis' });
    requestViewport(explorer, { kind: 'focus', ids: answer.nodes.map((node) => node.id) });
  });
}

/** "Common neighbours": the entities tied to every one of the actors, brought onto the canvas beside them. */
export function commonNeighbours(explorer: Explorer, ids: string[]): Promise<void> {
  const actors = ids.flatMap((id) => viewOf(explorer).nodes[id] ?? []);
  if (actors.length < 2) return Promise.resolve();
  return perform(explorer, `Finding what ${actors.length} actors share…`, async () => {
    const { results } = await explorer.api.getCommonNeighbours(
      actors.map((node) => node.id),
      100,
    );
    if (results.length > 0) await bringIn(explorer, { nodes: results, edges: [] });
    setAnalysis(explorer, { linking: { kind: 'common', actors, results } });
    update(explorer, { sideTab: 'analysis' });
    if (results.length > 0) requestViewport(explorer, { kind: 'focus', ids: [...actors, ...results].map((node) => node.id) });
  });
}

export function clearLinking(explorer: Explorer): void {
  setAnalysis(explorer, { linking: undefined });
}

/** The ids the canvas rings for the Analysis panel: key players or brokers, and the actors and ties of a linking. */
export function analysisHighlight(state: AnalysisState): { nodes: Set<string>; edges: Set<string>; bridges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const linking = state.linking;
  if (linking?.kind === 'connect') {
    for (const node of linking.answer.nodes) nodes.add(node.id);
    for (const edge of linking.answer.edges) edges.add(edge.id);
  } else if (linking?.kind === 'common') {
    for (const node of [...linking.actors, ...linking.results]) nodes.add(node.id);
  }
  const bridges = new Set((state.result?.bridges ?? []).flatMap(({ source, target }) => [`${source}\n${target}`, `${target}\n${source}`]));
  return { nodes, edges, bridges };
}
