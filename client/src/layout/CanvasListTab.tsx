import { useMemo } from 'react';
import { place } from '../explorer/place';
import { useExplorer, useExplorerState } from '../explorer/react';
import { KindBadge } from '../panels/KindBadge';
import { visibleIds } from '../state/filters';
import { kindOf } from '../state/view';
import { useView } from './derived';

/** Every entity on the canvas by name, hidden ones marked: the canvas's content without a mouse. */
export function CanvasListTab() {
  const explorer = useExplorer();
  const view = useView();
  const selection = useExplorerState((state) => state.selection);
  const visible = useMemo(() => visibleIds(view), [view]);
  const nodes = Object.values(view.nodes).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section aria-label="Entities on the canvas">
      {nodes.length === 0 ? <p className="muted">Nothing on the canvas yet.</p> : null}
      <ul className="canvas-list">
        {nodes.map((node) => (
          <li key={node.id} className={visible.nodes.has(node.id) ? '' : 'absent'}>
            <button type="button" aria-pressed={selection.includes(node.id)} onClick={() => void place(explorer, [node])}>
              <KindBadge kind={kindOf(node)} /> {node.name}
              {visible.nodes.has(node.id) ? null : <span className="muted small"> (hidden)</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
