import { moreId, setMore, type Slice } from '../state/view';
import { selectedNodeIds } from './edit';
import { bringIn } from './place';
import { perform, update, viewOf, type Explorer } from './store';
import { formatCount } from '../state/counted';

/** How many links one expansion brings at most (with the neighbours at their ends); the rest waits behind a "+N more" handle. */
export const PAGE = 25;

const everything: Slice = { types: [], direction: 'both' };

/** Brings the next page of a node's neighbours (all, or one slice), leaving a "+N more" handle while some remain. */
export function expand(explorer: Explorer, id: string, slice: Slice = everything): Promise<void> {
  const node = viewOf(explorer).nodes[id];
  const key = moreId(id, slice.types, slice.direction);
  // A second click while the same page is on its way would fetch that page again.
  if (explorer.expanding.has(key)) return Promise.resolve();
  explorer.expanding.add(key);
  const skip = viewOf(explorer).more[key]?.loaded ?? 0;
  const name = node?.name ?? id;
  return perform(explorer, `Expanding ${name}…`, async () => {
    const page = await explorer.api.getNeighbours(id, { types: slice.types, direction: slice.direction, limit: PAGE, skip });
    // The server pages by relationship, so the page's edges are what `skip` counts.
    const loaded = skip + page.edges.length;
    const fresh = await bringIn(explorer, page, {
      parent: id,
      extra: setMore({ id: key, parent: id, types: slice.types, direction: slice.direction, loaded, total: page.total, atLeast: !page.totalExact }),
    });
    const more = page.total - loaded;
    let notice = '';
    if (page.total === 0) notice = `${name} has no links of that kind.`;
    else if (!page.totalExact)
      notice = `Showing ${formatCount(loaded)} of more than ${formatCount(page.total)} links: click “+${formatCount(more)}+ more” for the next ${PAGE}.`;
    else if (fresh.length === 0 && loaded >= page.total) notice = `All ${formatCount(page.total)} of ${name}’s links of that kind are on the canvas.`;
    else if (more > 0)
      notice = `Showing ${formatCount(loaded)} of ${formatCount(page.total)} links: click “+${formatCount(more)} more” for the next ${Math.min(PAGE, more)}.`;
    if (notice) update(explorer, { notice });
  }).finally(() => explorer.expanding.delete(key));
}

/** A "+N more" handle was clicked: the next page of its slice. */
export function loadMore(explorer: Explorer, handleId: string): Promise<void> {
  const handle = viewOf(explorer).more[handleId];
  return handle ? expand(explorer, handle.parent, { types: handle.types, direction: handle.direction }) : Promise.resolve();
}

/** The first page of every selected node's neighbours. */
export function expandSelected(explorer: Explorer): Promise<void> {
  const ids = selectedNodeIds(explorer);
  return perform(explorer, `Expanding ${ids.length} nodes…`, async () => {
    for (const id of ids) {
      const page = await explorer.api.getNeighbours(id, { direction: 'both', limit: PAGE });
      const loaded = page.edges.length;
      await bringIn(explorer, page, {
        parent: id,
        extra: setMore({ id: moreId(id, [], 'both'), parent: id, types: [], direction: 'both', loaded, total: page.total, atLeast: !page.totalExact }),
      });
    }
  });
}
