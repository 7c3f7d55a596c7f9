import { useEffect, useRef } from 'react';

/** A native modal dialog: focus stays inside, Escape and the close button both call onClose. */
export function Dialog({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: React.ReactNode; wide?: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={wide ? 'dialog wide' : 'dialog'}
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === dialog.current) onClose();
      }}
    >
      <header className="dialog-header">
        <h2>{title}</h2>
        <button type="button" className="icon close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}

/** A dialog's footer: Cancel, then the one action it asks for (`danger` for one that destroys data). */
export function DialogActions({ label, onAction, onCancel, danger = false }: { label: string; onAction: () => void; onCancel: () => void; danger?: boolean }) {
  return (
    <div className="dialog-actions">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="button" className={danger ? 'danger' : 'primary'} onClick={onAction}>
        {label}
      </button>
    </div>
  );
}
