import { useEffect } from 'react';
import { isTyping } from '../is-typing';
import { useDashboardStore } from '../store-context';

/** N opens a note at the moment on screen: the pinned view's end, else the newest frame. */
export function useNoteShortcut(enabled: boolean): void {
  const store = useDashboardStore();
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'n' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target))
        return;
      const { series, viewEndT, noteDraft, openNoteDraft } = store.getState();
      const t = viewEndT ?? series.newestT;
      if (noteDraft || Number.isNaN(t)) return;
      e.preventDefault();
      openNoteDraft({ t });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, enabled]);
}
