import { z } from 'zod';
import type { Position } from './placement';
import { DEFAULT_LAYOUT, emptyFilters, type Filters, type ViewState } from './view';

/** Found paths as ids in hop order, with the one highlighted and whether the rest is hidden. */
export interface LinkedPaths {
  paths: { nodes: string[]; edges: string[] }[];
  active: number;
  only: boolean;
}

/** What a link keeps: which nodes, where, pins, hidden ones, filters, layout, selection and the paths shown. Node data is fetched again. */
export interface LinkedView {
  ids: string[];
  positions: Record<string, Position>;
  pinned: string[];
  hidden: string[];
  filters: Filters;
  layout: string;
  selection: string[];
  paths: LinkedPaths | undefined;
}

/** Past this many paths a link keeps only the first ones (k-shortest asks for 20 at most). */
const MAX_LINKED_PATHS = 20;

const linkSchema = z.object({
  n: z.array(z.tuple([z.string(), z.number(), z.number()])).max(5000),
  pin: z.array(z.string()).optional(),
  h: z.array(z.string()).optional(),
  t: z.array(z.string()).optional(),
  k: z.array(z.string()).optional(),
  y: z.tuple([z.number(), z.number()]).nullable().optional(),
  u: z.enum(['show', 'dim', 'hide']).optional(),
  l: z.string().max(40).optional(),
  s: z.array(z.string()).optional(),
  p: z
    .object({
      l: z.array(z.tuple([z.array(z.string()), z.array(z.string())])).max(MAX_LINKED_PATHS),
      a: z.number().int().min(0),
      o: z.boolean().optional(),
    })
    .optional(),
});

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** The URL hash for a view ("" for an empty canvas), with the paths shown when there are any. */
export function encodeView(state: ViewState, selection: string[], paths?: LinkedPaths): string {
  const ids = Object.keys(state.nodes);
  if (ids.length === 0) return '';
  const { filters } = state;
  const payload: z.infer<typeof linkSchema> = {
    n: ids.map((id) => {
      const position = state.positions[id] ?? { x: 0, y: 0 };
      return [id, Math.round(position.x), Math.round(position.y)];
    }),
  };
  if (state.pinned.length) payload.pin = state.pinned;
  if (state.hidden.length) payload.h = state.hidden;
  if (filters.hiddenTypes.length) payload.t = filters.hiddenTypes;
  if (filters.hiddenKinds.length) payload.k = filters.hiddenKinds;
  if (filters.years) payload.y = filters.years;
  if (filters.undated !== 'show') payload.u = filters.undated;
  if (state.layout !== DEFAULT_LAYOUT) payload.l = state.layout;
  const selected = selection.filter((id) => state.nodes[id] || state.edges[id]);
  if (selected.length) payload.s = selected;
  if (paths && paths.paths.length > 0) {
    payload.p = { l: paths.paths.slice(0, MAX_LINKED_PATHS).map((path) => [path.nodes, path.edges]), a: Math.min(paths.active, MAX_LINKED_PATHS - 1) };
    if (paths.only) payload.p.o = true;
  }
  return `#view=${toBase64Url(JSON.stringify(payload))}`;
}

/** Reads a view from a URL hash; undefined when there is none or it cannot be read. */
export function decodeView(hash: string): LinkedView | undefined {
  const match = /^#?view=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!match) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(match[1]!));
  } catch {
    return undefined;
  }
  const result = linkSchema.safeParse(parsed);
  if (!result.success) return undefined;
  const link = result.data;
  return {
    ids: link.n.map(([id]) => id),
    positions: Object.fromEntries(link.n.map(([id, x, y]) => [id, { x, y }])),
    pinned: link.pin ?? [],
    hidden: link.h ?? [],
    filters: { ...emptyFilters(), hiddenTypes: link.t ?? [], hiddenKinds: link.k ?? [], years: link.y ?? null, undated: link.u ?? 'show' },
    layout: link.l ?? DEFAULT_LAYOUT,
    selection: link.s ?? [],
    paths: link.p ? { paths: link.p.l.map(([nodes, edges]) => ({ nodes, edges })), active: link.p.a, only: link.p.o ?? false } : undefined,
  };
}

/** The datasets chosen in a URL's query string (`?dataset=a,b`); [] when none, which means all. */
export function datasetsInSearch(search: string): string[] {
  const value = new URLSearchParams(search).get('dataset') ?? '';
  return [
    ...new Set(
      value
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    ),
  ];
}

/** The query string with the chosen datasets in it (other parameters kept); no `dataset` when all are chosen. */
export function searchWithDatasets(search: string, ids: string[]): string {
  const params = new URLSearchParams(search);
  if (ids.length > 0) params.set('dataset', ids.join(','));
  else params.delete('dataset');
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}
