import type { Graph, GraphEdge, GraphNode } from '../api/types';

/** A small graph in the API's shape, for unit tests of the pure state code. */
export function person(id: string, name: string, properties: Record<string, unknown> = {}): GraphNode {
  return { id, labels: ['Entity', 'Person'], name, properties };
}

export function organization(id: string, name: string, properties: Record<string, unknown> = {}): GraphNode {
  return { id, labels: ['Entity', 'Organization'], name, properties };
}

export function link(source: string, type: string, target: string, properties: Record<string, unknown> = {}): GraphEdge {
  return { id: `${source}-[${type}]->${target}`, type, source, target, properties };
}

export const guzman = person('person:abimael-guzman', 'Abimael Guzmán', { aliases: ['Guzman'] });
export const shiningPath = organization('organization:shining-path', 'Shining Path', { aliases: ['Sendero Luminoso'] });
export const bazan = person('person:david-bazan-arevalo', 'David Bazán Arévalo', { date: '2017-07-26' });
export const leaderOf = link(guzman.id, 'LEADER_OF', shiningPath.id, {
  quotes: ['Abimael Guzmán is the former leader of Shining Path.'],
  source: 'peru-organised-crime',
});
export const financed = link(bazan.id, 'FINANCED', shiningPath.id, { quotes: ['He financed Shining Path.'], source: 'peru-organised-crime', since: '2010' });

export const peruPath: Graph = { nodes: [guzman, shiningPath, bazan], edges: [leaderOf, financed] };
