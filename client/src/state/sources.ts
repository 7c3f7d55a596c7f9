import type { GraphEdge } from '../api/types';
import { arrow } from './paths';
import type { ViewState } from './view';

/**
 * The current view as a numbered source list: one entry per relationship and quote, naming the
 * source document, so a report can cite every link it shows. Documents are listed at the end.
 */
export function sourceList(state: ViewState, edgeIds: Iterable<string>, titles: Record<string, string> = {}): string {
  const edges = [...edgeIds]
    .map((id) => state.edges[id])
    .filter((edge): edge is GraphEdge => edge !== undefined)
    .sort((a, b) => name(state, a.source).localeCompare(name(state, b.source)) || a.type.localeCompare(b.type));
  const lines: string[] = [];
  const documents = new Set<string>();
  let number = 0;
  for (const edge of edges) {
    const quotes = Array.isArray(edge.properties.quotes) ? edge.properties.quotes.filter((q): q is string => typeof q === 'string') : [];
    const source = typeof edge.properties.source === 'string' ? edge.properties.source : undefined;
    if (source) documents.add(source);
    const claim = `${name(state, edge.source)} ${arrow(edge.type, true)} ${name(state, edge.target)}`;
    const citation = source ? ` [${titles[source] ?? source}]` : '';
    if (quotes.length === 0) {
      number += 1;
      lines.push(`${number}. ${claim} — (no quote recorded)${citation}`);
    }
    for (const quote of quotes) {
      number += 1;
      lines.push(`${number}. ${claim} — “${quote}”${citation}`);
    }
  }
  const header = `Sources for ${Object.keys(state.nodes).length} entities and ${edges.length} relationships`;
  const documentLines = [...documents].sort().map((id) => `- ${titles[id] ?? id} (${id})`);
  return [header, '', ...lines, '', 'Documents:', ...documentLines, ''].join('\n');
}

function name(state: ViewState, id: string): string {
  return state.nodes[id]?.name ?? id;
}
