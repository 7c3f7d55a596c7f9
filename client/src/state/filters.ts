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

function inYears(properties: Record<string, unknown>, years: Filters['years']): boolean {
  if (!years) return true;
  const span = yearSpan(properties);
  if (!span) return true;
  return span[0] <= years[1] && span[1] >= years[0];
}

/** Which nodes and edges the filters and the hidden list leave on screen. */
export function visibleIds(state: ViewState): { nodes: Set<string>; edges: Set<string> } {
  const hidden = new Set(state.hidden);
  const { filters } = state;
  const nodes = new Set(
    Object.values(state.nodes)
      .filter((node) => !hidden.has(node.id) && !filters.hiddenKinds.includes(kindOf(node)) && inYears(node.properties, filters.years))
      .map((node) => node.id),
  );
  const edges = new Set(
    Object.values(state.edges)
      .filter((edge) => nodes.has(edge.source) && nodes.has(edge.target) && !filters.hiddenTypes.includes(edge.type) && inYears(edge.properties, filters.years))
      .map((edge) => edge.id),
  );
  return { nodes, edges };
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
