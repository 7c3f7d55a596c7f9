import { useEffect, useRef, useState } from 'react';
import { LAYOUTS, layoutLabel } from '../graph/layouts';

interface MenuButtonProps {
  label: string;
  items: { label: string; onSelect: () => void; disabled?: boolean }[];
}

/** A button opening a small menu (exports); arrows move, Escape closes. */
export function MenuButton({ label, items }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    const close = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div
      className="menu-button"
      ref={root}
      onKeyDown={(event) => {
        const entries = [...(root.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
        const index = entries.indexOf(document.activeElement as HTMLElement);
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
        } else if (event.key === 'ArrowDown' && open) {
          event.preventDefault();
          entries[(index + 1) % entries.length]?.focus();
        } else if (event.key === 'ArrowUp' && open) {
          event.preventDefault();
          entries[(index - 1 + entries.length) % entries.length]?.focus();
        }
      }}
    >
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        {label} ▾
      </button>
      {open ? (
        <div className="dropdown" role="menu" aria-label={label}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className="menu-item"
              disabled={item.disabled}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** The layout chooser: picking one runs it (animated); pinned nodes stay. */
export function LayoutPicker({
  value,
  nodeCount,
  onChange,
  onRerun,
}: {
  value: string;
  nodeCount: number;
  onChange: (id: string) => void;
  onRerun: () => void;
}) {
  return (
    <div className="layout-picker">
      <label className="sr-only" htmlFor="layout-select">
        Layout
      </label>
      <select
        id="layout-select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        title={LAYOUTS.find((layout) => layout.id === value)?.description}
      >
        {LAYOUTS.map((layout) => (
          <option key={layout.id} value={layout.id}>
            {layoutLabel(layout, nodeCount)}
          </option>
        ))}
      </select>
      <button type="button" onClick={onRerun} title="Run the layout again (L)" aria-label="Run the layout again">
        ⟳
      </button>
    </div>
  );
}
