import { useEffect, useRef } from 'react';
import { shortcutsFor } from './shortcut-list';

export interface ShortcutsHelpProps {
  replaying: boolean;
  onClose: () => void;
}

/**
 * The keyboard shortcuts, as a modal dialog: focus moves into it when it opens and back to
 * where it was when it closes, and Tab stays inside it while it is open.
 */
export function ShortcutsHelp({ replaying, onClose }: ShortcutsHelpProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement;
    closeRef.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Tab') {
      // its one control keeps the focus: nothing behind a modal dialog takes it
      e.preventDefault();
      closeRef.current?.focus();
    }
  };
  return (
    <div className="note-backdrop" onClick={onClose}>
      <div
        className="panel shortcuts-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-help-title"
        data-testid="shortcuts-help"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <h2 id="shortcuts-help-title">Keyboard shortcuts</h2>
        <dl>
          {shortcutsFor(replaying).map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button type="button" ref={closeRef} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
