import { describe, expect, it } from 'vitest';
import { maxIds } from '../api/schema.gen';
import type { Graph, GraphEdge } from '../api/types';
import { link, person } from '../state/testGraph';
import { encodeView } from '../state/url';
import { addGraph, emptyView } from '../state/view';
import { expand } from './expand';
import { degreesOf, linksAround } from './links';
import { restoreFromLink } from './shareLink';
import { memoryApi, type MemoryApi } from './memoryApi';
import { commit, createExplorer, viewOf } from './store';

const CANVAS = 2500;

/** 2,500 actors in a ring with chords across it, so links join every part of the list to every other. */
function largeNetwork(): Graph {
  const nodes = Array.from({ length: CANVAS }, (_unused, index) => person(`n:${index}`, `Actor ${index}`));
  const edges: GraphEdge[] = [];
  for (let index = 0; index < CANVAS; index += 1) {
    edges.push(link(`n:${index}`, 'KNOWS', `n:${(index + 1) % CANVAS}`));
    if (index % 10 === 0) edges.push(link(`n:${index}`, 'CALLED', `n:${(index + 1237) % CANVAS}`));
  }
  return { nodes, edges };
}

function largestRequest(api: MemoryApi, name: string): number {
  return Math.max(...api.calls.filter((call) => call.name === name).map((call) => call.ids!.length));
}

describe('requests within the server’s id limits', () => {
  it('the limits come from the server’s document', () => {
    expect(maxIds).toEqual({ subgraph: 2000, degrees: 2000, analysis: 5000 });
  });

  it('reads every link among 2,500 nodes in requests the server accepts', async () => {
    const network = largeNetwork();
    const api = memoryApi(network);
    const graph = await linksAround(
      api,
      network.nodes.map((node) => node.id),
    );
    expect(graph.nodes).toHaveLength(CANVAS);
    expect(graph.edges.map((edge) => edge.id).sort()).toEqual(network.edges.map((edge) => edge.id).sort());
    expect(largestRequest(api, 'getSubgraph')).toBeLessThanOrEqual(maxIds.subgraph);
  });

  it('an expansion on a canvas of 2,500 nodes still draws its links to the whole canvas', async () => {
    const network = largeNetwork();
    const hub = person('hub', 'Hub');
    const members = Array.from({ length: 10 }, (_unused, index) => person(`member:${index}`, `Member ${index}`));
    // Each member knows the hub, the next member and one actor spread over the canvas, the last ones far down the list.
    const edges = members.flatMap((member, index) => [
      link(member.id, 'MEMBER_OF', hub.id),
      link(member.id, 'KNOWS', `n:${CANVAS - 1 - index * 240}`),
      ...(index > 0 ? [link(member.id, 'KNOWS', members[index - 1]!.id)] : []),
    ]);
    const api = memoryApi({ nodes: [...network.nodes, hub, ...members], edges: [...network.edges, ...edges] });
    const explorer = createExplorer(api);
    commit(explorer, addGraph({ nodes: [...network.nodes, hub], edges: network.edges }));

    await expand(explorer, hub.id);
    const view = viewOf(explorer);
    expect(Object.keys(view.nodes)).toHaveLength(CANVAS + 1 + members.length);
    for (const edge of edges) expect(view.edges[edge.id], edge.id).toBeDefined();
    expect(largestRequest(api, 'getSubgraph')).toBeLessThanOrEqual(maxIds.subgraph);
  });

  it('reads the degrees of 2,500 nodes in requests the server accepts', async () => {
    const network = largeNetwork();
    const api = memoryApi(network);
    const degrees = await degreesOf(
      api,
      network.nodes.map((node) => node.id),
    );
    expect(Object.keys(degrees)).toHaveLength(CANVAS);
    expect(degrees['n:0']).toBe(3);
    expect(largestRequest(api, 'getDegrees')).toBeLessThanOrEqual(maxIds.degrees);
  });

  it('asks nothing for no ids and once for a list within the limit', async () => {
    const network = largeNetwork();
    const api = memoryApi(network);
    expect(await linksAround(api, [])).toEqual({ nodes: [], edges: [] });
    await linksAround(api, ['n:1', 'n:2'], ['n:3']);
    expect(api.calls).toEqual([{ name: 'getSubgraph', ids: ['n:1', 'n:2', 'n:3'] }]);
  });

  it('a shared link of 2,500 nodes reopens with every link, without falling back on one request per node', async () => {
    const network = largeNetwork();
    const api = memoryApi(network);
    const explorer = createExplorer(api);
    await restoreFromLink(explorer, encodeView(addGraph(network)(emptyView()), []));
    expect(Object.keys(viewOf(explorer).nodes)).toHaveLength(CANVAS);
    expect(Object.keys(viewOf(explorer).edges)).toHaveLength(network.edges.length);
    expect(api.calls.filter((call) => call.name === 'getNode')).toEqual([]);
    await expect.poll(() => Object.keys(viewOf(explorer).degrees).length).toBe(CANVAS);
    expect(largestRequest(api, 'getSubgraph')).toBeLessThanOrEqual(maxIds.subgraph);
    expect(largestRequest(api, 'getDegrees')).toBeLessThanOrEqual(maxIds.degrees);
  });
});
