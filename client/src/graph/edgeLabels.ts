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

/** The box a label of `chars` characters takes, centred on (x, y) and turned along an edge at `angle` radians. */
export function labelBox(x: number, y: number, chars: number, angle: number): Box {
  const width = chars * EDGE_LABEL_FONT * 0.62 + 4;
  const height = EDGE_LABEL_FONT + 4;
  const cos = Math.abs(Math.cos(angle));
  const sin = Math.abs(Math.sin(angle));
  const w = width * cos + height * sin;
  const h = width * sin + height * cos;
  return { x1: x - w / 2, y1: y - h / 2, x2: x + w / 2, y2: y + h / 2 };
}

/**
 * Marks with `labelled` the edges whose type label fits on the drawing (see pickLabels); the stylesheet shows those
 * labels once the zoom makes them readable. Path and selection labels have their own classes and always show, so
 * they are placed first and others keep clear of them.
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
      const length = Math.hypot(target.x - source.x, target.y - source.y);
      const middle = edge.midpoint();
      const angle = Math.atan2(target.y - source.y, target.x - source.x);
      const forced = edge.hasClass('path') || edge.hasClass('near');
      candidates.push({ id: edge.id(), box: labelBox(middle.x, middle.y, String(edge.data('type')).length, angle), priority: length, forced });
    });
  const chosen = pickLabels(candidates, obstacles);
  cy.batch(() => {
    cy.edges().forEach((edge: EdgeSingular) => {
      if (chosen.has(edge.id())) edge.addClass('labelled');
      else edge.removeClass('labelled');
    });
  });
}
