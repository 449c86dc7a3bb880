import { useEffect } from 'react';
import { useDashboardStore } from '../store-context';

/** Keeps the replay cursor in the URL (`?t=`), so a link opens the same moment. */
export function useReplayUrl(): void {
  const store = useDashboardStore();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      timer = undefined;
      const replay = store.getState().replay;
      if (!replay) return;
      const url = new URL(window.location.href);
      url.searchParams.set('t', String(Math.round(replay.cursor)));
      window.history.replaceState(null, '', url);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.replay?.cursor === prev.replay?.cursor || timer !== undefined) return;
      // at most four writes a second while playing; browsers throttle replaceState anyway
      timer = setTimeout(write, 250);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store]);
}
