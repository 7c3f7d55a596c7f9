import type { CollectionReturnValue, Core, NodeSingular } from 'cytoscape';
import type { Position } from '../state/placement';
import { fittedViewport, packLayout, type ForceAtlasInput } from './forceAtlas';
import { layoutKey, PositionCache } from './layoutCache';
import type { LayoutAnswer, LayoutJob } from './layout.worker';

/** Options of the Cytoscape layout `forceatlas2` registered by extensions.ts. */
export interface ForceAtlasLayoutOptions {
  name: 'forceatlas2';
  /** Node ids that keep their place: pinned ones, or everything already placed when only newcomers settle. */
  fixed?: Set<string>;
  /** Start the free nodes afresh (a full layout) rather than from where they are (newcomers settling). */
  restart?: boolean;
  fit?: boolean;
  padding?: number;
}

/** Views of a few thousand nodes keep about a megabyte of positions each. */
const REMEMBERED_VIEWS = 8;
const remembered = new PositionCache(REMEMBERED_VIEWS);

let worker: Worker | undefined;
let jobs = 0;
const waiting = new Map<number, (positions: Float64Array | undefined) => void>();

function layoutWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'forceatlas2' });
    worker.onmessage = ({ data }: MessageEvent<LayoutAnswer>) => {
      waiting.get(data.id)?.(data.positions);
      waiting.delete(data.id);
    };
    // A worker that fails to load or throws leaves the nodes where they are rather than waiting for ever.
    worker.onerror = stopWorker;
  }
  return worker;
}

/** Stops the worker mid-layout (a newer layout replaces it): its CPU goes back to the page, and every job waiting on it ends without positions. */
function stopWorker(): void {
  worker?.terminate();
  worker = undefined;
  for (const settle of waiting.values()) settle(undefined);
  waiting.clear();
}

/** ForceAtlas2 in the layout worker; resolves to the final positions in the packing's order, or undefined if stopped. */
function layoutInWorker(input: ForceAtlasInput): Promise<Float64Array | undefined> {
  const layout = packLayout(input);
  const id = (jobs += 1);
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    const job: LayoutJob = { id, layout };
    layoutWorker().postMessage(job, [layout.positions.buffer, layout.fixed.buffer, layout.edges.buffer]);
  });
}

/**
 * Works out every element's style (the largest part of a large view's first frame) while the worker lays out, on the
 * page's own core. Cytoscape otherwise does it lazily in the first frame drawn after the hold, once the worker is done.
 * `cleanStyle` is Cytoscape's own collection method for this, outside its documented API, hence the check.
 */
function styleWhileWaiting(cy: Core, eles: CollectionReturnValue, waiting: () => boolean): void {
  const styled = eles as unknown as { cleanStyle?: () => void };
  if (waiting() && !cy.destroyed() && typeof styled.cleanStyle === 'function') styled.cleanStyle();
}

interface LayoutInstance {
  options: ForceAtlasLayoutOptions & { cy: Core; eles: CollectionReturnValue };
  stopped: boolean;
  running: boolean;
  /** Ends the hold on drawing that a full layout takes; does nothing once ended. */
  release: () => void;
  emit: (event: string) => void;
}

/** A Cytoscape layout extension; Cytoscape calls it as a plain function on its own layout object, so not a class. */
function ForceAtlasLayout(this: LayoutInstance, options: LayoutInstance['options']): void {
  this.options = options;
  this.stopped = false;
  this.running = false;
  this.release = () => undefined;
}

ForceAtlasLayout.prototype.run = function run(this: LayoutInstance) {
  const { cy, eles, fixed = new Set<string>(), restart = true, fit = true, padding = 40 } = this.options;
  const nodes = eles.nodes();
  const input: ForceAtlasInput = {
    nodes: nodes.map((node: NodeSingular) => ({ id: node.id(), position: { ...node.position() }, fixed: fixed.has(node.id()) })),
    edges: eles.edges().map((edge) => ({ source: edge.source().id(), target: edge.target().id() })),
    restart,
  };
  const key = layoutKey(input);
  const known = key === undefined ? undefined : remembered.get(key);
  this.running = true;
  if (restart) {
    // A full layout replaces the whole picture: Cytoscape draws nothing until the final positions (its render loop
    // skips frames while a batch is open), so no frame, bounds or texture is worked out for places about to change.
    cy.startBatch();
    let held = true;
    this.release = () => {
      if (held && !cy.destroyed()) cy.endBatch();
      held = false;
    };
  }
  this.emit('layoutstart');
  const computed = known
    ? Promise.resolve(known)
    : layoutInWorker(input).then((packed) => {
        if (!packed) return undefined;
        const positions = new Map<string, Position>();
        input.nodes.forEach((node, i) => {
          if (!node.fixed) positions.set(node.id, { x: packed[2 * i]!, y: packed[2 * i + 1]! });
        });
        if (key !== undefined) remembered.set(key, positions);
        return positions;
      });
  // A worker that cannot even start (a browser without module workers) must not leave the canvas held.
  const settled = computed.catch(() => undefined);
  if (restart) setTimeout(() => styleWhileWaiting(cy, eles, () => this.running), 0);
  void settled.then((positions) => {
    if (!positions || this.stopped || cy.destroyed()) {
      this.release();
      return;
    }
    this.running = false;
    // One batch: Cytoscape restyles and measures bounds once, for the final places only.
    cy.batch(() => {
      nodes.filter((node: NodeSingular) => positions.has(node.id())).positions((node: NodeSingular) => positions.get(node.id())!);
    });
    this.release();
    if (fit) {
      const points = input.nodes.map((node) => positions.get(node.id) ?? node.position);
      cy.viewport(fittedViewport(points, { width: cy.width(), height: cy.height(), minZoom: cy.minZoom(), maxZoom: cy.maxZoom() }, padding));
    }
    this.emit('layoutready');
    this.emit('layoutstop');
  });
  return this;
};

ForceAtlasLayout.prototype.stop = function stop(this: LayoutInstance) {
  if (this.running && !this.stopped) stopWorker();
  this.stopped = true;
  this.release();
  return this;
};

export { ForceAtlasLayout };
