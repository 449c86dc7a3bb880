import type { StateCreator } from 'zustand/vanilla';
import { SeriesStore } from '../core/series/series-store';

/**
 * The typed-array series live outside React's state (they are mutated in place); `version`
 * moves once per painted batch so views know to redraw.
 */
export interface SeriesSlice {
  series: SeriesStore;
  seriesVersion: number;
  /** bumps `seriesVersion`; called once per animation frame, never per message */
  seriesChanged: () => void;
  /** swaps in another store (a loaded recording) */
  replaceSeries: (series: SeriesStore) => void;
}

/** two hours of 10 s frames, or a day at most */
export const SERIES_CAPACITY = 720;
/**
 * most frames held when a longer window is chosen: 6 h of 10 s frames (about 54 kB a server);
 * at a shorter interval a long window shows what this holds
 */
export const SERIES_MAX_CAPACITY = 2160;
export const SERIES_MAX_AGE_MS = 24 * 3600_000;

export const createSeriesSlice: StateCreator<SeriesSlice> = (set) => ({
  series: new SeriesStore({ capacity: SERIES_CAPACITY, maxAgeMs: SERIES_MAX_AGE_MS }),
  seriesVersion: 0,
  seriesChanged: () => set((s) => ({ seriesVersion: s.seriesVersion + 1 })),
  replaceSeries: (series) => set((s) => ({ series, seriesVersion: s.seriesVersion + 1 })),
});
