/** The API's shapes, as documented in the server's OpenAPI description (see docs/api). */

export interface GraphNode {
  id: string;
  labels: string[];
  name: string;
  properties: Record<string, unknown>;
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export type Direction = 'in' | 'out' | 'both';

export interface NodeDetails {
  node: GraphNode;
  degree: Record<string, { in: number; out: number }>;
}

export interface NeighbourCount {
  type: string;
  direction: 'in' | 'out';
  count: number;
}

export interface Neighbours extends Graph {
  /** Exact when totalExact; else the server stopped counting a hub's neighbours there, and there are more. */
  total: number;
  totalExact: boolean;
  counts: NeighbourCount[];
}

export type PathMode = 'shortest' | 'all-shortest' | 'k-shortest';

export interface PathQuery {
  from: string;
  to: string;
  maxHops: number;
  types: string[];
  directed: boolean;
  mode: PathMode;
  k: number;
}

export interface QueryResult {
  columns: string[];
  rows: unknown[];
  graph: Graph;
  truncated: boolean;
}

export interface Schema {
  labels: { name: string; count: number; propertyKeys: string[] }[];
  relationshipTypes: { name: string; count: number }[];
}

export interface SourceQuote {
  quote: string;
  /** Offsets in the text; null when the quote could not be located verbatim. */
  start: number | null;
  end: number | null;
  usedBy: { kind: 'node' | 'edge'; id: string }[];
}

export interface SourceDocument {
  id: string;
  title: string;
  text: string;
  quotes: SourceQuote[];
  url: string | null;
  licence: string | null;
  attribution: string | null;
}

/** An RFC 9457 problem as the server sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}
