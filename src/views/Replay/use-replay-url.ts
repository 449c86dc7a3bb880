import { useEffect } from 'react';
import { pageFrameLoop } from '../frame-loop';
import { useDashboardStore } from '../store-context';

/** at most four writes a second while playing; browsers throttle replaceState anyway */
const URL_GAP_MS = 250;

/** Keeps the replay cursor in the URL (`?t=`), so a link opens the same moment. */
export function useReplayUrl(): void {
  const store = useDashboardStore();
  useEffect(() => {
    const write = () => {
      const replay = store.getState().replay;
      if (!replay) return;
      const url = new URL(window.location.href);
      url.searchParams.set('t', String(Math.round(replay.cursor)));
      window.history.replaceState(null, '', url);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.replay?.cursor !== prev.replay?.cursor)
        pageFrameLoop.mark(write, { gapMs: URL_GAP_MS });
    });
    return () => {
      unsubscribe();
      pageFrameLoop.cancel(write);
    };
  }, [store]);
}
