import { useCallback, useEffect, useRef, useState } from 'react';
import { getNode } from '../api/client';
import type { NodeDetails } from '../api/types';
import type { Slice } from '../state/view';
import type { Position } from '../state/placement';
import { failed, idle, loading, type RequestStatus } from '../state/request';
import { Status } from './Status';

interface ContextMenuProps {
  nodeId: string;
  name: string;
  at: Position;
  pinned: boolean;
  onExpand: (slice: Slice) => void;
  onCollapse: () => void;
  onHide: () => void;
  onRemove: () => void;
  onPin: () => void;
  onPathFrom: () => void;
  onPathTo: () => void;
  onAvoid: () => void;
  onWhyCentral: () => void;
  onClose: () => void;
}

/** Right-click / long-press menu: neighbour counts per type and direction first, then the node's actions. */
export function ContextMenu(props: ContextMenuProps) {
  const { nodeId, onClose } = props;
  const [details, setDetails] = useState<NodeDetails | undefined>();
  const [status, setStatus] = useState<RequestStatus>(loading('Counting neighbours…'));
  const menu = useRef<HTMLDivElement>(null);

  const load = useCallback(() => {
    setStatus(loading('Counting neighbours…'));
    getNode(nodeId)
      .then((result) => {
        setDetails(result);
        setStatus(idle);
      })
      .catch((error: unknown) => setStatus(failed(error)));
  }, [nodeId]);

  useEffect(load, [load]);

  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (menu.current && !menu.current.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [onClose]);

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }, [details]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      items[(index + 1) % items.length]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      items[(index - 1 + items.length) % items.length]?.focus();
    }
  };

  const act = (action: () => void) => () => {
    action();
    onClose();
  };

  const rows = Object.entries(details?.degree ?? {})
    .flatMap(([type, counts]) => [
      { type, direction: 'out' as const, count: counts.out },
      { type, direction: 'in' as const, count: counts.in },
    ])
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  // Keep the menu inside the window, whichever corner was clicked.
  const left = Math.min(props.at.x + 4, window.innerWidth - 300);
  const top = Math.min(props.at.y + 4, window.innerHeight - Math.min(480, 140 + rows.length * 30 + 270));

  return (
    <div ref={menu} className="context-menu" role="menu" aria-label={`Actions for ${props.name}`} style={{ left, top: Math.max(8, top) }} onKeyDown={onKeyDown}>
      <div className="menu-title">{props.name}</div>
      <Status status={status} onRetry={load} />
      {details ? (
        <>
          <div className="menu-section" id="menu-expand-heading">
            Expand — {total} link{total === 1 ? '' : 's'} in the database
          </div>
          {total === 0 ? <div className="menu-note">No links recorded.</div> : null}
          {total > 0 ? (
            <button type="button" role="menuitem" className="menu-item strong" onClick={act(() => props.onExpand({ types: [], direction: 'both' }))}>
              <span>All neighbours</span>
              <span className="count">{total}</span>
            </button>
          ) : null}
          <div className="menu-counts" role="group" aria-labelledby="menu-expand-heading">
            {rows.map((row) => (
              <button
                key={`${row.type}-${row.direction}`}
                type="button"
                role="menuitem"
                className="menu-item"
                aria-label={`Expand ${row.direction === 'out' ? 'outgoing' : 'incoming'} ${row.type}: ${row.count}`}
                onClick={act(() => props.onExpand({ types: [row.type], direction: row.direction }))}
              >
                <span className="rel">{row.direction === 'out' ? `—${row.type}→` : `←${row.type}—`}</span>
                <span className="count">{row.count}</span>
              </button>
            ))}
          </div>
        </>
      ) : null}
      <div className="menu-separator" role="separator" />
      <button type="button" role="menuitem" className="menu-item" onClick={act(props.onCollapse)}>
        Collapse its leaves
      </button>
      <button type="button" role="menuitem" className="menu-item" onClick={act(props.onPin)}>
        {props.pinned ? 'Unpin' : 'Pin in place'}
      </button>
      <button type="button" role="menuitem" className="menu-item" onClick={act(props.onHide)}>
        Hide
      </button>
      <button type="button" role="menuitem" className="menu-item" onClick={act(props.onRemove)}>
        Remove from canvas
      </button>
      <div className="menu-separator" role="separator" />
      <button type="button" role="menuitem" className="menu-item" onClick={act(props.onPathFrom)}>
        Find paths from here
      </button>
      <button type="button" role="menuitem" className="menu-item" onClick={act(props.onPathTo)}>
        Find paths to here
      </button>
      <button type="button" role="menuitem" className="menu-item" onClick={act(props.onAvoid)}>
        Avoid in path finding
      </button>
      <button type="button" role="menuitem" className="menu-item" onClick={act(props.onWhyCentral)}>
        Why is this actor central?
      </button>
    </div>
  );
}
