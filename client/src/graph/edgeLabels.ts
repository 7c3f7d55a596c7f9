import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

/** The type labels' font size, in graph units (so in screen pixels at zoom 1). */
export const EDGE_LABEL_FONT = 10;
/** Below this many screen pixels a label is not read but squinted at: labels at rest show from zoom 8/10 up. */
export const MIN_READABLE_PX = 8;

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelCandidate {
  id: string;
  box: Box;
  /** Higher goes first when two labels would cover each other. */
  priority: number;
  /** Shown whatever it covers (a path's or the selection's labels): the others keep clear of it. */
  forced?: boolean;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * The labels that can be drawn without covering each other or a node: forced ones first, then the highest priority,
 * each kept only if its box touches none kept before and no obstacle. Boxes are in graph units, where labels keep their size
 * whatever the zoom, so the choice holds at every zoom and in an export at any scale.
 */
export function pickLabels(candidates: LabelCandidate[], obstacles: Box[]): Set<string> {
  const kept: Box[] = [];
  const chosen = new Set<string>();
  const ordered = [...candidates].sort((a, b) => Number(!!b.forced) - Number(!!a.forced) || b.priority - a.priority || a.id.localeCompare(b.id));
  for (const candidate of ordered) {
    if (candidate.forced) {
      kept.push(candidate.box);
      continue;
    }
    if (obstacles.some((box) => overlaps(box, candidate.box)) || kept.some((box) => overlaps(box, candidate.box))) continue;
    kept.push(candidate.box);
    chosen.add(candidate.id);
  }
  return chosen;
}

/** Whether labels of EDGE_LABEL_FONT are readable at this zoom (or export scale). */
export function readableAt(scale: number): boolean {
  return EDGE_LABEL_FONT * scale >= MIN_READABLE_PX;
}

/**
 * Marks with `roomy` the edges whose type label fits on the drawing (see pickLabels), and with `labelled` those of
 * them the stylesheet draws: all once the zoom makes them readable, none before. Path and selection labels have their
 * own classes and always show, so they are placed first and others keep clear of them.
 */
export function labelEdges(cy: Core): void {
  const nodes = cy.nodes(':visible').not('.more');
  const obstacles: Box[] = nodes.map((node: NodeSingular) => node.boundingBox({ includeLabels: true, includeOverlays: false }));
  const candidates: LabelCandidate[] = [];
  cy.edges(':visible')
    .not('.more')
    .forEach((edge: EdgeSingular) => {
      const source = edge.source().position();
      const target = edge.target().position();
      // Every edge carries its label, transparent until chosen, so Cytoscape measures it as it would draw it.
      const box = edge.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
      if (!(box.w > 0)) return;
      const forced = edge.hasClass('path') || edge.hasClass('near');
      candidates.push({ id: edge.id(), box, priority: Math.hypot(target.x - source.x, target.y - source.y), forced });
    });
  const chosen = pickLabels(candidates, obstacles);
  cy.batch(() => {
    cy.edges().forEach((edge: EdgeSingular) => {
      if (chosen.has(edge.id())) edge.addClass('roomy');
      else edge.removeClass('roomy');
    });
  });
  showLabels(cy, readableAt(cy.zoom()));
}

/** Draws the roomy edges' labels, or stops drawing them (Cytoscape's own font threshold rounds the zoom to powers of two). */
export function showLabels(cy: Core, shown: boolean): void {
  cy.batch(() => {
    if (shown) cy.edges('.roomy').addClass('labelled');
    cy.edges('.labelled')
      .filter((edge: EdgeSingular) => !shown || !edge.hasClass('roomy'))
      .removeClass('labelled');
  });
}
