import { useMemo } from 'react';
import { clearPaths, highlightPath, onlyPath, showPaths } from '../explorer/paths';
import { useExplorer, useExplorerState } from '../explorer/react';
import { update } from '../explorer/store';
import { PathsPanel } from '../panels/PathsPanel';
import { useKindsAndTypes, useView } from './derived';

export function PathsTab() {
  const explorer = useExplorer();
  const view = useView();
  const selection = useExplorerState((state) => state.selection);
  const paths = useExplorerState((state) => state.paths);
  const ends = useExplorerState((state) => state.pathEnds);
  const schema = useExplorerState((state) => state.schema);
  const { types } = useKindsAndTypes();
  const selectedNodes = useMemo(() => selection.flatMap((id) => (view.nodes[id] ? [view.nodes[id]] : [])), [selection, view.nodes]);
  return (
    <PathsPanel
      ends={ends}
      onEnds={(pathEnds) => update(explorer, { pathEnds })}
      selectedNodes={selectedNodes}
      types={schema?.relationshipTypes.map((type) => type.name) ?? types}
      paths={paths?.paths}
      activePath={paths?.active ?? 0}
      onlyPath={paths?.only ?? false}
      onFound={(found) => void showPaths(explorer, found)}
      onShowPath={(index) => highlightPath(explorer, index)}
      onOnlyPath={(only) => onlyPath(explorer, only)}
      onClear={() => clearPaths(explorer)}
      onOpenSource={(sourceId, quote) => update(explorer, { source: { sourceId, quote } })}
    />
  );
}
