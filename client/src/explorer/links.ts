import { maxIds } from '../api/schema.gen';
import type { Graph } from '../api/types';
import type { ExplorerApi } from './api';

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

function merge(graphs: Graph[]): Graph {
  const nodes = new Map(graphs.flatMap((graph) => graph.nodes.map((node) => [node.id, node] as const)));
  const edges = new Map(graphs.flatMap((graph) => graph.edges.map((edge) => [edge.id, edge] as const)));
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/**
 * The nodes among `focus` and `others`, with every relationship among `focus` and between `focus` and `others`,
 * in requests of at most `limit` ids: the server refuses longer lists, and a refused request would silently lose
 * the links. When all fits in one request, the links among `others` come too; past that, focus chunks go pair by
 * pair and each with chunks of the others, and links among `others` alone (already drawn) are not asked again.
 */
export async function linksAround(
  api: Pick<ExplorerApi, 'getSubgraph'>,
  focus: string[],
  others: string[] = [],
  limit: number = maxIds.subgraph,
): Promise<Graph> {
  const focusIds = [...new Set(focus)];
  const inFocus = new Set(focusIds);
  const otherIds = [...new Set(others)].filter((id) => !inFocus.has(id));
  if (focusIds.length === 0) return { nodes: [], edges: [] };
  if (focusIds.length + otherIds.length <= limit) return api.getSubgraph([...focusIds, ...otherIds]);
  const focusChunks = chunks(focusIds, Math.floor(limit / 2));
  const requests: string[][] = [];
  focusChunks.forEach((chunk, index) => {
    for (const later of focusChunks.slice(index + 1)) requests.push([...chunk, ...later]);
    for (const otherChunk of chunks(otherIds, limit - chunk.length)) requests.push([...chunk, ...otherChunk]);
  });
  const graphs: Graph[] = [];
  // One after the other: a large view should not take every connection of the server at once.
  for (const ids of requests) graphs.push(await api.getSubgraph(ids));
  return merge(graphs);
}

/** Total degrees in the database, in requests of at most `limit` ids. */
export async function degreesOf(api: Pick<ExplorerApi, 'getDegrees'>, ids: string[], limit: number = maxIds.degrees): Promise<Record<string, number>> {
  const degrees: Record<string, number> = {};
  for (const chunk of chunks([...new Set(ids)], limit)) Object.assign(degrees, await api.getDegrees(chunk));
  return degrees;
}
