import cytoscape, { type ElementDefinition } from 'cytoscape';
import { layoutById, registerExtensions } from '../../client/src/graph/layouts';
import { buildStylesheet } from '../../client/src/graph/style';

// Bundled by bench/uiFrames.ts and run in headless Chromium: the app's own Cytoscape set-up (same options as
// GraphCanvas, same stylesheet, same default layout) fed N generated elements, timed from the data to layoutstop,
// then frame intervals while the view is panned and zoomed programmatically.

const KINDS = ['Person', 'Organization', 'Location', 'Event'];
const TYPES = ['CALLED', 'MET_WITH', 'MEMBER_OF', 'LEADER_OF', 'FINANCED', 'ALLIED_WITH', 'OPERATES_IN', 'PARTICIPATED_IN'];

export interface UiMeasure {
  elements: number;
  nodes: number;
  edges: number;
  layoutMs: number;
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
  const elements: ElementDefinition[] = [];
  for (let i = 0; i < nodes; i += 1) {
    elements.push({ group: 'nodes', data: { id: `n${i}`, label: `Person ${i}`, kind: KINDS[i % KINDS.length], degree: 0 } });
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

async function measure(total: number, panMs: number): Promise<UiMeasure> {
  registerExtensions();
  const container = document.getElementById('cy')!;
  const elements = elementsOf(total);
  const cy = cytoscape({
    container,
    style: buildStylesheet('light', KINDS, TYPES),
    boxSelectionEnabled: true,
    selectionType: 'single',
    minZoom: 0.05,
    maxZoom: 4,
  });
  const started = performance.now();
  cy.add(elements);
  const options = layoutById('fcose').options({ cy, roots: [], pinned: new Set(), animate: true });
  const layout = cy.elements().layout(options);
  const stopped = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  layout.run();
  await stopped;
  // Settled means drawn: wait for the frame after layoutstop.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const layoutMs = performance.now() - started;

  const intervals: number[] = [];
  await new Promise<void>((resolve) => {
    const begin = performance.now();
    let last = begin;
    let step = 0;
    const tick = (now: number): void => {
      if (step > 0) intervals.push(now - last);
      last = now;
      step += 1;
      if (step % 2 === 0) cy.panBy({ x: 6, y: -4 });
      else cy.zoom({ level: cy.zoom() * (step % 40 < 20 ? 1.02 : 0.98), renderedPosition: { x: 640, y: 400 } });
      if (now - begin < panMs) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame(tick);
  });
  const sorted = [...intervals].sort((a, b) => a - b);
  const mean = intervals.reduce((sum, value) => sum + value, 0) / Math.max(intervals.length, 1);
  const result = {
    elements: total,
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    layoutMs: Math.round(layoutMs),
    frames: intervals.length,
    frameP50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
    frameP95Ms: Math.round(percentile(sorted, 95) * 10) / 10,
    framesPerSecond: Math.round((1000 / mean) * 10) / 10,
  };
  cy.destroy();
  return result;
}

(window as unknown as { nexoBench: { measure: typeof measure } }).nexoBench = { measure };
