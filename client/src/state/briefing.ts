import type { Graph } from '../api/types';
import { pathHops } from './paths';
import { kindOf, type ViewState } from './view';
import { entities, relationships } from './counted';

/** What a source document says about its reuse (the Wikipedia text is CC BY-SA and must be attributed). */
export interface SourceCredit {
  title: string;
  attribution: string | null;
  licence: string | null;
  url: string | null;
}

/** The words printed around an exported picture, so it stands on its own in a briefing. */
export interface Caption {
  title: string;
  date: string;
  kinds: string[];
  credits: string[];
}

/** The source documents cited by the visible items, in first-seen order. */
export function citedSources(view: ViewState, visible: { nodes: Iterable<string>; edges: Iterable<string> }): string[] {
  const ids = new Set<string>();
  const items = [...[...visible.nodes].map((id) => view.nodes[id]), ...[...visible.edges].map((id) => view.edges[id])];
  for (const item of items) if (typeof item?.properties.source === 'string') ids.add(item.properties.source);
  return [...ids];
}

/** One line per document: who wrote it, under which licence, where it is. */
export function creditLine(credit: SourceCredit): string {
  return [credit.attribution ?? credit.title, credit.licence, credit.url].filter((part) => part).join(' · ');
}

/**
 * The title (the highlighted path's ends when there is one, else what the view holds), the date, the entity kinds for
 * the legend and the credits of the sources cited.
 */
export function briefingCaption(
  view: ViewState,
  visible: { nodes: Set<string>; edges: Set<string> },
  path: Graph | undefined,
  credits: SourceCredit[],
  today: Date,
): Caption {
  const hops = path ? pathHops(path) : [];
  const title =
    path && hops.length > 0
      ? `From ${hops[0]!.from.name} to ${hops[hops.length - 1]!.to.name} in ${hops.length} ${hops.length === 1 ? 'step' : 'steps'}`
      : `${entities(visible.nodes.size)}, ${relationships(visible.edges.size)}`;
  const kinds = [...new Set([...visible.nodes].flatMap((id) => (view.nodes[id] ? [kindOf(view.nodes[id])] : [])))].sort();
  return { title, date: today.toISOString().slice(0, 10), kinds, credits: credits.map(creditLine) };
}
