import type { GraphEdge, GraphNode } from '../api/types';
import { kindOf, type Filters, type ViewState } from './view';

/** The years an item covers, from its `date`, `since` and `until` (YYYY, YYYY-MM or YYYY-MM-DD); null when undated. */
export function yearSpan(properties: Record<string, unknown>): [number, number] | null {
  const year = (value: unknown): number | undefined => {
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    const match = /^(-?\d{1,4})/.exec(String(value));
    return match ? Number(match[1]) : undefined;
  };
  const date = year(properties.date);
  const since = year(properties.since);
  const until = year(properties.until);
  if (date === undefined && since === undefined && until === undefined) return null;
  const known = [date, since, until].filter((value): value is number => value !== undefined);
  // An open-ended "since" lasts until now; an "until" alone is taken as a point, having no known start.
  const start = Math.min(...known);
  const end = since !== undefined && until === undefined && date === undefined ? Number.POSITIVE_INFINITY : Math.max(...known);
  return [start, end];
}

/** Whether an item's dates meet the year range: 'undated' when it has none (or no range is set, for which every item is in). */
function dating(properties: Record<string, unknown>, years: Filters['years']): 'in' | 'out' | 'undated' {
  if (!years) return 'in';
  const span = yearSpan(properties);
  if (!span) return 'undated';
  return span[0] <= years[1] && span[1] >= years[0] ? 'in' : 'out';
}

/**
 * Which nodes and edges the filters and the hidden list leave on screen, and which of them are undated under the
 * year range (outlined or dimmed by the canvas). Dimming or hiding undated items spares the undated ends of dated
 * links in range: a 1992 arrest still shows who arrested whom.
 */
export function visibleIds(state: ViewState): { nodes: Set<string>; edges: Set<string>; undated: Set<string> } {
  const hidden = new Set(state.hidden);
  const { filters } = state;
  const undated = new Set<string>();
  const candidates = Object.values(state.nodes).filter((node) => {
    if (hidden.has(node.id) || filters.hiddenKinds.includes(kindOf(node))) return false;
    const when = dating(node.properties, filters.years);
    if (when === 'undated') undated.add(node.id);
    return when !== 'out';
  });
  const kept = new Set(candidates.map((node) => node.id));
  const edgeList = Object.values(state.edges).filter((edge) => {
    if (!kept.has(edge.source) || !kept.has(edge.target) || filters.hiddenTypes.includes(edge.type)) return false;
    const when = dating(edge.properties, filters.years);
    if (when === 'undated') undated.add(edge.id);
    return when !== 'out';
  });
  if (filters.undated === 'show' || !filters.years) return { nodes: kept, edges: new Set(edgeList.map((edge) => edge.id)), undated };
  const ends = new Set(edgeList.filter((edge) => !undated.has(edge.id)).flatMap((edge) => [edge.source, edge.target]));
  for (const id of ends) undated.delete(id);
  if (filters.undated === 'dim') return { nodes: kept, edges: new Set(edgeList.map((edge) => edge.id)), undated };
  const nodes = new Set([...kept].filter((id) => !undated.has(id)));
  const edges = new Set(edgeList.filter((edge) => !undated.has(edge.id)).map((edge) => edge.id));
  return { nodes, edges, undated: new Set() };
}

/** Dated relationships per year, for the timeline: a link counts in every year its dates cover (an open "since" up to `bounds`' end). */
export function linksPerYear(edges: GraphEdge[], bounds: [number, number]): number[] {
  const counts = new Array<number>(bounds[1] - bounds[0] + 1).fill(0);
  for (const edge of edges) {
    const span = yearSpan(edge.properties);
    if (!span) continue;
    const start = Math.max(span[0], bounds[0]);
    const end = Math.min(Number.isFinite(span[1]) ? span[1] : bounds[1], bounds[1]);
    for (let year = start; year <= end; year++) counts[year - bounds[0]]!++;
  }
  return counts;
}

/** The smallest and largest year among dated items on the canvas, for the time slider; null when none is dated. */
export function yearBounds(items: (GraphNode | GraphEdge)[]): [number, number] | null {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const span = yearSpan(item.properties);
    if (!span) continue;
    low = Math.min(low, span[0]);
    high = Math.max(high, Number.isFinite(span[1]) ? span[1] : span[0]);
  }
  return Number.isFinite(low) ? [low, high] : null;
}

/** A short human text for an item's dates, e.g. "1992", "since 2008", "2001 – 2010"; empty when undated. */
export function dateText(properties: Record<string, unknown>): string {
  const { date, since, until } = properties as { date?: unknown; since?: unknown; until?: unknown };
  const parts: string[] = [];
  if (date !== undefined && date !== null) parts.push(String(date));
  if (since !== undefined && since !== null && until !== undefined && until !== null) parts.push(`${String(since)} – ${String(until)}`);
  else if (since !== undefined && since !== null) parts.push(`since ${String(since)}`);
  else if (until !== undefined && until !== null) parts.push(`until ${String(until)}`);
  return parts.join(', ');
}
