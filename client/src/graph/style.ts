import type { StylesheetJson } from 'cytoscape';
import { SYMMETRIC_TYPES } from '../state/paths';
import { analysisRules } from './analysisMarks';

export type Theme = 'light' | 'dark';

interface KindStyle {
  color: string;
  shape: string;
  icon: string;
}

// White glyphs drawn inside the node, so a kind reads by colour, shape and icon (colour alone fails the colour-blind).
const glyph = (path: string): string =>
  `data:image/svg+xml;utf8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 24 24" fill="#ffffff">${path}</svg>`)}`;

const KINDS: Record<string, KindStyle> = {
  Person: {
    color: '#3b6fd8',
    shape: 'ellipse',
    icon: glyph('<circle cx="12" cy="7.5" r="4.2"/><path d="M3.5 21c0-4.8 3.8-8 8.5-8s8.5 3.2 8.5 8z"/>'),
  },
  Organization: {
    color: '#d9822b',
    shape: 'round-rectangle',
    icon: glyph('<path d="M3 21V8l6-3v3l6-3v3l6-3v16zm4-3h2v-3H7zm4 0h2v-3h-2zm4 0h2v-3h-2zm-8-5h2v-2H7zm4 0h2v-2h-2zm4 0h2v-2h-2z"/>'),
  },
  // Unnamed collectives (victims, supporters, a trade): people in a ring.
  Group: {
    color: '#b5485d',
    shape: 'round-pentagon',
    icon: glyph(
      '<circle cx="12" cy="6" r="3"/><circle cx="5.5" cy="10" r="2.6"/><circle cx="18.5" cy="10" r="2.6"/><path d="M6.5 21c0-3.6 2.5-6.5 5.5-6.5s5.5 2.9 5.5 6.5zM1 19c0-2.6 1.9-4.6 4.5-4.6 1 0 1.9.3 2.6.8A8.6 8.6 0 0 0 5.2 19zM23 19c0-2.6-1.9-4.6-4.5-4.6-1 0-1.9.3-2.6.8a8.6 8.6 0 0 1 2.9 3.8z"/>',
    ),
  },
  Location: {
    color: '#2e9e6a',
    shape: 'round-diamond',
    icon: glyph('<path d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.6A2.6 2.6 0 1 1 12 6.4a2.6 2.6 0 0 1 0 5.2z"/>'),
  },
  Event: {
    color: '#9b59b6',
    shape: 'round-hexagon',
    icon: glyph('<path d="M6 3h2v2h8V3h2v2h2a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1h2zm-1 7v9h14v-9zm2 2h4v4H7z"/>'),
  },
};

const FALLBACK_COLOURS = ['#c0392b', '#16a085', '#8e6c3a', '#5d6d7e', '#b0417a', '#4a7c59', '#7d5ba6', '#a3701f'];
const FALLBACK_ICON = glyph('<circle cx="12" cy="12" r="5"/>');

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

/** Colour, shape and icon for an entity kind; kinds brought by imports get a stable colour of their own. */
export function kindStyle(kind: string): KindStyle {
  return KINDS[kind] ?? { color: FALLBACK_COLOURS[hash(kind) % FALLBACK_COLOURS.length]!, shape: 'round-octagon', icon: FALLBACK_ICON };
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
  const kindRules: Rule[] = [...new Set([...Object.keys(KINDS), ...kinds])].map((kind) => {
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
    ...analysisRules(theme),
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
