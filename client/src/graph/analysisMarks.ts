import type { ElementDefinition } from 'cytoscape';
import { analysisHighlight } from '../explorer/analysis';
import { nodeMarks, type AnalysisState } from '../state/analysis';
import type { Theme } from './style';

/**
 * The Analysis panel's marks on the canvas elements: node size or colour by score, community colours, rings on key
 * players, brokers and linked actors, and the bridges and connecting ties drawn heavier. Elements are copied, never
 * changed, so the plain view stays as toElements made it.
 */
export function markAnalysis(elements: ElementDefinition[], analysis: AnalysisState): ElementDefinition[] {
  const marks = nodeMarks(analysis.result, analysis.overlay);
  const lit = analysisHighlight(analysis);
  if (Object.keys(marks).length === 0 && lit.nodes.size === 0 && lit.bridges.size === 0) return elements;
  return elements.map((element) => {
    const id = element.data.id!;
    const classes = element.classes ? [element.classes as string] : [];
    if (element.group === 'nodes') {
      const mark = marks[id];
      if (!mark && !lit.nodes.has(id)) return element;
      if (mark?.lit || lit.nodes.has(id)) classes.push('analysis-lit');
      return {
        ...element,
        data: { ...element.data, ...(mark?.size ? { analysisSize: mark.size } : {}), ...(mark?.colour ? { analysisColour: mark.colour } : {}) },
        classes: classes.join(' '),
      };
    }
    const { source, target } = element.data as { source: string; target: string };
    if (lit.edges.has(id)) classes.push('analysis-link');
    else if (lit.bridges.has(`${source}\n${target}`)) classes.push('analysis-bridge');
    else return element;
    return { ...element, classes: classes.join(' ') };
  });
}

const RING: Record<Theme, string> = { light: '#e8590c', dark: '#ff922b' };

/** Stylesheet rules for the marks; they come after the kind rules (colour wins) and before selection (its border wins). */
export function analysisRules(theme: Theme): { selector: string; style: Record<string, string | number> }[] {
  return [
    { selector: 'node[analysisSize]', style: { width: 'data(analysisSize)', height: 'data(analysisSize)' } },
    { selector: 'node[analysisColour]', style: { 'background-color': 'data(analysisColour)' } },
    { selector: 'node.analysis-lit', style: { 'border-width': 5, 'border-color': RING[theme], 'border-style': 'solid' } },
    { selector: 'edge.analysis-link', style: { width: 4, 'line-color': RING[theme], 'target-arrow-color': RING[theme] } },
    { selector: 'edge.analysis-bridge', style: { width: 4, 'line-style': 'dashed', 'line-color': RING[theme], 'target-arrow-color': RING[theme] } },
  ];
}
