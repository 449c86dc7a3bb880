import { createContext, startTransition, useContext, useEffect, useState } from 'react';
import { useStore } from 'zustand';
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
export interface ThrottleOptions {
  /**
   * Not before the next frame has painted: for a view slow to render (the share bars), so
   * the frame that shows a seek on the heatmap is not held up by it.
   */
  afterPaint?: boolean;
}

/**
 * Calls `update` at most every `ms` while `changed` says so; a change waits out the rest of
 * the interval (and, with afterPaint, the next frame). Returns the unsubscribe.
 */
function throttle(
  store: DashboardStore,
  changed: (s: DashboardState, prev: DashboardState) => boolean,
  update: () => void,
  ms: number,
  { afterPaint = false }: ThrottleOptions,
): () => void {
  let last = 0;
  let pending = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  const run = () => {
    pending = false;
    timer = undefined;
    frame = undefined;
    last = performance.now();
    update();
  };
  // the frame's own callbacks run before it paints: the task after them comes after it
  const later = afterPaint
    ? () => (frame = requestAnimationFrame(() => (timer = setTimeout(run))))
    : run;
  const unsubscribe = store.subscribe((s, prev) => {
    if (pending || !changed(s, prev)) return;
    pending = true;
    timer = setTimeout(later, Math.max(0, last + ms - performance.now()));
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
}

/**
 * `value`, taken up only after the next frame has painted, in a transition: what a slow view
 * shows catches up a frame later rather than hold that frame up.
 */
export function useValueAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown(() => value)));
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}

/**
 * The series version, sampled at most every `ms`: React views of the series re-render at a
 * human pace however fast frames come; the canvas paints on every batch by itself.
 */
export function useThrottledSeriesVersion(ms: number, options: ThrottleOptions = {}): number {
  const store = useDashboardStore();
  const [version, setVersion] = useState(() => store.getState().seriesVersion);
  const { afterPaint } = options;
  useEffect(
    () =>
      throttle(
        store,
        (s, prev) => s.seriesVersion !== prev.seriesVersion,
        // a transition: React renders it in slices, so the canvas's frame is not held up
        () => startTransition(() => setVersion(store.getState().seriesVersion)),
        ms,
        { afterPaint },
      ),
    [store, ms, afterPaint],
  );
  return version;
}

/**
 * One selected value, re-rendered at most every `ms` however often it changes (a replay
 * cursor moves every animation frame). Pass a selector defined outside the component.
 */
export function useThrottledSelector<T>(
  selector: (s: DashboardState) => T,
  ms: number,
  options: ThrottleOptions = {},
): T {
  const store = useDashboardStore();
  const [value, setValue] = useState(() => selector(store.getState()));
  const { afterPaint } = options;
  useEffect(
    () =>
      throttle(
        store,
        (s, prev) => !Object.is(selector(s), selector(prev)),
        () => {
          const next = selector(store.getState());
          // a transition: React renders it in slices, so a seek's frame shows without waiting
          startTransition(() => setValue(() => next));
        },
        ms,
        { afterPaint },
      ),
    [store, selector, ms, afterPaint],
  );
  return value;
}

/** the pinned view's end or the replay cursor; undefined follows the newest frame */
export const selectViewEnd = (s: DashboardState) => s.viewEndT;
