import type { Direction, Graph, GraphNode, Neighbours, NodeDetails, PathQuery, Problem, QueryResult, Schema, SourceDocument } from './types';

/** A failed request, carrying the server's problem title and detail (or a network message) for display. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch {
    throw new ApiError(0, 'Server unreachable', 'Check that Nexo is running, then retry.');
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as Partial<Problem> | undefined;
    throw new ApiError(response.status, problem?.title ?? response.statusText ?? 'Request failed', problem?.detail ?? '');
  }
  return (await response.json()) as T;
}

function query(params: Record<string, string | number | boolean | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function post<T>(url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return request<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
}

/** Entities whose name or alias matches `text` (accent- and case-insensitive on the server). */
export async function searchEntities(text: string, options: { limit?: number; labels?: string[]; signal?: AbortSignal } = {}): Promise<GraphNode[]> {
  const result = await request<{ results: GraphNode[] }>(`/api/search${query({ q: text, limit: options.limit, labels: options.labels })}`, {
    signal: options.signal,
  });
  return result.results;
}

/** One node with its degree per relationship type and direction. */
export function getNode(id: string): Promise<NodeDetails> {
  return request<NodeDetails>(`/api/nodes/${encodeURIComponent(id)}`);
}

export interface NeighbourQuery {
  types?: string[];
  direction?: Direction;
  labels?: string[];
  limit?: number;
  skip?: number;
}

/** One page of a node's neighbours, the total for that slice and counts per type and direction. */
export function getNeighbours(id: string, slice: NeighbourQuery = {}): Promise<Neighbours> {
  return request<Neighbours>(
    `/api/nodes/${encodeURIComponent(id)}/neighbours${query({
      types: slice.types,
      direction: slice.direction,
      labels: slice.labels,
      limit: slice.limit,
      skip: slice.skip,
    })}`,
  );
}

/** Paths between two entities; each path's nodes and edges are ordered from → to. */
export async function findPaths(path: PathQuery): Promise<Graph[]> {
  const result = await request<{ paths: Graph[] }>(
    `/api/paths${query({
      from: path.from,
      to: path.to,
      maxHops: path.maxHops,
      types: path.types,
      directed: path.directed,
      mode: path.mode,
      k: path.mode === 'k-shortest' ? path.k : undefined,
    })}`,
  );
  return result.paths;
}

/** The nodes with these ids and every relationship among them. */
export function getSubgraph(ids: string[]): Promise<Graph> {
  return post<Graph>('/api/subgraph', { ids });
}

/** Runs a read-only Cypher statement. */
export function runQuery(cypher: string, params: Record<string, unknown> = {}, signal?: AbortSignal): Promise<QueryResult> {
  return post<QueryResult>('/api/query', { cypher, params }, signal);
}

/** Labels and relationship types with their counts. */
export function getSchema(): Promise<Schema> {
  return request<Schema>('/api/schema');
}

/** A source document's text and where each quoted sentence sits in it. */
export function getSource(id: string): Promise<SourceDocument> {
  return request<SourceDocument>(`/api/sources/${encodeURIComponent(id)}`);
}

/** Total degree of each node in the database, to size nodes by their real importance rather than what is loaded. */
export async function getDegrees(ids: string[]): Promise<Record<string, number>> {
  if (ids.length === 0) return {};
  return (await post<{ degrees: Record<string, number> }>('/api/degrees', { ids })).degrees;
}

/** The most connected entities, offered as starting points on an empty canvas. */
export async function getMostConnected(limit: number): Promise<{ node: GraphNode; degree: number }[]> {
  return (await request<{ results: { node: GraphNode; degree: number }[] }>(`/api/most-connected${query({ limit })}`)).results;
}
