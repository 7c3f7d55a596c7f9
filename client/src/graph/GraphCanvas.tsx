import type { CollectionReturnValue, Core, EdgeSingular, ElementDefinition, EventObject, LayoutOptions, Layouts, NodeSingular } from 'cytoscape';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { Position } from '../state/placement';
import type { ForceAtlasLayoutOptions } from './forceAtlasLayout';
import { registerExtensions } from './extensions';
import { BIG_VIEW, layoutById } from './layouts';
import { createCanvas, isLargeView, tuneViewport } from './renderer';
import { buildStylesheet, type Theme } from './style';
import { drawingAsSvg } from './svgExport';
import { labelEdges, readableAt, showLabels } from './edgeLabels';
import { framedPng } from './briefingPng';
import type { Caption } from '../state/briefing';

/** Run a layout over everything, or settle only `newIds` around what stays fixed. */
export type LayoutRequest = { kind: 'layout'; layout: string; roots: string[] } | { kind: 'settle'; newIds: string[] };

/** Where the camera should go. */
export type ViewportRequest = { kind: 'fit' } | { kind: 'focus'; ids: string[] } | { kind: 'zoom'; factor: number };

/** What can be read from the drawing. */
export interface GraphCanvasHandle {
  /** The whole drawing framed by its caption (title, date, legend, credits). */
  png: (caption: Caption) => Promise<Blob>;
  svg: () => string;
  /** Where a node (or an edge's middle) is drawn, in page pixels (used by tests to click it). */
  pagePosition: (id: string) => Position | undefined;
  /** Where a node sits in the graph's own coordinates, whatever the zoom and pan. */
  modelPosition: (id: string) => Position | undefined;
  /**
   * The edges whose type label is drawn at the current zoom, with the label's box in page pixels; or, `exported`,
   * those an export draws whatever the zoom, boxes in graph units (used by tests).
   */
  edgeLabels: (options?: { exported?: boolean }) => { id: string; box: { x1: number; y1: number; x2: number; y2: number } }[];
  zoom: () => number;
  /** Whether a node's name is drawn at the current zoom (used by tests). */
  nodeLabelShown: (id: string) => boolean;
  /** The colour a node is drawn in, as Cytoscape computed it (used by tests of the analysis marks). */
  nodeColour: (id: string) => string | undefined;
}

/** What the pointer rests on, and where (in the canvas's own pixels). */
export interface Hover {
  id: string;
  group: 'nodes' | 'edges';
  at: Position;
}

export interface GraphCanvasProps {
  elements: ElementDefinition[];
  selection: string[];
  theme: Theme;
  kinds: string[];
  types: string[];
  /** Pending requests: each is carried out once, then handed back through onTaken. */
  layoutRequest: LayoutRequest | undefined;
  viewportRequest: ViewportRequest | undefined;
  onTaken: (request: LayoutRequest | ViewportRequest) => void;
  onSelect: (ids: string[]) => void;
  onPositions: (positions: Record<string, Position>, reason: 'drag' | 'layout' | 'settle') => void;
  onExpand: (id: string) => void;
  onMore: (handleId: string) => void;
  onContextMenu: (id: string, at: Position) => void;
  onBackgroundTap: () => void;
  onHover: (hover: Hover | undefined) => void;
}

/** Fitting a handful of nodes would zoom to giant circles; past this, fitting stops zooming in. */
const MAX_FIT_ZOOM = 1.4;

/** The zoom and pan that show `targets` whole, without zooming in past MAX_FIT_ZOOM. */
function fitted(cy: Core, targets: CollectionReturnValue, padding: number): { zoom: number; pan: Position } {
  const box = targets.boundingBox({});
  const zoom = Math.max(
    cy.minZoom(),
    Math.min(MAX_FIT_ZOOM, (cy.width() - 2 * padding) / Math.max(box.w, 1), (cy.height() - 2 * padding) / Math.max(box.h, 1)),
  );
  const centre = { x: box.x1 + box.w / 2, y: box.y1 + box.h / 2 };
  return { zoom, pan: { x: cy.width() / 2 - centre.x * zoom, y: cy.height() / 2 - centre.y * zoom } };
}

/** Whether a node's centre is within the canvas. */
function inView(cy: Core, node: NodeSingular): boolean {
  const { x1, x2, y1, y2 } = cy.extent();
  const { x, y } = node.position();
  return x >= x1 && x <= x2 && y >= y1 && y <= y2;
}

/**
 * Calls `then` once the nodes have kept still for a few frames: a layout's animation outlasts its layoutstop, and
 * some layouts move nodes themselves rather than through Cytoscape's animations.
 */
function whenStill(cy: Core, then: () => void): void {
  let last = NaN;
  let stillFrames = 0;
  const step = (): void => {
    if (cy.destroyed()) return;
    let sum = 0;
    cy.nodes().forEach((node) => {
      const { x, y } = node.position();
      sum += x + 3 * y;
    });
    stillFrames = sum === last ? stillFrames + 1 : 0;
    last = sum;
    if (stillFrames < 3) requestAnimationFrame(step);
    else then();
  };
  requestAnimationFrame(step);
}

/** Past this many, the selection's edge labels would cover each other: they wait for the zoom like the rest. */
const MAX_LABELLED_EDGES = 15;

/** Marks the edges of selected nodes, whose type labels stay readable at any zoom. */
function markNear(cy: Core): void {
  cy.edges('.near').removeClass('near');
  const edges = cy.nodes(':selected').connectedEdges();
  if (edges.length <= MAX_LABELLED_EDGES) edges.addClass('near');
}

function positionsOf(cy: Core): Record<string, Position> {
  const result: Record<string, Position> = {};
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    result[node.id()] = { x: Math.round(x), y: Math.round(y) };
  });
  return result;
}

/** The one component that owns the Cytoscape instance: creates it on mount, patches it on change, destroys it on unmount. */
export const GraphCanvas = forwardRef<GraphCanvasHandle, GraphCanvasProps>(function GraphCanvas(props, ref) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | undefined>(undefined);
  // Handlers change every render; Cytoscape listeners read the latest through this ref.
  const latest = useRef(props);
  latest.current = props;
  const layoutRunning = useRef<Layouts | undefined>(undefined);
  const relabelRef = useRef<() => void>(() => {});

  useEffect(() => {
    registerExtensions();
    const cy = createCanvas(container.current!, buildStylesheet(latest.current.theme, latest.current.kinds, latest.current.types));
    cyRef.current = cy;
    let selectTimer: number | undefined;
    const reportSelection = () => {
      window.clearTimeout(selectTimer);
      selectTimer = window.setTimeout(() => {
        latest.current.onSelect(cy.$(':selected').map((element) => element.id()));
      }, 0);
    };
    cy.on('select unselect', reportSelection);
    // Which type labels fit is worked out again once things stop moving (edgeLabels.ts).
    let labelTimer: number | undefined;
    const relabel = () => {
      window.clearTimeout(labelTimer);
      labelTimer = window.setTimeout(() => {
        if (!cy.destroyed() && !isLargeView(cy.elements().length)) labelEdges(cy);
      }, 80);
    };
    relabelRef.current = relabel;
    cy.on('layoutstop dragfree add remove', relabel);
    let readable = readableAt(cy.zoom());
    cy.on('zoom', () => {
      if (readableAt(cy.zoom()) === readable) return;
      readable = !readable;
      showLabels(cy, readable);
    });
    cy.on('mouseover', 'node, edge', (event: EventObject) => {
      const target = event.target as NodeSingular;
      if (target.hasClass('more')) return;
      const at = event.renderedPosition ?? target.renderedPosition();
      latest.current.onHover({ id: target.id(), group: target.isNode() ? 'nodes' : 'edges', at: { x: at.x, y: at.y } });
    });
    cy.on('mouseout', 'node, edge', () => latest.current.onHover(undefined));
    cy.on('viewport grab tapstart', () => latest.current.onHover(undefined));
    // Leaving the canvas straight from an element fires no mouseout on it.
    const leave = () => latest.current.onHover(undefined);
    const element = container.current!;
    element.addEventListener('mouseleave', leave);
    cy.on('select unselect', 'node', () => {
      markNear(cy);
      // The selection labels its edges itself: the others make room.
      relabel();
    });
    cy.on('dbltap', 'node', (event: EventObject) => {
      const node = event.target as NodeSingular;
      // A handle already loaded its next page on the first tap of the double-click.
      if (!node.hasClass('more')) latest.current.onExpand(node.id());
    });
    cy.on('tap', 'node.more', (event: EventObject) => latest.current.onMore((event.target as NodeSingular).id()));
    const openMenu = (event: EventObject) => {
      const node = event.target as NodeSingular;
      if (node.hasClass('more')) return;
      const box = container.current!.getBoundingClientRect();
      const rendered = event.renderedPosition ?? node.renderedPosition();
      if (!node.selected()) {
        cy.$(':selected').unselect();
        node.select();
      }
      latest.current.onContextMenu(node.id(), { x: box.left + rendered.x, y: box.top + rendered.y });
    };
    cy.on('cxttap', 'node', openMenu);
    cy.on('taphold', 'node', openMenu);
    cy.on('tap', (event: EventObject) => {
      if (event.target === cy) latest.current.onBackgroundTap();
    });
    // Dragging several selected nodes fires once per node: report them together, as one step for undo.
    let dragTimer: number | undefined;
    const dragged = new Set<string>();
    cy.on('dragfree', 'node', (event: EventObject) => {
      dragged.add((event.target as NodeSingular).id());
      window.clearTimeout(dragTimer);
      dragTimer = window.setTimeout(() => {
        const moved: Record<string, Position> = {};
        for (const id of dragged) {
          const node = cy.getElementById(id);
          if (node.nonempty()) moved[id] = { x: Math.round(node.position('x')), y: Math.round(node.position('y')) };
        }
        dragged.clear();
        latest.current.onPositions(moved, 'drag');
      }, 0);
    });
    // Side panels open and close beside the canvas; Cytoscape only notices window resizes by itself. A layout running
    // meanwhile fitted the canvas at its old size: the details panel that a selection opens would hide part of what it
    // laid out, so once everything is still, whatever is out of sight is brought back.
    const resizing = new ResizeObserver(() => {
      cy.resize();
      if (layoutRunning.current)
        whenStill(cy, () => cy.nodes().some((node) => !inView(cy, node as NodeSingular)) && cy.animate({ ...fitted(cy, cy.elements(), 50), duration: 300 }));
    });
    resizing.observe(container.current!);
    return () => {
      element.removeEventListener('mouseleave', leave);
      resizing.disconnect();
      window.clearTimeout(labelTimer);
      window.clearTimeout(selectTimer);
      window.clearTimeout(dragTimer);
      layoutRunning.current?.stop();
      cy.destroy();
      cyRef.current = undefined;
    };
  }, []);

  const large = isLargeView(props.elements.length);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    tuneViewport(cy, large);
    cy.style(buildStylesheet(props.theme, props.kinds, props.types, large));
    relabelRef.current();
  }, [props.theme, props.kinds, props.types, large]);

  // Patch the instance towards the elements: remove what left, add what came, update the rest in place.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wanted = new Map(props.elements.map((element) => [element.data.id!, element]));
    cy.batch(() => {
      cy.elements().forEach((element) => {
        if (!wanted.has(element.id())) element.remove();
      });
      const additions: ElementDefinition[] = [];
      for (const definition of props.elements) {
        const existing = cy.getElementById(definition.data.id!);
        if (existing.empty()) {
          additions.push(definition);
          continue;
        }
        // Cytoscape restyles an element on every data() call, changed or not: after a layout the whole view comes
        // back with new positions only, and restyling thousands of unchanged elements took longer than drawing them.
        if (Object.entries(definition.data).some(([key, value]) => existing.data(key) !== value)) existing.data(definition.data);
        existing.classes(definition.classes ?? '');
        if (existing.isNode() && definition.position && !existing.grabbed()) {
          const current = existing.position();
          if (Math.abs(current.x - definition.position.x) > 0.5 || Math.abs(current.y - definition.position.y) > 0.5) {
            const wasLocked = existing.locked();
            existing.unlock();
            existing.position(definition.position);
            if (wasLocked) existing.lock();
          }
        }
      }
      // Nodes before edges, so every edge finds its ends.
      cy.add(additions.sort((a, b) => (a.group === b.group ? 0 : a.group === 'nodes' ? -1 : 1)));
      cy.nodes().forEach((node) => {
        if (node.hasClass('pinned')) node.lock();
        else node.unlock();
      });
      const selected = new Set(props.selection);
      cy.elements().forEach((element) => {
        if (selected.has(element.id()) && !element.selected()) element.select();
        if (!selected.has(element.id()) && element.selected()) element.unselect();
      });
      markNear(cy);
    });
    relabelRef.current();
  }, [props.elements, props.selection]);

  useEffect(() => {
    const cy = cyRef.current;
    const command = props.layoutRequest;
    if (!cy || !command) return;
    latest.current.onTaken(command);
    layoutRunning.current?.stop();
    const isNew = (id: string) => command.kind === 'settle' && command.newIds.includes(id);
    const report = (reason: 'layout' | 'settle') => latest.current.onPositions(positionsOf(cy), reason);
    let options: LayoutOptions;
    if (command.kind === 'layout') {
      const pinned = new Set(cy.nodes('.pinned').map((node) => node.id()));
      options = layoutById(command.layout).options({ cy, roots: command.roots, pinned, animate: true });
    } else {
      const fresh = new Set(command.newIds);
      if (fresh.size === 0) return;
      const placed = cy.nodes().filter((node: NodeSingular) => !fresh.has(node.id()));
      // Incremental layouts: what was placed before stays exactly where it is; only the newcomers move.
      if (cy.nodes().length > BIG_VIEW) {
        options = {
          name: 'forceatlas2',
          fixed: new Set(placed.map((node: NodeSingular) => node.id())),
          restart: false,
          fit: false,
        } satisfies ForceAtlasLayoutOptions as unknown as LayoutOptions;
      } else {
        const fixedNodeConstraint = placed.map((node: NodeSingular) => ({ nodeId: node.id(), position: { ...node.position() } }));
        options = {
          name: 'fcose',
          randomize: false,
          quality: 'proof',
          animate: true,
          animationDuration: 400,
          fit: false,
          nodeDimensionsIncludeLabels: true,
          idealEdgeLength: 110,
          nodeRepulsion: 9000,
          numIter: 600,
          fixedNodeConstraint,
        } as LayoutOptions;
      }
    }
    const layout = cy.elements().layout(options);
    layoutRunning.current = layout;
    layout.one('layoutstop', () => {
      if (layoutRunning.current !== layout) return;
      layoutRunning.current = undefined;
      report(command.kind);
      if (command.kind === 'settle') {
        const extent = cy.extent();
        const outside = cy
          .nodes()
          .toArray()
          .some((element) => {
            const node = element as NodeSingular;
            if (!isNew(node.id())) return false;
            const { x, y } = node.position();
            return x < extent.x1 || x > extent.x2 || y < extent.y1 || y > extent.y2;
          });
        if (outside) cy.animate({ ...fitted(cy, cy.elements(), 50), duration: 300 });
      }
    });
    layout.run();
  }, [props.layoutRequest]);

  useEffect(() => {
    const cy = cyRef.current;
    const command = props.viewportRequest;
    if (!cy || !command) return;
    latest.current.onTaken(command);
    if (command.kind === 'zoom') {
      cy.animate({ zoom: { level: cy.zoom() * command.factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }, duration: 150 });
      return;
    }
    const targets = cy.collection();
    if (command.kind === 'fit') targets.merge(cy.elements());
    else for (const id of command.ids) targets.merge(cy.getElementById(id));
    if (targets.empty()) return;
    if (command.kind === 'focus' && targets.length === 1) {
      cy.animate({ center: { eles: targets }, zoom: Math.min(Math.max(cy.zoom(), 1), MAX_FIT_ZOOM), duration: 300 });
      return;
    }
    cy.animate({ ...fitted(cy, targets, command.kind === 'fit' ? 50 : 80), duration: 300 });
  }, [props.viewportRequest]);

  useImperativeHandle(
    ref,
    () => ({
      png: async (caption) => {
        const cy = cyRef.current!;
        const background = getComputedStyle(container.current!).getPropertyValue('--canvas-bg').trim() || '#ffffff';
        // The labels with room are drawn when the export's scale makes them readable, whatever the zoom on screen.
        const box = cy.elements().boundingBox({});
        const scale = Math.min(2, 16000 / Math.max(box.w, 1), 16000 / Math.max(box.h, 1));
        showLabels(cy, readableAt(scale));
        const drawing = cy.png({ output: 'blob-promise', full: true, scale: 2, bg: background, maxWidth: 16000, maxHeight: 16000 });
        showLabels(cy, readableAt(cy.zoom()));
        return framedPng(await drawing, caption, latest.current.theme, background, 2);
      },
      svg: () => {
        const cy = cyRef.current!;
        const background = getComputedStyle(container.current!).getPropertyValue('--canvas-bg').trim() || '#ffffff';
        // Drawn at scale 1: the labels with room are readable there.
        showLabels(cy, true);
        try {
          return drawingAsSvg(cy, background);
        } finally {
          showLabels(cy, readableAt(cy.zoom()));
        }
      },
      zoom: () => cyRef.current!.zoom(),
      nodeLabelShown: (id) => {
        const cy = cyRef.current!;
        const node = cy.getElementById(id);
        // pstyle (the parsed style, in pixels) is public API the typings lack.
        const size = (name: string) => (node as unknown as { pstyle: (name: string) => { pfValue: number } }).pstyle(name).pfValue;
        return node.nonempty() && size('font-size') * cy.zoom() >= size('min-zoomed-font-size');
      },
      edgeLabels: (options = {}) => {
        const cy = cyRef.current!;
        const box = options.exported ? { left: 0, top: 0 } : container.current!.getBoundingClientRect();
        const only = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false };
        return cy.edges(options.exported ? '.roomy, .path, .near' : '.labelled, .path, .near').map((edge) => {
          const label = options.exported ? edge.boundingBox(only) : edge.renderedBoundingBox(only);
          return { id: edge.id(), box: { x1: box.left + label.x1, y1: box.top + label.y1, x2: box.left + label.x2, y2: box.top + label.y2 } };
        });
      },
      nodeColour: (id) => {
        const node = cyRef.current!.getElementById(id);
        return node.empty() ? undefined : String(node.style('background-color'));
      },
      modelPosition: (id) => {
        const node = cyRef.current!.getElementById(id);
        return node.empty() ? undefined : { ...node.position() };
      },
      pagePosition: (id) => {
        const cy = cyRef.current!;
        const element = cy.getElementById(id);
        if (element.empty()) return undefined;
        const box = container.current!.getBoundingClientRect();
        // An edge's point is its middle, on the curve.
        const rendered = element.isEdge() ? (element as unknown as EdgeSingular).renderedMidpoint() : (element as unknown as NodeSingular).renderedPosition();
        return { x: box.left + rendered.x, y: box.top + rendered.y };
      },
    }),
    [],
  );

  return (
    <div
      ref={container}
      className="canvas"
      role="application"
      tabIndex={0}
      aria-label="Network canvas. Keyboard: F fits, E expands, H hides, Delete removes the selection; the On canvas tab lists every node."
    />
  );
});
