import { useEffect, useState } from 'react';
import type { DashboardState } from '../../state/store';
import { pageFrameLoop } from '../frame-loop';
import { useDashboardStore } from '../store-context';
import { cursorChanged, PLAYING_CURSOR_GAP_MS, showsAtOnce, type CursorShown } from './cursor-pace';

const cursorOf = ({ replay }: DashboardState): CursorShown | undefined =>
  replay && { cursor: replay.cursor, playing: replay.playing, seeks: replay.seeks };

/**
 * The replay cursor as the bar shows it: while playing, at most every PLAYING_CURSOR_GAP_MS
 * (on the page's frame loop); a seek, a step, a pause or a play at once.
 */
export function useReplayCursor(): CursorShown | undefined {
  const store = useDashboardStore();
  const [shown, setShown] = useState(() => cursorOf(store.getState()));
  useEffect(() => {
    let current = shown;
    const show = (next: CursorShown | undefined) => {
      current = next;
      setShown(next);
    };
    const onTurn = () => {
      const next = cursorOf(store.getState());
      if (cursorChanged(current, next)) show(next);
    };
    const follow = (s: DashboardState) => {
      const next = cursorOf(s);
      if (!cursorChanged(current, next)) return;
      if (!showsAtOnce(current, next)) {
        pageFrameLoop.mark(onTurn, { gapMs: PLAYING_CURSOR_GAP_MS });
        return;
      }
      pageFrameLoop.cancel(onTurn);
      show(next);
    };
    const unsubscribe = store.subscribe(follow);
    // a change between the first render and this subscription
    follow(store.getState());
    return () => {
      unsubscribe();
      pageFrameLoop.cancel(onTurn);
    };
    // `shown` seeds `current` once; the subscription keeps it after
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return shown;
}
