import type { Core, ElementDefinition } from 'cytoscape';
import { registerExtensions } from '../../client/src/graph/extensions';
import { layoutById } from '../../client/src/graph/layouts';
import { createCanvas, isLargeView, tuneViewport } from '../../client/src/graph/renderer';
import { buildStylesheet } from '../../client/src/graph/style';
import { placeFree } from '../../client/src/state/placement';
import { DEFAULT_LAYOUT } from '../../client/src/state/view';

// Built with Vite by bench/uiFrames.ts (index.html beside it) and run in headless Chromium: the app's own canvas set-up
// (createCanvas, the stylesheet and viewport tuning for the view's size, the default layout choice, ForceAtlas2 in its
// worker) fed N generated elements. The page times the
// layout and records frame intervals; the bench drives pan and zoom with real mouse input, as a user does.

const KINDS = ['Person', 'Organization', 'Location', 'Event'];
const TYPES = ['CALLED', 'MET_WITH', 'MEMBER_OF', 'LEADER_OF', 'FINANCED', 'ALLIED_WITH', 'OPERATES_IN', 'PARTICIPATED_IN'];

export interface LoadMeasure {
  elements: number;
  nodes: number;
  edges: number;
  /** The layout the default choice ran for this size. */
  layout: string;
  /** From the data handed to Cytoscape to final positions drawn. */
  layoutMs: number;
}

export interface ReopenMeasure {
  /** From the default layout asked again, on the same elements after a grid layout, to final positions drawn. */
  reopenMs: number;
}

export interface FrameMeasure {
  frames: number;
  frameP50Ms: number;
  frameP95Ms: number;
  framesPerSecond: number;
}

/** N elements, about 40 % nodes: a view of a few communities with hubs, as an expanded investigation looks. */
function elementsOf(total: number): ElementDefinition[] {
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const nodes = Math.round(total * 0.4);
  // Where the app puts nodes that arrive together with no parent (state/view.ts addGraph), before the layout runs.
  const placed = placeFree(nodes, []);
  const elements: ElementDefinition[] = [];
  for (let i = 0; i < nodes; i += 1) {
    elements.push({ group: 'nodes', data: { id: `n${i}`, label: `Person ${i}`, kind: KINDS[i % KINDS.length], degree: 0 }, position: placed[i]! });
  }
  for (let i = 0; elements.length < total; i += 1) {
    // Half the links go to a low-numbered node (skewed), so hubs appear; the rest stay near the source.
    const source = Math.floor(random() * nodes);
    const target = random() < 0.5 ? Math.floor(nodes * random() ** 3) : (source + 1 + Math.floor(random() * 20)) % nodes;
    if (source === target) continue;
    elements.push({ group: 'edges', data: { id: `e${i}`, source: `n${source}`, target: `n${target}`, type: TYPES[i % TYPES.length] } });
  }
  return elements;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

let cy: Core | undefined;

async function load(total: number): Promise<LoadMeasure> {
  registerExtensions();
  cy?.destroy();
  const elements = elementsOf(total);
  const large = isLargeView(total);
  const canvas = createCanvas(document.getElementById('cy')!, buildStylesheet('light', KINDS, TYPES, large));
  cy = canvas;
  tuneViewport(canvas, large);
  const started = performance.now();
  // Added in one batch, as GraphCanvas adds a view.
  canvas.batch(() => canvas.add(elements));
  const layout = await runDefaultLayout(canvas);
  return { elements: total, nodes: canvas.nodes().length, edges: canvas.edges().length, layout, layoutMs: Math.round(performance.now() - started) };
}

/** Runs the app's default layout choice to its end and first frame drawn; answers which layout that was. */
async function runDefaultLayout(canvas: Core): Promise<string> {
  const options = layoutById(DEFAULT_LAYOUT).options({ cy: canvas, roots: [], pinned: new Set(), animate: true });
  const layout = canvas.elements().layout(options);
  const stopped = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  layout.run();
  await stopped;
  // Cytoscape draws in its own animation-frame callback: after the second frame the first one is on screen.
  await nextFrame();
  await nextFrame();
  return (options as { name: string }).name;
}

/**
 * Going back to the view's layout after another one (a grid here), as a user does who tries a layout and returns:
 * ForceAtlas2 finds the view's positions computed before (graph/layoutCache.ts) instead of laying it out again.
 */
async function reopen(): Promise<ReopenMeasure> {
  const canvas = cy!;
  canvas.layout({ name: 'grid', animate: false }).run();
  await nextFrame();
  await nextFrame();
  const started = performance.now();
  await runDefaultLayout(canvas);
  return { reopenMs: Math.round(performance.now() - started) };
}

/** A point on the canvas background, where a drag pans the view instead of moving a node. */
function backgroundPoint(): { x: number; y: number } {
  const canvas = cy!;
  const boxes = canvas.nodes().map((node) => node.renderedBoundingBox({}));
  for (let y = 40; y < canvas.height(); y += 23) {
    for (let x = 40; x < canvas.width(); x += 29) {
      if (!boxes.some((box) => x >= box.x1 - 4 && x <= box.x2 + 4 && y >= box.y1 - 4 && y <= box.y2 + 4)) return { x, y };
    }
  }
  return { x: 5, y: 5 };
}

let intervals: number[] = [];
let recording = false;

function startFrames(): void {
  intervals = [];
  recording = true;
  let last = 0;
  const tick = (now: number): void => {
    if (!recording) return;
    if (last > 0) intervals.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

function stopFrames(): FrameMeasure {
  recording = false;
  const sorted = [...intervals].sort((a, b) => a - b);
  const mean = intervals.reduce((sum, value) => sum + value, 0) / Math.max(intervals.length, 1);
  return {
    frames: intervals.length,
    frameP50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
    frameP95Ms: Math.round(percentile(sorted, 95) * 10) / 10,
    framesPerSecond: Math.round((1000 / mean) * 10) / 10,
  };
}

export interface BenchPage {
  load: typeof load;
  reopen: typeof reopen;
  backgroundPoint: typeof backgroundPoint;
  startFrames: typeof startFrames;
  stopFrames: typeof stopFrames;
}

(window as unknown as { nexoBench: BenchPage }).nexoBench = { load, reopen, backgroundPoint, startFrames, stopFrames };
