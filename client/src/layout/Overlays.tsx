import { collapseNode, hideNodeIds, hideSelected, pinNodeIds, pinSelected, removeNodeIds, removeSelected } from '../explorer/edit';
import { expand, expandSelected } from '../explorer/expand';
import { commonNeighbours, connectSelected, explainCentrality } from '../explorer/analysis';
import { avoidInPaths, findPathsAmong, MAX_AMONG, setPathEnd } from '../explorer/paths';
import { useExplorer, useExplorerState } from '../explorer/react';
import { requestViewport, update } from '../explorer/store';
import { ContextMenu } from '../panels/ContextMenu';
import { SelectionMenu } from '../panels/SelectionMenu';
import { DetailsPanel } from '../panels/DetailsPanel';
import { HelpDialog } from '../panels/HelpDialog';
import { SourceDialog } from '../panels/SourceDialog';
import { useShownSelection, useView } from './derived';

/** The details of the selection, beside the canvas. */
export function Details() {
  const explorer = useExplorer();
  const view = useView();
  const shownSelection = useShownSelection();
  const open = useExplorerState((state) => state.detailsOpen);
  const folded = useExplorerState((state) => state.detailsFolded);
  if (!open || shownSelection.length === 0) return null;
  if (folded)
    return (
      <aside className="details panel folded" aria-label="Details">
        <button
          type="button"
          className="fold"
          aria-label="Show the details"
          title="Show the details"
          onClick={() => update(explorer, { detailsFolded: false })}
        >
          « Details
        </button>
      </aside>
    );
  return (
    <DetailsPanel
      view={view}
      selection={shownSelection}
      onOpenSource={(sourceId, quote) => update(explorer, { source: { sourceId, quote } })}
      onSelect={(ids) => {
        update(explorer, { selection: ids });
        requestViewport(explorer, { kind: 'focus', ids });
      }}
      onExpand={(id, slice) => void expand(explorer, id, slice)}
      onExpandSelected={() => void expandSelected(explorer)}
      onHideSelected={() => hideSelected(explorer)}
      onRemoveSelected={() => removeSelected(explorer)}
      onPinSelected={() => pinSelected(explorer)}
      onClose={() => update(explorer, { detailsOpen: false })}
      onFold={() => update(explorer, { detailsFolded: true })}
    />
  );
}

/** What opens over the page: a node's context menu, a source text, the help. */
export function Overlays() {
  const explorer = useExplorer();
  const view = useView();
  const menu = useExplorerState((state) => state.menu);
  const source = useExplorerState((state) => state.source);
  const helpOpen = useExplorerState((state) => state.helpOpen);
  const selection = useExplorerState((state) => state.selection);
  const menuNode = menu ? view.nodes[menu.id] : undefined;
  // A right-click on one of several selected nodes acts on all of them.
  const group = menu && selection.includes(menu.id) ? selection.filter((id) => view.nodes[id]) : [];
  const closeMenu = () => update(explorer, { menu: undefined });
  return (
    <>
      {menu && group.length > 1 ? (
        <SelectionMenu
          count={group.length}
          at={menu.at}
          allPinned={group.every((id) => view.pinned.includes(id))}
          pathCount={Math.min(group.length, MAX_AMONG)}
          onExpand={() => void expandSelected(explorer)}
          onHide={() => hideSelected(explorer)}
          onPin={() => pinSelected(explorer)}
          onRemove={() => removeSelected(explorer)}
          onPaths={() => void findPathsAmong(explorer, group)}
          onConnect={() => void connectSelected(explorer, group)}
          onCommonNeighbours={() => void commonNeighbours(explorer, group)}
          onClose={closeMenu}
        />
      ) : menu && menuNode ? (
        <ContextMenu
          nodeId={menu.id}
          name={menuNode.name}
          at={menu.at}
          pinned={view.pinned.includes(menu.id)}
          onExpand={(slice) => void expand(explorer, menu.id, slice)}
          onCollapse={() => collapseNode(explorer, menu.id)}
          onHide={() => hideNodeIds(explorer, [menu.id])}
          onRemove={() => removeNodeIds(explorer, [menu.id])}
          onPin={() => pinNodeIds(explorer, [menu.id])}
          onPathFrom={() => setPathEnd(explorer, 'from', menu.id)}
          onPathTo={() => setPathEnd(explorer, 'to', menu.id)}
          onAvoid={() => avoidInPaths(explorer, menu.id)}
          onWhyCentral={() => {
            update(explorer, { sideTab: 'analysis' });
            void explainCentrality(explorer, menuNode);
          }}
          onClose={() => update(explorer, { menu: undefined })}
        />
      ) : null}
      {source ? <SourceDialog sourceId={source.sourceId} quote={source.quote} onClose={() => update(explorer, { source: undefined })} /> : null}
      {helpOpen ? <HelpDialog onClose={() => update(explorer, { helpOpen: false })} /> : null}
    </>
  );
}
