import type { ElementDefinition } from 'cytoscape';
import { analysisHighlight } from '../explorer/analysis';
import { nodeMarks, type AnalysisState } from '../state/analysis';
import type { Theme } from './style';

/**
 * The Analysis panel's marks on the canvas elements: node size or colour by score, community colours, rings on key
 * players, brokers and linked actors, and the bridges and connecting ties drawn heavier. Elements are copied, never
 * changed, so the plain view stays as toElements made it. Every node carries both data fields (0 and '' for none):
 * the canvas merges new data into old, so a field left out would keep the last analysis's value.
 */
export function markAnalysis(elements: ElementDefinition[], analysis: AnalysisState): ElementDefinition[] {
  const marks = nodeMarks(analysis.result, analysis.overlay);
  const lit = analysisHighlight(analysis);
  return elements.map((element) => {
    const id = element.data.id!;
    const classes = element.classes ? [element.classes as string] : [];
    if (element.group === 'nodes') {
      const mark = marks[id];
      if (mark?.lit || lit.nodes.has(id)) classes.push('analysis-lit');
      return {
        ...element,
        data: { ...element.data, analysisSize: mark?.size ?? 0, analysisColour: mark?.colour ?? '' },
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
    { selector: 'node[?analysisSize]', style: { width: 'data(analysisSize)', height: 'data(analysisSize)' } },
    { selector: 'node[?analysisColour]', style: { 'background-color': 'data(analysisColour)' } },
    { selector: 'node.analysis-lit', style: { 'border-width': 5, 'border-color': RING[theme], 'border-style': 'solid' } },
    { selector: 'edge.analysis-link', style: { width: 4, 'line-color': RING[theme], 'target-arrow-color': RING[theme] } },
    { selector: 'edge.analysis-bridge', style: { width: 4, 'line-style': 'dashed', 'line-color': RING[theme], 'target-arrow-color': RING[theme] } },
  ];
}
