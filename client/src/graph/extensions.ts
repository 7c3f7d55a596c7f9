import cytoscape from 'cytoscape';
import cola from 'cytoscape-cola';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { ForceAtlasLayout } from './forceAtlasLayout';

let registered = false;

/** Registers the layout and export extensions once per page, whatever mounts first. */
export function registerExtensions(): void {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(cola);
  cytoscape.use(dagre);
  cytoscape.use(svg);
  cytoscape('layout', 'forceatlas2', ForceAtlasLayout);
  registered = true;
}
