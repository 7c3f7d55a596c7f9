import type { ElementDefinition } from 'cytoscape';
import { visibleIds } from '../state/filters';
import { kindOf, type ViewState } from '../state/view';

export interface Highlight {
  nodes: string[];
  edges: string[];
  /** Show only the highlighted elements instead of dimming the rest. */
  only: boolean;
}

/** Suffix of the edge that ties a "+N more" handle to its node. */
export const MORE_EDGE_SUFFIX = '~link';

/**
 * The view as Cytoscape elements: only what the filters and the hidden list leave visible, with classes
 * for pins, undated items (marked while a year filter is on), path highlight, and "+N more" handles.
 */
export function toElements(state: ViewState, highlight?: Highlight): ElementDefinition[] {
  const visible = visibleIds(state);
  const pinned = new Set(state.pinned);
  const lit = highlight ? { nodes: new Set(highlight.nodes), edges: new Set(highlight.edges) } : undefined;
  // Undated items under a year range: outlined dashed when shown, faint when dimmed (hidden ones are not visible at all).
  const undatedClass = state.filters.undated === 'dim' ? 'faint' : 'undated';
  const canvasDegree = new Map<string, number>();
  for (const id of visible.edges) {
    const edge = state.edges[id]!;
    canvasDegree.set(edge.source, (canvasDegree.get(edge.source) ?? 0) + 1);
    canvasDegree.set(edge.target, (canvasDegree.get(edge.target) ?? 0) + 1);
  }
  const classesFor = (isLit: boolean | undefined, base: string[]): string => {
    if (lit && isLit) base.push('path');
    else if (lit && !highlight!.only) base.push('dimmed');
    return base.join(' ');
  };
  const elements: ElementDefinition[] = [];
  for (const id of visible.nodes) {
    if (lit && highlight!.only && !lit.nodes.has(id)) continue;
    const node = state.nodes[id]!;
    const classes: string[] = [];
    if (pinned.has(id)) classes.push('pinned');
    if (visible.undated.has(id)) classes.push(undatedClass);
    elements.push({
      group: 'nodes',
      data: { id, label: node.name, kind: kindOf(node), degree: state.degrees[id] ?? canvasDegree.get(id) ?? 0 },
      position: { ...(state.positions[id] ?? { x: 0, y: 0 }) },
      classes: classesFor(lit?.nodes.has(id), classes),
    });
  }
  for (const id of visible.edges) {
    const edge = state.edges[id]!;
    if (lit && highlight!.only && !lit.edges.has(id)) continue;
    if (lit && highlight!.only && (!lit.nodes.has(edge.source) || !lit.nodes.has(edge.target))) continue;
    const classes: string[] = [];
    if (visible.undated.has(id)) classes.push(undatedClass);
    elements.push({
      group: 'edges',
      data: { id, source: edge.source, target: edge.target, type: edge.type },
      classes: classesFor(lit?.edges.has(id), classes),
    });
  }
  if (!lit?.nodes.size || !highlight?.only) {
    for (const handle of Object.values(state.more)) {
      if (!visible.nodes.has(handle.parent)) continue;
      const remaining = handle.total - handle.loaded;
      const label = `+${remaining.toLocaleString('en')}${handle.atLeast ? '+' : ''} more${handle.types.length === 1 ? ` ${handle.types[0]}` : ''}`;
      elements.push({
        group: 'nodes',
        // Cytoscape cannot size a node to its label any more; about 7.5 px a character at this font size.
        data: { id: handle.id, label, kind: 'more', degree: 0, width: label.length * 7.5 + 22 },
        position: { ...(state.positions[handle.id] ?? state.positions[handle.parent] ?? { x: 0, y: 0 }) },
        selectable: false,
        classes: lit ? 'more dimmed' : 'more',
      });
      elements.push({
        group: 'edges',
        data: { id: `${handle.id}${MORE_EDGE_SUFFIX}`, source: handle.parent, target: handle.id, type: '' },
        selectable: false,
        classes: lit ? 'more dimmed' : 'more',
      });
    }
  }
  return elements;
}
