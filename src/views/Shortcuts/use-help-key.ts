import { useCallback, useEffect, useState } from 'react';
import { isTyping } from '../is-typing';

/** `?` opens and closes the shortcuts dialog, live and in a review; off on a wall. */
export function useHelpKey(enabled: boolean): [open: boolean, setOpen: (open: boolean) => void] {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      setOpen((o) => !o);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
  return [open, useCallback((o: boolean) => setOpen(o), [])];
}
