import type { operations } from './schema.gen';
import type {
  Answer,
  DatasetCaptions,
  DatasetSummary,
  Direction,
  Graph,
  MostConnected,
  Neighbours,
  NodeDetails,
  PathQuery,
  PathsAnswer,
  Problem,
  QueryParameters,
  QueryResult,
  RequestBody,
  Schema,
  SearchResult,
  SourceDocument,
} from './types';

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

export async function request<T>(url: string, init?: RequestInit): Promise<T> {
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

// The datasets every read stays within ([]: all of them), as the user chose them (explorer/datasets.ts).
let datasetScope: string[] = [];

/** Makes every later read stay within these datasets; [] for all. */
export function setDatasetScope(ids: string[]): void {
  datasetScope = [...ids];
}

/** The `dataset` parameter of a read: the chosen datasets, left out when all are. */
function scope(): string | undefined {
  return list(datasetScope);
}

/** The query string of an operation; the parameter names and values are checked against the server's document. */
export function query<Operation extends keyof operations>(params: QueryParameters<Operation>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params as Record<string, string | number | undefined>)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A list parameter as the server reads it: comma-separated, left out when empty. */
export function list(values: string[] | undefined): string | undefined {
  return values && values.length > 0 ? values.join(',') : undefined;
}

function post<Operation extends keyof operations>(url: string, body: RequestBody<Operation>, signal?: AbortSignal): Promise<Answer<Operation>> {
  return request<Answer<Operation>>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
}

/** Entities whose name or alias matches `text` (accent- and case-insensitive on the server). */
export async function searchEntities(text: string, options: { limit?: number; labels?: string[]; signal?: AbortSignal } = {}): Promise<SearchResult[]> {
  const result = await request<Answer<'getApiSearch'>>(
    `/api/search${query<'getApiSearch'>({ q: text, limit: options.limit, labels: list(options.labels), dataset: scope() })}`,
    {
      signal: options.signal,
    },
  );
  return result.results;
}

/** One node with its degree per relationship type and direction. */
export function getNode(id: string): Promise<NodeDetails> {
  return request<NodeDetails>(`/api/nodes/${encodeURIComponent(id)}${query<'getApiNodesId'>({ dataset: scope() })}`);
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
    `/api/nodes/${encodeURIComponent(id)}/neighbours${query<'getApiNodesIdNeighbours'>({
      types: list(slice.types),
      direction: slice.direction,
      labels: list(slice.labels),
      limit: slice.limit,
      skip: slice.skip,
      dataset: scope(),
    })}`,
  );
}

/**
 * Paths between two entities; each path's nodes and edges are ordered from → to. `connected` says, when none fits,
 * whether any path at all joins the two (false: different connected components).
 */
export function findPaths(path: PathQuery): Promise<PathsAnswer> {
  return request<PathsAnswer>(
    `/api/paths${query<'getApiPaths'>({
      from: path.from,
      to: path.to,
      maxHops: path.maxHops,
      types: list(path.types),
      directed: path.directed ? 'true' : 'false',
      mode: path.mode,
      k: path.mode === 'k-shortest' ? path.k : undefined,
      dataset: scope(),
      excludeIds: list(path.excludeIds),
    })}`,
  );
}

/** The nodes with these ids and every relationship among them; at most maxIds.subgraph ids (see explorer/links.ts for more). */
export function getSubgraph(ids: string[]): Promise<Graph> {
  return post<'postApiSubgraph'>(`/api/subgraph${query<'postApiSubgraph'>({ dataset: scope() })}`, { ids });
}

export type NetworkFormat = RequestBody<'postApiExport'>['format'];

/** The given nodes and the relationships among them as a file in one of the network formats (at most maxIds.subgraph ids). */
export function exportNetwork(ids: string[], format: NetworkFormat): Promise<{ blob: Blob; filename: string }> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids, format }) };
  return downloadFile('/api/export', init, `nexo-canvas.${format}`);
}

/** A whole dataset as a file in one of the network formats, named by the server (e.g. puerto-claro.graphml). */
export function exportDataset(id: string, format: NetworkFormat): Promise<{ blob: Blob; filename: string }> {
  return downloadFile(`/api/datasets/${encodeURIComponent(id)}/export?format=${format}`, {}, `${id}.${format}`);
}

async function downloadFile(url: string, init: RequestInit, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, 'Server unreachable', 'Check that Nexo is running, then retry.');
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as Partial<Problem> | undefined;
    throw new ApiError(response.status, problem?.title ?? response.statusText ?? 'Request failed', problem?.detail ?? '');
  }
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  return { blob: await response.blob(), filename };
}

/** Runs a read-only Cypher statement within the chosen datasets (others' nodes come back withheld; $datasets names them). */
export function runQuery(cypher: string, params: Record<string, unknown> = {}, signal?: AbortSignal): Promise<QueryResult> {
  return post<'postApiQuery'>(`/api/query${query<'postApiQuery'>({ dataset: scope() })}`, { cypher, params }, signal);
}

/** Labels and relationship types with their counts within the chosen datasets (every label and type of the database is listed). */
export function getSchema(): Promise<Schema> {
  return request<Schema>(`/api/schema${query<'getApiSchema'>({ dataset: scope() })}`);
}

/** A source document's text and where each quoted sentence sits in it. */
export function getSource(id: string): Promise<SourceDocument> {
  return request<SourceDocument>(`/api/sources/${encodeURIComponent(id)}`);
}

/** Total degree of each node in the database (at most maxIds.degrees ids), to size nodes by their real importance rather than what is loaded. */
export async function getDegrees(ids: string[]): Promise<Record<string, number>> {
  if (ids.length === 0) return {};
  return (await post<'postApiDegrees'>(`/api/degrees${query<'postApiDegrees'>({ dataset: scope() })}`, { ids })).degrees;
}

/** The most connected entities, offered as starting points on an empty canvas. */
export async function getMostConnected(limit: number): Promise<MostConnected[]> {
  return (await request<Answer<'getApiMostConnected'>>(`/api/most-connected${query<'getApiMostConnected'>({ limit, dataset: scope() })}`)).results;
}

/** Every complete dataset with its counts, format and import date. */
export async function getDatasets(): Promise<DatasetSummary[]> {
  return (await request<Answer<'getApiDatasets'>>('/api/datasets')).datasets;
}

/** Deletes a dataset and everything in it (the server asks for credentials when it has them). */
export async function deleteDataset(id: string): Promise<void> {
  await request<Answer<'deleteApiDatasetsId'>>(`/api/datasets/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Per label of a dataset: its properties, the caption Nexo picked and the one chosen. */
export function getCaptions(id: string): Promise<DatasetCaptions> {
  return request<DatasetCaptions>(`/api/datasets/${encodeURIComponent(id)}/captions`);
}

/** Saves the caption choices of a dataset (per label, the properties naming its nodes; [] for the picked ones). */
export function putCaptions(id: string, captions: Record<string, string[]>): Promise<DatasetCaptions> {
  return request<DatasetCaptions>(`/api/datasets/${encodeURIComponent(id)}/captions`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ captions }),
  });
}
