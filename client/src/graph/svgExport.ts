import type { Core } from 'cytoscape';

type PathContext = { beginPath?: () => void };
interface RoundPolygonRenderer {
  drawRoundPolygonPath: (context: PathContext, ...rest: unknown[]) => void;
}

/**
 * The drawing as SVG, through cytoscape-svg.
 *
 * Cytoscape draws round polygons (the Location diamond, the Event hexagon, imported kinds' octagon) without starting a
 * new path: on a canvas that is harmless, because each shape gets a Path2D of its own, but the SVG export draws on a
 * recording context where those arcs land on the previous element, usually a label. The shapes then vanish, the
 * label is painted with the node's fill and border (blank or cut) and canvas2svg logs "Attempted to apply path
 * command to node text". Starting a path first, for the length of the export only, gives each shape its own element.
 */
export function drawingAsSvg(cy: Core, background: string): string {
  const renderer = (cy as Core & { renderer: () => RoundPolygonRenderer }).renderer();
  const original = renderer.drawRoundPolygonPath;
  renderer.drawRoundPolygonPath = function (context, ...rest) {
    context.beginPath?.();
    original.call(this, context, ...rest);
  };
  try {
    return (cy as Core & { svg: (options: { full: boolean; scale: number; bg: string }) => string }).svg({ full: true, scale: 1, bg: background });
  } finally {
    // The own property shadows the prototype's; deleting it gives the canvas back its own drawing.
    delete (renderer as Partial<RoundPolygonRenderer>).drawRoundPolygonPath;
  }
}
