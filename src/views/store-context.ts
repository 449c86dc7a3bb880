import { createContext, startTransition, useContext, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { pageFrameLoop } from './frame-loop';
import type { DashboardState, DashboardStore } from '../state/store';

export const DashboardContext = createContext<DashboardStore | null>(null);

export function useDashboardStore(): DashboardStore {
  const store = useContext(DashboardContext);
  if (!store) throw new Error('useDashboardStore outside <DashboardContext.Provider>');
  return store;
}

/** Subscribes a component to one selected piece of the store. */
export function useDashboard<T>(selector: (s: DashboardState) => T): T {
  return useStore(useDashboardStore(), selector);
}

/** How a throttled view takes a change. */
export interface ThrottleOptions<T = unknown> {
  /**
   * Not before the next frame has painted: for a view slow to render (the share bars), so
   * the frame that shows a seek on the heatmap is not held up by it.
   */
  afterPaint?: boolean;
  /** whether `next` differs from what is shown (default: not the same value) */
  changed?: (shown: T, next: T) => boolean;
  /** a change shown at once rather than at the next turn (a seek while a replay plays) */
  atOnce?: (shown: T, next: T) => boolean;
}

const differs = (shown: unknown, next: unknown) => !Object.is(shown, next);

/**
 * `read` of the store, re-rendered by the page's frame loop at most every `ms` however often
 * it changes: a change marks the view dirty, and the loop renders it once in a frame. `read`
 * is compared with what is shown, not with the store before: the series changes in place.
 * Pass a `read` and options defined outside the component.
 */
function useFrameThrottled<T>(
  read: (s: DashboardState) => T,
  ms: number,
  { afterPaint = false, changed = differs, atOnce }: ThrottleOptions<T>,
): T {
  const store = useDashboardStore();
  const [value, setValue] = useState(() => read(store.getState()));
  const shown = useRef(value);
  useEffect(() => {
    const render = () => {
      const next = read(store.getState());
      if (!changed(shown.current, next)) return;
      shown.current = next;
      // a transition: React renders it in slices, so a seek's frame shows without waiting
      startTransition(() => setValue(() => next));
    };
    const options = { gapMs: ms, afterPaint };
    const follow = (s: DashboardState) => {
      const next = read(s);
      if (!changed(shown.current, next)) return;
      if (atOnce?.(shown.current, next)) {
        pageFrameLoop.cancel(render);
        shown.current = next;
        setValue(() => next);
      } else pageFrameLoop.mark(render, options);
    };
    const unsubscribe = store.subscribe(follow);
    // a change between the first render and this subscription
    follow(store.getState());
    return () => {
      unsubscribe();
      pageFrameLoop.cancel(render);
    };
  }, [store, read, ms, afterPaint, changed, atOnce]);
  return value;
}

const AFTER_PAINT = { afterPaint: true };

/**
 * `value`, taken up only after the next frame has painted, in a transition: what a slow view
 * shows catches up a frame later rather than hold that frame up.
 */
export function useValueAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const takeUp = () => startTransition(() => setShown(() => value));
    pageFrameLoop.mark(takeUp, AFTER_PAINT);
    return () => pageFrameLoop.cancel(takeUp);
  }, [value, shown]);
  return shown;
}

const selectSeriesVersion = (s: DashboardState) => s.seriesVersion;

/**
 * The series version, sampled at most every `ms`: React views of the series re-render at a
 * human pace however fast frames come; the canvas paints on every batch by itself.
 */
export function useThrottledSeriesVersion(ms: number, options: ThrottleOptions = {}): number {
  return useFrameThrottled(selectSeriesVersion, ms, options);
}

/**
 * One selected value, re-rendered at most every `ms` however often it changes (a replay
 * cursor moves every animation frame). Pass a selector defined outside the component.
 */
export function useThrottledSelector<T>(
  selector: (s: DashboardState) => T,
  ms: number,
  options: ThrottleOptions<T> = {},
): T {
  return useFrameThrottled(selector, ms, options);
}

/** the pinned view's end or the replay cursor; undefined follows the newest frame */
export const selectViewEnd = (s: DashboardState) => s.viewEndT;
