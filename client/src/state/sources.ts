import type { GraphEdge } from '../api/types';
import { arrow } from './paths';
import type { ViewState } from './view';

/** One numbered entry of a source list: a link as a claim, one quote supporting it, and the document quoted. */
export interface Citation {
  claim: string;
  quote: string | undefined;
  document: string | undefined;
}

/** The citations for these edges, one per quote (or one saying none was recorded), ordered by who the link starts from. */
export function citations(state: ViewState, edgeIds: Iterable<string>, titles: Record<string, string> = {}): Citation[] {
  const edges = [...edgeIds]
    .map((id) => state.edges[id])
    .filter((edge): edge is GraphEdge => edge !== undefined)
    .sort((a, b) => name(state, a.source).localeCompare(name(state, b.source)) || a.type.localeCompare(b.type));
  return edges.flatMap((edge): Citation[] => {
    const quotes = Array.isArray(edge.properties.quotes) ? edge.properties.quotes.filter((q): q is string => typeof q === 'string') : [];
    const source = typeof edge.properties.source === 'string' ? edge.properties.source : undefined;
    const claim = `${name(state, edge.source)} ${arrow(edge.type, true)} ${name(state, edge.target)}`;
    const document = source ? (titles[source] ?? source) : undefined;
    return quotes.length === 0 ? [{ claim, quote: undefined, document }] : quotes.map((quote) => ({ claim, quote, document }));
  });
}

/**
 * The current view as a numbered source list: one entry per relationship and quote, naming the
 * source document, so a report can cite every link it shows. Documents are listed at the end.
 */
export function sourceList(state: ViewState, edgeIds: Iterable<string>, titles: Record<string, string> = {}): string {
  const ids = [...edgeIds].filter((id) => state.edges[id]);
  const lines = citations(state, ids, titles).map(
    (entry, index) =>
      `${index + 1}. ${entry.claim} — ${entry.quote ? `“${entry.quote}”` : '(no quote recorded)'}${entry.document ? ` [${entry.document}]` : ''}`,
  );
  const documents = new Set(ids.map((id) => state.edges[id]!.properties.source).filter((source): source is string => typeof source === 'string'));
  const header = `Sources for ${Object.keys(state.nodes).length} entities and ${ids.length} relationships`;
  const documentLines = [...documents].sort().map((id) => `- ${titles[id] ?? id} (${id})`);
  return [header, '', ...lines, '', 'Documents:', ...documentLines, ''].join('\n');
}

function name(state: ViewState, id: string): string {
  return state.nodes[id]?.name ?? id;
}
