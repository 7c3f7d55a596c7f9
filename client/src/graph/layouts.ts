import cytoscape, { type Core, type LayoutOptions, type NodeSingular } from 'cytoscape';
import cola from 'cytoscape-cola';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';

let registered = false;

/** Registers the layout and export extensions once per page, whatever mounts first. */
export function registerExtensions(): void {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(cola);
  cytoscape.use(dagre);
  cytoscape.use(svg);
  registered = true;
}

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

/** Past this many nodes the force-directed layouts are too slow here to animate or refine. */
export const BIG_VIEW = 800;

const fixed = (context: LayoutContext) =>
  context.cy
    .nodes()
    .filter((node: NodeSingular) => context.pinned.has(node.id()))
    .map((node: NodeSingular) => ({ nodeId: node.id(), position: { ...node.position() } }));

const degreeOf = (node: NodeSingular): number => Number(node.data('degree') ?? node.degree(false));

export const LAYOUTS: LayoutEntry[] = [
  {
    id: 'fcose',
    label: 'Force (fCoSE)',
    description: 'Groups linked actors together; the default.',
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

export function layoutById(id: string): LayoutEntry {
  return LAYOUTS.find((layout) => layout.id === id) ?? LAYOUTS[0]!;
}
