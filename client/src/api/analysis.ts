import { list, query, request } from './client';
import type { Answer, QueryParameters } from './types';

/**
 * What an analysis runs over: the whole graph, the chosen datasets, or the given entities (the canvas). On the wire
 * the first two are a GET (with `dataset` for the second) and the canvas a POST of its ids.
 */
export type AnalysisScope = { kind: 'graph' } | { kind: 'datasets'; datasets: string[] } | { kind: 'nodes'; ids: string[] };

export type CentralityMeasure = QueryParameters<'getApiAnalysisCentrality'>['measure'];
export type CentralityAnswer = Answer<'getApiAnalysisCentrality'>;
export type CommunitiesAnswer = Answer<'getApiAnalysisCommunities'>;
export type CoresAnswer = Answer<'getApiAnalysisCores'>;
export type BrokersAnswer = Answer<'getApiAnalysisBrokers'>;
export type KeyPlayersAnswer = Answer<'getApiAnalysisKeyPlayers'>;
export type WhyCentralAnswer = Answer<'getApiAnalysisWhyCentral'>;
export type ConnectAnswer = Answer<'postApiAnalysisConnect'>;
export type CommonNeighboursAnswer = Answer<'postApiAnalysisCommonNeighbours'>;
export type AnalysisStatus = Answer<'getApiAnalysisStatus'>;
export type DatasetSummary = Answer<'getApiDatasets'>['datasets'][number];

/** Options every scoped analysis may take; each endpoint reads the ones it documents. */
type Options = Record<string, string | number | boolean | undefined>;

/** One scoped analysis: GET with the options in the query, or POST with them and the ids in the body. */
function scoped<T>(path: string, scope: AnalysisScope, options: Options, signal?: AbortSignal): Promise<T> {
  if (scope.kind === 'nodes') {
    const body = Object.fromEntries(Object.entries({ ...options, ids: scope.ids }).filter(([, value]) => value !== undefined));
    return request<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
  }
  const search = new URLSearchParams();
  const dataset = scope.kind === 'datasets' ? list(scope.datasets) : undefined;
  for (const [key, value] of Object.entries({ ...options, dataset })) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return request<T>(`${path}${text ? `?${text}` : ''}`, { signal });
}

export function getCentrality(
  scope: AnalysisScope,
  options: { measure: CentralityMeasure; directed: boolean; weight?: string; limit: number },
  signal?: AbortSignal,
): Promise<CentralityAnswer> {
  return scoped('/api/analysis/centrality', scope, options, signal);
}

export function getCommunities(scope: AnalysisScope, options: { weight?: string; limit: number }, signal?: AbortSignal): Promise<CommunitiesAnswer> {
  return scoped('/api/analysis/communities', scope, options, signal);
}

export function getCores(scope: AnalysisScope, options: { limit: number }, signal?: AbortSignal): Promise<CoresAnswer> {
  return scoped('/api/analysis/cores', scope, options, signal);
}

export function getBrokers(scope: AnalysisScope, options: { limit: number }, signal?: AbortSignal): Promise<BrokersAnswer> {
  return scoped('/api/analysis/brokers', scope, options, signal);
}

export function getKeyPlayers(scope: AnalysisScope, options: { k: number }, signal?: AbortSignal): Promise<KeyPlayersAnswer> {
  return scoped('/api/analysis/key-players', scope, options, signal);
}

export function getWhyCentral(
  scope: AnalysisScope,
  options: { id: string; directed: boolean; weight?: string; limit: number },
  signal?: AbortSignal,
): Promise<WhyCentralAnswer> {
  return scoped('/api/analysis/why-central', scope, options, signal);
}

/** The smallest subgraph found that joins the actors, with one line (and quote) per tie. */
export function connectActors(ids: string[], maxHops: number, datasets: string[] = []): Promise<ConnectAnswer> {
  return request(`/api/analysis/connect${query<'postApiAnalysisConnect'>({ dataset: list(datasets) })}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ids, maxHops }),
  });
}

export function getCommonNeighbours(ids: string[], limit: number, datasets: string[] = []): Promise<CommonNeighboursAnswer> {
  return request(`/api/analysis/common-neighbours${query<'postApiAnalysisCommonNeighbours'>({ dataset: list(datasets) })}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ids, limit }),
  });
}

/** What the server's analysis engine computes now, and how far it got. */
export function getAnalysisStatus(): Promise<AnalysisStatus> {
  return request('/api/analysis/status');
}

/** The datasets an analysis can be scoped to. */
export async function getDatasets(): Promise<DatasetSummary[]> {
  return (await request<Answer<'getApiDatasets'>>('/api/datasets')).datasets;
}
