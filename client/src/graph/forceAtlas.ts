import type { CollectionReturnValue, Core, NodeSingular } from 'cytoscape';
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

export interface ForceAtlasRun {
  /** Longest stretch of computation before the page gets a turn to draw and answer input. */
  sliceMs: number;
  /** Checked between slices: a newer layout, or the canvas going away, stops this one. */
  cancelled: () => boolean;
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

const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * ForceAtlas2 on the main thread in slices of `sliceMs`, yielding between them so frames keep coming and clicks are
 * answered while it runs. Resolves to the final positions, or undefined if cancelled.
 */
export async function computeForceAtlas(input: ForceAtlasInput, run: ForceAtlasRun): Promise<Map<string, Position> | undefined> {
  const graph = new Graph({ multi: true, allowSelfLoops: false });
  const start = startPositions(input);
  for (const node of input.nodes) graph.addNode(node.id, { ...start.get(node.id)!, fixed: node.fixed });
  for (const edge of input.edges) {
    if (edge.source !== edge.target && graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdge(edge.source, edge.target);
  }
  const settings = forceAtlasSettings(graph.order);
  let done = 0;
  // Each call converts the graph to typed arrays and back, so iterations go in batches sized to fill a slice.
  let batch = 1;
  while (done < ITERATIONS) {
    if (run.cancelled()) return undefined;
    const sliceEnd = performance.now() + run.sliceMs;
    while (done < ITERATIONS && performance.now() < sliceEnd) {
      const iterations = Math.min(batch, ITERATIONS - done);
      const began = performance.now();
      forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: null });
      done += iterations;
      const perIteration = (performance.now() - began) / iterations;
      batch = Math.max(1, Math.floor(run.sliceMs / Math.max(perIteration, 0.01)));
    }
    if (done < ITERATIONS) await nextTurn();
  }
  if (run.cancelled()) return undefined;
  const result = new Map<string, Position>();
  graph.forEachNode((id, attributes) => result.set(id, { x: attributes.x as number, y: attributes.y as number }));
  return result;
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

/** Options of the Cytoscape layout `forceatlas2` registered by layouts.ts. */
export interface ForceAtlasLayoutOptions {
  name: 'forceatlas2';
  /** Node ids that keep their place: pinned ones, or everything already placed when only newcomers settle. */
  fixed?: Set<string>;
  /** Start the free nodes afresh (a full layout) rather than from where they are (newcomers settling). */
  restart?: boolean;
  fit?: boolean;
  padding?: number;
  sliceMs?: number;
}

interface LayoutInstance {
  options: ForceAtlasLayoutOptions & { cy: Core; eles: CollectionReturnValue };
  stopped: boolean;
  emit: (event: string) => void;
}

/** A Cytoscape layout extension; Cytoscape calls it as a plain function on its own layout object, so not a class. */
function ForceAtlasLayout(this: LayoutInstance, options: LayoutInstance['options']): void {
  this.options = options;
  this.stopped = false;
}

ForceAtlasLayout.prototype.run = function run(this: LayoutInstance) {
  const { cy, eles, fixed = new Set<string>(), restart = true, fit = true, padding = 40, sliceMs = 25 } = this.options;
  const nodes = eles.nodes();
  const input: ForceAtlasInput = {
    nodes: nodes.map((node: NodeSingular) => ({ id: node.id(), position: { ...node.position() }, fixed: fixed.has(node.id()) })),
    edges: eles.edges().map((edge) => ({ source: edge.source().id(), target: edge.target().id() })),
    restart,
  };
  this.emit('layoutstart');
  void computeForceAtlas(input, { sliceMs, cancelled: () => this.stopped || cy.destroyed() }).then((positions) => {
    if (!positions) return;
    nodes.filter((node: NodeSingular) => !fixed.has(node.id())).positions((node: NodeSingular) => positions.get(node.id())!);
    if (fit)
      cy.viewport(fittedViewport([...positions.values()], { width: cy.width(), height: cy.height(), minZoom: cy.minZoom(), maxZoom: cy.maxZoom() }, padding));
    this.emit('layoutready');
    this.emit('layoutstop');
  });
  return this;
};

ForceAtlasLayout.prototype.stop = function stop(this: LayoutInstance) {
  this.stopped = true;
  return this;
};

export { ForceAtlasLayout };
