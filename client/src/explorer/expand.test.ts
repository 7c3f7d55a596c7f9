import { describe, expect, it } from 'vitest';
import type { Graph } from '../api/types';
import { link, organization, person } from '../state/testGraph';
import { moreId } from '../state/view';
import { redoStep, storePositions, undoStep } from './edit';
import { expand, expandSelected, loadMore, PAGE } from './expand';
import { memoryApi } from './memoryApi';
import { place } from './place';
import { createExplorer, viewOf } from './store';

/** An organisation with `size` members, each MEMBER_OF it, and one FINANCED link from a donor. */
function hub(size: number): Graph {
  const centre = organization('org:hub', 'Hub');
  const members = Array.from({ length: size }, (_unused, index) => person(`person:${String(index).padStart(4, '0')}`, `Member ${index}`));
  const donor = person('person:donor', 'Donor');
  return {
    nodes: [centre, donor, ...members],
    edges: [link(donor.id, 'FINANCED', centre.id), ...members.map((member) => link(member.id, 'MEMBER_OF', centre.id))],
  };
}

async function explorerWithHub(size: number) {
  const graph = hub(size);
  const api = memoryApi(graph);
  const explorer = createExplorer(api);
  await place(explorer, [graph.nodes[0]!]);
  return { explorer, api, graph };
}

const allOfHub = moreId('org:hub', [], 'both');

describe('expanding a hub a page at a time', () => {
  it('brings the first page with a "+N more" handle, then the next pages, and drops the handle once all is loaded', async () => {
    const { explorer, api } = await explorerWithHub(59);
    await expand(explorer, 'org:hub');
    expect(Object.keys(viewOf(explorer).nodes)).toHaveLength(1 + PAGE);
    expect(viewOf(explorer).more[allOfHub]).toMatchObject({ loaded: 25, total: 60, atLeast: false });
    expect(explorer.store.getState().notice).toBe('Showing 25 of 60 links: click “+35 more” for the next 25.');

    await loadMore(explorer, allOfHub);
    expect(Object.keys(viewOf(explorer).nodes)).toHaveLength(1 + 50);
    expect(viewOf(explorer).more[allOfHub]).toMatchObject({ loaded: 50, total: 60 });
    expect(explorer.store.getState().notice).toBe('Showing 50 of 60 links: click “+10 more” for the next 10.');

    await loadMore(explorer, allOfHub);
    expect(Object.keys(viewOf(explorer).nodes)).toHaveLength(1 + 60);
    expect(viewOf(explorer).more).toEqual({});
    expect(viewOf(explorer).positions[allOfHub]).toBeUndefined();
    const skips = api.calls.filter((call) => call.name === 'getNeighbours').map((call) => call.slice?.skip);
    expect(skips).toEqual([0, 25, 50]);
  });

  it('counts links, not actors: an actor linked two ways comes with the page of each link and is placed once', async () => {
    const graph = hub(30);
    graph.edges.push(link('person:donor', 'MEMBER_OF', 'org:hub'));
    const api = memoryApi(graph);
    const explorer = createExplorer(api);
    await place(explorer, [graph.nodes[0]!]);
    await expand(explorer, 'org:hub');
    expect(viewOf(explorer).more[allOfHub]).toMatchObject({ loaded: 25, total: 32 });
    await loadMore(explorer, allOfHub);
    // The last page's seven links end at six members and the donor, who came with the first page.
    expect(Object.keys(viewOf(explorer).nodes)).toHaveLength(1 + 31);
    expect(viewOf(explorer).more).toEqual({});
    expect(Object.values(viewOf(explorer).edges).filter((edge) => edge.source === 'person:donor')).toHaveLength(2);
  });

  it('past the server’s count says "more than" and keeps the handle open-ended', async () => {
    const { explorer } = await explorerWithHub(1100);
    await expand(explorer, 'org:hub');
    expect(viewOf(explorer).more[allOfHub]).toMatchObject({ loaded: 25, total: 1025, atLeast: true });
    expect(explorer.store.getState().notice).toBe('Showing 25 of more than 1,025 links: click “+1,000+ more” for the next 25.');
  });

  it('pages one slice (a type and direction) behind its own handle', async () => {
    const { explorer } = await explorerWithHub(30);
    await expand(explorer, 'org:hub', { types: ['FINANCED'], direction: 'in' });
    expect(Object.keys(viewOf(explorer).nodes).sort()).toEqual(['org:hub', 'person:donor']);
    expect(viewOf(explorer).more).toEqual({});
    await expand(explorer, 'org:hub', { types: ['MEMBER_OF'], direction: 'in' });
    expect(Object.keys(viewOf(explorer).more)).toEqual([moreId('org:hub', ['MEMBER_OF'], 'in')]);
  });

  it('asks once when the same page is asked for again while on its way', async () => {
    const { explorer, api } = await explorerWithHub(30);
    await Promise.all([expand(explorer, 'org:hub'), expand(explorer, 'org:hub')]);
    expect(api.calls.filter((call) => call.name === 'getNeighbours')).toHaveLength(1);
  });

  it('says when a node has no links of the kind, or when all of them are already there', async () => {
    const { explorer } = await explorerWithHub(3);
    await expand(explorer, 'org:hub', { types: ['LEADER_OF'], direction: 'both' });
    expect(explorer.store.getState().notice).toBe('Hub has no links of that kind.');
    await expand(explorer, 'org:hub');
    await expand(explorer, 'person:0000', { types: ['MEMBER_OF'], direction: 'out' });
    expect(explorer.store.getState().notice).toBe('All 1 of Member 0’s links of that kind are on the canvas.');
  });

  it('expands every selected node', async () => {
    const { explorer, graph } = await explorerWithHub(3);
    await place(explorer, [graph.nodes[1]!]);
    explorer.store.setState({ selection: ['org:hub', 'person:donor'] });
    await expandSelected(explorer);
    expect(Object.keys(viewOf(explorer).nodes)).toHaveLength(graph.nodes.length);
  });

  it('shows a failed page as an error with a retry that asks again', async () => {
    const { explorer, api } = await explorerWithHub(3);
    const getNeighbours = api.getNeighbours;
    api.getNeighbours = () => Promise.reject(new Error('Server unreachable'));
    await expand(explorer, 'org:hub');
    expect(explorer.store.getState().activity).toEqual({ kind: 'error', message: 'Server unreachable', retryable: true });
    api.getNeighbours = getNeighbours;
    explorer.store.getState().retry!();
    await expect.poll(() => Object.keys(viewOf(explorer).nodes).length).toBe(5);
    expect(explorer.store.getState().activity).toEqual({ kind: 'idle' });
  });
});

describe('undo across an expansion', () => {
  it('takes back the expansion with the positions its layout settled on and the degrees that came after, and redo brings them back', async () => {
    const { explorer } = await explorerWithHub(5);
    await expect.poll(() => viewOf(explorer).degrees['org:hub']).toBe(6);
    const before = viewOf(explorer);
    await expand(explorer, 'org:hub');
    await expect.poll(() => viewOf(explorer).degrees['person:0000']).toBe(1);
    storePositions(explorer, { 'org:hub': { x: 10, y: 20 }, 'person:0000': { x: 300, y: 20 } }, 'settle');
    const expanded = viewOf(explorer);
    expect(explorer.store.getState().history.past).toHaveLength(2);

    undoStep(explorer);
    expect(viewOf(explorer)).toBe(before);
    expect(Object.keys(viewOf(explorer).nodes)).toEqual(['org:hub']);
    redoStep(explorer);
    expect(viewOf(explorer)).toBe(expanded);
    expect(viewOf(explorer).positions['person:0000']).toEqual({ x: 300, y: 20 });
  });

  it('a drag is a step of its own', async () => {
    const { explorer } = await explorerWithHub(2);
    await expand(explorer, 'org:hub');
    storePositions(explorer, { 'person:0000': { x: 1, y: 2 } }, 'drag');
    undoStep(explorer);
    expect(Object.keys(viewOf(explorer).nodes)).toHaveLength(4);
    expect(viewOf(explorer).positions['person:0000']).not.toEqual({ x: 1, y: 2 });
  });
});
