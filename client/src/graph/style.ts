import type { StylesheetJson } from 'cytoscape';
import { SYMMETRIC_TYPES } from '../state/paths';
import { analysisRules } from './analysisMarks';
import { EDGE_LABEL_FONT } from './edgeLabels';
import { linkStyle } from './linkStyle';
import { CURATED_KINDS, kindStyle } from './nodeStyle';

export { kindStyle };

export type Theme = 'light' | 'dark';

interface Palette {
  text: string;
  textBackground: string;
  accent: string;
  path: string;
  more: string;
}

const PALETTES: Record<Theme, Palette> = {
  light: { text: '#1d2330', textBackground: '#ffffff', accent: '#e0a100', path: '#d6336c', more: '#6b7280' },
  dark: { text: '#e6e9ef', textBackground: '#161a22', accent: '#ffd34d', path: '#ff6b9a', more: '#9aa3b2' },
};

/**
 * The Cytoscape stylesheet: one rule per entity kind and relationship type, then states (selected, pinned, path…).
 *
 * `large` views (see renderer.ts) get a leaner sheet: Cytoscape resolves every property of every element and that,
 * not drawing, is most of the time a view of thousands takes to appear. So edges are straight haystack lines without
 * arrows and carry a type label only when selected or on a path, node labels show once zoomed in far enough to
 * read, and label backgrounds and fade transitions go.
 */
export function buildStylesheet(theme: Theme, kinds: string[], types: string[], large = false): StylesheetJson {
  const palette = PALETTES[theme];
  const kindRules: Rule[] = [...new Set([...CURATED_KINDS, ...kinds])].map((kind) => {
    const style = kindStyle(kind);
    return {
      selector: `node[kind = ${JSON.stringify(kind)}]`,
      style: { 'background-color': style.color, shape: style.shape, 'background-image': style.icon },
    };
  });
  // Colour by family (violence, money, places…) and, as a second channel, the family's line and arrowhead (linkStyle.ts).
  const typeRules: Rule[] = types.map((type) => {
    const link = linkStyle(type, theme);
    return {
      selector: `edge[type = ${JSON.stringify(type)}]`,
      style: {
        'line-color': link.color,
        ...(large
          ? {}
          : {
              'line-style': link.line,
              'target-arrow-color': link.color,
              'target-arrow-shape': SYMMETRIC_TYPES.has(type) ? 'none' : link.arrow,
            }),
      },
    };
  });
  const fade = { 'transition-property': 'opacity', 'transition-duration': 200 };
  const edgeLabel = {
    label: 'data(type)',
    'font-size': EDGE_LABEL_FONT,
    'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    color: palette.text,
    'text-rotation': 'autorotate',
    'text-background-color': palette.textBackground,
    'text-background-opacity': 0.85,
    'text-background-padding': '1px',
    'text-opacity': 1,
  };
  const rules: Rule[] = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 'mapData(degree, 0, 25, 30, 72)',
        height: 'mapData(degree, 0, 25, 30, 72)',
        'background-color': '#7f8c8d',
        'background-width': '58%',
        'background-height': '58%',
        'background-clip': 'none',
        'border-width': 2,
        'border-color': palette.textBackground,
        color: palette.text,
        'font-size': 12,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        'font-weight': 500,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        ...(large
          ? { 'min-zoomed-font-size': 10 }
          : {
              'text-background-color': palette.textBackground,
              'text-background-opacity': 0.8,
              'text-background-padding': '2px',
              'text-background-shape': 'roundrectangle',
              'min-zoomed-font-size': 7,
              ...fade,
            }),
      },
    },
    ...kindRules,
    {
      selector: 'edge',
      style: large
        ? { width: 1.2, 'curve-style': 'haystack', 'haystack-radius': 0, 'line-color': '#8a94a6' }
        : {
            width: 1.6,
            'curve-style': 'bezier',
            'line-color': '#8a94a6',
            'target-arrow-color': '#8a94a6',
            'target-arrow-shape': 'triangle',
            'arrow-scale': 1.1,
            // Every edge carries its label, transparent, so edgeLabels.ts can measure where it would go.
            ...edgeLabel,
            'text-opacity': 0,
            'text-background-opacity': 0,
            ...fade,
          },
    },
    ...typeRules,
    // Type labels at rest only where edgeLabels.ts found room for them, and once the zoom makes them readable.
    ...(large ? [] : [{ selector: 'edge.labelled', style: { ...edgeLabel, 'min-zoomed-font-size': 0 } }]),
    ...analysisRules(theme),
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'double', 'border-color': palette.text } },
    { selector: 'node.undated', style: { 'border-style': 'dashed', 'border-width': 2, 'border-color': palette.more } },
    { selector: '.faint', style: { opacity: 0.3 } },
    {
      selector: 'node.more',
      style: {
        shape: 'round-rectangle',
        width: 'data(width)',
        height: 24,
        'background-color': palette.textBackground,
        'background-image': 'none',
        'border-width': 2,
        'border-style': 'dashed',
        'border-color': palette.accent,
        color: palette.text,
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-background-opacity': 0,
        'font-size': 12,
        'font-weight': 600,
        'min-zoomed-font-size': 0,
      },
    },
    { selector: 'edge.more', style: { 'line-style': 'dashed', 'line-color': palette.more, 'target-arrow-shape': 'none', label: '' } },
    { selector: 'edge.near', style: { ...edgeLabel, 'min-zoomed-font-size': 0, 'font-size': 10, width: 2.4 } },
    { selector: '.dimmed', style: { opacity: 0.15 } },
    // A path's names stay readable at any zoom, like its relationship labels (a small screen fits it zoomed out).
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': palette.path, 'min-zoomed-font-size': 0 } },
    {
      selector: 'edge.path',
      style: {
        ...edgeLabel,
        width: 4,
        'line-color': palette.path,
        'target-arrow-color': palette.path,
        'line-style': 'solid',
        'font-size': 11,
        'font-weight': 'bold',
        'min-zoomed-font-size': 0,
      },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': palette.accent, 'border-style': 'solid' } },
    { selector: 'edge:selected', style: { width: 4, 'line-color': palette.accent, 'target-arrow-color': palette.accent } },
    { selector: 'core', style: { 'active-bg-color': palette.accent, 'selection-box-color': palette.accent, 'selection-box-border-color': palette.accent } },
  ];
  // Cytoscape's typings list each property per selector kind; the rules are checked by eye and by the e2e screenshots.
  return rules as unknown as StylesheetJson;
}

interface Rule {
  selector: string;
  style: Record<string, string | number>;
}
