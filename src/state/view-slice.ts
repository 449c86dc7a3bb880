import type { StateCreator } from 'zustand/vanilla';

/**
 * Which moment the charts show: the newest frame (following live), or a pinned time someone
 * moved to from the timeline; and how long a stretch of time they show (the window).
 */
export interface ViewSlice {
  /** t of the rightmost heatmap column when pinned; undefined follows the newest frame */
  viewEndT: number | undefined;
  /** display zone chosen on the page (URL ?tz=); undefined = the incident's */
  displayZone: string | undefined;
  /** the time window chosen (URL ?window=), ms; undefined = what the series store holds */
  windowMs: number | undefined;
  /** the span of a range pinned from the URL (?from&to), shown instead of the window */
  rangeMs: number | undefined;
  /** pins the view's end (keeping a pinned range's span); undefined goes back to live */
  pinView: (endT: number | undefined) => void;
  /** shows [from, to] exactly: a link's ?from&to */
  pinRange: (from: number, to: number) => void;
  /** picks the window; a range pinned from the URL gives way to it */
  setWindow: (windowMs: number | undefined) => void;
  setDisplayZone: (tz: string | undefined) => void;
}

export const createViewSlice: StateCreator<ViewSlice> = (set) => ({
  viewEndT: undefined,
  displayZone: undefined,
  windowMs: undefined,
  rangeMs: undefined,
  pinView: (viewEndT) =>
    set(viewEndT === undefined ? { viewEndT, rangeMs: undefined } : { viewEndT }),
  pinRange: (from, to) => set({ viewEndT: to, rangeMs: Math.max(0, to - from) }),
  setWindow: (windowMs) => set({ windowMs, rangeMs: undefined }),
  setDisplayZone: (displayZone) => set({ displayZone }),
});
