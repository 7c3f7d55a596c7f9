import { expandSelected } from './expand';
import { hideSelected, pinSelected, redoStep, removeSelected, runLayout, selectAll, selectedNodeIds, undoStep } from './edit';
import { requestViewport, update, type Explorer } from './store';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** What the page around the canvas tells a shortcut: whether the user is typing text or a dialog is open. */
export interface KeyContext {
  typing: boolean;
  dialogOpen: boolean;
  focusSearch: () => void;
}

/** Opens the context menu without a mouse: for the selection (one node or several), where its first node is drawn. */
export function openMenuForSelection(explorer: Explorer): void {
  const [id] = selectedNodeIds(explorer);
  const at = id ? explorer.canvas?.pagePosition(id) : undefined;
  if (id && at) update(explorer, { menu: { id, at } });
}

/** Carries out the shortcut for a key, if any; true when the browser's own handling of the key should be prevented. */
export function handleKey(explorer: Explorer, press: KeyPress, context: KeyContext): boolean {
  const modifier = press.ctrlKey || press.metaKey;
  const key = press.key.toLowerCase();
  if (modifier && !context.typing && (key === 'z' || key === 'y')) {
    if (key === 'y' || press.shiftKey) redoStep(explorer);
    else undoStep(explorer);
    return true;
  }
  if (modifier && !context.typing && !context.dialogOpen && key === 'a') {
    selectAll(explorer);
    return true;
  }
  if (press.key === 'Escape') {
    const { menu, consoleOpen, paths } = explorer.store.getState();
    if (menu) update(explorer, { menu: undefined });
    else if (consoleOpen) update(explorer, { consoleOpen: false });
    else if (paths) update(explorer, { paths: undefined });
    return false;
  }
  if (modifier || press.altKey || context.typing || context.dialogOpen) return false;
  const zoom = (factor: number) => () => requestViewport(explorer, { kind: 'zoom', factor });
  const removal = () => removeSelected(explorer);
  const actions: Record<string, () => void> = {
    '/': context.focusSearch,
    '?': () => update(explorer, { helpOpen: true }),
    f: () => requestViewport(explorer, { kind: 'fit' }),
    l: () => runLayout(explorer),
    e: () => void expandSelected(explorer),
    h: () => hideSelected(explorer),
    p: () => pinSelected(explorer),
    Delete: removal,
    Backspace: removal,
    '+': zoom(1.25),
    '=': zoom(1.25),
    '-': zoom(0.8),
    m: () => openMenuForSelection(explorer),
    ContextMenu: () => openMenuForSelection(explorer),
  };
  const action = actions[press.key];
  if (!action) return false;
  action();
  return true;
}
