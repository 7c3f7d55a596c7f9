import type { StylesheetJson } from 'cytoscape';
import { SYMMETRIC_TYPES } from '../state/paths';
import { CURATED_KINDS, kindStyle } from './nodeStyle';

export { kindStyle };

export type Theme = 'light' | 'dark';

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

const TYPE_COLOURS = ['#6c7a89', '#8d6e63', '#5c7cab', '#7a8f4e', '#a0646e', '#4f8a8b', '#8a6fa8', '#9a7b3c'];

/** A muted colour per relationship type, stable across sessions. */
export function typeColour(type: string): string {
  return TYPE_COLOURS[hash(type) % TYPE_COLOURS.length]!;
}

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
  const typeRules: Rule[] = types.map((type) => ({
    selector: `edge[type = ${JSON.stringify(type)}]`,
    style: {
      'line-color': typeColour(type),
      ...(large ? {} : { 'target-arrow-color': typeColour(type), ...(SYMMETRIC_TYPES.has(type) ? { 'target-arrow-shape': 'none' } : {}) }),
    },
  }));
  const fade = { 'transition-property': 'opacity', 'transition-duration': 200 };
  const edgeLabel = {
    label: 'data(type)',
    'font-size': 9,
    'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    color: palette.text,
    'text-rotation': 'autorotate',
    'text-background-color': palette.textBackground,
    'text-background-opacity': 0.85,
    'text-background-padding': '1px',
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
            ...edgeLabel,
            // Type labels on every edge of a busy view are noise: they appear once zoomed in, or for the selection's edges.
            'min-zoomed-font-size': 14,
            ...fade,
          },
    },
    ...typeRules,
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'double', 'border-color': palette.text } },
    { selector: 'node.undated', style: { 'border-style': 'dashed', 'border-width': 2, 'border-color': palette.more } },
    { selector: 'edge.undated', style: { 'line-style': 'dashed' } },
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
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': palette.path } },
    {
      selector: 'edge.path',
      style: {
        ...edgeLabel,
        width: 4,
        'line-color': palette.path,
        'target-arrow-color': palette.path,
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
