import { assignKindStyles } from '../graph/nodeStyle';
import { useMemo } from 'react';
import { useExplorerState } from '../explorer/react';
import { kindOf, type ViewState } from '../state/view';

export function useView(): ViewState {
  return useExplorerState((state) => state.history.present);
}

/** Entity kinds and relationship types known to the schema or present on the canvas, sorted; stable while they do not change. */
export function useKindsAndTypes(): { kinds: string[]; types: string[] } {
  const schema = useExplorerState((state) => state.schema);
  const view = useView();
  const kindsKey = [...new Set([...(schema?.labels ?? []).map((label) => label.name), ...Object.values(view.nodes).map(kindOf)])].sort().join('|');
  const typesKey = [...new Set([...(schema?.relationshipTypes ?? []).map((type) => type.name), ...Object.values(view.edges).map((edge) => edge.type)])]
    .sort()
    .join('|');
  const kinds = useMemo(() => {
    const all = kindsKey ? kindsKey.split('|') : [];
    // Before anything draws them: labels seen together get looks of their own (graph/nodeStyle.ts).
    assignKindStyles(all);
    return all;
  }, [kindsKey]);
  const types = useMemo(() => (typesKey ? typesKey.split('|') : []), [typesKey]);
  return { kinds, types };
}

/** The selected ids still on the canvas (nodes or edges). */
export function useShownSelection(): string[] {
  const selection = useExplorerState((state) => state.selection);
  const view = useView();
  return useMemo(() => selection.filter((id) => view.nodes[id] || view.edges[id]), [selection, view.nodes, view.edges]);
}
