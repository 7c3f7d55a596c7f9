import type { Direction, Graph, GraphEdge, GraphNode } from '../api/types';
import { placeAround, placeFree, type Position } from './placement';

export type { Position };

/** A "+N more" handle: the rest of a neighbour slice that was not loaded, to fetch a page at a time. */
export interface MoreHandle {
  id: string;
  parent: string;
  types: string[];
  direction: Direction;
  loaded: number;
  total: number;
  /** True when total is where the server stopped counting a hub's neighbours: there are more than total. */
  atLeast?: boolean;
}

/** What becomes of undated items while a year range is set. */
export type UndatedChoice = 'show' | 'dim' | 'hide';

export interface Filters {
  hiddenTypes: string[];
  hiddenKinds: string[];
  /** Inclusive year range; null shows every year. */
  years: [number, number] | null;
  /** Undated items under a year range: shown (outlined dashed), dimmed or hidden (the ends of dated links stay). */
  undated: UndatedChoice;
}

/** What is on the canvas: the part of the work that undo, the URL and exports keep. */
export interface ViewState {
  nodes: Record<string, GraphNode>;
  edges: Record<string, GraphEdge>;
  positions: Record<string, Position>;
  pinned: string[];
  hidden: string[];
  more: Record<string, MoreHandle>;
  /** Which node's expansion brought each node in, so collapse can take it back. */
  expandedFrom: Record<string, string>;
  /** Total degree in the database, filled in after nodes arrive; sizes the nodes. */
  degrees: Record<string, number>;
  filters: Filters;
  layout: string;
}

export type ViewProducer = (state: ViewState) => ViewState;

export const DEFAULT_LAYOUT = 'auto';

export function emptyFilters(): Filters {
  return { hiddenTypes: [], hiddenKinds: [], years: null, undated: 'show' };
}

export function emptyView(): ViewState {
  return {
    nodes: {},
    edges: {},
    positions: {},
    pinned: [],
    hidden: [],
    more: {},
    expandedFrom: {},
    degrees: {},
    filters: emptyFilters(),
    layout: DEFAULT_LAYOUT,
  };
}

function without<T>(record: Record<string, T>, drop: (key: string, value: T) => boolean): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([key, value]) => !drop(key, value)));
}

/**
 * Places each node that has a placed neighbour in free space beside its placed neighbours (a path's middle between
 * its ends), nearest first, writing into `positions`; returns the ids with no placed neighbour to reach.
 */
function placeBesideNeighbours(ids: string[], edges: GraphEdge[], positions: Record<string, Position>): string[] {
  const waiting = new Set(ids);
  const neighbours = new Map<string, string[]>();
  for (const edge of edges) {
    if (waiting.has(edge.source)) neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    if (waiting.has(edge.target)) neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }
  for (let progress = true; progress;) {
    progress = false;
    for (const id of waiting) {
      const anchors = (neighbours.get(id) ?? []).flatMap((other) => (positions[other] ? [positions[other]] : []));
      if (anchors.length === 0) continue;
      const centre = {
        x: anchors.reduce((sum, point) => sum + point.x, 0) / anchors.length,
        y: anchors.reduce((sum, point) => sum + point.y, 0) / anchors.length,
      };
      positions[id] = placeAround(centre, 1, Object.values(positions))[0]!;
      waiting.delete(id);
      progress = true;
    }
  }
  return [...waiting];
}

/** The nodes of `graph` not yet on the canvas. */
export function newNodes(state: ViewState, graph: Graph): GraphNode[] {
  return graph.nodes.filter((node) => !state.nodes[node.id]);
}

export interface AddOptions {
  /** The node whose expansion brought these in: new nodes are placed around it. */
  parent?: string;
  /** Where to put nodes (e.g. from an imported file); others are placed automatically. */
  positions?: Record<string, Position>;
}

/** Adds nodes and edges (edges only where both ends are on the canvas); nodes already there keep their place. */
export const addGraph =
  (graph: Graph, options: AddOptions = {}): ViewProducer =>
  (state) => {
    const nodes = { ...state.nodes };
    const fresh: string[] = [];
    for (const node of graph.nodes) {
      if (!nodes[node.id]) fresh.push(node.id);
      nodes[node.id] = node;
    }
    const edges = { ...state.edges };
    let newEdges = 0;
    for (const edge of graph.edges) {
      if (!nodes[edge.source] || !nodes[edge.target]) continue;
      if (!state.edges[edge.id]) newEdges += 1;
      edges[edge.id] = edge;
    }
    const shown = new Set(graph.nodes.map((node) => node.id));
    // Nothing new and nothing hidden to show again: the same state, so undo records no empty step.
    if (fresh.length === 0 && newEdges === 0 && !state.hidden.some((id) => shown.has(id))) return state;
    const positions = { ...state.positions };
    const unplaced: string[] = [];
    for (const id of fresh) {
      const given = options.positions?.[id];
      if (given) positions[id] = given;
      else unplaced.push(id);
    }
    const parentPosition = options.parent ? positions[options.parent] : undefined;
    const loose = parentPosition ? unplaced : placeBesideNeighbours(unplaced, Object.values(edges), positions);
    const occupied = Object.values(positions);
    const placed = parentPosition ? placeAround(parentPosition, loose.length, occupied) : placeFree(loose.length, occupied);
    loose.forEach((id, index) => {
      positions[id] = placed[index]!;
    });
    const expandedFrom = { ...state.expandedFrom };
    if (options.parent) for (const id of fresh) if (id !== options.parent) expandedFrom[id] = options.parent;
    return {
      ...state,
      nodes,
      edges,
      positions,
      expandedFrom,
      // Asking for a node again (search, path) brings it back if it was hidden.
      hidden: state.hidden.filter((id) => !shown.has(id)),
    };
  };

/** Nothing on the canvas, the filters and layout kept; an empty canvas stays the same state. */
export const clearView = (): ViewProducer => (state) =>
  Object.keys(state.nodes).length === 0 ? state : { ...emptyView(), filters: state.filters, layout: state.layout };

/** Removes nodes, their edges and anything that refers to them. */
export const removeNodes =
  (ids: string[]): ViewProducer =>
  (state) => {
    const gone = new Set(ids);
    for (const handle of Object.values(state.more)) if (gone.has(handle.parent)) gone.add(handle.id);
    return {
      ...state,
      nodes: without(state.nodes, (id) => gone.has(id)),
      edges: without(state.edges, (_id, edge) => gone.has(edge.source) || gone.has(edge.target)),
      positions: without(state.positions, (id) => gone.has(id)),
      pinned: state.pinned.filter((id) => !gone.has(id)),
      hidden: state.hidden.filter((id) => !gone.has(id)),
      more: without(state.more, (_id, handle) => gone.has(handle.parent)),
      expandedFrom: without(state.expandedFrom, (id, parent) => gone.has(id) || gone.has(parent)),
      degrees: without(state.degrees, (id) => gone.has(id)),
    };
  };

/** Hides nodes without forgetting them; showAll brings them back. */
export const hideNodes =
  (ids: string[]): ViewProducer =>
  (state) => ({ ...state, hidden: [...new Set([...state.hidden, ...ids])].filter((id) => state.nodes[id]) });

export const showAll = (): ViewProducer => (state) => ({ ...state, hidden: [] });

/** The ids of nodes linked to `id` by an edge on the canvas. */
export function canvasNeighbours(state: ViewState, id: string): Set<string> {
  const result = new Set<string>();
  for (const edge of Object.values(state.edges)) {
    if (edge.source === id) result.add(edge.target);
    if (edge.target === id) result.add(edge.source);
  }
  result.delete(id);
  return result;
}

/** Takes back what expanding `id` brought in: nodes linked to nothing else on the canvas, unless pinned. */
export const collapse =
  (id: string): ViewProducer =>
  (state) => {
    const pinned = new Set(state.pinned);
    const leaves = Object.keys(state.nodes).filter((candidate) => {
      if (candidate === id || pinned.has(candidate)) return false;
      const links = canvasNeighbours(state, candidate);
      const cameFromHere = state.expandedFrom[candidate] === id;
      return (cameFromHere || links.has(id)) && [...links].every((other) => other === id);
    });
    const next = removeNodes(leaves)(state);
    return { ...next, more: without(next.more, (_key, handle) => handle.parent === id) };
  };

export const setPositions =
  (positions: Record<string, Position>): ViewProducer =>
  (state) => {
    const merged = { ...state.positions };
    for (const [id, position] of Object.entries(positions)) if (state.nodes[id] || state.more[id]) merged[id] = position;
    return { ...state, positions: merged };
  };

/** Pins the nodes, or unpins them all when every one is already pinned. */
export const togglePin =
  (ids: string[]): ViewProducer =>
  (state) => {
    const pinned = new Set(state.pinned);
    const allPinned = ids.every((id) => pinned.has(id));
    for (const id of ids) {
      if (allPinned) pinned.delete(id);
      else if (state.nodes[id]) pinned.add(id);
    }
    return { ...state, pinned: [...pinned] };
  };

export const setFilters =
  (change: Partial<Filters>): ViewProducer =>
  (state) => ({ ...state, filters: { ...state.filters, ...change } });

/** Shows or hides one value in a filter list (a relationship type or an entity kind). */
export const toggleFilterValue =
  (list: 'hiddenTypes' | 'hiddenKinds', value: string): ViewProducer =>
  (state) => {
    const current = state.filters[list];
    const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
    return setFilters({ [list]: next })(state);
  };

export const setLayout =
  (layout: string): ViewProducer =>
  (state) => ({ ...state, layout });

export const setDegrees =
  (degrees: Record<string, number>): ViewProducer =>
  (state) => ({ ...state, degrees: { ...state.degrees, ...degrees } });

/** Records, replaces or (when everything is loaded) drops the "+N more" handle of a slice. */
export const setMore =
  (handle: MoreHandle): ViewProducer =>
  (state) => {
    if (handle.loaded >= handle.total && !handle.atLeast) {
      return { ...state, more: without(state.more, (id) => id === handle.id), positions: without(state.positions, (id) => id === handle.id) };
    }
    const parent = state.positions[handle.parent];
    const positions = { ...state.positions };
    if (!positions[handle.id] && parent) positions[handle.id] = placeAround(parent, 1, Object.values(positions))[0]!;
    return { ...state, more: { ...state.more, [handle.id]: handle }, positions };
  };

/** Part of a node's neighbours: some relationship types ([] for all) in one direction. */
export interface Slice {
  types: string[];
  direction: Direction;
}

/** The id of the "+N more" handle for a node's slice, stable so later pages replace it. */
export function moreId(parent: string, types: string[], direction: Direction): string {
  return `more:${parent}|${[...types].sort().join(',')}|${direction}`;
}

/** An entity's kind: its first label other than Entity. */
export function kindOf(node: Pick<GraphNode, 'labels'>): string {
  return node.labels.find((label) => label !== 'Entity') ?? node.labels[0] ?? 'Entity';
}
