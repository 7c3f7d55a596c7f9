import Graph from 'graphology';
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { Position } from '../state/placement';

/** What the layout works on: node ids with where they are, which of them stay put, and the links between them. */
export interface ForceAtlasInput {
  nodes: { id: string; position: Position; fixed: boolean }[];
  edges: { source: string; target: string }[];
  /**
   * A full layout starts the free nodes afresh on a compact spiral, most linked in the middle: from wherever they
   * were (a long import grid, say) 100 iterations would not undo the old shape. Settling newcomers keeps their places.
   */
  restart: boolean;
}

/**
 * Enough for a readable picture from a spread start; fixed rather than timed, so the same view always lays out
 * the same way whatever the machine's load.
 */
export const ITERATIONS = 100;

/** Free nodes spread on a sunflower spiral, this far apart at its centre. */
const START_SPACING = 40;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Barnes–Hut keeps each iteration O(n log n); theta 1.2 trades a little force accuracy for about half the time of
 * the default 0.5, which the picture does not show. Gravity is graphology's inferred setting; scaling is ten times
 * its 10, which left half the nodes of a 2,000-node view closer than 19 px to a neighbour, under their own size
 * (30–72 px): at 100 the median gap is about 56 px, so a zoomed-in view reads.
 */
export function forceAtlasSettings(order: number): ForceAtlas2Settings {
  return {
    barnesHutOptimize: true,
    barnesHutTheta: 1.2,
    strongGravityMode: true,
    gravity: 0.05,
    scalingRatio: 100,
    slowDown: 1 + Math.log(Math.max(order, 1)),
  };
}

function centroid(points: Position[]): Position {
  if (points.length === 0) return { x: 0, y: 0 };
  const sum = points.reduce((total, point) => ({ x: total.x + point.x, y: total.y + point.y }), { x: 0, y: 0 });
  return { x: sum.x / points.length, y: sum.y / points.length };
}

/**
 * Where each node starts. Fixed nodes keep their place. On a restart the free ones go on a spiral around the view's
 * centre, most linked first; otherwise they keep their place, except that nodes sharing a point spiral out from it.
 */
export function startPositions(input: ForceAtlasInput): Map<string, Position> {
  const start = new Map<string, Position>();
  const taken = new Set<string>();
  const moving: ForceAtlasInput['nodes'] = [];
  for (const node of input.nodes) {
    const key = `${Math.round(node.position.x)},${Math.round(node.position.y)}`;
    if (node.fixed || (!input.restart && !taken.has(key))) {
      taken.add(key);
      start.set(node.id, { ...node.position });
    } else {
      moving.push(node);
    }
  }
  if (input.restart) {
    const degree = new Map<string, number>();
    for (const { source, target } of input.edges) {
      degree.set(source, (degree.get(source) ?? 0) + 1);
      degree.set(target, (degree.get(target) ?? 0) + 1);
    }
    moving.sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0));
  }
  const centre = centroid(input.nodes.map((node) => node.position));
  moving.forEach((node, index) => {
    const origin = input.restart ? centre : node.position;
    const radius = START_SPACING * Math.sqrt(index + 1);
    const angle = (index + 1) * GOLDEN_ANGLE;
    start.set(node.id, { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) });
  });
  return start;
}

/**
 * ForceAtlas2 from `startPositions`, all ITERATIONS at once: layout.worker.ts runs it off the page's thread, so the
 * page keeps drawing and answering input meanwhile.
 */
export function computeForceAtlas(input: ForceAtlasInput): Map<string, Position> {
  const graph = new Graph({ multi: true, allowSelfLoops: false });
  const start = startPositions(input);
  for (const node of input.nodes) graph.addNode(node.id, { ...start.get(node.id)!, fixed: node.fixed });
  for (const edge of input.edges) {
    if (edge.source !== edge.target && graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdge(edge.source, edge.target);
  }
  forceAtlas2.assign(graph, { iterations: ITERATIONS, settings: forceAtlasSettings(graph.order), getEdgeWeight: null });
  const result = new Map<string, Position>();
  graph.forEachNode((id, attributes) => result.set(id, { x: attributes.x as number, y: attributes.y as number }));
  return result;
}

/**
 * What crosses to the worker and back: typed arrays, whose buffers are moved rather than copied. Nodes are known by
 * their index, so no id string makes the trip.
 */
export interface PackedLayout {
  /** x, y of node i at 2i, 2i + 1: where it is now on the way in, where it goes on the way back. */
  positions: Float64Array;
  /** 1 for a node that keeps its place. */
  fixed: Uint8Array;
  /** Source and target index of edge j at 2j, 2j + 1. */
  edges: Uint32Array;
  restart: boolean;
}

export function packLayout(input: ForceAtlasInput): PackedLayout {
  const index = new Map(input.nodes.map((node, i) => [node.id, i]));
  const positions = new Float64Array(input.nodes.length * 2);
  const fixed = new Uint8Array(input.nodes.length);
  input.nodes.forEach((node, i) => {
    positions[2 * i] = node.position.x;
    positions[2 * i + 1] = node.position.y;
    fixed[i] = node.fixed ? 1 : 0;
  });
  const pairs: number[] = [];
  for (const { source, target } of input.edges) {
    const from = index.get(source);
    const to = index.get(target);
    if (from !== undefined && to !== undefined) pairs.push(from, to);
  }
  return { positions, fixed, edges: Uint32Array.from(pairs), restart: input.restart };
}

/** The worker's side: the packed layout laid out, positions in the same packing. */
export function computePacked(packed: PackedLayout): Float64Array {
  const nodes = Array.from(packed.fixed, (fixed, i) => ({
    id: String(i),
    position: { x: packed.positions[2 * i]!, y: packed.positions[2 * i + 1]! },
    fixed: fixed === 1,
  }));
  const edges: ForceAtlasInput['edges'] = [];
  for (let j = 0; j < packed.edges.length; j += 2) edges.push({ source: String(packed.edges[j]), target: String(packed.edges[j + 1]) });
  const result = computeForceAtlas({ nodes, edges, restart: packed.restart });
  const positions = new Float64Array(nodes.length * 2);
  for (let i = 0; i < nodes.length; i += 1) {
    const { x, y } = result.get(String(i))!;
    positions[2 * i] = x;
    positions[2 * i + 1] = y;
  }
  return positions;
}

/** Nodes are drawn up to this far from their centre (the largest node size, with its label below). */
const NODE_REACH = 60;

/**
 * The zoom and pan that show every position. Computed from the positions alone: Cytoscape's own fit measures every
 * element's label and edge, which took a second of the layout at 20,000 elements.
 */
export function fittedViewport(
  points: Position[],
  canvas: { width: number; height: number; minZoom: number; maxZoom: number },
  padding: number,
): { zoom: number; pan: Position } {
  const box = { x1: Infinity, x2: -Infinity, y1: Infinity, y2: -Infinity };
  for (const { x, y } of points) {
    box.x1 = Math.min(box.x1, x - NODE_REACH);
    box.x2 = Math.max(box.x2, x + NODE_REACH);
    box.y1 = Math.min(box.y1, y - NODE_REACH);
    box.y2 = Math.max(box.y2, y + NODE_REACH);
  }
  const fits = Math.min((canvas.width - 2 * padding) / (box.x2 - box.x1), (canvas.height - 2 * padding) / (box.y2 - box.y1));
  const zoom = Math.min(Math.max(fits, canvas.minZoom), canvas.maxZoom);
  return { zoom, pan: { x: canvas.width / 2 - ((box.x1 + box.x2) / 2) * zoom, y: canvas.height / 2 - ((box.y1 + box.y2) / 2) * zoom } };
}
