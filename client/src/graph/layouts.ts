import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import type { ForceAtlasLayoutOptions } from './forceAtlasLayout';

export interface LayoutContext {
  cy: Core;
  /** Root for tree layouts: the selected node, else the most connected one. */
  roots: string[];
  pinned: Set<string>;
  animate: boolean;
}

export interface LayoutEntry {
  id: string;
  label: string;
  description: string;
  options: (context: LayoutContext) => LayoutOptions;
}

/**
 * Past this many nodes fCoSE takes seconds here and holds the page while it runs (it grows much faster than
 * linearly), so the automatic choice and expansions switch to ForceAtlas2, and cola and fCoSE stop refining.
 */
export const BIG_VIEW = 500;

/** The layout the automatic entry runs for a view of `nodeCount` nodes. */
export function automaticLayout(nodeCount: number): 'fcose' | 'forceatlas2' {
  return nodeCount > BIG_VIEW ? 'forceatlas2' : 'fcose';
}

const fixed = (context: LayoutContext) =>
  context.cy
    .nodes()
    .filter((node: NodeSingular) => context.pinned.has(node.id()))
    .map((node: NodeSingular) => ({ nodeId: node.id(), position: { ...node.position() } }));

const degreeOf = (node: NodeSingular): number => Number(node.data('degree') ?? node.degree(false));

const forceAtlas = (context: LayoutContext): LayoutOptions =>
  ({ name: 'forceatlas2', fixed: context.pinned, fit: true, padding: 40 }) satisfies ForceAtlasLayoutOptions as unknown as LayoutOptions;

export const LAYOUTS: LayoutEntry[] = [
  {
    id: 'auto',
    label: 'Automatic',
    description: `Force (fCoSE) up to ${BIG_VIEW} nodes, ForceAtlas2 for larger views; the default.`,
    options: (context) => layoutById(automaticLayout(context.cy.nodes().length)).options(context),
  },
  {
    id: 'fcose',
    label: 'Force (fCoSE)',
    description: 'Groups linked actors together, avoiding overlaps; slow past a few hundred nodes.',
    options: (context) => {
      const big = context.cy.nodes().length > BIG_VIEW;
      const pins = fixed(context);
      return {
        name: 'fcose',
        animate: context.animate && !big,
        animationDuration: 600,
        quality: big ? 'draft' : 'default',
        randomize: true,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: 110,
        nodeRepulsion: 9000,
        nodeSeparation: 90,
        padding: 40,
        ...(pins.length ? { fixedNodeConstraint: pins } : {}),
      } as LayoutOptions;
    },
  },
  {
    id: 'forceatlas2',
    label: 'Large graphs (ForceAtlas2)',
    description: 'Fast force layout for thousands of nodes; the page stays responsive while it runs.',
    options: forceAtlas,
  },
  {
    id: 'cola',
    label: 'Physics (cola)',
    description: 'A live physics simulation that avoids overlaps.',
    options: (context) =>
      ({
        name: 'cola',
        animate: context.animate,
        maxSimulationTime: context.cy.nodes().length > BIG_VIEW ? 1500 : 2500,
        avoidOverlap: true,
        nodeSpacing: 18,
        edgeLength: 130,
        randomize: false,
        padding: 40,
      }) as LayoutOptions,
  },
  {
    id: 'dagre',
    label: 'Hierarchy (dagre)',
    description: 'Layers following the direction of relationships.',
    options: (context) =>
      ({ name: 'dagre', animate: context.animate, animationDuration: 500, rankDir: 'TB', nodeSep: 40, rankSep: 90, padding: 40 }) as LayoutOptions,
  },
  {
    id: 'breadthfirst',
    label: 'Tree from selection',
    description: 'Rings of distance from the selected node.',
    options: (context) =>
      ({
        name: 'breadthfirst',
        animate: context.animate,
        animationDuration: 500,
        roots: context.roots.length ? context.roots.map((id) => `#${CSS.escape(id)}`).join(',') : undefined,
        directed: false,
        spacingFactor: 1.1,
        padding: 40,
      }) as LayoutOptions,
  },
  {
    id: 'concentric',
    label: 'Concentric by degree',
    description: 'The most connected actors in the middle.',
    options: (context) =>
      ({
        name: 'concentric',
        animate: context.animate,
        animationDuration: 500,
        concentric: degreeOf,
        levelWidth: () => 3,
        minNodeSpacing: 30,
        padding: 40,
      }) as LayoutOptions,
  },
  {
    id: 'circle',
    label: 'Circle',
    description: 'Everyone on one circle.',
    options: (context) => ({ name: 'circle', animate: context.animate, animationDuration: 500, padding: 40 }) as LayoutOptions,
  },
  {
    id: 'grid',
    label: 'Grid',
    description: 'Rows and columns; the fastest for large views.',
    options: (context) => ({ name: 'grid', animate: context.animate, animationDuration: 500, avoidOverlap: true, padding: 40 }) as LayoutOptions,
  },
];

/** The menu label; the automatic entry says which layout it would run now, so a user knows what to expect. */
export function layoutLabel(entry: LayoutEntry, nodeCount: number): string {
  return entry.id === 'auto' ? `Automatic (${automaticLayout(nodeCount) === 'fcose' ? 'fCoSE' : 'ForceAtlas2'})` : entry.label;
}

export function layoutById(id: string): LayoutEntry {
  return LAYOUTS.find((layout) => layout.id === id) ?? LAYOUTS[0]!;
}
