/**
 * A live page's series store grows to hold the window chosen (6 h of 10 s frames is 2160,
 * past the 720 it starts with), up to SERIES_MAX_CAPACITY. It never shrinks: a shorter window
 * chosen after a longer one keeps the frames already held.
 */
import { framesForWindow } from '../core/series/time-window';
import { SERIES_CAPACITY, SERIES_MAX_CAPACITY } from './series-slice';
import type { DashboardState, DashboardStore } from './store';

/** The capacity the live store needs for the window chosen in `s`, or undefined when it has it. */
export function neededCapacity(s: DashboardState): number | undefined {
  const { source } = s;
  // a recording's store holds the whole recording already
  if (source === undefined || source.mode === 'replay' || s.replay !== undefined) return;
  if (s.windowMs === undefined) return;
  const frames = framesForWindow(
    s.windowMs,
    source.intervalMs,
    SERIES_CAPACITY,
    SERIES_MAX_CAPACITY,
  );
  return frames > s.series.capacity ? frames : undefined;
}

/** Keeps the live store big enough for the window; returns the unsubscribe. */
export function followWindowCapacity(store: DashboardStore): () => void {
  const grow = (s: DashboardState) => {
    const capacity = neededCapacity(s);
    if (capacity !== undefined) s.replaceSeries(s.series.resized(capacity));
  };
  grow(store.getState());
  return store.subscribe((s, prev) => {
    if (s.windowMs !== prev.windowMs || s.source?.intervalMs !== prev.source?.intervalMs) grow(s);
  });
}
