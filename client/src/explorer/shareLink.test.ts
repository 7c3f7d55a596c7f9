import { describe, expect, it } from 'vitest';
import type { Graph } from '../api/types';
import { bazan, financed, guzman, leaderOf, person, shiningPath } from '../state/testGraph';
import { encodeView } from '../state/url';
import { addGraph, emptyView, hideNodes, setFilters, setLayout, setPositions, togglePin } from '../state/view';
import { memoryApi } from './memoryApi';
import { copyLink, currentLink, restoreFromLink, shareableUrl } from './shareLink';
import { createExplorer, update, viewOf } from './store';

const peru: Graph = { nodes: [guzman, shiningPath, bazan], edges: [leaderOf, financed] };

/** The link a colleague copied: Peru's three actors placed, one pinned, one hidden, a filter, a layout and a selection. */
function sharedLink(extra: Graph = { nodes: [], edges: [] }): string {
  let view = addGraph({ nodes: [...peru.nodes, ...extra.nodes], edges: peru.edges })(emptyView());
  view = setPositions({ [guzman.id]: { x: 10, y: 20 }, [shiningPath.id]: { x: 200, y: 40 }, [bazan.id]: { x: 400, y: -60 } })(view);
  view = togglePin([shiningPath.id, ...extra.nodes.map((node) => node.id)])(view);
  view = hideNodes([bazan.id])(view);
  view = setFilters({ hiddenTypes: ['FINANCED'], years: [1990, 2020], undated: 'dim' })(view);
  view = setLayout('concentric')(view);
  return encodeView(view, [guzman.id]);
}

describe('opening a shared link', () => {
  it('fetches the nodes again with their links and keeps positions, pins, hidden nodes, filters, layout and selection', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await restoreFromLink(explorer, sharedLink());
    const view = viewOf(explorer);
    expect(Object.keys(view.nodes).sort()).toEqual(peru.nodes.map((node) => node.id).sort());
    expect(Object.keys(view.edges).sort()).toEqual([financed.id, leaderOf.id].sort());
    expect(view.positions).toEqual({ [guzman.id]: { x: 10, y: 20 }, [shiningPath.id]: { x: 200, y: 40 }, [bazan.id]: { x: 400, y: -60 } });
    expect(view.pinned).toEqual([shiningPath.id]);
    expect(view.hidden).toEqual([bazan.id]);
    expect(view.filters).toEqual({ hiddenTypes: ['FINANCED'], hiddenKinds: [], years: [1990, 2020], undated: 'dim' });
    expect(view.layout).toBe('concentric');
    const state = explorer.store.getState();
    expect(state.selection).toEqual([guzman.id]);
    expect(state.history.past).toEqual([]);
    expect(state.viewportRequest).toEqual({ kind: 'fit' });
    expect(state.restoring).toBe(false);
    expect(currentLink(explorer)).toBe(sharedLink());
    await expect.poll(() => viewOf(explorer).degrees[shiningPath.id]).toBe(2);
  });

  it('says how many entities of the link are gone from the database, and drops their pins', async () => {
    const gone = person('person:gone', 'Gone');
    const explorer = createExplorer(memoryApi(peru));
    await restoreFromLink(explorer, sharedLink({ nodes: [gone], edges: [] }));
    expect(Object.keys(viewOf(explorer).nodes)).toHaveLength(3);
    expect(viewOf(explorer).pinned).toEqual([shiningPath.id]);
    expect(explorer.store.getState().notice).toBe('1 entity from the link no longer exists in the database.');
  });

  it('falls back on one request per node when the links cannot be read', async () => {
    const api = memoryApi(peru);
    api.getSubgraph = () => Promise.reject(new Error('timeout'));
    const explorer = createExplorer(api);
    await restoreFromLink(explorer, sharedLink());
    expect(Object.keys(viewOf(explorer).nodes)).toHaveLength(3);
    expect(api.calls.filter((call) => call.name === 'getNode')).toHaveLength(3);
  });

  it('leaves the canvas alone for an address without a readable view', async () => {
    const api = memoryApi(peru);
    const explorer = createExplorer(api);
    await restoreFromLink(explorer, '#view=not-json');
    await restoreFromLink(explorer, '');
    expect(viewOf(explorer)).toEqual(emptyView());
    expect(api.calls).toEqual([]);
  });

  it('does not write the address while the link is being opened', async () => {
    const explorer = createExplorer(memoryApi(peru));
    const opening = restoreFromLink(explorer, sharedLink());
    expect(currentLink(explorer)).toBeUndefined();
    await opening;
    expect(currentLink(explorer)).toMatch(/^#view=/);
  });

  it('highlights the path the link showed again, with its ends in the Paths tab, and keeps it in the link it writes', async () => {
    const view = addGraph(peru)(emptyView());
    const shown = { nodes: [guzman.id, shiningPath.id, bazan.id], edges: [leaderOf.id, financed.id] };
    const link = encodeView(view, [], { paths: [shown], active: 0, only: true });
    const explorer = createExplorer(memoryApi(peru));
    await restoreFromLink(explorer, link);
    const state = explorer.store.getState();
    expect(state.paths).toEqual({ paths: [peru], active: 0, only: true });
    expect(state.pathEnds).toEqual({ from: guzman, to: bazan });
    expect(state.sideTab).toBe('paths');
    expect(state.viewportRequest).toEqual({ kind: 'focus', ids: shown.nodes });
    expect(currentLink(explorer)).toBe(link);
  });

  it('leaves out a linked path whose relationship is gone from the database', async () => {
    const view = addGraph(peru)(emptyView());
    const link = encodeView(view, [], { paths: [{ nodes: [guzman.id, shiningPath.id], edges: ['gone'] }], active: 0, only: false });
    const explorer = createExplorer(memoryApi(peru));
    await restoreFromLink(explorer, link);
    expect(explorer.store.getState().paths).toBeUndefined();
  });
});

describe('Copy link', () => {
  it('puts the address of the view, path included, on the clipboard and says so', async () => {
    const explorer = createExplorer(memoryApi(peru));
    update(explorer, { history: { past: [], present: addGraph(peru)(emptyView()), future: [] }, paths: { paths: [peru], active: 0, only: false } });
    const url = shareableUrl(explorer, { origin: 'https://nexo.example', pathname: '/', search: '' });
    expect(url).toMatch(/^https:\/\/nexo\.example\/#view=/);
    const copied: string[] = [];
    await copyLink(explorer, url, async (text) => {
      copied.push(text);
    });
    expect(copied).toEqual([url]);
    expect(explorer.store.getState().notice).toBe('Link copied: it opens this view with its path highlight.');
  });

  it('shows the address to copy by hand when the browser refuses the clipboard', async () => {
    const explorer = createExplorer(memoryApi(peru));
    await copyLink(explorer, 'https://nexo.example/#view=abc', () => Promise.reject(new Error('denied')));
    expect(explorer.store.getState().notice).toBe('Copy this link: https://nexo.example/#view=abc');
  });
});
