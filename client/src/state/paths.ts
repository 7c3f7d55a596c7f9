import type { Graph, GraphEdge, GraphNode } from '../api/types';

/** How far a path search looks unless told otherwise: the server's default for maxHops (a test keeps them equal). */
export const DEFAULT_MAX_HOPS = 6;

/** The two entities the Paths panel searches between, as far as they are chosen. */
export interface PathEnds {
  from?: GraphNode;
  to?: GraphNode;
  /** Entities no path may pass through ("Avoid in path finding"). */
  avoid?: GraphNode[];
}

export interface PathHop {
  from: GraphNode;
  to: GraphNode;
  edge: GraphEdge;
  /** True when the stored relationship points from → to. */
  forward: boolean;
}

/** The hops of a path whose nodes and edges are listed in order from its start to its end. */
export function pathHops(path: Graph): PathHop[] {
  return path.edges.flatMap((edge, index) => {
    const from = path.nodes[index];
    const to = path.nodes[index + 1];
    if (!from || !to) return [];
    return [{ from, to, edge, forward: edge.source === from.id }];
  });
}

/**
 * Types that mean the same read either way (data/peru/README.md's codebook marks them ↔): stored once per pair,
 * drawn without an arrowhead and written without one.
 */
export const SYMMETRIC_TYPES: ReadonlySet<string> = new Set(['ALLIED_WITH']);

/** A relationship written as an arrow between names: "—LEADER_OF→", "←FINANCED—", or "—ALLIED_WITH—" for a symmetric type. */
export function arrow(type: string, forward: boolean): string {
  if (SYMMETRIC_TYPES.has(type)) return `—${type}—`;
  return forward ? `—${type}→` : `←${type}—`;
}

/** A path in words, e.g. "Abimael Guzmán —LEADER_OF→ Shining Path ←FINANCED— David Bazán Arévalo". */
export function pathSentence(path: Graph): string {
  const hops = pathHops(path);
  if (hops.length === 0) return path.nodes[0]?.name ?? '';
  return [hops[0]!.from.name, ...hops.flatMap((hop) => [arrow(hop.edge.type, hop.forward), hop.to.name])].join(' ');
}

/** The first quote supporting an item, if it has any. */
export function firstQuote(properties: Record<string, unknown>): string | undefined {
  const quotes = properties.quotes;
  return Array.isArray(quotes) && typeof quotes[0] === 'string' ? quotes[0] : undefined;
}
