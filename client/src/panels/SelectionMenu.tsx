import { useEffect, useRef } from 'react';
import type { Position } from '../state/placement';
import { entities } from '../state/counted';

interface SelectionMenuProps {
  count: number;
  at: Position;
  allPinned: boolean;
  /** How many of the selection the path search pairs up (it stops at a handful). */
  pathCount: number;
  onExpand: () => void;
  onHide: () => void;
  onPin: () => void;
  onRemove: () => void;
  onPaths: () => void;
  onConnect: () => void;
  onCommonNeighbours: () => void;
  onClose: () => void;
}

/** The context menu of a multi-selection: what applies to all of them at once. */
export function SelectionMenu(props: SelectionMenuProps) {
  const { onClose } = props;
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (menu.current && !menu.current.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [onClose]);

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
    }
  };

  const act = (action: () => void) => () => {
    action();
    onClose();
  };
  const left = Math.min(props.at.x + 4, window.innerWidth - 300);
  const top = Math.min(props.at.y + 4, window.innerHeight - 330);
  const item = (label: string, action: () => void) => (
    <button type="button" role="menuitem" className="menu-item" onClick={act(action)}>
      {label}
    </button>
  );
  return (
    <div
      ref={menu}
      className="context-menu"
      role="menu"
      aria-label={`Actions for ${props.count} selected entities`}
      style={{ left, top: Math.max(8, top) }}
      onKeyDown={onKeyDown}
    >
      <div className="menu-title">{entities(props.count)} selected</div>
      {item('Expand all', props.onExpand)}
      {item(props.allPinned ? 'Unpin all' : 'Pin all in place', props.onPin)}
      {item('Hide all', props.onHide)}
      {item('Remove all from canvas', props.onRemove)}
      <div className="menu-separator" role="separator" />
      {item(props.pathCount < props.count ? `Find paths among the first ${props.pathCount}` : 'Find paths among them', props.onPaths)}
      {item('Connect these actors', props.onConnect)}
      {item('Common neighbours', props.onCommonNeighbours)}
    </div>
  );
}
