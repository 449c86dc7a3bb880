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

/**
 * The series version, sampled at most every `ms`: React views of the series re-render at a
 * human pace however fast frames come; the canvas paints on every batch by itself.
 */
export function useThrottledSeriesVersion(ms: number): number {
  const store = useDashboardStore();
  const [version, setVersion] = useState(() => store.getState().seriesVersion);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      timer = undefined;
      last = performance.now();
      // a transition: React renders it in slices, so the canvas's frame is not held up
      startTransition(() => setVersion(store.getState().seriesVersion));
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.seriesVersion === prev.seriesVersion || timer !== undefined) return;
      timer = setTimeout(update, Math.max(0, last + ms - performance.now()));
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, ms]);
  return version;
}

/**
 * One selected value, re-rendered at most every `ms` however often it changes (a replay
 * cursor moves every animation frame). Pass a selector defined outside the component.
 */
export function useThrottledSelector<T>(selector: (s: DashboardState) => T, ms: number): T {
  const store = useDashboardStore();
  const [value, setValue] = useState(() => selector(store.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const update = () => {
      timer = undefined;
      last = performance.now();
      const next = selector(store.getState());
      // a transition: React renders it in slices, so a seek's frame shows without waiting
      startTransition(() => setValue(() => next));
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (Object.is(selector(s), selector(prev)) || timer !== undefined) return;
      timer = setTimeout(update, Math.max(0, last + ms - performance.now()));
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, selector, ms]);
  return value;
}

/** the pinned view's end or the replay cursor; undefined follows the newest frame */
export const selectViewEnd = (s: DashboardState) => s.viewEndT;
