import type { ConnectAnswer, WhyCentralAnswer } from '../api/analysis';
import type { GraphNode } from '../api/types';
import { kindOf } from './view';

/** What the Analysis panel can compute; the first five are centrality measures the server normalises as NetworkX. */
export const ANALYSIS_MEASURES = [
  { id: 'degree', label: 'Degree', about: 'Share of the others each actor is tied to: degree / (n − 1).' },
  { id: 'betweenness', label: 'Betweenness', about: 'How often an actor lies on the shortest paths between others (Brandes), over (n − 1)(n − 2)/2 pairs.' },
  { id: 'closeness', label: 'Closeness', about: 'How near an actor is to everyone it reaches (Wasserman–Faust correction for disconnected graphs).' },
  { id: 'pagerank', label: 'PageRank', about: 'Importance passed on by ties from important actors, α = 0.85.' },
  { id: 'eigenvector', label: 'Eigenvector', about: 'Ties to well-tied actors count more; scaled to unit length.' },
  { id: 'communities', label: 'Communities', about: 'Groups denser inside than between them (Louvain, modularity).' },
  { id: 'cores', label: 'k-cores', about: 'The innermost core: actors with at least k ties inside it.' },
  { id: 'brokers', label: 'Brokers', about: 'Articulation points and bridges: actors and ties whose removal cuts the network apart.' },
  { id: 'key-players', label: 'Key players', about: 'The k actors whose removal fragments the network most (greedy, Borgatti).' },
] as const;

export type AnalysisMeasure = (typeof ANALYSIS_MEASURES)[number]['id'];
export const CENTRALITY_MEASURES: readonly AnalysisMeasure[] = ['degree', 'betweenness', 'closeness', 'pagerank', 'eigenvector'];

export type ScopeKind = 'datasets' | 'graph' | 'canvas';

/** What the panel asks for. */
export interface AnalysisRequest {
  measure: AnalysisMeasure;
  scope: ScopeKind;
  /** The datasets chosen for a 'datasets' scope. */
  datasets: string[];
  directed: boolean;
  /** A relationship property read as tie weight; empty for none. */
  weight: string;
  /** Rows to fetch (centrality, cores) or actors to find (key players). */
  limit: number;
}

export const DEFAULT_REQUEST: AnalysisRequest = { measure: 'betweenness', scope: 'graph', datasets: [], directed: false, weight: '', limit: 100 };

export interface AnalysisRow {
  node: GraphNode;
  /** The measure's value; for communities the community number, for cores the core number. */
  score: number;
  /** The community a row belongs to (communities only). */
  group?: number;
}

export interface AnalysisResult {
  request: AnalysisRequest;
  /** The column header for the score, e.g. "Betweenness". */
  scoreLabel: string;
  rows: AnalysisRow[];
  /** How many actors the analysed graph has (centrality), when the rows may be only the top of them. */
  scopeSize?: number;
  /** One line on what was computed: how many actors, exact or estimated, modularity, fragmentation. */
  summary: string;
  /** Community of each member id (communities only), numbered largest first. */
  communityOf?: Record<string, number>;
  communitySizes?: number[];
  /** Actors to ring on the canvas: the key players or the articulation points. */
  highlighted: string[];
  bridges?: { source: string; target: string }[];
}

/** How the result shows on the canvas: node size or colour by score (communities always colour). */
export type Overlay = 'size' | 'colour' | 'none';

export type AnalysisStatus =
  { kind: 'idle' } | { kind: 'running'; what: string; startedAt: number; progress?: { done: number; total: number } } | { kind: 'error'; message: string };

/** "Why is this actor central?" for one node: the pairs whose shortest paths run through it. */
export interface WhyCentral {
  node: GraphNode;
  answer?: WhyCentralAnswer;
  status: AnalysisStatus;
}

/** Several actors at once: the connecting subgraph told in words, or their common neighbours. */
export type Linking =
  | { kind: 'connect'; actors: GraphNode[]; answer: ConnectAnswer; names: Record<string, string> }
  | { kind: 'common'; actors: GraphNode[]; results: GraphNode[] };

export interface AnalysisState {
  status: AnalysisStatus;
  result?: AnalysisResult;
  overlay: Overlay;
  why?: WhyCentral;
  linking?: Linking;
}

export const initialAnalysis: AnalysisState = { status: { kind: 'idle' }, overlay: 'size' };

export type SortKey = 'rank' | 'name' | 'kind' | 'score';

/** Rows ordered by a column; rank is the server's order (highest score first), ties kept in that order. */
export function sortRows(rows: AnalysisRow[], key: SortKey, descending: boolean): AnalysisRow[] {
  const ranked = rows.map((row, rank) => ({ row, rank }));
  const compare = (a: { row: AnalysisRow; rank: number }, b: { row: AnalysisRow; rank: number }): number => {
    switch (key) {
      case 'rank':
        return a.rank - b.rank;
      case 'name':
        return a.row.node.name.localeCompare(b.row.node.name) || a.rank - b.rank;
      case 'kind':
        return kindOf(a.row.node).localeCompare(kindOf(b.row.node)) || a.rank - b.rank;
      case 'score':
        return a.row.score - b.row.score || b.rank - a.rank;
    }
  };
  return ranked.sort((a, b) => (descending ? -compare(a, b) : compare(a, b))).map(({ row }) => row);
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV (rank, id, name, kind, score), scores at full precision so they can be checked elsewhere. */
export function rowsCsv(result: AnalysisResult): string {
  const header = ['rank', 'id', 'name', 'kind', result.scoreLabel.toLowerCase()];
  const lines = result.rows.map((row, index) => [index + 1, row.node.id, row.node.name, kindOf(row.node), row.score].map(csvCell).join(','));
  return [header.join(','), ...lines].join('\n') + '\n';
}

/** Twelve colours told apart in light and dark themes (Tableau 10 and two more); later communities share grey. */
const COMMUNITY_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#17becf', '#8c564b'];
export const OTHER_COMMUNITIES_COLOUR = '#7f7f7f';

export function communityColour(community: number): string {
  return COMMUNITY_COLOURS[community] ?? OTHER_COMMUNITIES_COLOUR;
}

export const COLOURED_COMMUNITIES = COMMUNITY_COLOURS.length;

/** A sequential scale from pale yellow (low) to dark red (high), readable on both themes. */
const SCORE_STOPS: [number, number, number][] = [
  [255, 237, 160],
  [254, 178, 76],
  [240, 59, 32],
  [128, 0, 38],
];

/** The colour of a score's share of the highest one (0 … 1). */
export function scoreColour(share: number): string {
  const t = Math.min(1, Math.max(0, share)) * (SCORE_STOPS.length - 1);
  const index = Math.min(SCORE_STOPS.length - 2, Math.floor(t));
  const [a, b] = [SCORE_STOPS[index]!, SCORE_STOPS[index + 1]!];
  const mix = (i: number) => Math.round(a[i]! + (b[i]! - a[i]!) * (t - index));
  return `#${[0, 1, 2].map((i) => mix(i).toString(16).padStart(2, '0')).join('')}`;
}

/** Node diameters a score maps to, in pixels: the smallest still shows its icon, the largest stays smaller than a cluster. */
export const SCORE_SIZES = { min: 24, max: 90 } as const;

export interface NodeMark {
  size?: number;
  colour?: string;
  lit?: boolean;
}

/** How each scored node looks on the canvas for a result and an overlay choice. */
export function nodeMarks(result: AnalysisResult | undefined, overlay: Overlay): Record<string, NodeMark> {
  if (!result) return {};
  const marks: Record<string, NodeMark> = {};
  const mark = (id: string): NodeMark => (marks[id] ??= {});
  if (result.communityOf) {
    for (const [id, community] of Object.entries(result.communityOf)) mark(id).colour = communityColour(community);
  } else if (overlay !== 'none' && CENTRALITY_MEASURES.includes(result.request.measure)) {
    const max = result.rows.reduce((highest, row) => Math.max(highest, row.score), 0);
    for (const row of result.rows) {
      const share = max > 0 ? row.score / max : 0;
      if (overlay === 'size') mark(row.node.id).size = Math.round(SCORE_SIZES.min + share * (SCORE_SIZES.max - SCORE_SIZES.min));
      else mark(row.node.id).colour = scoreColour(share);
    }
  }
  for (const id of result.highlighted) mark(id).lit = true;
  return marks;
}

/** A number as the table shows it: four significant digits, integers as they are. */
export function formatScore(score: number): string {
  if (Number.isInteger(score)) return score.toLocaleString('en');
  return score
    .toPrecision(4)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** Progress as words: "1,234 of 5,000 sources (25%)", or the time so far when the server does not tell. */
export function progressText(status: Extract<AnalysisStatus, { kind: 'running' }>, now: number): string {
  const seconds = Math.max(0, Math.round((now - status.startedAt) / 1000));
  const elapsed = seconds > 0 ? ` · ${seconds} s` : '';
  if (!status.progress || status.progress.total === 0) return `${status.what}${elapsed}`;
  const { done, total } = status.progress;
  return `${status.what} ${done.toLocaleString('en')} of ${total.toLocaleString('en')} sources (${Math.floor((done / total) * 100)}%)${elapsed}`;
}
